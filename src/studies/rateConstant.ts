import { InputError, describeValue } from "../core/errors";
import { magnitude, math, type Unit } from "../core/units";

/**
 * A validated first-order rate constant as a number in 1/h (internal; shared by studies and
 * translation). It defers to the units module, and falls back to its own check because the
 * module's "rateConstant" reference unit, written "1/h", parses as a value and cannot be
 * converted to (reported to the lead); once that is fixed the first branch always answers.
 */
export function rateConstantPerHour(fn: string, arg: string, value: unknown, { allowZero = true } = {}): number {
  try {
    return magnitude(fn, arg, value, "rateConstant", "h^-1", { allowZero });
  } catch (err) {
    if (err instanceof InputError) throw err;
  }
  let q: Unit;
  try {
    if (math.isUnit(value)) q = value;
    else if (typeof value === "string") q = math.unit(value.trim());
    else throw new Error("not a quantity");
  } catch {
    throw new InputError(fn, arg, 'must be a quantity with a unit such as "0.17 h^-1"', value);
  }
  if (q.value === null || !q.equalBase(math.unit("h^-1"))) throw new InputError(fn, arg, 'expected a first-order rate constant (e.g. "0.17 h^-1")', describeValue(value));
  const n = q.toNumber("h^-1");
  if (!Number.isFinite(n)) throw new InputError(fn, arg, "must be finite", describeValue(value));
  if (n < 0) throw new InputError(fn, arg, "must not be negative", describeValue(value));
  if (!allowZero && n === 0) throw new InputError(fn, arg, "must be greater than zero", describeValue(value));
  return n;
}
