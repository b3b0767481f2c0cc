import { InputError } from "../core/errors";
import { isSeries, series, type Series } from "../core/series";
import { unit, type Unit } from "../core/units";
import type { JsonValue } from "./types";

/**
 * Quantities in the probe protocol. A probe's arguments must stay plain JSON (they cross to
 * the grader's sandbox process and to the live course's worker), so an exercise states a
 * quantity argument as `{ "quantity": [0.1, "mg"] }` and an array with one unit as
 * `{ "series": [[0, 1, 2], "h"] }`. `decodeProbeArgs` turns them into a mathjs Unit and a
 * {@link Series} right before the student's function is called (invoke.ts), so a student
 * writes `dose.toNumber("ug")` or `inUnits(conc, "pg/mL")` and never a conversion factor.
 * The readers (`quantityIn`, `seriesIn`) let the trusted side (properties, the mistakes
 * catalogue) read an argument in the unit its formula needs.
 */

/** A quantity argument on the wire: a finite number and a unit mathjs knows. */
export interface QuantityJson {
  quantity: [number, string];
}

/** A series argument on the wire: finite numbers that share one unit. */
export interface SeriesJson {
  series: [number[], string];
}

/**
 * The JSON of a quantity argument.
 * @example quantityArg(100, "ug") // => { quantity: [100, "ug"] }
 */
export function quantityArg(value: number, unitName: string): JsonValue {
  unit(value, unitName); // validates both
  return { quantity: [value, unitName] };
}

/**
 * The JSON of a series argument.
 * @example seriesArg([0, 1, 2], "h") // => { series: [[0, 1, 2], "h"] }
 */
export function seriesArg(values: readonly number[], unitName: string): JsonValue {
  series(values, unitName); // validates both
  return { series: [[...values], unitName] };
}

/** True for `{ quantity: [number, string] }` and nothing else. */
export function isQuantityJson(value: unknown): value is QuantityJson {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const q = (value as { quantity?: unknown }).quantity;
  return (
    Object.keys(value).length === 1 &&
    Array.isArray(q) &&
    q.length === 2 &&
    typeof q[0] === "number" &&
    typeof q[1] === "string"
  );
}

/** True for `{ series: [number[], string] }` and nothing else. */
export function isSeriesJson(value: unknown): value is SeriesJson {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const s = (value as { series?: unknown }).series;
  return (
    Object.keys(value).length === 1 &&
    Array.isArray(s) &&
    s.length === 2 &&
    Array.isArray(s[0]) &&
    (s[0] as unknown[]).every((v) => typeof v === "number") &&
    typeof s[1] === "string"
  );
}

/**
 * A probe argument as the student's function receives it: quantities become mathjs Units,
 * series become {@link Series}, arrays and objects are copied with their members decoded
 * (so a function that mutates its input cannot change a later check), anything else is kept.
 * @throws {InputError} when a tagged value names an unknown unit or a non-finite number
 */
export function decodeProbeArg(value: JsonValue): unknown {
  if (isQuantityJson(value)) return remember(unit(value.quantity[0], value.quantity[1]), value);
  if (isSeriesJson(value)) return remember(series(value.series[0], value.series[1]), value);
  if (Array.isArray(value)) return value.map(decodeProbeArg);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = decodeProbeArg(v);
    return out;
  }
  return value;
}

/** The JSON each decoded quantity and series came from, so encoding gives back the exact numbers. */
const decodedFrom = new WeakMap<object, JsonValue>();

function remember<T extends object>(decoded: T, json: JsonValue): T {
  decodedFrom.set(decoded, json);
  return decoded;
}

/**
 * The inverse of {@link decodeProbeArg}: a Unit becomes `{ quantity }`, a Series `{ series }`
 * (exactly the JSON it was decoded from, when it was), arrays and plain objects are walked.
 * For code that receives decoded arguments and must state them as JSON again, e.g. a test's
 * planted function that asks the reference for its answer.
 * @throws {InputError} for a value JSON cannot carry (a function, a non-finite number, …)
 */
export function encodeProbeArg(value: unknown): JsonValue {
  if (typeof value === "object" && value !== null) {
    const known = decodedFrom.get(value);
    if (known !== undefined) return structuredClone(known);
    if ((value as { type?: unknown }).type === "Unit" && typeof (value as Unit).formatUnits === "function") {
      const u = value as Unit;
      return { quantity: [u.toNumber(u.formatUnits()), u.formatUnits()] };
    }
    if (isSeries(value)) return { series: [[...value.values], value.unit] };
    if (Array.isArray(value)) return value.map(encodeProbeArg);
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeProbeArg(v);
    return out;
  }
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new InputError("encodeProbeArg", "value", "must be JSON, a mathjs Unit or a Series", value);
}

/** All the arguments of a probe, decoded (see {@link decodeProbeArg}). */
export function decodeProbeArgs(args: readonly JsonValue[]): unknown[] {
  return args.map(decodeProbeArg);
}

/**
 * A quantity argument's number in `unitName` (exact when it is stated in that unit).
 * @throws {InputError} when arg is not a quantity argument or has another dimension
 * @example quantityIn({ quantity: [0.1, "mg"] }, "ug") // => 100
 */
export function quantityIn(arg: JsonValue | undefined, unitName: string): number {
  if (!isQuantityJson(arg)) throw new InputError("quantityIn", "arg", 'must be { quantity: [number, "unit"] }', arg);
  const [value, stated] = arg.quantity;
  return stated === unitName ? value : toNumber("quantityIn", unit(value, stated), unitName);
}

/**
 * A series argument's numbers in `unitName` (exact when it is stated in that unit).
 * @throws {InputError} when arg is not a series argument or has another dimension
 * @example seriesIn({ series: [[1, 2], "h"] }, "min") // => [60, 120]
 */
export function seriesIn(arg: JsonValue | undefined, unitName: string): number[] {
  if (!isSeriesJson(arg)) throw new InputError("seriesIn", "arg", 'must be { series: [[numbers], "unit"] }', arg);
  const [values, stated] = arg.series;
  return stated === unitName ? [...values] : values.map((v) => toNumber("seriesIn", unit(v, stated), unitName));
}

/** The quantity's number in unitName, or an InputError naming fn when the dimensions differ. */
function toNumber(fn: string, q: Unit, unitName: string): number {
  try {
    return q.toNumber(unitName);
  } catch (err) {
    throw new InputError(
      fn,
      "unitName",
      `must have the dimension of the argument (${(err as Error).message})`,
      unitName,
    );
  }
}

export type { Series };
