import { plainObject, positiveNumber } from "../core/validate";
import { formatNumber, listText, rangeText } from "./describe";
import type { SeriesInput } from "../core/series";
import type { QuantityInput } from "../core/units";
import { readCurvesAndPoints, curvesAndPointsLayers } from "./curves-and-points";
import { referenceLine } from "./reference-line";
import { chartAxis } from "./series-input";
import { logAxis, percentAxis } from "./axis-encoding";
import { layeredChart, type ChartSpec } from "./spec";
import { axisTitle } from "./theme";
import { allFractions, allPositive, optionalLabel } from "./validate-inputs";

/** One occupancy curve or set of points: concentration [concUnit] against occupancy (fraction). */
export interface OccupancyChartSeries {
  name: string;
  /** Unbound concentration at the target: numbers [concUnit] or concentrations with a unit, all > 0 (log axis). */
  conc: readonly number[] | SeriesInput;
  /** Fraction of receptors occupied, in [0, 1]. */
  occupancy: readonly number[];
}

export interface OccupancyChartOptions {
  /** Model curves, drawn as lines. */
  curves?: readonly OccupancyChartSeries[];
  /** Observed or highlighted values (e.g. microdose vs therapeutic C_max,u), drawn as points. */
  points?: readonly OccupancyChartSeries[];
  /** Unit of the concentration axis, e.g. "nM"; optional when the concentrations carry units (then they are shown in it if given). */
  concUnit?: string;
  /** Dissociation constant [concUnit] or a quantity ("5 nM"); marked where occupancy is 50 %. */
  kd?: number | QuantityInput;
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
  const concAxis = chartAxis(FN, "concUnit", opts.concUnit, ["massConcentration", "molarConcentration"]);
  const set = readCurvesAndPoints(FN, opts, "conc", "occupancy", { x: concAxis });
  const concs = set.all.map((r) => r.x);
  const occupancies = set.all.map((r) => r.y);
  allPositive(FN, "conc", concs, "(the concentration axis is logarithmic)");
  allFractions(FN, "occupancy", occupancies);
  const kd = opts.kd === undefined ? undefined : concAxis.scalar("kd", opts.kd, positiveNumber);
  const concUnit = concAxis.unit();
  const title = optionalLabel(FN, "title", opts.title) ?? "Receptor occupancy vs unbound concentration";
  const subtitle = optionalLabel(FN, "subtitle", opts.subtitle);

  const x = logAxis("x", "Unbound concentration", concUnit);
  const y = percentAxis("y", "Receptor occupancy");
  const tooltip = [
    { field: "x", type: "quantitative" as const, title: axisTitle("Concentration", concUnit), format: ".3g" },
    { field: "y", type: "quantitative" as const, title: axisTitle("Occupancy", "%"), format: ".2%" },
  ];
  const layers = [
    ...curvesAndPointsLayers(set, { x, y, tooltip }),
    ...(kd !== undefined ? referenceLine("x", kd, `Kd ${formatNumber(kd)} ${concUnit}`) : []),
  ];
  const description =
    `Receptor occupancy against unbound concentration (log axis) for ${listText(set.names)}: ` +
    `concentration ${rangeText(concs, concUnit)}, occupancy ${rangeText(
      occupancies.map((v) => v * 100),
      "%",
    )}.` +
    (kd !== undefined ? ` Dashed line: Kd ${formatNumber(kd)} ${concUnit} (50 % occupancy).` : "");
  return layeredChart({ text: title, subtitle }, description, layers);
}
