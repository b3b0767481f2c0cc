import { InputError } from "../core/errors";
import { finiteNumber, plainObject, positiveNumber } from "../core/validate";
import { formatNumber, rangeText } from "./describe";
import { logSpaced } from "./seriesInput";
import { layeredChart, type ChartLayer, type ChartSpec } from "./spec";
import { axisTitle, modelColor, referenceColor } from "./theme";
import { allPositive, label, optionalLabel, pairedArrays } from "./validateInputs";

/** A fitted power model exposure = coefficient · dose^exponent (β = exponent). */
export interface ChartPowerModelFit {
  /** α: exposure at dose 1 [exposureUnit per doseUnit^β]. */
  coefficient: number;
  /** β: 1 means dose-proportional; > 1 more than proportional (e.g. saturable clearance). */
  exponent: number;
}

export interface DoseProportionalityChartOptions {
  /** Administered doses [doseUnit], all > 0. */
  dose: readonly number[];
  /** Exposure (AUC or Cmax) per dose [exposureUnit], all > 0. */
  exposure: readonly number[];
  doseUnit: string;
  exposureUnit: string;
  /** What the exposure is, e.g. "AUC0–∞" or "Cmax". Default "Exposure". */
  exposureName?: string;
  /** A fit from the science code; without it vega-lite fits the power model (log–log least squares). */
  fit?: ChartPowerModelFit;
  title?: string;
  subtitle?: string;
}

const FN = "doseProportionalityChart";

/**
 * Dose-proportionality on log–log axes with the power model exposure = α · dose^β. On these
 * axes the model is a straight line of slope β; the grey dashed line is exact proportionality
 * (β = 1) through the geometric means, so a steeper fitted line shows exposure rising more
 * than proportionally — the signature of saturable elimination that breaks microdose
 * extrapolation.
 * @param options.dose doses [doseUnit]; options.exposure exposures [exposureUnit], all positive
 * @param options.fit the fitted model; if omitted, vega-lite's `regression` transform with
 *   method "pow" (ordinary least squares on log dose and log exposure) draws it
 * @throws {InputError} for non-positive or mismatched values, fewer than 2 points, empty units,
 *   or a fit with a non-positive coefficient
 * @example doseProportionalityChart({ dose: [0.1, 1, 10, 100], exposure: [2, 20, 200, 2000], doseUnit: "mg", exposureUnit: "ng·h/mL", fit: { coefficient: 20, exponent: 1 } }).description
 * // => "Dose-proportionality on log–log axes: Exposure 2–2000 ng·h/mL against dose 0.1–100 mg, 4 points, with the power model (β = 1) and the line of exact proportionality."
 * @see 001_079d5926d130f870.txt, "Dose-Proportionality and Extrapolation"
 */
export function doseProportionalityChart(options: DoseProportionalityChartOptions): ChartSpec {
  const opts = plainObject(FN, "options", options);
  const { x: dose, y: exposure } = pairedArrays(FN, "dose", opts.dose, "exposure", opts.exposure);
  if (dose.length < 2) throw new InputError(FN, "dose", "must have at least 2 values to show a trend", dose);
  allPositive(FN, "dose", dose, "(the axes are logarithmic)");
  allPositive(FN, "exposure", exposure, "(the axes are logarithmic)");
  const doseUnit = label(FN, "doseUnit", opts.doseUnit);
  const exposureUnit = label(FN, "exposureUnit", opts.exposureUnit);
  const exposureName = optionalLabel(FN, "exposureName", opts.exposureName) ?? "Exposure";
  const fit = opts.fit === undefined ? undefined : readFit(opts.fit);
  const title = optionalLabel(FN, "title", opts.title) ?? `Dose-proportionality of ${exposureName}`;
  const subtitle = optionalLabel(FN, "subtitle", opts.subtitle) ?? (fit ? `Power model: ${exposureName} = ${formatNumber(fit.coefficient)} · dose^${formatNumber(fit.exponent)}` : undefined);

  const points = dose.map((d, i) => ({ dose: d, exposure: exposure[i] }));
  const x = { field: "dose", type: "quantitative" as const, title: axisTitle("Dose, log scale", doseUnit), scale: { type: "log" as const } };
  const y = { field: "exposure", type: "quantitative" as const, title: axisTitle(`${exposureName}, log scale`, exposureUnit), scale: { type: "log" as const } };
  const lineKind = { field: "line", type: "nominal" as const, title: "Line", scale: { domain: ["Power model fit", "Exact proportionality (β = 1)"], range: [modelColor, referenceColor] } };

  const minDose = Math.min(...dose);
  const maxDose = Math.max(...dose);
  const geoMean = (v: readonly number[]) => Math.exp(v.reduce((s, a) => s + Math.log(a), 0) / v.length);
  const gmDose = geoMean(dose);
  const gmExposure = geoMean(exposure);
  const proportional = [minDose, maxDose].map((d) => ({ dose: d, exposure: (gmExposure * d) / gmDose, line: "Exact proportionality (β = 1)" }));

  const fitLayer: ChartLayer = fit
    ? {
        data: { values: logSpaced(minDose, maxDose, 40).map((d) => ({ dose: d, exposure: fit.coefficient * d ** fit.exponent, line: "Power model fit" })) },
        mark: { type: "line" },
        encoding: { x, y, color: lineKind },
      }
    : {
        data: { values: points },
        transform: [{ regression: "exposure", on: "dose", method: "pow" }, { calculate: "'Power model fit'", as: "line" }],
        mark: { type: "line" },
        encoding: { x, y, color: lineKind },
      };
  const layers: ChartLayer[] = [
    { data: { values: proportional }, mark: { type: "line", strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { x, y, color: lineKind } },
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
    `${points.length} points, with the power model${fit ? ` (β = ${formatNumber(fit.exponent)})` : " fitted by least squares on the logs"} and the line of exact proportionality.`;
  return layeredChart({ text: title, subtitle }, description, layers);
}

function readFit(value: unknown): ChartPowerModelFit {
  const fit = plainObject(FN, "fit", value);
  return { coefficient: positiveNumber(FN, "fit.coefficient", fit.coefficient), exponent: finiteNumber(FN, "fit.exponent", fit.exponent) };
}
