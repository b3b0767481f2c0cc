import { InputError } from "../core/errors";
import { plainObject, positiveNumber } from "../core/validate";
import { formatNumber, listText, rangeText } from "./describe";
import type { SeriesInput } from "../core/series";
import type { QuantityInput } from "../core/units";
import { readCurvesAndPoints, curvesAndPointsLayers } from "./curves-and-points";
import { referenceLine } from "./reference-line";
import { chartAxis } from "./series-input";
import { logAxis } from "./axis-encoding";
import { layeredChart, type ChartSpec } from "./spec";
import { axisTitle } from "./theme";
import { allPositive, optionalLabel } from "./validate-inputs";

/** Clearance at a set of concentrations. */
export interface ClearanceChartSeries {
  name: string;
  /** Concentration: numbers [concUnit] or concentrations with a unit, all > 0 (log axis). */
  conc: readonly number[] | SeriesInput;
  /** Clearance at that concentration: numbers [clearanceUnit] or clearances with a unit ("L/h"). */
  clearance: readonly number[] | SeriesInput;
}

export interface ClearanceConcentrationChartOptions {
  /** Model curves, e.g. CL = Vmax / (Km + C) over a log-spaced grid. */
  curves?: readonly ClearanceChartSeries[];
  /** Observed or highlighted values, drawn as points. */
  points?: readonly ClearanceChartSeries[];
  /** Unit of the concentration axis; optional when the concentrations carry units (then they are shown in it if given). */
  concUnit?: string;
  /** Unit of the clearance axis; as concUnit. */
  clearanceUnit?: string;
  /** Michaelis constant [concUnit] or a quantity ("10 mg/L"), marked where clearance has fallen to half its maximum. */
  km?: number | QuantityInput;
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
  const concAxis = chartAxis(FN, "concUnit", opts.concUnit, ["massConcentration", "molarConcentration"]);
  const clearanceAxis = chartAxis(FN, "clearanceUnit", opts.clearanceUnit, ["clearance"]);
  const set = readCurvesAndPoints(FN, opts, "conc", "clearance", { x: concAxis, y: clearanceAxis });
  const concs = set.all.map((r) => r.x);
  const clearances = set.all.map((r) => r.y);
  allPositive(FN, "conc", concs, "(the concentration axis is logarithmic)");
  const negative = clearances.find((v) => v < 0);
  if (negative !== undefined) throw new InputError(FN, "clearance", "must not contain negative values", negative);
  const km = opts.km === undefined ? undefined : concAxis.scalar("km", opts.km, positiveNumber);
  const concUnit = concAxis.unit();
  const clearanceUnit = clearanceAxis.unit();
  const title = optionalLabel(FN, "title", opts.title) ?? "Clearance vs concentration (Michaelis–Menten)";
  const subtitle = optionalLabel(FN, "subtitle", opts.subtitle);

  const x = logAxis("x", "Concentration", concUnit);
  const y = {
    field: "y",
    type: "quantitative" as const,
    title: axisTitle("Clearance", clearanceUnit),
    scale: { zero: true },
  };
  const tooltip = [
    { field: "x", type: "quantitative" as const, title: axisTitle("Concentration", concUnit), format: ".3g" },
    { field: "y", type: "quantitative" as const, title: axisTitle("Clearance", clearanceUnit), format: ".3g" },
  ];
  const layers = [
    ...curvesAndPointsLayers(set, { x, y, tooltip }),
    ...(km !== undefined ? referenceLine("x", km, `Km ${formatNumber(km)} ${concUnit}`) : []),
  ];
  const description =
    `Clearance against concentration (log axis) for ${listText(set.names)}: ` +
    `concentration ${rangeText(concs, concUnit)}, clearance ${rangeText(clearances, clearanceUnit)}.` +
    (km !== undefined ? ` Dashed line: Km ${formatNumber(km)} ${concUnit}.` : "");
  return layeredChart({ text: title, subtitle }, description, layers);
}
