import { InputError } from "../core/errors";
import type { SeriesInput } from "../core/series";
import { finiteNumber, oneOf, plainObject, positiveNumber, sameLength } from "../core/validate";
import { formatNumber, rangeText } from "./describe";
import { chartAxis, logSpaced } from "./series-input";
import { logAxis } from "./axis-encoding";
import { layeredChart, type ChartLayer, type ChartSpec } from "./spec";
import { axisTitle, modelColor, referenceColor } from "./theme";
import { allPositive, optionalLabel } from "./validate-inputs";

/** A fitted power model exposure = coefficient · dose^exponent (a = coefficient, b = exponent). */
export interface ChartPowerModelFit {
  /** a: exposure at dose 1 [exposureUnit per doseUnit^b], in the units the axes show. */
  coefficient: number;
  /** b: 1 means dose-proportional; > 1 more than proportional (e.g. saturable clearance). */
  exponent: number;
}

export interface DoseProportionalityChartOptions {
  /** Administered doses: numbers [doseUnit] or doses with a unit ("100 ug"), all > 0. */
  dose: readonly number[] | SeriesInput;
  /** Exposure (AUC or Cmax) per dose: numbers [exposureUnit] or exposures with a unit ("12 ng*h/mL"), all > 0. */
  exposure: readonly number[] | SeriesInput;
  /** Unit of the dose axis; optional when the doses carry units (then they are shown in it if given). */
  doseUnit?: string;
  /** Unit of the exposure axis; as doseUnit. */
  exposureUnit?: string;
  /** What the exposure is, e.g. "AUC0–∞" or "Cmax". Default "Exposure". */
  exposureName?: string;
  /** A fit from the science code; without it vega-lite fits the power model (log–log least squares). */
  fit?: ChartPowerModelFit;
  /**
   * The point the line of exact proportionality passes through: "geometric-mean" (default), the
   * geometric means of dose and exposure; or "lowest-dose", the geometric mean exposure at the
   * lowest dose — the microdose, whose exposure scaled linearly is the line.
   */
  proportionalThrough?: "geometric-mean" | "lowest-dose";
  title?: string;
  subtitle?: string;
}

const FN = "doseProportionalityChart";
const PROPORTIONAL = "Exact proportionality (b = 1)";

/**
 * Dose-proportionality on log–log axes with the power model exposure = a · dose^b. On these
 * axes the model is a straight line of slope b. The grey dashed line is exact proportionality
 * (b = 1) through the geometric means or, with `proportionalThrough: "lowest-dose"`, through the
 * lowest dose: the microdose exposure scaled linearly. A steeper fitted line shows exposure
 * rising more than proportionally — the signature of saturable elimination that breaks
 * microdose extrapolation.
 * @param options.dose doses [doseUnit]; options.exposure exposures [exposureUnit], all positive
 * @param options.fit the fitted model; if omitted, vega-lite's `regression` transform with
 *   method "pow" (ordinary least squares on log dose and log exposure) draws it
 * @param options.proportionalThrough "geometric-mean" (default) or "lowest-dose"
 * @throws {InputError} for non-positive or mismatched values, fewer than 2 points, empty units,
 *   a fit with a non-positive coefficient, or an unknown `proportionalThrough`
 * @example doseProportionalityChart({ dose: [0.1, 1, 10, 100], exposure: [2, 20, 200, 2000], doseUnit: "mg", exposureUnit: "ng·h/mL", fit: { coefficient: 20, exponent: 1 } }).description
 * // => "Dose-proportionality on log–log axes: Exposure 2–2000 ng·h/mL against dose 0.1–100 mg, 4 points, with the power model (b = 1) and the line of exact proportionality."
 * @example doseProportionalityChart({ dose: [0.1, 1, 10, 100], exposure: [2, 25, 300, 4000], doseUnit: "mg", exposureUnit: "ng·h/mL", proportionalThrough: "lowest-dose" }).description
 * // => "Dose-proportionality on log–log axes: Exposure 2–4000 ng·h/mL against dose 0.1–100 mg, 4 points, with the power model fitted by least squares on the logs and the line of exact proportionality through the lowest dose."
 * @see 001_079d5926d130f870.txt, "Dose-Proportionality and Extrapolation"
 */
