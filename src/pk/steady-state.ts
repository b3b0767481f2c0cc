import { InputError } from "../core/errors";
import { batemanShape, expDifferenceQuotient, infusionKernel, oralKernel } from "./kernels";
import { bioavailability, optionalNonNegative, options, positive } from "./params";
import { asUnit, UnitCall, withUnits, type PkField, type WithUnits } from "./quantities";
import type { SteadyState, SteadyStateWithUnits } from "./types";

export interface SteadyStateIvBolusParams {
  dose: number;
  tau: number;
  volume: number;
  ke: number;
}

export interface SteadyStateInfusionParams {
  dose: number;
  duration: number;
  tau: number;
  volume: number;
  ke: number;
}

export interface SteadyStateOralParams {
  dose: number;
  tau: number;
  f: number;
  ka: number;
  ke: number;
  volume: number;
  tlag?: number;
}

/**
 * The quantity path shared by the three steady states: read the listed fields, run the number
 * function, and give peak, trough, average the dose unit over the volume unit and tmax the unit of tau.
 */
function steadyStateWithUnits<P>(
  fn: string,
  params: unknown,
  required: readonly PkField[],
  optional: readonly PkField[],
  numbers: (p: P) => SteadyState,
): SteadyStateWithUnits {
  const u = new UnitCall(fn);
  const s = numbers(u.fields("params", params, required, optional) as unknown as P);
  return {
    peak: u.concentration(s.peak, "dose", "volume"),
    trough: u.concentration(s.trough, "dose", "volume"),
    average: u.concentration(s.average, "dose", "volume"),
    tmax: asUnit(s.tmax, "h", u.unitOf("tau", "h")),
    accumulationRatio: s.accumulationRatio,
  };
}

const BOLUS_KEYS = ["dose", "tau", "volume", "ke"] as const;
const INFUSION_KEYS = ["dose", "duration", "tau", "volume", "ke"] as const;
const ORAL_KEYS = ["dose", "tau", "ka", "ke", "volume", "tlag"] as const;

/** 1 − e^{−k·τ}, accurate for small k·τ. */
function oneMinusDecay(k: number, tau: number): number {
  return -Math.expm1(-k * tau);
}

/**
 * Steady state of an IV bolus every τ (the limit of superposing infinitely many doses):
 * peak = (D/V)/(1 − e^{−ke·τ}) just after a dose, trough = peak·e^{−ke·τ} just before the next,
 * average = D/(CL·τ) = D/(V·ke·τ), tmax = 0, accumulationRatio = 1/(1 − e^{−ke·τ}).
 * accumulationRatio is AUC over a dosing interval at steady state / AUC(0–τ) after the first
 * dose (for a bolus it is also peak_ss / peak_1).
 * @param params.dose [mg], params.tau dosing interval [h], params.volume [L], params.ke [1/h]; all > 0
 * @returns `{ peak, trough, average }` [mg/L], `tmax` [h] after the dose, `accumulationRatio`
 * @throws {InputError} when a parameter is not a positive number
 * With units, peak, trough and average are Units in the dose unit over the volume unit and tmax in the unit of tau.
 * @example steadyStateIvBolus({ dose: 100, tau: 12, volume: 100, ke: Math.LN2 / 12 }) // => { peak: 2, trough: 1, average: 1.4427, tmax: 0, accumulationRatio: 2 }
 * @example steadyStateIvBolus({ dose: "100 ug", tau: "12 h", volume: "100 L", ke: "0.057762 1/h" }).trough.to("ng/mL") // => 1.0000 ng/mL
 * @see 001_079d5926d130f870.txt, "Dose-Proportionality and Extrapolation"
 */
export function steadyStateIvBolus(params: WithUnits<SteadyStateIvBolusParams>): SteadyStateWithUnits;
export function steadyStateIvBolus(params: SteadyStateIvBolusParams): SteadyState;
export function steadyStateIvBolus(
  params: SteadyStateIvBolusParams | WithUnits<SteadyStateIvBolusParams>,
): SteadyState | SteadyStateWithUnits {
  const fn = "steadyStateIvBolus";
  if (withUnits(undefined, params, BOLUS_KEYS))
    return steadyStateWithUnits(fn, params, BOLUS_KEYS, [], (p: SteadyStateIvBolusParams) => steadyStateIvBolus(p));
  const p = options(fn, params);
  const dose = positive(fn, p, "dose");
  const tau = positive(fn, p, "tau");
  const volume = positive(fn, p, "volume");
  const ke = positive(fn, p, "ke");
  const accumulationRatio = 1 / oneMinusDecay(ke, tau);
  const peak = (dose / volume) * accumulationRatio;
  return { peak, trough: peak * Math.exp(-ke * tau), average: dose / (volume * ke * tau), tmax: 0, accumulationRatio };
}

