/**
 * Shared shapes of the PK models. Every number is a plain number in the documented unit:
 * time [h], dose/amount [mg], volume [L], concentration [mg/L], rate constants [1/h],
 * clearance [L/h], vmax [mg/L/h] (a concentration rate), km [mg/L].
 */

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
