import { plainObject } from "../core/validate";
import { listText, rangeText } from "./describe";
import type { SeriesInput } from "../core/series";
import { chartAxis, readSeries } from "./series-input";
import { layeredChart, type ChartSpec } from "./spec";
import { seriesLayer } from "./series-layer";
import { axisTitle } from "./theme";
import { optionalLabel } from "./validate-inputs";
import { InputError } from "../core/errors";

/** Clearance over time for one scenario. */
export interface ClearanceTimeChartSeries {
  name: string;
  /** Time after the first dose: numbers [timeUnit] or times with a unit. */
  time: readonly number[] | SeriesInput;
  /** Clearance at that time: numbers [clearanceUnit] or clearances with a unit ("L/h"). */
  clearance: readonly number[] | SeriesInput;
}

export interface ClearanceTimeChartOptions {
  series: readonly ClearanceTimeChartSeries[];
  /** Unit of the time axis; optional when the times carry units (then they are shown in it if given). */
  timeUnit?: string;
  /** Unit of the clearance axis; as timeUnit. */
  clearanceUnit?: string;
  title?: string;
  subtitle?: string;
}

const FN = "clearanceTimeChart";

/**
 * Clearance as a function of time, CL(t), for time-dependent pharmacokinetics: falling
 * towards CL_ss under mechanism-based inhibition, rising under autoinduction. Drawing the
 * microdose and the therapeutic scenario together shows why a single-dose microdose study,
 * which sees only CL₀, can miss the change.
 * @param options.series one or more CL(t) curves, time [timeUnit], clearance [clearanceUnit]
 * @throws {InputError} for mismatched or non-finite arrays, negative clearance, repeated names or empty units
 * @example clearanceTimeChart({ series: [{ name: "MBI", time: [0, 12, 24], clearance: [20, 12, 10] }], timeUnit: "h", clearanceUnit: "L/h" }).description
 * // => "Clearance over time for MBI: time 0–24 h, clearance 10–20 L/h."
 * @see 001_079d5926d130f870.txt, "A More Complex Pitfall: Time-Dependent Pharmacokinetics"
 */
export function clearanceTimeChart(options: ClearanceTimeChartOptions): ChartSpec {
  const opts = plainObject(FN, "options", options);
  const timeAxis = chartAxis(FN, "timeUnit", opts.timeUnit, ["time"]);
  const clearanceAxis = chartAxis(FN, "clearanceUnit", opts.clearanceUnit, ["clearance"]);
  const { rows, names } = readSeries(FN, "series", opts.series, "time", "clearance", { x: timeAxis, y: clearanceAxis });
  const timeUnit = timeAxis.unit();
  const clearanceUnit = clearanceAxis.unit();
  const negative = rows.find((r) => r.y < 0);
  if (negative) throw new InputError(FN, "clearance", "must not contain negative values", negative.y);
  const title = optionalLabel(FN, "title", opts.title) ?? "Clearance over time, CL(t)";
  const subtitle = optionalLabel(FN, "subtitle", opts.subtitle);
  const x = { field: "x", type: "quantitative" as const, title: axisTitle("Time", timeUnit) };
  const y = {
    field: "y",
    type: "quantitative" as const,
    title: axisTitle("Clearance", clearanceUnit),
    scale: { zero: true },
  };
  const description = `Clearance over time for ${listText(names)}: time ${rangeText(
    rows.map((r) => r.x),
    timeUnit,
  )}, clearance ${rangeText(
    rows.map((r) => r.y),
    clearanceUnit,
  )}.`;
  return layeredChart({ text: title, subtitle }, description, [
    seriesLayer(rows, names, "Scenario", {
      mark: "line",
      x,
      y,
      tooltip: [
        { field: "x", type: "quantitative", title: axisTitle("Time", timeUnit), format: ".3g" },
        { field: "y", type: "quantitative", title: axisTitle("Clearance", clearanceUnit), format: ".3g" },
      ],
    }),
  ]);
}
