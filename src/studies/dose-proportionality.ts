import { InputError } from "../core/errors";
import { carriesUnits, readSeries, type ReadSeries, type SeriesInput } from "../core/series";
import { math, quantity, type QuantityInput, type Unit } from "../core/units";
import { numberArray, plainObject, positiveNumber, sameLength } from "../core/validate";
import { studentTQuantile } from "./student-t";

export interface DoseProportionalityOptions {
  /** Confidence level of the interval for b (default 0.9). */
  confidence?: number;
  /** Lower equivalence limit θL for the exposure ratio (default 0.8). */
  thetaLow?: number;
  /** Upper equivalence limit θH (default 1.25). */
  thetaHigh?: number;
}

export interface DoseProportionalityResult {
  /** Power-model coefficient a in AUC = a · Dose^b (exposure units per dose unit^b). */
  a: number;
  /** Slope b on the log–log scale; b = 1 is exact proportionality. */
  b: number;
  /** Standard error of b. */
  bSe: number;
  /** Confidence interval for b at the requested level. */
  ci: [number, number];
  /** Residual degrees of freedom, n − 2. */
  df: number;
  /** r = highest dose / lowest dose. */
  doseRatio: number;
  /** Acceptance interval (1 + ln θL / ln r, 1 + ln θH / ln r) that the CI must lie within. */
  acceptance: [number, number];
  /** True when the whole CI for b lies within the acceptance interval. */
  proportional: boolean;
  /** The largest dose ratio over which the data support proportionality (Smith et al. 2000, ρ1). */
  maxProportionalDoseRatio: number;
  /** The verdict in one sentence. */
  conclusion: string;
}

/**
 * The fit with units. b, its CI and the dose ratio are dimensionless and identical to a number
 * call. The coefficient a carries the unit exposure / dose^b, which depends on the fitted b and
 * on the units chosen (a at 1 mg is not a at 1 ug); mathjs cannot hold a fractional power of a
 * unit exactly, so `a` stays the number in the units of the input (`aUnit` says which) and
 * `predict` is the unit-safe way to use it.
 */
export interface DoseProportionalityQuantityResult extends DoseProportionalityResult {
  /** a in `aUnit`: exposure at a dose of one `doseUnit`, for the units the doses and exposures came in. */
  a: number;
  /** The unit of a, e.g. "mg h / L per mg^1.02" (exposure unit per dose unit to the power b). */
  aUnit: string;
  /** The unit of the doses as given, e.g. "mg". */
  doseUnit: string;
  /** The unit of the exposures as given, e.g. "mg h / L". */
  exposureUnit: string;
  /** Fitted exposure a · dose^b at a dose (a mass or amount like the doses), in `exposureUnit`. */
  predict(dose: QuantityInput): Unit;
}

/**
 * Dose proportionality by the power model AUC = a · Dose^b, fitted as the straight line
 * ln AUC = ln a + b · ln Dose by ordinary least squares, with a t-based confidence
 * interval for b. The criterion of Smith et al. (2000, Pharm Res 17:1278): doses are
 * proportional over a ratio r = Dmax/Dmin when the whole CI for b lies within
 * (1 + ln θL / ln r, 1 + ln θH / ln r), θL = 0.8, θH = 1.25 by default. Linear PK is what
 * lets a microdose predict therapeutic exposure; this test is how it is checked.
 *
 * @param doses administered doses [any one unit], > 0, at least two distinct values; or a series
 *   of masses or amounts (`series([0.1, 1, 10], "mg")`, `["100 ug", "1 mg"]`)
 * @param exposures AUC or Cmax for each dose [any one unit], > 0; same length, n >= 3; or a
 *   series of AUCs or concentrations (then doses must carry units too)
 * @param opts confidence (default 0.9), thetaLow (0.8), thetaHigh (1.25)
 * @returns a, b, SE and CI of b, acceptance interval, verdict and ρ1. With units, a is the number in
 *   `aUnit` (exposure unit per dose unit^b, the units of the input) and `predict(dose)` returns an exposure
 * @throws {InputError} on fewer than 3 points, non-positive values, all doses equal, or invalid options
 * @example doseProportionality([0.1, 0.1, 0.1, 100, 100, 100], [1, 1.1, 0.9, 1000, 1100, 900]).b // => 1
 * @example doseProportionality(series([100, 100, 100, 100000, 100000, 100000], "ug"), series([1, 1.1, 0.9, 1000, 1100, 900], "ng*h/mL")).b // => 1
 * @example doseProportionality(series([0.1, 1, 10, 100], "mg"), series([2, 20, 200, 2000], "ng*h/mL")).predict("500 ug") // => 10 ng*h/mL
 * @see 001_079d5926d130f870.txt, "Dose-Proportionality and Extrapolation"
 */
