import { InputError } from "../core/errors";
import { fraction, nonNegativeNumber, oneOf, plainObject, positiveNumber, strictlyIncreasing } from "../core/validate";
import { ROUTES, type DoseEvent, type Route } from "./types";

/**
 * Boundary checks shared by the PK models (internal: not exported from the package).
 * Each reads one field of an options object and throws an InputError naming `fn` and the
 * field, so `ivBolusConcentration: volume must be greater than 0; received -1`.
 */

export function options(fn: string, value: unknown, arg = "params"): Record<string, unknown> {
  return plainObject(fn, arg, value);
}

export function positive(fn: string, obj: Record<string, unknown>, key: string, label = key): number {
  return positiveNumber(fn, label, obj[key]);
}

export function nonNegative(fn: string, obj: Record<string, unknown>, key: string): number {
  return nonNegativeNumber(fn, key, obj[key]);
}

/** An optional non-negative field with a default. */
export function optionalNonNegative(
  fn: string,
  obj: Record<string, unknown>,
  key: string,
  fallback: number,
  label = key,
): number {
  return obj[key] === undefined ? fallback : nonNegativeNumber(fn, label, obj[key]);
}

/** Bioavailable fraction F in (0, 1]; defaults to 1. */
export function bioavailability(fn: string, obj: Record<string, unknown>, key = "f", label = key): number {
  if (obj[key] === undefined) return 1;
  const f = fraction(fn, label, obj[key]);
  if (f === 0) throw new InputError(fn, label, "must be greater than 0 (a dose that is never absorbed)", f);
  return f;
}

/** Time point t [h] at which a single-dose model is evaluated: finite and >= 0 (time after the dose). */
export function timeAfterDose(fn: string, t: unknown): number {
  return nonNegativeNumber(fn, "t", t);
}

/** Validate one dose event; index appears in the message when part of a list. */
export function doseEvent(fn: string, value: unknown, where = "dose"): DoseEvent {
  const d = plainObject(fn, where, value);
  const time = nonNegativeNumber(fn, `${where}.time`, d.time);
  const amount = nonNegativeNumber(fn, `${where}.amount`, d.amount);
  const route: Route = oneOf(fn, `${where}.route`, d.route, ROUTES);
  if (route === "iv-infusion") {
    const duration = positiveNumber(fn, `${where}.duration`, d.duration);
    return { time, amount, route, duration };
  }
  if (d.duration !== undefined)
    throw new InputError(
      fn,
      `${where}.duration`,
      `is only meaningful for route "iv-infusion", not "${route}"`,
      d.duration,
    );
  return { time, amount, route };
}

/** A non-empty list of dose events, sorted by time (ties allowed: two routes at once). */
export function doseEvents(fn: string, value: unknown, arg = "doses"): DoseEvent[] {
  if (!Array.isArray(value)) throw new InputError(fn, arg, "must be an array of dose events", value);
  if (value.length === 0) throw new InputError(fn, arg, "must not be empty", value);
  const events = value.map((d, i) => doseEvent(fn, d, `${arg}[${i}]`));
  for (let i = 1; i < events.length; i++) {
    if (events[i].time < events[i - 1].time) {
      throw new InputError(
        fn,
        arg,
        `must be sorted by time (index ${i}: ${events[i - 1].time} then ${events[i].time})`,
        events.map((e) => e.time),
      );
    }
  }
  return events;
}

/** Observation times [h]: non-empty, >= 0, strictly increasing. */
export function observationTimes(fn: string, value: unknown, arg = "times"): readonly number[] {
  const times = strictlyIncreasing(fn, arg, value);
  if (times[0] < 0) throw new InputError(fn, arg, "must not contain negative values", value);
  return times;
}

/** Require ka when any dose is oral. */
export function requireKaForOral(fn: string, events: readonly DoseEvent[], ka: unknown): number | undefined {
  const hasOral = events.some((e) => e.route === "oral");
  if (ka === undefined) {
    if (hasOral)
      throw new InputError(
        fn,
        "ka",
        "is required when a dose is oral (first-order absorption rate constant [1/h])",
        ka,
      );
    return undefined;
  }
  return positiveNumber(fn, "ka", ka);
}
