import type { Unit } from "mathjs";
import { InputError, describeValue } from "../core/errors";
import { carriesUnits, isSeries, readSeries as readQuantitySeries } from "../core/series";
import { QUANTITY_KINDS, kindOf, math, mathjsQuantityText, mathjsUnitText, type QuantityKind } from "../core/units";
import { numberArray, sameLength } from "../core/validate";
import { label, nonEmptyList, optionalLabel, uniqueNames } from "./validate-inputs";

/**
 * One quantitative axis of a chart and the unit it shows. Data reach an axis in one of two
 * ways: plain numbers in the unit named by the chart's unit option (`timeUnit: "h"`), or
 * values that carry their unit (a Series, or quantities such as `["0.5 h", "30 min"]`). With
 * units on the data the option may be left out — the axis then shows the unit of the first
 * data read — or given, and every value is converted to it, so one axis holds one unit even
 * when one profile comes in ng/mL and another in pg/mL. Every chart reads its data through
 * here, so the rules (and the error messages) are the same for all of them.
 */
export interface ChartAxis {
  /** Numbers in the axis unit from a number array (needs the unit option) or from data with units. */
  values(arg: string, value: unknown): readonly number[];
  /**
   * One value in the axis unit (an LLOQ, a Km, a dose time): a number in the unit option, or a
   * quantity (mathjs Unit or a string such as "1 pg/mL"). `check` validates the number as the
   * chart always has (e.g. positiveNumber); on a quantity its error reports the quantity given.
   */
  scalar(arg: string, value: unknown, check: (fn: string, arg: string, value: unknown) => number): number;
  /** The unit the axis is labelled with; an InputError on the unit option when nothing gave one. */
  unit(): string;
}

/**
 * @param fn the chart, for error messages
 * @param option the name of the chart's unit option, e.g. "concUnit"
 * @param optionValue its value: undefined, or a non-empty unit label
 * @param kinds the quantity kinds data with units may have (none: any dimension, one per axis)
 */
export function chartAxis(
  fn: string,
  option: string,
  optionValue: unknown,
  kinds?: readonly QuantityKind[],
): ChartAxis {
  const given = optionalLabel(fn, option, optionValue);
  /** The label on the axis, once known. */
  let display = given;
  /** The unit (valueless) values are converted to, once data with units have been read. */
  let target: { name: string; unit: Unit } | undefined;

  /** Numbers need the unit option; after data with units, say so instead of asking for the option alone. */
  const plainNumbersAllowed = (arg: string, value: unknown) => {
    if (given !== undefined) return;
    if (display !== undefined)
      throw new InputError(
        fn,
        arg,
        `must carry units like the other data on this axis (${display}), or give ${option} for plain numbers`,
        value,
      );
    label(fn, option, optionValue);
  };

  const targetFor = (arg: string, unitName: string, unit: Unit, displayName: string) => {
    if (target !== undefined) return target;
    if (given === undefined) {
      display = displayName;
      return (target = { name: unitName, unit });
    }
    // The option is also the axis label, so it may be written the course's way ("ng·h/mL", "µg").
    let parsed: Unit | undefined;
    try {
      parsed = math.unit(mathjsUnitText(given));
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || parsed.value !== null)
      throw new InputError(
        fn,
        option,
        `must be a unit mathjs knows (e.g. "${kinds ? QUANTITY_KINDS[kinds[0]].example.split(" ")[1] : "mg"}") to show ${arg} (in ${displayName}) in it`,
        given,
      );
    return (target = { name: parsed.formatUnits(), unit: parsed });
  };

  /** Values in `unitName` → numbers in the axis unit, after checking the dimension. */
  const convert = (arg: string, received: unknown, values: readonly number[], unitName: string, unit: Unit) => {
    const to = targetFor(arg, unitName, unit, unitLabel(unitName, unit));
    if (!unit.equalBase(to.unit)) {
      const kind = kindOf(to.unit);
      const expected = kind ? QUANTITY_KINDS[kind].label : `the dimension of ${display}`;
      const shown = isSeries(received) ? `${describeValue(received.values)} ${received.unit}` : describeValue(received);
      throw new InputError(fn, arg, `expected ${expected} like the axis (${display})`, shown);
    }
    // The same unit spelled the same or differently ("pg/mL", "pg / mL"): no conversion.
    if (unitName === to.name || math.unit(1, unitName).equals(math.unit(1, to.name))) return values;
    const factor = math.unit(1, unitName).toNumber(to.name);
    return values.map((v) => toDisplayPrecision(v * factor));
  };

  return {
    values(arg, value) {
      if (!carriesUnits(value)) {
        plainNumbersAllowed(arg, value);
        return numberArray(fn, arg, value);
      }
      const read = readQuantitySeries(fn, arg, value, kinds);
      if (isSeries(value)) return convert(arg, value, read.values, value.unit, read.unit);
      return convert(arg, value, read.values.map(toDisplayPrecision), read.unit.formatUnits(), read.unit);
    },
    scalar(arg, value, check) {
      if (!math.isUnit(value) && typeof value !== "string") {
        plainNumbersAllowed(arg, value);
        return check(fn, arg, value);
      }
      const q = quantityOf(fn, arg, value, kinds);
      const unitName = q.formatUnits();
      const [n] = convert(arg, value, [toDisplayPrecision(q.toNumber(unitName))], unitName, math.unit(unitName));
      try {
        return check(fn, arg, n);
      } catch (err) {
        if (err instanceof InputError) throw new InputError(err.fn, err.arg, err.rule, value);
        throw err;
      }
    },
    unit() {
      return display ?? label(fn, option, optionValue);
    },
  };
}

