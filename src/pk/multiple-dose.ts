import { InputError } from "../core/errors";
import type { Unit } from "../core/units";
import { finiteNumber, integerAtLeast, nonNegativeNumber, oneOf, positiveNumber } from "../core/validate";
import { bolusKernel, infusionKernel, oralKernel } from "./kernels";
import { bioavailability, doseEvents, optionalNonNegative, options, positive, requireKaForOral } from "./params";
import { asUnit, dosesWithUnits, UnitCall, withUnits, type WithUnits } from "./quantities";
import {
  ROUTES,
  type DoseEvent,
  type DoseEventQuantity,
  type DoseEventsWithUnits,
  type LinearModelParams,
  type RegimenOptions,
} from "./types";

const LINEAR_KEYS = ["volume", "ke", "ka", "tlag"] as const;
const REGIMEN_KEYS = ["amount", "tau", "start", "duration"] as const;

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
 * With units (t, every dose's time and amount, volume, ke, ka, tlag as quantities; f a plain
 * fraction), the concentration is a Unit in the unit of the first dose's amount over the volume unit.
 * @param t time [h], finite (before the first dose the concentration is 0)
 * @param doses dose events, sorted by time: `{ time [h], amount [mg], route, duration? [h] }`
 * @param params.volume volume of distribution [L]; params.ke [1/h]; params.ka [1/h] (required for oral doses);
 *   params.f bioavailable fraction of oral doses (default 1); params.tlag oral lag [h] (default 0)
 * @returns plasma concentration [mg/L]
 * @throws {InputError} when doses are empty, unsorted or malformed, ka is missing for an oral dose, or a parameter is invalid
 * @example multipleDoseConcentration(12, repeatedDoses({ amount: 100, tau: 12, count: 2, route: "iv-bolus" }), { volume: 100, ke: Math.LN2 / 12 }) // => 1.5 (0.5 left from the first dose + 1 from the second)
 * @example multipleDoseConcentration("12 h", repeatedDoses({ amount: "100 ug", tau: "12 h", count: 2, route: "iv-bolus" }), { volume: "100 L", ke: "0.05776 1/h" }) // => 1.5 ug/L
 * @see 001_079d5926d130f870.txt, "Dose-Proportionality and Extrapolation"
 */
export function multipleDoseConcentration(
  t: Unit | string,
  doses: DoseEventsWithUnits,
  params: WithUnits<LinearModelParams>,
): Unit;
export function multipleDoseConcentration(t: number, doses: readonly DoseEvent[], params: LinearModelParams): number;
export function multipleDoseConcentration(
  t: number | Unit | string,
  doses: readonly DoseEvent[] | DoseEventsWithUnits,
  params: LinearModelParams | WithUnits<LinearModelParams>,
): number | Unit {
  const fn = "multipleDoseConcentration";
  if (withUnits(t, params, LINEAR_KEYS) || dosesWithUnits(doses)) {
    const u = new UnitCall(fn);
    const time = u.required("t", "t", t, true);
    const events = u.doses("doses", doses);
    const p = u.fields("params", params, ["volume", "ke"], ["ka", "tlag"]);
    return u.concentration(
      multipleDoseConcentration(time, events as unknown as DoseEvent[], p as unknown as LinearModelParams),
      "amount",
      "volume",
    );
  }
  finiteNumber(fn, "t", t);
  const events = doseEvents(fn, doses);
  return superpose(t as number, events, resolveLinearParams(fn, events, params));
}

/**
 * A regular regimen as dose events: `count` doses of `amount` every `tau`, from `start`.
 * @param options.amount dose [mg], >= 0; options.tau dosing interval [h], > 0; options.count number of doses, integer >= 1;
 *   options.route route of every dose; options.start time of the first dose [h] (default 0);
 *   options.duration infusion duration [h] (required for "iv-infusion", at most tau)
 * @returns dose events sorted by time
 * @throws {InputError} when a field is missing or invalid, or an infusion is longer than the interval
 * With units (amount, tau, start, duration as quantities), the events carry units: times in the
 * unit of tau, amounts in the unit of amount, durations in their own unit — ready for the
 * quantity calls of multipleDoseConcentration and the simulate* models.
 * @example repeatedDoses({ amount: 50, tau: 24, count: 2, route: "oral" }) // => [{ time: 0, amount: 50, route: "oral" }, { time: 24, amount: 50, route: "oral" }]
 * @example repeatedDoses({ amount: "50 ug", tau: "1 day", count: 2, route: "oral" })[1].time // => 1 day
 */
export function repeatedDoses(opts: WithUnits<RegimenOptions>): DoseEventQuantity[];
export function repeatedDoses(opts: RegimenOptions): DoseEvent[];
export function repeatedDoses(opts: RegimenOptions | WithUnits<RegimenOptions>): DoseEvent[] | DoseEventQuantity[] {
  const fn = "repeatedDoses";
  if (withUnits(undefined, opts, REGIMEN_KEYS)) {
    const u = new UnitCall(fn);
    const o = u.fields("options", opts, ["amount", "tau"], ["start", "duration"]);
    const amountUnit = u.unitOf("amount", u.kernelUnit("amount"));
    const timeUnit = u.unitOf("tau", "h");
    const durationUnit = u.unitOf("duration", timeUnit);
    return repeatedDoses(o as unknown as RegimenOptions).map((d) => {
      const e: DoseEventQuantity = {
        time: asUnit(d.time, "h", timeUnit),
        amount: asUnit(d.amount, u.kernelUnit("amount"), amountUnit),
        route: d.route,
      };
      if (d.duration !== undefined) e.duration = asUnit(d.duration, "h", durationUnit);
      return e;
    });
  }
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