/**
 * Steady state of a constant-rate infusion of `dose` over `duration` T every τ (T ≤ τ).
 * The trough is at the start of an infusion, the peak at its end (tmax = T):
 * trough = R0/(V·ke) · (1 − e^{−ke·T}) · e^{−ke·(τ−T)} / (1 − e^{−ke·τ}), peak = trough · e^{ke·(τ−T)},
 * average = D/(V·ke·τ). accumulationRatio = AUC_τ at steady state / AUC(0–τ) of the first
 * dose = D / (D − V·C_1(τ)), with C_1(τ) the first dose's concentration at τ (mass balance).
 * @param params.dose amount per infusion [mg], params.duration T [h] (<= tau), params.tau [h], params.volume [L], params.ke [1/h]; all > 0
 * @returns `{ peak, trough, average }` [mg/L], `tmax` [h] after the start of the infusion, `accumulationRatio`
 * @throws {InputError} when a parameter is not positive or duration exceeds tau
 * With units, as steadyStateIvBolus (tmax in the unit of tau).
 * @example steadyStateInfusion({ dose: 10, duration: 12, tau: 12, volume: 10, ke: 0.1 }) // => { peak: 0.8333, trough: 0.8333, average: 0.8333, tmax: 12, accumulationRatio: 2.3943 }
 * @example steadyStateInfusion({ dose: "10 ug", duration: "12 h", tau: "0.5 day", volume: "10 L", ke: "0.1 1/h" }).tmax // => 0.5 day
 */
export function steadyStateInfusion(params: WithUnits<SteadyStateInfusionParams>): SteadyStateWithUnits;
export function steadyStateInfusion(params: SteadyStateInfusionParams): SteadyState;
export function steadyStateInfusion(
  params: SteadyStateInfusionParams | WithUnits<SteadyStateInfusionParams>,
): SteadyState | SteadyStateWithUnits {
  const fn = "steadyStateInfusion";
  if (withUnits(undefined, params, INFUSION_KEYS))
    return steadyStateWithUnits(fn, params, INFUSION_KEYS, [], (p: SteadyStateInfusionParams) =>
      steadyStateInfusion(p),
    );
  const p = options(fn, params);
  const dose = positive(fn, p, "dose");
  const duration = positive(fn, p, "duration");
  const tau = positive(fn, p, "tau");
  const volume = positive(fn, p, "volume");
  const ke = positive(fn, p, "ke");
  if (duration > tau) throw new InputError(fn, "duration", `must not exceed tau (${tau} h)`, duration);
  const endOfFirstInterval = infusionKernel(tau, dose, duration, volume, ke);
  const trough = endOfFirstInterval / oneMinusDecay(ke, tau);
  // peak = trough·e^{ke(τ−T)}, written without the growing exponential.
  const plateau = dose / duration / (volume * ke);
  const peak = (plateau * oneMinusDecay(ke, duration)) / oneMinusDecay(ke, tau);
  return {
    peak,
    trough,
    average: dose / (volume * ke * tau),
    tmax: duration,
    accumulationRatio: dose / (dose - volume * endOfFirstInterval),
  };
}

/**
 * Steady-state profile of oral dosing within one interval, without the lag (internal):
 *   Φ(u) = F·D·ka/V · [e^{−ke·u}/(1−e^{−ke·τ}) − e^{−ka·u}/(1−e^{−ka·τ})]/(ka − ke),  0 ≤ u ≤ τ.
 * Rewritten (see steadyStateOral) as a sum of two positive terms so it stays accurate as ka → ke.
 */
export function oralSteadyStateProfile(
  u: number,
  dose: number,
  f: number,
  ka: number,
  ke: number,
  volume: number,
  tau: number,
): number {
  const kmin = Math.min(ka, ke);
  const d = Math.abs(ka - ke);
  const numerator =
    Math.exp(-kmin * u) * expDifferenceQuotient(d, u) +
    Math.exp(-kmin * (u + tau) - d * u) * expDifferenceQuotient(d, tau - u);
  return ((f * dose * ka) / volume) * (numerator / (oneMinusDecay(ka, tau) * oneMinusDecay(ke, tau)));
}

/** log1p(δ·x)/δ with its δ → 0 limit x (internal). */
function log1pQuotient(x: number, delta: number): number {
  return delta === 0 ? x : Math.log1p(delta * x) / delta;
}

/**
 * Time of the steady-state peak after the start of absorption:
 *   u_max = ln[ka·(1 − e^{−ke·τ}) / (ke·(1 − e^{−ka·τ}))] / (ka − ke),
 * written as log1p terms divided by δ = ka − ke so the ka → ke limit 1/k − τ/(e^{kτ} − 1) is smooth.
 */
