import { InputError } from "../core/errors";
import { plainObject, positiveNumber } from "../core/validate";
import { formatNumber, listText, rangeText } from "./describe";
import { readSeries } from "./seriesInput";
import { layeredChart, type ChartLayer, type ChartSpec } from "./spec";
import { axisTitle, referenceColor, seriesColorScale } from "./theme";
import { allFractions, allPositive, label, optionalLabel } from "./validateInputs";

/** One occupancy curve or set of points: concentration [concUnit] against occupancy (fraction). */
export interface OccupancyChartSeries {
  name: string;
  /** Unbound concentration at the target [concUnit], all > 0 (log axis). */
  conc: readonly number[];
  /** Fraction of receptors occupied, in [0, 1]. */
  occupancy: readonly number[];
}

export interface OccupancyChartOptions {
  /** Model curves, drawn as lines. */
  curves?: readonly OccupancyChartSeries[];
  /** Observed or highlighted values (e.g. microdose vs therapeutic C_max,u), drawn as points. */
  points?: readonly OccupancyChartSeries[];
  /** Unit of the concentrations, e.g. "nM". */
  concUnit: string;
  /** Dissociation constant [concUnit]; marked where occupancy is 50 %. */
  kd?: number;
  title?: string;
  subtitle?: string;
}

const FN = "occupancyChart";

/**
 * Receptor occupancy against unbound concentration on a log concentration axis, where the
 * hyperbola ρ = C_u / (C_u + K_d) becomes the familiar sigmoid centred on K_d. Marking a
 * microdose and a therapeutic C_max,u as points shows the PK–PD disconnect at a glance:
 * three decades below K_d, occupancy is about 0.1 %.
 * @param options.curves lines, e.g. computed with receptorOccupancy over a log-spaced grid
 * @param options.points highlighted values
 * @returns a vega-lite v5 spec; occupancy is shown in percent
 * @throws {InputError} when neither curves nor points are given, a concentration is ≤ 0,
 *   an occupancy is outside [0, 1], arrays differ in length, or kd is not positive
 * @example occupancyChart({ curves: [{ name: "Kd 5 nM", conc: [0.5, 5, 50], occupancy: [0.0909, 0.5, 0.909] }], concUnit: "nM", kd: 5 }).description
 * // => "Receptor occupancy against unbound concentration (log axis) for Kd 5 nM: concentration 0.5–50 nM, occupancy 9.09–90.9 %. Dashed line: Kd 5 nM (50 % occupancy)."
 * @see 001_079d5926d130f870.txt, "The Pharmacokinetic-Pharmacodynamic Disconnect"
 */
export function occupancyChart(options: OccupancyChartOptions): ChartSpec {
  const opts = plainObject(FN, "options", options);
  const concUnit = label(FN, "concUnit", opts.concUnit);
  if (opts.curves === undefined && opts.points === undefined) {
    throw new InputError(FN, "options", "must give curves or points (or both)", opts);
  }
  const curves =
    opts.curves === undefined ? { rows: [], names: [] } : readSeries(FN, "curves", opts.curves, "conc", "occupancy");
  const points =
    opts.points === undefined ? { rows: [], names: [] } : readSeries(FN, "points", opts.points, "conc", "occupancy");
  const all = [...curves.rows, ...points.rows];
  allPositive(
    FN,
    "conc",
    all.map((r) => r.x),
    "(the concentration axis is logarithmic)",
  );
  allFractions(
    FN,
    "occupancy",
    all.map((r) => r.y),
  );
  const kd = opts.kd === undefined ? undefined : positiveNumber(FN, "kd", opts.kd);
  const title = optionalLabel(FN, "title", opts.title) ?? "Receptor occupancy vs unbound concentration";
  const subtitle = optionalLabel(FN, "subtitle", opts.subtitle);

  const x = {
    field: "x",
    type: "quantitative" as const,
    title: axisTitle("Unbound concentration, log scale", concUnit),
    scale: { type: "log" as const },
  };
  const y = {
    field: "y",
    type: "quantitative" as const,
    title: axisTitle("Receptor occupancy", "%"),
    axis: { format: ".0%" },
    scale: { domain: [0, 1] },
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
    { field: "y", type: "quantitative" as const, title: axisTitle("Occupancy", "%"), format: ".2%" },
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
  if (kd !== undefined) {
    const single = { values: [{}] };
    layers.push(
      {
        data: single,
        mark: { type: "rule", strokeDash: [6, 4], color: referenceColor },
        encoding: { x: { datum: kd, type: "quantitative" } },
      },
      {
        data: single,
        mark: { type: "text", align: "left", baseline: "top", dx: 4, dy: 4, color: referenceColor, fontSize: 11 },
        encoding: {
          x: { datum: kd, type: "quantitative" },
          y: { value: 0 },
          text: { value: `Kd ${formatNumber(kd)} ${concUnit}` },
        },
      },
    );
  }
  const description =
    `Receptor occupancy against unbound concentration (log axis) for ${listText([...curves.names, ...points.names])}: ` +
    `concentration ${rangeText(
      all.map((r) => r.x),
      concUnit,
    )}, occupancy ${rangeText(
      all.map((r) => r.y * 100),
      "%",
    )}.` +
    (kd !== undefined ? ` Dashed line: Kd ${formatNumber(kd)} ${concUnit} (50 % occupancy).` : "");
  return layeredChart({ text: title, subtitle }, description, layers);
}
