import { InputError } from "../core/errors";
import type { SeriesInput } from "../core/series";
import { integerAtLeast, numberArray, oneOf, plainObject, strictlyIncreasing } from "../core/validate";
import { percentiles } from "../pk/population";
import { countText, formatNumber, rangeText } from "./describe";
import { chartAxis } from "./series-input";
import { layeredChart, type ChartSpec } from "./spec";
import { axisTitle } from "./theme";
import { optionalLabel } from "./validate-inputs";

export interface PopulationChartOptions {
  /** Common sampling times: numbers [timeUnit] or times with a unit, strictly increasing. */
  time: readonly number[] | SeriesInput;
  /** One row per simulated or observed individual, concentrations at `time`: numbers [concUnit] or concentrations with a unit. */
  individuals: readonly (readonly number[] | SeriesInput)[];
  /** Unit of the time axis; optional when the times carry units (then they are shown in it if given). */
  timeUnit?: string;
  /** Unit of the concentration axis; as timeUnit. */
  concUnit?: string;
  /** "linear" (default) or "log" concentration axis. */
  scale?: "linear" | "log";
  /** Lower and upper percentile of the band, in percent. Default [5, 95]. */
  band?: readonly [number, number];
  /** Draw at most this many individual lines (percentiles always use everyone). Default 200. */
  maxLines?: number;
  title?: string;
  subtitle?: string;
}

const FN = "populationChart";

/**
 * A population "spaghetti" plot: one thin line per individual, the median, and a
 * percentile band (5th–95th by default) computed at each time with the R-7 (linear
 * interpolation) quantile definition — the library's `percentiles`, the same routine
 * `summarizePopulation` uses, so a chart and a table of the same population agree. It shows the between-subject variability a
 * microdose study must predict, not only the typical profile. On a log axis values ≤ 0
 * cannot be drawn; they still count towards the percentiles and the description says how
 * many were left out.
 * @param options.individuals rows of concentrations [concUnit] sampled at options.time [timeUnit]
 * @throws {InputError} when time is not strictly increasing, a row's length differs from
 *   time, values are not finite, the band is not 0 ≤ lower < upper ≤ 100, or units are empty
 * @example populationChart({ time: [0, 1, 2], individuals: [[0, 10, 5], [0, 20, 8], [0, 15, 6]], timeUnit: "h", concUnit: "ng/mL" }).description
 * // => "Population concentration–time plot of 3 individuals: time 0–2 h, concentration 0–20 ng/mL; median line and 5th–95th percentile band."
 * @see 001_079d5926d130f870.txt, "The Assumption of Pharmacokinetic Linearity"
 */
