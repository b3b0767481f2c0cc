import { InputError } from "../core/errors";
import { plainObject } from "../core/validate";
import { formatNumber } from "./describe";

/**
 * Boundary checks shared by the chart builders, once their data are numbers in the axis
 * units (series-input.ts reads them): positive values where an axis is logarithmic,
 * fractions, non-empty labels and unique names.
 */

/** A non-empty label such as a unit ("ng/mL") or a series name. */
export function label(fn: string, arg: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "")
    throw new InputError(fn, arg, "must be a non-empty string", value);
  return value;
}

/** An optional label: undefined passes through, anything else must be a non-empty string. */
export function optionalLabel(fn: string, arg: string, value: unknown): string | undefined {
  return value === undefined ? undefined : label(fn, arg, value);
}

/** Every value strictly positive: needed for data on a logarithmic axis. */
export function allPositive(fn: string, arg: string, values: readonly number[], why: string): readonly number[] {
  const i = values.findIndex((v) => v <= 0);
  if (i >= 0)
    throw new InputError(fn, arg, `must contain only positive values ${why} (index ${i} is ${values[i]})`, values);
  return values;
}

/** Every value in [0, 1]: fractions such as occupancy or relative precision. */
export function allFractions(fn: string, arg: string, values: readonly number[]): readonly number[] {
  const i = values.findIndex((v) => v < 0 || v > 1);
  if (i >= 0)
    throw new InputError(fn, arg, `must contain only fractions between 0 and 1 (index ${i} is ${values[i]})`, values);
  return values;
}

/** A non-empty array of options objects, e.g. several profiles. */
export function nonEmptyList(fn: string, arg: string, value: unknown): readonly Record<string, unknown>[] {
  if (!Array.isArray(value) || value.length === 0) throw new InputError(fn, arg, "must be a non-empty array", value);
  return value.map((item, i) => plainObject(fn, `${arg}[${i}]`, item));
}

/** An optional array of options objects (dose marks, reference lines): undefined is none. */
export function optionalList(
  fn: string,
  arg: string,
  value: unknown,
  shape: string,
): readonly Record<string, unknown>[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new InputError(fn, arg, `must be an array of ${shape}`, value);
  return value.map((item, i) => plainObject(fn, `${arg}[${i}]`, item));
}

/** Names must be unique so that legends and colours are unambiguous. */
export function uniqueNames(fn: string, arg: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new InputError(fn, arg, "must have unique names", name);
    seen.add(name);
  }
}

/**
 * An axis range [low, high] with low < high, each end read by `read` (which checks it, e.g.
 * > 0 for a log axis, and converts a quantity to the axis unit).
 * @param ends how the message names the pair, e.g. "[lowest, highest]"
 */
export function axisRange(
  fn: string,
  arg: string,
  value: unknown,
  ends: string,
  read: (arg: string, value: unknown) => number,
): [number, number] {
  if (!Array.isArray(value) || value.length !== 2) throw new InputError(fn, arg, `must be ${ends}`, value);
  const lo = read(`${arg}[0]`, value[0]);
  const hi = read(`${arg}[1]`, value[1]);
  if (!(hi > lo)) throw new InputError(fn, `${arg}[1]`, `must be greater than ${arg}[0] (${formatNumber(lo)})`, hi);
  return [lo, hi];
}
