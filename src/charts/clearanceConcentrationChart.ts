import { InputError } from "../core/errors";
import { plainObject, positiveNumber } from "../core/validate";
import { formatNumber, listText, rangeText } from "./describe";
import { readSeries } from "./seriesInput";
import { layeredChart, type ChartLayer, type ChartSpec } from "./spec";
import { axisTitle, referenceColor, seriesColorScale } from "./theme";
import { allPositive, label, optionalLabel } from "./validateInputs";

/** Clearance at a set of concentrations. */
export interface ClearanceChartSeries {
  name: string;
  /** Concentration [concUnit], all > 0 (log axis). */
  conc: readonly number[];
  /** Clearance at that concentration [clearanceUnit]. */
  clearance: readonly number[];
}

export interface ClearanceConcentrationChartOptions {
  /** Model curves, e.g. CL = Vmax / (Km + C) over a log-spaced grid. */
  curves?: readonly ClearanceChartSeries[];
  /** Observed or highlighted values, drawn as points. */
  points?: readonly ClearanceChartSeries[];
  concUnit: string;
  clearanceUnit: string;
  /** Michaelis constant [concUnit], marked where clearance has fallen to half its maximum. */
  km?: number;
  title?: string;
  subtitle?: string;
}

const FN = "clearanceConcentrationChart";

/**
 * Clearance against concentration for saturable (Michaelis–Menten) elimination,
 * CL = Vmax / (Km + C), on a log concentration axis. Far below Km clearance is flat — the
 * linear world a microdose samples — and it falls towards zero as concentrations approach
 * and exceed Km, where exposure grows more than proportionally with dose.
 * @param options.curves lines; options.points highlighted values (e.g. microdose and therapeutic Cmax)
 * @throws {InputError} when neither curves nor points are given, a concentration is ≤ 0,
 *   a clearance is negative, arrays differ in length, units are empty or km ≤ 0
 * @example clearanceConcentrationChart({ curves: [{ name: "MM", conc: [0.1, 10, 1000], clearance: [9.99, 5, 0.099] }], concUnit: "mg/L", clearanceUnit: "L/h", km: 10 }).description
 * // => "Clearance against concentration (log axis) for MM: concentration 0.1–1000 mg/L, clearance 0.099–9.99 L/h. Dashed line: Km 10 mg/L."
 * @see 001_079d5926d130f870.txt, "The Limits of Linearity: Saturable Processes"
 */
export function clearanceConcentrationChart(options: ClearanceConcentrationChartOptions): ChartSpec {
  const opts = plainObject(FN, "options", options);
  const concUnit = label(FN, "concUnit", opts.concUnit);
  const clearanceUnit = label(FN, "clearanceUnit", opts.clearanceUnit);
  if (opts.curves === undefined && opts.points === undefined)
    throw new InputError(FN, "options", "must give curves or points (or both)", opts);
  const curves =
    opts.curves === undefined ? { rows: [], names: [] } : readSeries(FN, "curves", opts.curves, "conc", "clearance");
  const points =
    opts.points === undefined ? { rows: [], names: [] } : readSeries(FN, "points", opts.points, "conc", "clearance");
  const all = [...curves.rows, ...points.rows];
  allPositive(
    FN,
    "conc",
    all.map((r) => r.x),
    "(the concentration axis is logarithmic)",
  );
  const negative = all.find((r) => r.y < 0);
  if (negative) throw new InputError(FN, "clearance", "must not contain negative values", negative.y);
  const km = opts.km === undefined ? undefined : positiveNumber(FN, "km", opts.km);
  const title = optionalLabel(FN, "title", opts.title) ?? "Clearance vs concentration (Michaelis–Menten)";
  const subtitle = optionalLabel(FN, "subtitle", opts.subtitle);

  const x = {
    field: "x",
    type: "quantitative" as const,
    title: axisTitle("Concentration, log scale", concUnit),
    scale: { type: "log" as const },
  };
  const y = {
    field: "y",
    type: "quantitative" as const,
    title: axisTitle("Clearance", clearanceUnit),
    scale: { zero: true },
  };
  const color = {
    field: "series",
    type: "nominal" as const,
    title: "Series",
    sort: [...curves.names, ...points.names],
    scale: seriesColorScale(curves.names.length + points.names.length),
  };
  const tooltip = [
    { field: "series", type: "nominal" as const, title: "Series" },
    { field: "x", type: "quantitative" as const, title: axisTitle("Concentration", concUnit), format: ".3g" },
    { field: "y", type: "quantitative" as const, title: axisTitle("Clearance", clearanceUnit), format: ".3g" },
  ];
  const layers: ChartLayer[] = [];
  if (curves.rows.length > 0)
    layers.push({ data: { values: curves.rows }, mark: "line", encoding: { x, y, color, tooltip } });
  if (points.rows.length > 0)
    layers.push({
      data: { values: points.rows },
      mark: { type: "point", size: 80 },
      encoding: { x, y, color, tooltip },
    });
  if (km !== undefined) {
    const single = { values: [{}] };
    layers.push(
      {
        data: single,
        mark: { type: "rule", strokeDash: [6, 4], color: referenceColor },
        encoding: { x: { datum: km, type: "quantitative" } },
      },
      {
        data: single,
        mark: { type: "text", align: "left", baseline: "top", dx: 4, dy: 4, color: referenceColor, fontSize: 11 },
        encoding: {
          x: { datum: km, type: "quantitative" },
          y: { value: 0 },
          text: { value: `Km ${formatNumber(km)} ${concUnit}` },
        },
      },
    );
  }
  const description =
    `Clearance against concentration (log axis) for ${listText([...curves.names, ...points.names])}: ` +
    `concentration ${rangeText(
      all.map((r) => r.x),
      concUnit,
    )}, clearance ${rangeText(
      all.map((r) => r.y),
      clearanceUnit,
    )}.` +
    (km !== undefined ? ` Dashed line: Km ${formatNumber(km)} ${concUnit}.` : "");
  return layeredChart({ text: title, subtitle }, description, layers);
}
