import { InputError } from "../core/errors";
import { readSeries, type ChartAxis, type SeriesRow } from "./series-input";
import { seriesLayer, type SeriesEncoding } from "./series-layer";
import type { ChartLayer } from "./spec";

/**
 * A model drawn as curves with observed or highlighted values as points (a microdose and a
 * therapeutic concentration on an occupancy or clearance curve), both optional but not
 * both absent; they share one legend, curves first.
 */
export interface CurvesAndPoints {
  curves: { rows: SeriesRow[]; names: string[] };
  points: { rows: SeriesRow[]; names: string[] };
  /** Curve rows then point rows: everything on the axes, for checks and the description. */
  all: SeriesRow[];
  /** Every series name, curves first: the legend order. */
  names: string[];
}

/**
 * Reads `options.curves` and `options.points`, each `[{ name, [xKey], [yKey] }, ...]`, as readSeries does.
 * @throws {InputError} on "options" when neither is given, else as readSeries
 */
export function readCurvesAndPoints(
  fn: string,
  opts: Record<string, unknown>,
  xKey: string,
  yKey: string,
  axes: { x?: ChartAxis; y?: ChartAxis },
): CurvesAndPoints {
  if (opts.curves === undefined && opts.points === undefined)
    throw new InputError(fn, "options", "must give curves or points (or both)", opts);
  const read = (arg: "curves" | "points") =>
    opts[arg] === undefined ? { rows: [], names: [] } : readSeries(fn, arg, opts[arg], xKey, yKey, axes);
  const curves = read("curves");
  const points = read("points");
  return { curves, points, all: [...curves.rows, ...points.rows], names: [...curves.names, ...points.names] };
}

/**
 * The layers: a line per curve, a large point per value, coloured together under "Series".
 * @param encoding the x and y channels and their tooltip entries
 */
export function curvesAndPointsLayers(
  { curves, points, names }: CurvesAndPoints,
  encoding: Omit<SeriesEncoding, "mark">,
): ChartLayer[] {
  return [
    ...(curves.rows.length > 0 ? [seriesLayer(curves.rows, names, "Series", { mark: "line", ...encoding })] : []),
    ...(points.rows.length > 0
      ? [seriesLayer(points.rows, names, "Series", { mark: { type: "point", size: 80 }, ...encoding })]
      : []),
  ];
}
