import { InputError } from "../core/errors";
import type { QuantityInput } from "../core/units";
import { finiteNumber, plainObject } from "../core/validate";
import { formatNumber, listText } from "./describe";
import { referenceLine } from "./reference-line";
import { chartAxis } from "./series-input";
import { layeredChart, type ChartLayer, type ChartSpec } from "./spec";
import { axisTitle, chartSize, okabeIto } from "./theme";
import { label, nonEmptyList, optionalLabel, uniqueNames } from "./validate-inputs";

/** One category and its value. */
export interface ChartBar {
  /** Category name, unique within the chart, e.g. "Long-haul flight". */
  label: string;
  /** Its value: a number [unit] or a quantity ("0.04 mSv"); > 0 on a log axis. */
  value: number | QuantityInput;
}

export interface BarChartOptions {
  /** The bars, drawn top to bottom in the order given. */
  bars: readonly ChartBar[];
  /** What the values are, e.g. "Effective dose"; the axis title adds the unit. */
  valueTitle: string;
  /** Unit of the value axis, e.g. "mSv"; optional when the values are quantities (then they are shown in it if given). */
  unit?: string;
  /** Logarithmic value axis, for values that span orders of magnitude. Default false. */
  log?: boolean;
  /** A reference value [unit] or a quantity, drawn as a dashed vertical line, e.g. a regulatory limit. */
  referenceValue?: number | QuantityInput;
  /** Label of the reference line. Default "Reference". */
  referenceLabel?: string;
  title?: string;
  subtitle?: string;
}

const FN = "barChart";
/** Height given to each bar's row [px]. */
const ROW_HEIGHT = 44;

/**
 * A horizontal bar chart comparing a few categories on one quantity, each bar labelled with
 * its value. With `log: true` bars of very different size stay readable: the 0.001 mSv of
 * a ¹⁴C microtracer study, a 0.04 mSv long-haul flight and the 2.4 mSv of a year's natural
 * background sit three orders of magnitude apart, and on a log axis equal ratios are equal
 * lengths. On a log axis a bar has no zero to start from, so every bar starts at the same
 * power of ten below the smallest value and the bar's length reads as a ratio.
 * @param options.bars categories and values [unit]
 * @param options.log logarithmic value axis
 * @param options.referenceValue a value [unit] marked with a dashed line
 * @returns a vega-lite v5 spec with a title and an accessible description
 * @throws {InputError} when bars is empty, a label is empty or repeated, a value is not
 *   finite (or not positive on a log axis), valueTitle or unit is empty, or the reference
 *   value is not finite (or not positive on a log axis)
 * @example barChart({ bars: [{ label: "Microdose study", value: 0.001 }, { label: "Annual background", value: 2.4 }], valueTitle: "Effective dose", unit: "mSv", log: true }).description
 * // => "Bar chart of Effective dose on a log scale: Microdose study 0.001 mSv and Annual background 2.4 mSv."
 * @see 001_079d5926d130f870.txt, "The Ethical Imperative: A Favorable Risk-Benefit Profile"
 */
export function barChart(options: BarChartOptions): ChartSpec {
  const opts = plainObject(FN, "options", options);
  const valueTitle = label(FN, "valueTitle", opts.valueTitle);
  const axis = chartAxis(FN, "unit", opts.unit);
  if (opts.log !== undefined && typeof opts.log !== "boolean")
    throw new InputError(FN, "log", "must be true or false", opts.log);
  const log = opts.log === true;
  const bars = nonEmptyList(FN, "bars", opts.bars).map((b, i) => {
    const value = axis.scalar(`bars[${i}].value`, b.value, finiteNumber);
    if (log && value <= 0)
      throw new InputError(FN, `bars[${i}].value`, "must be greater than 0 (the value axis is logarithmic)", value);
    return { label: label(FN, `bars[${i}].label`, b.label), value };
  });
  uniqueNames(
    FN,
    "bars",
    bars.map((b) => b.label),
  );
  const reference =
    opts.referenceValue === undefined ? undefined : axis.scalar("referenceValue", opts.referenceValue, finiteNumber);
  const unit = axis.unit();
  if (log && reference !== undefined && reference <= 0)
    throw new InputError(FN, "referenceValue", "must be greater than 0 (the value axis is logarithmic)", reference);
  const referenceLabel = optionalLabel(FN, "referenceLabel", opts.referenceLabel) ?? "Reference";
  const title = optionalLabel(FN, "title", opts.title) ?? valueTitle;
  const subtitle = optionalLabel(FN, "subtitle", opts.subtitle);

  const values = [...bars.map((b) => b.value), ...(reference !== undefined ? [reference] : [])];
  const valueAxis = axisTitle(log ? `${valueTitle}, log scale` : valueTitle, unit);
  const rows = bars.map((b) => ({ ...b, text: `${formatNumber(b.value)} ${unit}` }));
  const x = log
    ? {
        field: "value",
        type: "quantitative" as const,
        title: valueAxis,
        scale: { type: "log" as const, domain: logDomain(values), nice: false },
        axis: { values: decades(logDomain(values)), format: "~g" },
      }
    : { field: "value", type: "quantitative" as const, title: valueAxis, scale: { zero: true } };
  const y = {
    field: "label",
    type: "nominal" as const,
    title: null,
    sort: bars.map((b) => b.label),
    axis: { labelLimit: 360 },
  };
  const layers: ChartLayer[] = [
    {
      data: { values: rows },
      mark: { type: "bar", color: okabeIto()[0], height: { band: 0.65 } },
      encoding: {
        x,
        ...(log ? { x2: { datum: logDomain(values)[0] } } : {}),
        y,
        tooltip: [
          { field: "label", type: "nominal", title: "Category" },
          { field: "value", type: "quantitative", title: axisTitle(valueTitle, unit), format: ".3g" },
        ],
      },
    },
    {
      data: { values: rows },
      mark: { type: "text", align: "left", dx: 4, fontSize: 12, color: "#222" },
      encoding: { x: { field: "value", type: "quantitative" }, y, text: { field: "text", type: "nominal" } },
    },
  ];
  if (reference !== undefined)
    layers.push(...referenceLine("x", reference, `${referenceLabel} ${formatNumber(reference)} ${unit}`));
  const description =
    `Bar chart of ${valueTitle}${log ? " on a log scale" : ""}: ${listText(bars.map((b) => `${b.label} ${formatNumber(b.value)} ${unit}`))}.` +
    (reference !== undefined ? ` Dashed line: ${referenceLabel} ${formatNumber(reference)} ${unit}.` : "");
  return {
    ...layeredChart({ text: title, subtitle }, description, layers),
    height: Math.max(ROW_HEIGHT * 2, ROW_HEIGHT * bars.length),
    width: chartSize.width,
  };
}

/**
 * The log axis runs from a power of ten at least a third below the smallest value (so the
 * smallest bar is visible) to one at least 1.5× above the largest (room for the label).
 */
function logDomain(values: readonly number[]): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  // toPrecision(1): 10 ** -4 is 0.00009999999999999999 in floating point.
  const power = (exponent: number) => Number((10 ** exponent).toPrecision(1));
  return [power(Math.floor(Math.log10(min / 3))), power(Math.ceil(Math.log10(max * 1.5)))];
}

/** The powers of ten from lo to hi, the only ticks a log axis needs to be read. */
function decades([lo, hi]: [number, number]): number[] {
  const out: number[] = [];
  for (let e = Math.round(Math.log10(lo)); e <= Math.round(Math.log10(hi)); e++)
    out.push(Number((10 ** e).toPrecision(1)));
  return out;
}
