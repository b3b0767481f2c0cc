import type { Unit } from "mathjs";
import { InputError, describeValue } from "./errors";
import { QUANTITY_KINDS, kindOf, math, mathjsQuantityText, mathjsUnitText, type QuantityKind } from "./units";
import { numberArray } from "./validate";

/**
 * A series: many values that share one unit, e.g. sampling times in h or concentrations in
 * ng/mL. Array functions (NCA, charts, PK at many times) accept a series, or an array of
 * quantities with one dimension (`["0.5 h", "30 min"]`), wherever they accept numbers in a
 * documented unit; the values are then read in the series' own unit, so no conversion
 * factor appears in a notebook.
 */
export interface Series {
  readonly values: readonly number[];
  /** A unit mathjs parses, e.g. "ng/mL", "h", "pg/mL". */
  readonly unit: string;
}

/** What array-taking functions accept when they take units: a {@link Series} or an array of quantities. */
export type SeriesInput = Series | readonly (Unit | string)[];

/**
 * Values that share one unit.
 * @param values finite numbers in `unitName`
 * @param unitName a unit mathjs knows, e.g. "h" or "ng/mL"
 * @throws {InputError} when values are not finite numbers, or the unit is unknown or has a number in it
 * @example series([0.5, 1, 2], "h").values[2] // => 2
 * @example inUnits(series([1.2, 3.4], "ng/mL"), "pg/mL")[1] // => 3400
 */
export function series(values: readonly number[], unitName: string): Series {
  const fn = "series";
  const checked = numberArray(fn, "values", values);
  unitOf(fn, "unitName", unitName);
  return Object.freeze({ values: Object.freeze([...checked]), unit: mathjsUnitText(unitName) });
}

/** A bare unit (no number) mathjs parses, as a valueless Unit. */
function unitOf(fn: string, arg: string, unitName: unknown): Unit {
  let u: Unit;
  try {
    if (typeof unitName !== "string") throw new Error("not a string");
    u = math.unit(mathjsUnitText(unitName));
  } catch (err) {
    throw new InputError(fn, arg, `must be a unit mathjs knows, e.g. "ng/mL" (${(err as Error).message})`, unitName);
  }
  if (u.value !== null) throw new InputError(fn, arg, 'must be a unit without a number, e.g. "ng/mL"', unitName);
  return u;
}

/** True for a {@link Series} or a non-empty array whose first element is a quantity (Unit or string). */
export function carriesUnits(value: unknown): boolean {
  if (isSeries(value)) return true;
  return Array.isArray(value) && value.length > 0 && (math.isUnit(value[0]) || typeof value[0] === "string");
}

/** True for a {@link Series}: an object with a `values` array and a `unit` string. */
export function isSeries(value: unknown): value is Series {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Array.isArray((value as Series).values) &&
    typeof (value as Series).unit === "string"
  );
}

/** A validated series: its numbers in its own unit, and that unit (valueless) for building results. */
export interface ReadSeries {
  readonly values: readonly number[];
  readonly unit: Unit;
}

/**
 * Validate a series argument at a public boundary: one unit for all values, of one of the
 * expected kinds. An array of quantities is read in the unit of its first element.
 * Errors name the function, the argument, the rule and the value, e.g.
 * `nca: conc expected a mass concentration or a molar concentration (e.g. "0.5 pg/mL"); received 10 kg`.
 */
export function readSeries(fn: string, arg: string, value: unknown, kinds?: readonly QuantityKind[]): ReadSeries {
  if (isSeries(value)) {
    const values = numberArray(fn, `${arg}.values`, value.values);
    return { values, unit: ofKind(fn, arg, unitOf(fn, `${arg}.unit`, value.unit), kinds, value.unit) };
  }
  if (!Array.isArray(value) || value.length === 0) {
    throw new InputError(
      fn,
      arg,
      'must be a non-empty series, e.g. series([0.5, 1, 2], "h"), or an array of quantities',
      value,
    );
  }
  const quantities = value.map((v: unknown, i) => {
    if (math.isUnit(v)) return v;
    if (typeof v === "string") {
      try {
        const q = math.unit(mathjsQuantityText(v));
        if (q.value !== null) return q;
      } catch {
        // reported below with the index
      }
    }
    throw new InputError(
      fn,
      `${arg}[${i}]`,
      `must be a quantity with a unit like ${arg}[0] (one array must not mix quantities with numbers)`,
      v,
    );
  });
  const first = quantities[0];
  const unit = ofKind(fn, `${arg}[0]`, unitOf(fn, arg, first.formatUnits()), kinds, value[0]);
  const values = quantities.map((q, i) => {
    if (!q.equalBase(unit))
      throw new InputError(
        fn,
        `${arg}[${i}]`,
        `must have the dimension of ${arg}[0] (${first.formatUnits()}): one unit per series`,
        value[i],
      );
    const n = q.toNumber(first.formatUnits());
    if (!Number.isFinite(n)) throw new InputError(fn, `${arg}[${i}]`, "must be finite", value[i]);
    return n;
  });
  return { values, unit };
}

function ofKind(
  fn: string,
  arg: string,
  unit: Unit,
  kinds: readonly QuantityKind[] | undefined,
  received: unknown,
): Unit {
  if (kinds === undefined) return unit;
  const kind = kindOf(unit);
  if (kind === undefined || !kinds.includes(kind)) {
    const expected = kinds.map((k) => QUANTITY_KINDS[k].label).join(" or ");
    throw new InputError(
      fn,
      arg,
      `expected ${expected} (e.g. "${QUANTITY_KINDS[kinds[0]].example}")`,
      describeValue(received),
    );
  }
  return unit;
}

/**
 * The values of a series (or an array of quantities) as plain numbers in a chosen unit.
 * @throws {InputError} when the unit does not have the series' dimension
 * @example inUnits(["30 min", "2 h"], "h") // => [0.5, 2]
 */
export function inUnits(value: SeriesInput, unitName: string): number[] {
  const fn = "inUnits";
  const target = unitOf(fn, "unitName", unitName);
  const s = readSeries(fn, "value", value);
  if (!s.unit.equalBase(target))
    throw new InputError(fn, "unitName", `must have the dimension of the series (${s.unit.formatUnits()})`, unitName);
  const factor = math.unit(1, s.unit.formatUnits()).toNumber(target.formatUnits());
  return s.values.map((v) => v * factor);
}