function oralSteadyStateTmax(ka: number, ke: number, tau: number): number {
  const delta = ka - ke;
  if (delta === 0) return 1 / ke - tau / Math.expm1(ke * tau);
  // ln(ka/ke) = log1p(δ/ke); ln[(1−qe)/(1−qa)] = log1p((qa − qe)/(1 − qa)), qa − qe = −δ·e^{−kmin τ}·g(|δ|, τ).
  const qaMinusQeOverDelta = -batemanShape(ka, ke, tau);
  return log1pQuotient(1 / ke, delta) + log1pQuotient(qaMinusQeOverDelta / oneMinusDecay(ka, tau), delta);
}

/**
 * Steady state of an oral dose every τ (one-compartment, first-order absorption), in closed
 * form. Within an interval, with u = time since the dose − tlag taken modulo τ, the profile is
 *   Φ(u) = F·D·ka/V · [e^{−ke·u}/(1−e^{−ke·τ}) − e^{−ka·u}/(1−e^{−ka·τ})]/(ka − ke).
 * It is computed as F·D·ka/V · [e^{−kmin·u}·g(d,u) + e^{−kmin·(u+τ)−d·u}·g(d,τ−u)] /
 * ((1−e^{−ka·τ})(1−e^{−ke·τ})), d = |ka − ke|, g(d,s) = (1 − e^{−d·s})/d — two positive terms,
 * so ka = ke and ka ≈ ke are exact and smooth.
 * - peak = Φ(u_max), u_max = ln[ka(1−e^{−keτ}) / (ke(1−e^{−kaτ}))]/(ka − ke); tmax = tlag + u_max (mod τ)
 * - trough = the minimum over the interval = Φ(0) (at time tlag after the dose; with tlag = 0 it is the pre-dose level)
 * - average = F·D/(V·ke·τ)
 * - accumulationRatio = AUC_τ at steady state / AUC(0–τ) of the first dose, both counted from the start
 *   of absorption (lag removed) = (F·D/(V·ke)) / AUC_1(0–τ); AUC_1 by mass balance:
 *   (F·D·(1 − e^{−ka·τ}) − V·C_1(τ)) / (V·ke).
 * @param params.dose [mg], params.tau [h], params.f in (0, 1], params.ka [1/h], params.ke [1/h], params.volume [L], params.tlag [h] >= 0 (default 0)
 * @returns `{ peak, trough, average }` [mg/L], `tmax` [h] after the dose (within [0, τ)), `accumulationRatio`
 * @throws {InputError} when a parameter is invalid
 * With units (f a plain fraction), as steadyStateIvBolus.
 * @example steadyStateOral({ dose: 100, tau: 12, f: 1, ka: 1, ke: 0.1, volume: 10 }).average // => 8.3333
 * @example steadyStateOral({ dose: "100 ug", tau: "12 h", f: 1, ka: "1 1/h", ke: "0.1 1/h", volume: "10 L" }).average.to("ng/mL") // => 8.3333 ng/mL
 * @see 001_079d5926d130f870.txt, "Microdosing for Basic Pharmacokinetics"
 */
export function steadyStateOral(params: WithUnits<SteadyStateOralParams>): SteadyStateWithUnits;
export function steadyStateOral(params: SteadyStateOralParams): SteadyState;
export function steadyStateOral(
  params: SteadyStateOralParams | WithUnits<SteadyStateOralParams>,
): SteadyState | SteadyStateWithUnits {
  const fn = "steadyStateOral";
  if (withUnits(undefined, params, ORAL_KEYS))
    return steadyStateWithUnits(fn, params, ORAL_KEYS.slice(0, 5), ["tlag"], (p: SteadyStateOralParams) =>
      steadyStateOral(p),
    );
  const p = options(fn, params);
  const dose = positive(fn, p, "dose");
  const tau = positive(fn, p, "tau");
  const f = bioavailability(fn, p);
  const ka = positive(fn, p, "ka");
  const ke = positive(fn, p, "ke");
  const volume = positive(fn, p, "volume");
  const tlag = optionalNonNegative(fn, p, "tlag", 0);
  const uMax = Math.min(Math.max(oralSteadyStateTmax(ka, ke, tau), 0), tau);
  const firstDoseAtTau = oralKernel(tau, dose, f, ka, ke, volume, 0);
  const aucFirstInterval = (f * dose * oneMinusDecay(ka, tau) - volume * firstDoseAtTau) / (volume * ke);
  const aucSteadyState = (f * dose) / (volume * ke);
  return {
    peak: oralSteadyStateProfile(uMax, dose, f, ka, ke, volume, tau),
    trough: oralSteadyStateProfile(0, dose, f, ka, ke, volume, tau),
    average: aucSteadyState / tau,
    tmax: (tlag + uMax) % tau,
    accumulationRatio: aucSteadyState / aucFirstInterval,
  };
}
