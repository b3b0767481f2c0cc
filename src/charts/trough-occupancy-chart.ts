import { fraction, plainObject } from "../core/validate";
import { formatNumber, listText, rangeText } from "./describe";
import type { SeriesInput } from "../core/series";
import { chartAxis, readSeries } from "./series-input";
import { referenceLine } from "./reference-line";
import { seriesLayer } from "./series-layer";
import { logAxis, percentAxis } from "./axis-encoding";
import { layeredChart, type ChartSpec } from "./spec";
import { axisTitle } from "./theme";
import { allFractions, allPositive, optionalLabel } from "./validate-inputs";

/** Trough (pre-dose, steady-state) occupancy for a set of daily doses. */
export interface TroughOccupancyChartSeries {
  name: string;
  /** Daily dose: numbers [doseUnit] or doses with a unit ("10 mg/day"), all > 0 (log axis). */
  dose: readonly number[] | SeriesInput;
  /** Receptor occupancy at trough, as a fraction in [0, 1]. */
  occupancy: readonly number[];
}

export interface TroughOccupancyChartOptions {
  series: readonly TroughOccupancyChartSeries[];
  /** Unit of the daily-dose axis, e.g. "mg/day"; optional when the doses carry units (then they are shown in it if given). */
  doseUnit?: string;
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
  const doseAxis = chartAxis(FN, "doseUnit", opts.doseUnit, ["massRate", "mass", "amount"]);
  const { rows, names } = readSeries(FN, "series", opts.series, "dose", "occupancy", { x: doseAxis });
  const doseUnit = doseAxis.unit();
  const doses = rows.map((r) => r.x);
  const occupancies = rows.map((r) => r.y);
  allPositive(FN, "dose", doses, "(the dose axis is logarithmic)");
  allFractions(FN, "occupancy", occupancies);
  const target = opts.target === undefined ? undefined : fraction(FN, "target", opts.target);
  const title = optionalLabel(FN, "title", opts.title) ?? "Trough occupancy vs daily dose";
  const subtitle = optionalLabel(FN, "subtitle", opts.subtitle);
  const x = logAxis("x", "Daily dose", doseUnit);
  const y = percentAxis("y", "Trough receptor occupancy");
  const layers = [
    seriesLayer(rows, names, "Regimen", {
      mark: { type: "line", point: true },
      x,
      y,
      tooltip: [
        { field: "x", type: "quantitative", title: axisTitle("Daily dose", doseUnit), format: ".3g" },
        { field: "y", type: "quantitative", title: axisTitle("Trough occupancy", "%"), format: ".1%" },
      ],
    }),
    // Labelled at the left: occupancy is low there, far below a target.
    ...(target !== undefined
      ? referenceLine("y", target, `Target ${formatNumber(target * 100)} %`, { left: true })
      : []),
  ];
  const description =
    `Trough receptor occupancy against daily dose (log axis) for ${listText(names)}: dose ${rangeText(doses, doseUnit)}, ` +
    `occupancy ${rangeText(
      occupancies.map((v) => v * 100),
      "%",
    )}.` +
    (target !== undefined ? ` Dashed line: target ${formatNumber(target * 100)} %.` : "");
  return layeredChart({ text: title, subtitle }, description, layers);
}
