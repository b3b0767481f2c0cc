import { InputError } from "../core/errors";
import { carriesUnits, type SeriesInput } from "../core/series";
import { magnitude, math, type QuantityInput, type Unit } from "../core/units";
import { oneOf, plainObject, positiveNumber } from "../core/validate";
import { interval, validateProfile } from "./options";
import { readUnitProfile } from "./quantities";
import { areaBetween } from "./trapezoid";
import { AUC_METHODS, type AucMethod } from "./types";

/** Options of {@link partialAuc}. */
export interface PartialAucOptions {
  /** Interval start [h], not before the first sample. */
  readonly start: number;
  /** Interval end [h], > start. */
  readonly end: number;
  /** Default `"linear"`. */
  readonly aucMethod?: AucMethod;
  /** Terminal rate constant [1/h] to extrapolate past the last sample (needed only then). */
  readonly lambdaZ?: number;
}

/** Options of {@link partialAuc} for a profile with units: the interval and λz as quantities. */
export interface PartialAucQuantityOptions {
  /** Interval start, a time ("30 min"), not before the first sample. */
  readonly start: QuantityInput;
  /** Interval end, a time, after start. */
  readonly end: QuantityInput;
  /** Default `"linear"`. */
  readonly aucMethod?: AucMethod;
  /** Terminal rate constant ("0.15 h^-1") to extrapolate past the last sample (needed only then). */
  readonly lambdaZ?: QuantityInput;
}

/**
 * The area under the concentration–time curve over [start, end]. Inside the samples the
 * curve is interpolated the way it is integrated — linearly, or log-linearly on declining
 * segments under `"linear-up-log-down"` — so partial areas add up exactly:
 * AUC[a, b] + AUC[b, c] = AUC[a, c]. Past the last sample C(t) = Clast·e^(−λz(t − tlast)).
 * The profile is taken as given: to start at the dose time with NCA's (0, 0) or C0 point,
 * use `nca(time, conc, { ..., partialAucs: [{ start, end }] })` instead.
 *
 * With units, as for `nca`: time and conc as series (or arrays of quantities), start, end and
 * λz as quantities; the area is then a Unit in C·T (pg·h/mL for pg/mL and h). With plain
 * numbers: time [h], concentration [mg/L], λz [1/h], and the area a number [h·mg/L].
 * @param time sampling times, ≥ 0 and strictly increasing: a time series, or numbers [h]
 * @param conc concentrations, ≥ 0: a concentration series, or numbers [mg/L]
 * @param options interval, method and (for extrapolation) λz
 * @returns AUC over [start, end]: a Unit in C·T, or a number [h·mg/L]
 * @throws {InputError} for an invalid profile, start before the first sample, end ≤ start,
 *   an unknown method, or an interval ending past a positive last sample without `lambdaZ`;
 *   with units, also for a wrong dimension or a profile given partly with units
 * @example partialAuc([0, 1, 2], [0, 4, 2], { start: 0.5, end: 1.5 }) // => 3.25
 * @example partialAuc(series([0, 1, 2], "h"), series([0, 4, 2], "pg/mL"), { start: "30 min", end: "90 min" }) // => 3.25 pg*h/mL
 * @example partialAuc(series([0, 60, 120], "min"), series([0, 4, 2], "ng/mL"), { start: "30 min", end: "1.5 h" }).to("ng*h/mL").toNumber() // => 3.25
 */
export function partialAuc(time: readonly number[], conc: readonly number[], options: PartialAucOptions): number;
export function partialAuc(time: SeriesInput, conc: SeriesInput, options: PartialAucQuantityOptions): Unit;
export function partialAuc(
  time: readonly number[] | SeriesInput,
  conc: readonly number[] | SeriesInput,
  options: PartialAucOptions | PartialAucQuantityOptions,
): number | Unit {
  const fn = "partialAuc";
  if (carriesUnits(time) || carriesUnits(conc)) {
    const profile = readUnitProfile(fn, time, conc);
    const o = plainObject(fn, "options", options);
    const T = profile.units.time as string;
    const auc = profile.units.auc as string;
    const t = (arg: "start" | "end"): number =>
      magnitude(fn, `options.${arg}`, o[arg], "time", T, { allowNegative: true });
    const numberOptions: Record<string, unknown> = { ...o, start: t("start"), end: t("end") };
    if (o.lambdaZ !== undefined)
      numberOptions.lambdaZ = magnitude(fn, "options.lambdaZ", o.lambdaZ, "rateConstant", `${T}^-1`);
    const area = areaOver(fn, profile.time.values, profile.conc.values, numberOptions, T);
    // `to` keeps the result in the profile's unit (pg·h/mL, not a re-prefixed one).
    return math.unit(area, auc).to(auc);
  }
  return areaOver(fn, time, conc, options, "h");
}

/** The number path: validate the profile and options (numbers in the profile's units) and integrate. */
function areaOver(fn: string, time: unknown, conc: unknown, options: unknown, timeUnit: string): number {
  const profile = validateProfile(fn, time, conc);
  plainObject(fn, "options", options);
  const { start, end } = interval(fn, "options", options);
  if (start < profile.time[0])
    throw new InputError(
      fn,
      "options.start",
      `must not be before the first sample (${profile.time[0]} ${timeUnit})`,
      start,
    );
  const o = options as Record<string, unknown>;
  const method = o.aucMethod === undefined ? "linear" : oneOf(fn, "options.aucMethod", o.aucMethod, AUC_METHODS);
  const lambdaZ = o.lambdaZ === undefined ? null : positiveNumber(fn, "options.lambdaZ", o.lambdaZ);
  const area = areaBetween(method, profile.time, profile.conc, start, end, lambdaZ);
  if (area === null) {
    throw new InputError(
      fn,
      "options.lambdaZ",
      `is needed to extrapolate past the last sample (${profile.time[profile.time.length - 1]} ${timeUnit})`,
      o.lambdaZ,
    );
  }
  return area;
}