/**
 * mathjs keeps a quantity in SI units, so reading it back or converting it leaves a last-bit
 * error ("10 pg/mL" reads back as 10.000000000000002, 1 ng/mL is 1000.0000000000001 pg/mL).
 * Rounded to 15 significant digits — far below what an axis or a tooltip can show — the
 * quantities plot exactly as the numbers they were written with.
 */
function toDisplayPrecision(value: number): number {
  return Number(value.toPrecision(15));
}

/** A quantity with a number and a unit of one of the kinds, or an InputError naming the argument. */
function quantityOf(fn: string, arg: string, value: Unit | string, kinds: readonly QuantityKind[] | undefined): Unit {
  let q: Unit | undefined;
  try {
    q = math.isUnit(value) ? value : math.unit(mathjsQuantityText(value));
  } catch {
    q = undefined;
  }
  const example = kinds ? QUANTITY_KINDS[kinds[0]].example : "1 mg";
  if (q === undefined || q.value === null)
    throw new InputError(fn, arg, `must be a number or a quantity with a unit such as "${example}"`, value);
  const kind = kindOf(q);
  if (kinds && (kind === undefined || !kinds.includes(kind)))
    throw new InputError(
      fn,
      arg,
      `expected ${kinds.map((k) => QUANTITY_KINDS[k].label).join(" or ")} (e.g. "${example}")`,
      describeValue(value),
    );
  if (!Number.isFinite(q.toNumber(q.formatUnits()))) throw new InputError(fn, arg, "must be finite", value);
  return q;
}

/**
 * How a unit is written on an axis: a Series keeps the unit as its author wrote it, with "·"
 * for "*" ("ng*h/mL" → "ng·h/mL"); a unit mathjs formatted ("pg / mL", "(mg h) / L") is
 * written the way the course writes units ("pg/mL", "mg·h/L").
 */
function unitLabel(unitName: string, unit: Unit): string {
  if (unitName !== unit.formatUnits()) return unitName.replace(/\s*\*\s*/g, "·");
  return unitName.replace(/ \/ /g, "/").replace(/[()]/g, "").replace(/ /g, "·");
}

/** A validated named series flattened to rows { series, x, y } for vega-lite's inline data. */
export interface SeriesRow {
  series: string;
  x: number;
  y: number;
}

/**
 * Reads `[{ name, [xKey]: values, [yKey]: values }, ...]`, validating every series
 * (non-empty unique names, paired finite arrays) and flattening them to rows. A key with an
 * axis reads its values through it (numbers in the unit option, or data with units converted
 * to the axis unit); a key without one (occupancy, counts) takes plain numbers.
 */
export function readSeries(
  fn: string,
  arg: string,
  value: unknown,
  xKey: string,
  yKey: string,
  axes: { x?: ChartAxis; y?: ChartAxis } = {},
): { rows: SeriesRow[]; names: string[] } {
  const list = nonEmptyList(fn, arg, value);
  const names: string[] = [];
  const rows: SeriesRow[] = [];
  const read = (axis: ChartAxis | undefined, at: string, v: unknown) =>
    axis ? axis.values(at, v) : numberArray(fn, at, v);
  list.forEach((s, i) => {
    const name = label(fn, `${arg}[${i}].name`, s.name);
    const x = read(axes.x, `${arg}[${i}].${xKey}`, s[xKey]);
    const y = read(axes.y, `${arg}[${i}].${yKey}`, s[yKey]);
    sameLength(fn, `${arg}[${i}].${xKey}`, x, `${arg}[${i}].${yKey}`, y);
    names.push(name);
    x.forEach((xi, j) => rows.push({ series: name, x: xi, y: y[j] }));
  });
  uniqueNames(fn, arg, names);
  return { rows, names };
}

/** `count` points spaced evenly on a log axis from `min` to `max` (both > 0). */
export function logSpaced(min: number, max: number, count: number): number[] {
  if (min === max) return [min];
  const a = Math.log(min);
  const step = (Math.log(max) - a) / (count - 1);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? max : Math.exp(a + i * step)));
}
