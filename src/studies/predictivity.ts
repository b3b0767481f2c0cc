import { numberArray, plainObject, positiveNumber, sameLength } from "../core/validate";
import { InputError } from "../core/errors";
import { carriesUnits, readSeries, type SeriesInput } from "../core/series";
import { conversionFactor } from "../pk/quantities";

export interface PredictivityOptions {
  /** A prediction succeeds when its fold error is at most this (default 2). */
  fold?: number;
}

export interface PredictivityResult {
  n: number;
  /** Fold error of each pair, max(P/O, O/P). */
  foldErrors: number[];
  /** Which pairs are within the fold criterion. */
  within: boolean[];
  /** Number of pairs within the criterion. */
  withinCount: number;
  /** withinCount / n. */
  successRate: number;
  /** Average fold error, 10^(mean log10(P/O)): the bias (< 1 under-, > 1 over-prediction). */
  averageFoldError: number;
  /** Absolute average fold error, 10^(mean |log10(P/O)|): the precision (>= 1). */
  absoluteAverageFoldError: number;
}

/**
 * How well microdoses predicted therapeutic PK across a set of compounds: each pair's fold
 * error, the share within the 2-fold criterion (the usual benchmark of microdose
 * predictivity), and the average and absolute average fold errors (AFE, AAFE).
 *
 * @param predicted values predicted from the microdose (e.g. dose-scaled AUC or CL/F), > 0; or a series
 *   with units (`series([10, 30], "ng*h/mL")`)
 * @param observed the matching values observed at the therapeutic dose, > 0, same units and length; with
 *   units, any unit of the dimension of `predicted` (read in predicted's unit, so "1 mg*h/L" matches "1000 ng*h/mL")
 * @param opts fold criterion (default 2), > 1
 * @returns fold errors, success count and rate, AFE and AAFE
 * @throws {InputError} when arrays are empty, differ in length, hold non-positive values, or fold <= 1
 * @example predictivity([10, 30, 100], [12, 10, 90]).successRate // => 0.6667 (30 vs 10 is 3-fold)
 * @example predictivity(series([10, 30, 100], "ng*h/mL"), series([0.012, 0.01, 0.09], "mg*h/L")).successRate // => 0.6667
 * @see 001_079d5926d130f870.txt, "Dose-Proportionality and Extrapolation"
 */
export function predictivity(
  predicted: SeriesInput,
  observed: SeriesInput,
  opts?: PredictivityOptions,
): PredictivityResult;
export function predictivity(
  predicted: readonly number[],
  observed: readonly number[],
  opts?: PredictivityOptions,
): PredictivityResult;
export function predictivity(
  predicted: readonly number[] | SeriesInput,
  observed: readonly number[] | SeriesInput,
  opts: PredictivityOptions = {},
): PredictivityResult {
  const fn = "predictivity";
  if (carriesUnits(predicted) || carriesUnits(observed)) {
    for (const [arg, value] of [
      ["predicted", predicted],
      ["observed", observed],
    ] as const)
      if (!carriesUnits(value) && Array.isArray(value))
        throw new InputError(
          fn,
          arg,
          'must carry units like the other inputs, e.g. series([10, 30], "ng*h/mL") (or give every input as plain numbers)',
          value,
        );
    const p = readSeries(fn, "predicted", predicted);
    const obs = readSeries(fn, "observed", observed);
    if (!obs.unit.equalBase(p.unit))
      throw new InputError(
        fn,
        "observed",
        `must have the dimension of predicted (${p.unit.formatUnits()})`,
        obs.unit.formatUnits(),
      );
    // Fold errors are ratios: read observed in predicted's unit (a prefix change is an exact power of ten).
    const factor = conversionFactor(obs.unit.formatUnits(), p.unit.formatUnits());
    return predictivity(
      p.values,
      obs.values.map((v) => v * factor),
      opts,
    );
  }
  const o = plainObject(fn, "opts", opts);
  const p = numberArray(fn, "predicted", predicted as readonly number[]);
  const obs = numberArray(fn, "observed", observed as readonly number[]);
  sameLength(fn, "predicted", p, "observed", obs);
  p.forEach((v, i) => positiveNumber(fn, `predicted[${i}]`, v));
  obs.forEach((v, i) => positiveNumber(fn, `observed[${i}]`, v));
  const fold = o.fold === undefined ? 2 : positiveNumber(fn, "opts.fold", o.fold);
  if (fold <= 1) throw new InputError(fn, "opts.fold", "must be greater than 1", fold);
  const logs = p.map((v, i) => Math.log10(v / obs[i]));
  const foldErrors = logs.map((l) => 10 ** Math.abs(l));
  // Tiny tolerance so a value of exactly 2-fold counts as within 2-fold despite rounding.
  const within = foldErrors.map((f) => f <= fold * (1 + 1e-12));
  const withinCount = within.filter(Boolean).length;
  const n = p.length;
  return {
    n,
    foldErrors,
    within,
    withinCount,
    successRate: withinCount / n,
    averageFoldError: 10 ** (logs.reduce((s, l) => s + l, 0) / n),
    absoluteAverageFoldError: 10 ** (logs.reduce((s, l) => s + Math.abs(l), 0) / n),
  };
}