export function populationChart(options: PopulationChartOptions): ChartSpec {
  const opts = plainObject(FN, "options", options);
  const timeAxis = chartAxis(FN, "timeUnit", opts.timeUnit, ["time"]);
  const concAxis = chartAxis(FN, "concUnit", opts.concUnit, ["massConcentration", "molarConcentration"]);
  const time = strictlyIncreasing(FN, "time", timeAxis.values("time", opts.time));
  if (!Array.isArray(opts.individuals) || opts.individuals.length === 0)
    throw new InputError(FN, "individuals", "must be a non-empty array of concentration rows", opts.individuals);
  const individuals = (opts.individuals as unknown[]).map((row, i) => {
    const values = concAxis.values(`individuals[${i}]`, row);
    if (values.length !== time.length)
      throw new InputError(
        FN,
        `individuals[${i}]`,
        `must have one value per time (${time.length})`,
        `length ${values.length}`,
      );
    return values;
  });
  const timeUnit = timeAxis.unit();
  const concUnit = concAxis.unit();
  const scale = opts.scale === undefined ? "linear" : oneOf(FN, "scale", opts.scale, ["linear", "log"] as const);
  const [lower, upper] = readBand(opts.band);
  const maxLines = opts.maxLines === undefined ? 200 : integerAtLeast(FN, "maxLines", opts.maxLines, 1);
  const title = optionalLabel(FN, "title", opts.title) ?? "Population concentration–time profiles";
  const subtitle = optionalLabel(FN, "subtitle", opts.subtitle);
  const log = scale === "log";
  const bandName = `${ordinal(lower)}–${ordinal(upper)} percentile`;

  const summary = time.map((t, j) => {
    const column = individuals.map((row) => row[j]);
    const [lo, median, hi] = percentiles(column, [lower / 100, 0.5, upper / 100]);
    return { time: t, lower: lo, median, upper: hi };
  });
  const lines = individuals
    .slice(0, maxLines)
    .flatMap((row, id) => row.map((conc, j) => ({ id, time: time[j], conc })));
  const shownLines = log ? lines.filter((r) => r.conc > 0) : lines;
  const shownBand = log ? summary.filter((r) => r.lower > 0) : summary;
  const shownMedian = log ? summary.filter((r) => r.median > 0) : summary;
  const hidden = lines.length - shownLines.length;

  const x = { field: "time", type: "quantitative" as const, title: axisTitle("Time", timeUnit) };
  const yTitle = axisTitle(log ? "Concentration, log scale" : "Concentration", concUnit);
  const yScale = log ? { type: "log" as const } : { zero: true };
  const legend = { domain: ["Individual", "Median", bandName], range: ["#9a9a9a", "#0072B2", "#56B4E9"] };
  const allValues = individuals.flat();
  const description =
    `Population concentration–time plot of ${countText(individuals.length, "individual")}` +
    (individuals.length > maxLines ? ` (${maxLines} drawn)` : "") +
    `: time ${rangeText(time, timeUnit)}, concentration ${rangeText(allValues, concUnit)}; median line and ${bandName} band.` +
    (hidden > 0 ? ` ${countText(hidden, "value")} ≤ 0 not shown on the log axis.` : "");
  return layeredChart({ text: title, subtitle }, description, [
    {
      data: { values: shownBand.map((r) => ({ ...r, kind: bandName })) },
      mark: { type: "area", opacity: 0.35 },
      encoding: {
        x,
        y: { field: "lower", type: "quantitative", title: yTitle, scale: yScale },
        y2: { field: "upper" },
        color: { field: "kind", type: "nominal", title: "", scale: legend },
      },
    },
    {
      data: { values: shownLines.map((r) => ({ ...r, kind: "Individual" })) },
      mark: { type: "line", strokeWidth: 0.8, opacity: 0.45 },
      encoding: {
        x,
        y: { field: "conc", type: "quantitative", title: yTitle, scale: yScale },
        detail: { field: "id", type: "nominal" },
        color: { field: "kind", type: "nominal", title: "", scale: legend },
      },
    },
    {
      data: { values: shownMedian.map((r) => ({ ...r, kind: "Median" })) },
      mark: { type: "line", strokeWidth: 2.5 },
      encoding: {
        x,
        y: { field: "median", type: "quantitative", title: yTitle, scale: yScale },
        color: { field: "kind", type: "nominal", title: "", scale: legend },
        tooltip: [
          { field: "time", type: "quantitative", title: axisTitle("Time", timeUnit), format: ".3g" },
          { field: "median", type: "quantitative", title: axisTitle("Median", concUnit), format: ".3g" },
          {
            field: "lower",
            type: "quantitative",
            title: axisTitle(`${ordinal(lower)} percentile`, concUnit),
            format: ".3g",
          },
          {
            field: "upper",
            type: "quantitative",
            title: axisTitle(`${ordinal(upper)} percentile`, concUnit),
            format: ".3g",
          },
        ],
      },
    },
  ]);
}

function readBand(value: unknown): [number, number] {
  if (value === undefined) return [5, 95];
  if (!Array.isArray(value) || value.length !== 2)
    throw new InputError(FN, "band", "must be [lower, upper] percentiles", value);
  const [lo, hi] = numberArray(FN, "band", value);
  if (!(lo >= 0 && hi <= 100 && lo < hi))
    throw new InputError(FN, "band", "must satisfy 0 <= lower < upper <= 100", value);
  return [lo, hi];
}

/** 5 → "5th", 2.5 → "2.5th", 50 → "50th", 1 → "1st". */
function ordinal(p: number): string {
  const text = formatNumber(p);
  if (!Number.isInteger(p)) return `${text}th`;
  const mod100 = p % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${text}th`;
  return `${text}${["th", "st", "nd", "rd"][p % 10] ?? "th"}`;
}
