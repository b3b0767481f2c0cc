/**
 * Shared shapes of the PK models. In the number shapes every number is in the documented unit:
 * time [h], dose/amount [mg], volume [L], concentration [mg/L], rate constants [1/h],
 * clearance [L/h], vmax [mg/L/h] (a concentration rate), km [mg/L]. The `…WithUnits` shapes at
 * the end take quantities instead.
 */
import type { Series, SeriesInput } from "../core/series";
import type { QuantityInput, Unit } from "../core/units";
import type { PkField, WithUnits } from "./quantities";

/** How a dose enters the body. */
export type Route = "iv-bolus" | "iv-infusion" | "oral";

/** The routes, for validation and menus. */
export const ROUTES: readonly Route[] = ["iv-bolus", "iv-infusion", "oral"];

/**
 * One administration: `amount` [mg] given at `time` [h] by `route`.
 * `duration` [h] is required for (and only meaningful with) `"iv-infusion"`.
 */
export interface DoseEvent {
  time: number;
  amount: number;
  route: Route;
  duration?: number;
}

/** One-compartment IV bolus: dose [mg], volume [L], ke [1/h]. */
export interface IvBolusParams {
  dose: number;
  volume: number;
  ke: number;
}

/** One-compartment zero-order infusion of `dose` [mg] over `duration` [h]. */
export interface InfusionParams {
  dose: number;
  duration: number;
  volume: number;
  ke: number;
}

/** One-compartment first-order absorption: f (bioavailable fraction), ka, ke [1/h], tlag [h]. */
export interface OralParams {
  dose: number;
  f: number;
  ka: number;
  ke: number;
  volume: number;
  tlag?: number;
}

/** Parameters shared by every dose of a linear one-compartment regimen. `ka` is needed for oral doses; f defaults to 1, tlag to 0. */
export interface LinearModelParams {
  volume: number;
  ke: number;
  ka?: number;
  f?: number;
  tlag?: number;
}

/** A regular regimen: `count` doses of `amount` [mg] every `tau` [h] from `start` [h] (default 0). */
export interface RegimenOptions {
  amount: number;
  tau: number;
  count: number;
  route: Route;
  start?: number;
  duration?: number;
}

/**
 * Steady state of a regular regimen, within one dosing interval.
 * peak, trough (the minimum over the interval), average = AUC_τ/τ [mg/L]; tmax [h] after the dose;
 * accumulationRatio = AUC over a dosing interval at steady state / AUC over the first interval
 * (1/(1 − e^{−ke·τ}) for an IV bolus; see each function).
 */
export interface SteadyState {
  peak: number;
  trough: number;
  average: number;
  tmax: number;
  accumulationRatio: number;
}

/** Output grid of a numerical simulation: report at `times` [h]; AUC from 0 to `tEnd` [h] (default: last time). */
export interface SimulationGrid {
  times: readonly number[];
  tEnd?: number;
  /**
   * Relative tolerance of the integrator (default 1e-10; it bounds the relative error of C at every
   * time) and an absolute floor for dose-normalised states that start at 0 (default 1e-20).
   */
  rtol?: number;
  atol?: number;
}

/** A simulated profile: time [h], conc [mg/L] at those times, auc [mg·h/L] from 0 to tEnd. */
export interface SimulatedProfile {
  time: number[];
  conc: number[];
  auc: number;
}

/** A simulated profile with time-varying clearance [L/h]. */
export interface ClearanceProfile extends SimulatedProfile {
  clearance: number[];
}

/** A simulated profile with an enzyme pool, reported as a fraction of its baseline E0. */
export interface EnzymeProfile extends ClearanceProfile {
  enzyme: number[];
}

// ---------------------------------------------------------------------------------------
// The same shapes with units (src/pk/quantities.ts): every dimensioned field a quantity
// (a mathjs Unit or a string such as "100 ug"), every time array a series, and results
// that carry units. Fractions (f, fu), emax and counts stay plain numbers.

/** A dose event with units: `{ time: "0 h", amount: "100 ug", route: "oral" }`. */
export type DoseEventWithUnits = WithUnits<DoseEvent>;

/** Dose events as a model accepts them: plain numbers in [h] and [mg], or quantities. */
export type DoseEventsWithUnits = readonly DoseEventWithUnits[];

/** A parameter object with its dimensioned fields as quantities; doses with units too. */
export type ParamsWithUnits<T> = {
  [K in keyof T]: K extends "doses" ? DoseEventsWithUnits : K extends PkField ? QuantityInput : T[K];
};

/** A dose event as repeatedDoses returns it for a call with units. */
export interface DoseEventQuantity {
  time: Unit;
  amount: Unit;
  route: Route;
  duration?: Unit;
}

/** Steady state with units: concentrations in the dose unit over the volume unit, tmax in the unit of tau. */
export interface SteadyStateWithUnits {
  peak: Unit;
  trough: Unit;
  average: Unit;
  tmax: Unit;
  accumulationRatio: number;
}

/** An output grid with units: times as a series (or quantities), tEnd a quantity; tolerances stay numbers. */
export interface SimulationGridWithUnits {
  times: SeriesInput;
  tEnd?: QuantityInput;
  rtol?: number;
  atol?: number;
}

/** A simulated profile with units: time as given, conc in the dose unit over the volume unit, auc in conc · time. */
export interface SimulatedProfileWithUnits {
  time: Series;
  conc: Series;
  auc: Unit;
}

/** With clearance as a series in the unit of cl0. */
export interface ClearanceProfileWithUnits extends SimulatedProfileWithUnits {
  clearance: Series;
}

/** With the enzyme pool as a fraction of E0 (a plain number array). */
export interface EnzymeProfileWithUnits extends ClearanceProfileWithUnits {
  enzyme: number[];
}