export function doseProportionalityChart(options: DoseProportionalityChartOptions): ChartSpec {
  const opts = plainObject(FN, "options", options);
  const doseAxis = chartAxis(FN, "doseUnit", opts.doseUnit, ["mass", "amount", "massRate"]);
  const exposureAxis = chartAxis(FN, "exposureUnit", opts.exposureUnit, [
    "auc",
    "massConcentration",
    "molarConcentration",
  ]);
  const dose = doseAxis.values("dose", opts.dose);
  const exposure = exposureAxis.values("exposure", opts.exposure);
  sameLength(FN, "dose", dose, "exposure", exposure);
  if (dose.length < 2) throw new InputError(FN, "dose", "must have at least 2 values to show a trend", dose);
  allPositive(FN, "dose", dose, "(the axes are logarithmic)");
  allPositive(FN, "exposure", exposure, "(the axes are logarithmic)");
  const doseUnit = doseAxis.unit();
  const exposureUnit = exposureAxis.unit();
  const exposureName = optionalLabel(FN, "exposureName", opts.exposureName) ?? "Exposure";
  const fit = opts.fit === undefined ? undefined : readFit(opts.fit);
  const through =
    opts.proportionalThrough === undefined
      ? "geometric-mean"
      : oneOf(FN, "proportionalThrough", opts.proportionalThrough, ["geometric-mean", "lowest-dose"] as const);
  const title = optionalLabel(FN, "title", opts.title) ?? `Dose-proportionality of ${exposureName}`;
  const subtitle =
    optionalLabel(FN, "subtitle", opts.subtitle) ??
    (fit
      ? `Power model: ${exposureName} = ${formatNumber(fit.coefficient)} · dose^${formatNumber(fit.exponent)}`
      : undefined);

  const points = dose.map((d, i) => ({ dose: d, exposure: exposure[i] }));
  const x = logAxis("dose", "Dose", doseUnit);
  const y = logAxis("exposure", exposureName, exposureUnit);
  const lineKind = {
    field: "line",
    type: "nominal" as const,
    title: "Line",
    scale: { domain: ["Power model fit", PROPORTIONAL], range: [modelColor, referenceColor] },
  };

  const minDose = Math.min(...dose);
  const maxDose = Math.max(...dose);
  const geoMean = (v: readonly number[]) => Math.exp(v.reduce((s, a) => s + Math.log(a), 0) / v.length);
  // Replicates at the lowest dose (a cohort) anchor the line at their geometric mean exposure.
  const anchor =
    through === "lowest-dose"
      ? { dose: minDose, exposure: geoMean(exposure.filter((_, i) => dose[i] === minDose)) }
      : { dose: geoMean(dose), exposure: geoMean(exposure) };
  const proportional = [minDose, maxDose].map((d) => ({
    dose: d,
    exposure: (anchor.exposure * d) / anchor.dose,
    line: PROPORTIONAL,
  }));

  const fitLayer: ChartLayer = fit
    ? {
        data: {
          values: logSpaced(minDose, maxDose, 40).map((d) => ({
            dose: d,
            exposure: fit.coefficient * d ** fit.exponent,
            line: "Power model fit",
          })),
        },
        mark: { type: "line" },
        encoding: { x, y, color: lineKind },
      }
    : {
        data: { values: points },
        transform: [
          { regression: "exposure", on: "dose", method: "pow" },
          { calculate: "'Power model fit'", as: "line" },
        ],
        mark: { type: "line" },
        encoding: { x, y, color: lineKind },
      };
  const layers: ChartLayer[] = [
    {
      data: { values: proportional },
      mark: { type: "line", strokeDash: [6, 4], strokeWidth: 1.5 },
      encoding: { x, y, color: lineKind },
    },
    fitLayer,
    {
      data: { values: points },
      mark: { type: "point", size: 70, color: "#0072B2" },
      encoding: {
        x,
        y,
        tooltip: [
          { field: "dose", type: "quantitative", title: axisTitle("Dose", doseUnit), format: ".3g" },
          { field: "exposure", type: "quantitative", title: axisTitle(exposureName, exposureUnit), format: ".3g" },
        ],
      },
    },
  ];
  const description =
    `Dose-proportionality on log–log axes: ${exposureName} ${rangeText(exposure, exposureUnit)} against dose ${rangeText(dose, doseUnit)}, ` +
    `${points.length} points, with the power model${fit ? ` (b = ${formatNumber(fit.exponent)})` : " fitted by least squares on the logs"} and the line of exact proportionality` +
    `${through === "lowest-dose" ? " through the lowest dose" : ""}.`;
  return layeredChart({ text: title, subtitle }, description, layers);
}

function readFit(value: unknown): ChartPowerModelFit {
  const fit = plainObject(FN, "fit", value);
  return {
    coefficient: positiveNumber(FN, "fit.coefficient", fit.coefficient),
    exponent: finiteNumber(FN, "fit.exponent", fit.exponent),
  };
}
