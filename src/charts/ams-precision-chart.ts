import { fraction, plainObject } from "../core/validate";
import { formatNumber, listText, rangeText } from "./describe";
import { readSeries } from "./series-input";
import { logAxis } from "./axis-encoding";
import { layeredChart, type ChartLayer, type ChartSpec } from "./spec";
import { seriesLayer } from "./series-layer";
import { axisTitle, chartSize, referenceColor } from "./theme";
import { allPositive, optionalLabel } from "./validate-inputs";

/** Relative precision against the number of ¹⁴C events counted. */
export interface AmsPrecisionChartSeries {
  name: string;
  /** Number of ¹⁴C events counted, all > 0. */
  counts: readonly number[];
  /** Relative standard deviation as a fraction, e.g. 1/√N; all > 0. */
  relativeSd: readonly number[];
}

export interface AmsPrecisionChartOptions {
  series: readonly AmsPrecisionChartSeries[];
  /** A precision target as a fraction (e.g. 0.01 for 1 %), drawn as a dashed line. */
  target?: number;
  title?: string;
  subtitle?: string;
}

const FN = "amsPrecisionChart";

/**
 * Counting precision of accelerator mass spectrometry against the number of ¹⁴C events
 * counted, on log–log axes. Poisson statistics give a relative SD of 1/√N, a straight line
 * of slope −½: a hundred times more counts buys ten times better precision.
 * @param options.series counts (events) and relative SD (fraction), both positive
 * @param options.target a precision goal as a fraction, e.g. 0.01
 * @throws {InputError} for non-positive values, mismatched arrays, repeated names or a target outside (0, 1)
 * @example amsPrecisionChart({ series: [{ name: "Poisson 1/√N", counts: [100, 10000], relativeSd: [0.1, 0.01] }], target: 0.02 }).description
 * // => "AMS counting precision on log–log axes for Poisson 1/√N: 100–10000 counts, relative SD 1–10 %. Dashed line: target 2 %."
 * @see 001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"
 */
export function amsPrecisionChart(options: AmsPrecisionChartOptions): ChartSpec {
  const opts = plainObject(FN, "options", options);
  const { rows, names } = readSeries(FN, "series", opts.series, "counts", "relativeSd");
  const counts = rows.map((r) => r.x);
  const relativeSds = rows.map((r) => r.y);
  allPositive(FN, "counts", counts, "(the axes are logarithmic)");
  allPositive(FN, "relativeSd", relativeSds, "(the axes are logarithmic)");
  const target = opts.target === undefined ? undefined : fraction(FN, "target", opts.target, { open: true });
  const title = optionalLabel(FN, "title", opts.title) ?? "AMS precision vs ¹⁴C counts";
  const subtitle = optionalLabel(FN, "subtitle", opts.subtitle);
  const x = logAxis("x", "¹⁴C events counted", "counts");
  const y = { ...logAxis("y", "Relative SD", "%"), axis: { format: ".1~%" } };
  const layers: ChartLayer[] = [
    seriesLayer(rows, names, "Series", {
      mark: { type: "line", point: true },
      x,
      y,
      tooltip: [
        { field: "x", type: "quantitative", title: axisTitle("Counts", "counts"), format: ",.0f" },
        { field: "y", type: "quantitative", title: axisTitle("Relative SD", "%"), format: ".2%" },
      ],
    }),
  ];
  if (target !== undefined) {
    const single = { values: [{}] };
    layers.push(
      {
        data: single,
        mark: { type: "rule", strokeDash: [6, 4], color: referenceColor },
        encoding: { y: { datum: target, type: "quantitative" } },
      },
      {
        data: single,
        mark: { type: "text", align: "right", baseline: "bottom", dy: -3, color: referenceColor, fontSize: 11 },
        encoding: {
          x: { value: chartSize.width },
          y: { datum: target, type: "quantitative" },
          text: { value: `Target ${formatNumber(target * 100)} %` },
        },
      },
    );
  }
  const description =
    `AMS counting precision on log–log axes for ${listText(names)}: ${rangeText(counts, "counts")}, ` +
    `relative SD ${rangeText(
      relativeSds.map((v) => v * 100),
      "%",
    )}.` +
    (target !== undefined ? ` Dashed line: target ${formatNumber(target * 100)} %.` : "");
  return layeredChart({ text: title, subtitle }, description, layers);
}