export function doseProportionality(
  doses: SeriesInput,
  exposures: SeriesInput,
  opts?: DoseProportionalityOptions,
): DoseProportionalityQuantityResult;
export function doseProportionality(
  doses: readonly number[],
  exposures: readonly number[],
  opts?: DoseProportionalityOptions,
): DoseProportionalityResult;
export function doseProportionality(
  doses: readonly number[] | SeriesInput,
  exposures: readonly number[] | SeriesInput,
  opts: DoseProportionalityOptions = {},
): DoseProportionalityResult | DoseProportionalityQuantityResult {
  const fn = "doseProportionality";
  if (carriesUnits(doses) || carriesUnits(exposures)) return withUnits(fn, doses, exposures, opts);
  const o = plainObject(fn, "opts", opts);
  const d = numberArray(fn, "doses", doses as readonly number[], { minLength: 3 });
  const y = numberArray(fn, "exposures", exposures as readonly number[], { minLength: 3 });
  sameLength(fn, "doses", d, "exposures", y);
  d.forEach((v, i) => positiveNumber(fn, `doses[${i}]`, v));
  y.forEach((v, i) => positiveNumber(fn, `exposures[${i}]`, v));
  const confidence = o.confidence === undefined ? 0.9 : positiveNumber(fn, "opts.confidence", o.confidence);
  if (confidence >= 1) throw new InputError(fn, "opts.confidence", "must be between 0 and 1 (exclusive)", confidence);
  const thetaLow = o.thetaLow === undefined ? 0.8 : positiveNumber(fn, "opts.thetaLow", o.thetaLow);
  const thetaHigh = o.thetaHigh === undefined ? 1.25 : positiveNumber(fn, "opts.thetaHigh", o.thetaHigh);
  if (!(thetaLow < 1 && thetaHigh > 1))
    throw new InputError(fn, "opts", "needs thetaLow < 1 < thetaHigh", { thetaLow, thetaHigh });
  const dMin = Math.min(...d);
  const dMax = Math.max(...d);
  if (dMax === dMin) throw new InputError(fn, "doses", "must contain at least two different doses", doses);

  const x = d.map(Math.log);
  const ly = y.map(Math.log);
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = ly.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (ly[i] - my);
  }
  const b = sxy / sxx;
  const lnA = my - b * mx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (ly[i] - lnA - b * x[i]) ** 2;
  const df = n - 2;
  const bSe = Math.sqrt(rss / df / sxx);
  const t = studentTQuantile(1 - (1 - confidence) / 2, df);
  const ci: [number, number] = [b - t * bSe, b + t * bSe];
  const r = dMax / dMin;
  const acceptance: [number, number] = [1 + Math.log(thetaLow) / Math.log(r), 1 + Math.log(thetaHigh) / Math.log(r)];
  const proportional = ci[0] >= acceptance[0] && ci[1] <= acceptance[1];
  // ρ1: the largest r for which this CI would still fall inside the acceptance interval.
  const fromUpper = ci[1] > 1 ? Math.exp(Math.log(thetaHigh) / (ci[1] - 1)) : Infinity;
  const fromLower = ci[0] < 1 ? Math.exp(Math.log(thetaLow) / (ci[0] - 1)) : Infinity;
  const maxProportionalDoseRatio = Math.min(fromUpper, fromLower);
  const pct = Math.round(confidence * 100);
  const fmt = (v: number): string => v.toFixed(3);
  const conclusion = proportional
    ? `The ${pct} % CI for b (${fmt(ci[0])}, ${fmt(ci[1])}) lies within the acceptance interval (${fmt(acceptance[0])}, ${fmt(acceptance[1])}) for a dose ratio of ${Number(r.toPrecision(4))}: exposure is dose-proportional over this range.`
    : `The ${pct} % CI for b (${fmt(ci[0])}, ${fmt(ci[1])}) is not within the acceptance interval (${fmt(acceptance[0])}, ${fmt(acceptance[1])}) for a dose ratio of ${Number(r.toPrecision(4))}: dose proportionality is not shown${Number.isFinite(maxProportionalDoseRatio) ? `; the data support it only over a dose ratio of ${Number(maxProportionalDoseRatio.toPrecision(3))}` : ""}.`;
  return {
    a: Math.exp(lnA),
    b,
    bSe,
    ci,
    df,
    doseRatio: r,
    acceptance,
    proportional,
    maxProportionalDoseRatio,
    conclusion,
  };
}

/** Doses and exposures with units: read each series in its own unit, fit on those numbers, attach the units. */
function withUnits(
  fn: string,
  doses: unknown,
  exposures: unknown,
  opts: DoseProportionalityOptions,
): DoseProportionalityQuantityResult {
  const d = unitSeries(fn, "doses", doses, ["mass", "amount"], 'series([0.1, 1, 10], "mg")');
  const y = unitSeries(
    fn,
    "exposures",
    exposures,
    ["auc", "massConcentration", "molarConcentration"],
    'series([2, 20, 200], "ng*h/mL")',
  );
  const fit = doseProportionality(d.values, y.values, opts);
  const doseUnit = d.unit.formatUnits();
  const exposureUnit = y.unit.formatUnits();
  const doseKind = d.unit.equalBase(math.unit("g")) ? "mass" : "amount";
  const predict = (dose: QuantityInput): Unit => {
    const x = quantity("DoseProportionalityResult.predict", "dose", dose, doseKind, { allowZero: false });
    return math.unit(fit.a * x.toNumber(doseUnit) ** fit.b, exposureUnit).to(exposureUnit);
  };
  return {
    ...fit,
    aUnit: `${exposureUnit} per ${doseUnit}^${Number(fit.b.toPrecision(4))}`,
    doseUnit,
    exposureUnit,
    predict,
  };
}

/** One series argument of a call with units; a plain number array beside a series is the mixing error. */
function unitSeries(
  fn: string,
  arg: string,
  value: unknown,
  kinds: Parameters<typeof readSeries>[3],
  example: string,
): ReadSeries {
  if (!carriesUnits(value) && Array.isArray(value))
    throw new InputError(
      fn,
      arg,
      `must carry units like the other inputs, e.g. ${example} (or give every input as plain numbers)`,
      value,
    );
  return readSeries(fn, arg, value, kinds);
}
