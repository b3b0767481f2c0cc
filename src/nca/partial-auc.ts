import { InputError } from "../core/errors";
import { oneOf, plainObject, positiveNumber } from "../core/validate";
import { interval, validateProfile } from "./options";
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

/**
 * The area under the concentration–time curve over [start, end]. Inside the samples the
 * curve is interpolated the way it is integrated — linearly, or log-linearly on declining
 * segments under `"linear-up-log-down"` — so partial areas add up exactly:
 * AUC[a, b] + AUC[b, c] = AUC[a, c]. Past the last sample C(t) = Clast·e^(−λz(t − tlast)).
 * The profile is taken as given: to start at the dose time with NCA's (0, 0) or C0 point,
 * use `nca(time, conc, { ..., partialAucs: [{ start, end }] })` instead.
 * @param time sampling times [h], ≥ 0 and strictly increasing
 * @param conc concentrations [mg/L], ≥ 0
 * @param options interval, method and (for extrapolation) λz
 * @returns AUC over [start, end] [h·mg/L]
 * @throws {InputError} for an invalid profile, start before the first sample, end ≤ start,
 *   an unknown method, or an interval ending past a positive last sample without `lambdaZ`
 * @example partialAuc([0, 1, 2], [0, 4, 2], { start: 0.5, end: 1.5 }) // => 3.25
 */
export function partialAuc(time: readonly number[], conc: readonly number[], options: PartialAucOptions): number {
  const fn = "partialAuc";
  const profile = validateProfile(fn, time, conc);
  plainObject(fn, "options", options);
  const { start, end } = interval(fn, "options", options);
  if (start < profile.time[0])
    throw new InputError(fn, "options.start", `must not be before the first sample (${profile.time[0]} h)`, start);
  const method =
    options.aucMethod === undefined ? "linear" : oneOf(fn, "options.aucMethod", options.aucMethod, AUC_METHODS);
  const lambdaZ = options.lambdaZ === undefined ? null : positiveNumber(fn, "options.lambdaZ", options.lambdaZ);
  const area = areaBetween(method, profile.time, profile.conc, start, end, lambdaZ);
  if (area === null) {
    throw new InputError(
      fn,
      "options.lambdaZ",
      `is needed to extrapolate past the last sample (${profile.time[profile.time.length - 1]} h)`,
      options.lambdaZ,
    );
  }
  return area;
}
