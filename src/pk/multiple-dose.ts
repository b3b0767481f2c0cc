import { InputError } from "../core/errors";
import { finiteNumber, integerAtLeast, nonNegativeNumber, oneOf, positiveNumber } from "../core/validate";
import { bolusKernel, infusionKernel, oralKernel } from "./kernels";
import { bioavailability, doseEvents, optionalNonNegative, options, positive, requireKaForOral } from "./params";
import { ROUTES, type DoseEvent, type LinearModelParams, type RegimenOptions } from "./types";

/** Validated, resolved parameters of the linear one-compartment model (internal). */
export interface ResolvedLinearParams {
  volume: number;
  ke: number;
  ka: number | undefined;
  f: number;
  tlag: number;
}

/** Sum of single-dose kernels (internal; inputs already validated). */
export function superpose(t: number, doses: readonly DoseEvent[], p: ResolvedLinearParams): number {
  let c = 0;
  for (const d of doses) {
    const s = t - d.time;
    if (s < 0 || d.amount === 0) continue;
    if (d.route === "iv-bolus") c += bolusKernel(s, d.amount, p.volume, p.ke);
    else if (d.route === "iv-infusion") c += infusionKernel(s, d.amount, d.duration as number, p.volume, p.ke);
    else c += oralKernel(s, d.amount, p.f, p.ka as number, p.ke, p.volume, p.tlag);
  }
  return c;
}

export function resolveLinearParams(fn: string, events: readonly DoseEvent[], params: unknown): ResolvedLinearParams {
  const p = options(fn, params);
  return {
    volume: positive(fn, p, "volume"),
    ke: positive(fn, p, "ke"),
    ka: requireKaForOral(fn, events, p.ka),
    f: bioavailability(fn, p),
    tlag: optionalNonNegative(fn, p, "tlag", 0),
  };
}

/**
 * Concentration after several doses of a linear one-compartment model, by superposition:
 * C(t) = Σ_i C_single(t − t_i; dose_i, route_i). Valid because the model is linear — the
 * very property a microdose study relies on. IV bolus, infusion and oral doses may be mixed
 * (e.g. an IV microtracer on top of an oral therapeutic dose); f and tlag apply to oral doses.
 * The curve is right-continuous: at the time of a bolus, C(t_i) already includes that dose
 * (as ivBolusConcentration(0) = Dose/V); the pre-dose trough is the limit from the left.
 * @param t time [h], finite (before the first dose the concentration is 0)
 * @param doses dose events, sorted by time: `{ time [h], amount [mg], route, duration? [h] }`
 * @param params.volume volume of distribution [L]; params.ke [1/h]; params.ka [1/h] (required for oral doses);
 *   params.f bioavailable fraction of oral doses (default 1); params.tlag oral lag [h] (default 0)
 * @returns plasma concentration [mg/L]
 * @throws {InputError} when doses are empty, unsorted or malformed, ka is missing for an oral dose, or a parameter is invalid
 * @example multipleDoseConcentration(12, repeatedDoses({ amount: 100, tau: 12, count: 2, route: "iv-bolus" }), { volume: 100, ke: Math.LN2 / 12 }) // => 1.5 (0.5 left from the first dose + 1 from the second)
 * @see 001_079d5926d130f870.txt, "Dose-Proportionality and Extrapolation"
 */
export function multipleDoseConcentration(t: number, doses: readonly DoseEvent[], params: LinearModelParams): number {
  const fn = "multipleDoseConcentration";
  finiteNumber(fn, "t", t);
  const events = doseEvents(fn, doses);
  return superpose(t, events, resolveLinearParams(fn, events, params));
}

/**
 * A regular regimen as dose events: `count` doses of `amount` every `tau`, from `start`.
 * @param options.amount dose [mg], >= 0; options.tau dosing interval [h], > 0; options.count number of doses, integer >= 1;
 *   options.route route of every dose; options.start time of the first dose [h] (default 0);
 *   options.duration infusion duration [h] (required for "iv-infusion", at most tau)
 * @returns dose events sorted by time
 * @throws {InputError} when a field is missing or invalid, or an infusion is longer than the interval
 * @example repeatedDoses({ amount: 50, tau: 24, count: 2, route: "oral" }) // => [{ time: 0, amount: 50, route: "oral" }, { time: 24, amount: 50, route: "oral" }]
 */
export function repeatedDoses(opts: RegimenOptions): DoseEvent[] {
  const fn = "repeatedDoses";
  const o = options(fn, opts, "options");
  const amount = nonNegativeNumber(fn, "amount", o.amount);
  const tau = positiveNumber(fn, "tau", o.tau);
  const count = integerAtLeast(fn, "count", o.count, 1);
  const route = oneOf(fn, "route", o.route, ROUTES);
  const start = o.start === undefined ? 0 : nonNegativeNumber(fn, "start", o.start);
  let duration: number | undefined;
  if (route === "iv-infusion") {
    duration = positiveNumber(fn, "duration", o.duration);
    if (duration > tau) throw new InputError(fn, "duration", `must not exceed tau (${tau} h)`, duration);
  } else if (o.duration !== undefined) {
    throw new InputError(fn, "duration", `is only meaningful for route "iv-infusion", not "${route}"`, o.duration);
  }
  return Array.from({ length: count }, (_, i) => {
    const time = start + i * tau;
    return duration === undefined ? { time, amount, route } : { time, amount, route, duration };
  });
}
