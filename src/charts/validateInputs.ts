import { InputError } from "../core/errors";
import { numberArray, plainObject, sameLength } from "../core/validate";

/**
 * Boundary checks shared by the chart builders. Charts take plain arrays in documented
 * units, so the checks are about shape: matching lengths, finite numbers, positive values
 * where an axis is logarithmic, and non-empty labels.
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

/** Two arrays of finite numbers of the same length, e.g. time and concentration. */
export function pairedArrays(
  fn: string,
  argX: string,
  x: unknown,
  argY: string,
  y: unknown,
): { x: readonly number[]; y: readonly number[] } {
  const xs = numberArray(fn, argX, x);
  const ys = numberArray(fn, argY, y);
  sameLength(fn, argX, xs, argY, ys);
  return { x: xs, y: ys };
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

/** Names must be unique so that legends and colours are unambiguous. */
export function uniqueNames(fn: string, arg: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new InputError(fn, arg, "must have unique names", name);
    seen.add(name);
  }
}
