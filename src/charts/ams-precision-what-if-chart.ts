import { plainObject, positiveNumber } from "../core/validate";
import { formatNumber } from "./describe";
import { logAxis } from "./axis-encoding";
import { layeredChart, type ChartLayer, type ChartSpec } from "./spec";
import { axisTitle, referenceColor } from "./theme";
import { sliderReferenceRule } from "./reference-line";
import { axisRange, optionalLabel } from "./validate-inputs";
import { logSpacedCurve } from "./what-if-curve";
import { sliderParam, sliderText, type WhatIfSlider } from "./what-if-slider";

export interface AmsPrecisionWhatIfChartOptions {
  /** The precision wanted, relative SD in percent (e.g. 3 for 3 %), as a slider within (0, 100]. */
  targetPercent: WhatIfSlider;
  /** The counts axis: [fewest, most] ¹⁴C events, both > 0 (log axis). */
  countRange: readonly [number, number];
  title?: string;
  subtitle?: string;
}

const FN = "amsPrecisionWhatIfChart";
const CURVE_POINTS = 121;

/**
 * What-if chart of AMS counting precision, relative SD = 1/√N, against the number of ¹⁴C
 * events counted (log–log), with a slider for the precision wanted: the chart marks the
 * counts that precision needs, N = ⌈1/p²⌉ (countsForPrecision), and redraws as the slider
 * moves, in JupyterLab and on the site, with no code running.
 * @param options.targetPercent slider for the wanted relative SD [%], min > 0, max ≤ 100
 * @param options.countRange the counts axis, fewest < most, both > 0
 * @returns a vega-lite v5 spec with a `target` parameter (percent) bound to a range input
 * @throws {InputError} for an invalid slider or a non-positive or reversed range
 * @example amsPrecisionWhatIfChart({ targetPercent: { value: 3, min: 0.5, max: 20, step: 0.5 }, countRange: [10, 1e6] }).params?.[0].name
 * // => "target"
 * @see 001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"
 */
export function amsPrecisionWhatIfChart(options: AmsPrecisionWhatIfChartOptions): ChartSpec {
  const opts = plainObject(FN, "options", options);
  const target = sliderParam(FN, "target", "Precision wanted (relative SD, %)", opts.targetPercent, {
    above: 0,
    atMost: 100,
  });
  const [lo, hi] = axisRange(FN, "countRange", opts.countRange, "[fewest, most]", (arg, v) =>
    positiveNumber(FN, arg, v),
  );
  const title =
    optionalLabel(FN, "title", opts.title) ?? "AMS counting precision: how many counts for the precision you want?";
  const subtitle =
    optionalLabel(FN, "subtitle", opts.subtitle) ?? "Relative SD = 1/√N. Move the slider below the chart";

  const x = logAxis("counts", "¹⁴C events counted", "counts", [lo, hi]);
  const y = { ...logAxis("relativeSd", "Relative SD", "%"), axis: { format: ".1~%" } };
  // the same guard as countsForPrecision: 1/0.05² is 400.00000000000006 in floating point
  const needed = "ceil(1 / pow(target / 100, 2) - 1e-9)";
  // one row whose fields follow the slider: the reference line, its point and label
  const reference = [
    { calculate: needed, as: "counts" },
    { calculate: "target / 100", as: "relativeSd" },
    { calculate: "format(datum.counts, ',') + ' counts for ' + format(target, '.3~g') + ' %'", as: "label" },
  ];
  const layers: ChartLayer[] = [
    logSpacedCurve([lo, hi], CURVE_POINTS, "counts", {
      transform: [{ calculate: "1 / sqrt(datum.counts)", as: "relativeSd" }],
      encoding: {
        x,
        y,
        tooltip: [
          { field: "counts", type: "quantitative", title: "Counts", format: ".3~s" },
          { field: "relativeSd", type: "quantitative", title: axisTitle("Relative SD", "%"), format: ".2%" },
        ],
      },
    }),
    sliderReferenceRule(x, reference),
    {
      data: { values: [{}] },
      transform: reference,
      mark: { type: "point", size: 90, color: referenceColor },
      encoding: { x, y },
    },
    {
      data: { values: [{}] },
      transform: reference,
      mark: { type: "text", align: "left", baseline: "bottom", dx: 6, dy: -6, fontSize: 12, color: "#222" },
      encoding: { x, y, text: { field: "label" } },
    },
  ];
  const description =
    `What-if chart: AMS counting precision 1/√N against the number of ¹⁴C events counted (log–log, ${formatNumber(lo)}–${formatNumber(hi)} counts), ` +
    `with a slider for the ${sliderText(target)} %; that precision needs ${Math.ceil(1 / (target.value / 100) ** 2 - 1e-9)} counts (dashed line).`;
  return { ...layeredChart({ text: title, subtitle }, description, layers), params: [target] };
}
