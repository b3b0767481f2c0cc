import { fraction, plainObject } from "../core/validate";
import { formatNumber, listText, rangeText } from "./describe";
import { readSeries } from "./seriesInput";
import { layeredChart, type ChartLayer, type ChartSpec } from "./spec";
import { axisTitle, referenceColor, seriesColorScale } from "./theme";
import { allFractions, allPositive, label, optionalLabel } from "./validateInputs";

/** Trough (pre-dose, steady-state) occupancy for a set of daily doses. */
export interface TroughOccupancyChartSeries {
  name: string;
  /** Daily dose [doseUnit], all > 0 (log axis). */
  dose: readonly number[];
  /** Receptor occupancy at trough, as a fraction in [0, 1]. */
  occupancy: readonly number[];
}

export interface TroughOccupancyChartOptions {
  series: readonly TroughOccupancyChartSeries[];
  /** Unit of the daily dose, e.g. "mg/day". */
  doseUnit: string;
  /** The occupancy needed for effect, as a fraction (e.g. 0.8), drawn as a dashed line. */
  target?: number;
  title?: string;
  subtitle?: string;
}

const FN = "troughOccupancyChart";

/**
 * Receptor occupancy at steady-state trough against the daily dose (log axis): the chart
 * that turns a microdose-derived clearance and a Kd into a first dose recommendation —
 * the lowest daily dose whose trough occupancy stays above the target.
 * @param options.series daily dose [doseUnit] and trough occupancy (fraction)
 * @param options.target occupancy threshold as a fraction
 * @throws {InputError} for non-positive doses, occupancies outside [0, 1], mismatched arrays,
 *   repeated names, an empty unit or a target outside [0, 1]
 * @example troughOccupancyChart({ series: [{ name: "Once daily", dose: [1, 10, 100], occupancy: [0.1, 0.5, 0.9] }], doseUnit: "mg/day", target: 0.8 }).description
 * // => "Trough receptor occupancy against daily dose (log axis) for Once daily: dose 1–100 mg/day, occupancy 10–90 %. Dashed line: target 80 %."
 * @see 001_079d5926d130f870.txt, "The Strategic Value in Early Decision-Making"
 */
export function troughOccupancyChart(options: TroughOccupancyChartOptions): ChartSpec {
  const opts = plainObject(FN, "options", options);
  const doseUnit = label(FN, "doseUnit", opts.doseUnit);
  const { rows, names } = readSeries(FN, "series", opts.series, "dose", "occupancy");
  allPositive(
    FN,
    "dose",
    rows.map((r) => r.x),
    "(the dose axis is logarithmic)",
  );
  allFractions(
    FN,
    "occupancy",
    rows.map((r) => r.y),
  );
  const target = opts.target === undefined ? undefined : fraction(FN, "target", opts.target);
  const title = optionalLabel(FN, "title", opts.title) ?? "Trough occupancy vs daily dose";
  const subtitle = optionalLabel(FN, "subtitle", opts.subtitle);
  const x = {
    field: "x",
    type: "quantitative" as const,
    title: axisTitle("Daily dose, log scale", doseUnit),
    scale: { type: "log" as const },
  };
  const y = {
    field: "y",
    type: "quantitative" as const,
    title: axisTitle("Trough receptor occupancy", "%"),
    axis: { format: ".0%" },
    scale: { domain: [0, 1] },
  };
  const layers: ChartLayer[] = [
    {
      data: { values: rows },
      mark: { type: "line", point: true },
      encoding: {
        x,
        y,
        color: {
          field: "series",
          type: "nominal",
          title: "Regimen",
          sort: names,
          scale: seriesColorScale(names.length),
        },
        tooltip: [
          { field: "series", type: "nominal", title: "Regimen" },
          { field: "x", type: "quantitative", title: axisTitle("Daily dose", doseUnit), format: ".3g" },
          { field: "y", type: "quantitative", title: axisTitle("Trough occupancy", "%"), format: ".1%" },
        ],
      },
    },
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
        mark: { type: "text", align: "left", baseline: "bottom", dx: 4, dy: -3, color: referenceColor, fontSize: 11 },
        encoding: {
          x: { value: 0 },
          y: { datum: target, type: "quantitative" },
          text: { value: `Target ${formatNumber(target * 100)} %` },
        },
      },
    );
  }
  const description =
    `Trough receptor occupancy against daily dose (log axis) for ${listText(names)}: dose ${rangeText(
      rows.map((r) => r.x),
      doseUnit,
    )}, ` +
    `occupancy ${rangeText(
      rows.map((r) => r.y * 100),
      "%",
    )}.` +
    (target !== undefined ? ` Dashed line: target ${formatNumber(target * 100)} %.` : "");
  return layeredChart({ text: title, subtitle }, description, layers);
}
