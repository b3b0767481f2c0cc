import { InputError } from "../core/errors";
import { nonNegativeArray, plainObject, positiveNumber } from "../core/validate";

/** Acceptability constants of Ph. Eur. 2.9.40 / USP <905> by sample size. */
export const CONTENT_UNIFORMITY = {
  /** k for n = 10 (stage 1) and n = 30 (stage 2). */
  k: { 10: 2.4, 30: 2.0 } as Readonly<Record<number, number>>,
  /** Maximum allowed acceptance value [% of label claim]. */
  l1: 15,
  /** Maximum allowed deviation of any unit from M at stage 2 [% of M]. */
  l2: 25,
} as const;

export interface AcceptanceValueOptions {
  /** Target content T at release [% of label claim] (default 100). */
  targetContent?: number;
}

export interface AcceptanceValueResult {
  n: number;
  /** Mean content X̄ [% of label claim]. */
  mean: number;
  /** Sample standard deviation s (n − 1) [% of label claim]. */
  sd: number;
  /** Acceptability constant k (2.4 for n = 10, 2.0 for n = 30). */
  k: number;
  /** Reference value M [% of label claim]. */
  referenceValue: number;
  /** AV = |M − X̄| + k·s [% of label claim]. */
  av: number;
}

/**
 * The acceptance value of the pharmacopoeial content uniformity test (Ph. Eur. 2.9.40,
 * USP <905>): AV = |M − X̄| + k·s, with X̄ and s the mean and sample SD of individual
 * contents (% of label claim), k = 2.4 for 10 units and 2.0 for 30, and the reference
 * value M chosen so a mean close to target is not penalised:
 * - T <= 101.5: M = X̄ if 98.5 <= X̄ <= 101.5; M = 98.5 if X̄ < 98.5; M = 101.5 if X̄ > 101.5.
 * - T > 101.5:  M = X̄ if 98.5 <= X̄ <= T;     M = 98.5 if X̄ < 98.5; M = T if X̄ > T.
 * The smaller the dose, the harder a low AV becomes: see simulateContentUniformity.
 *
 * @param contents individual contents [% of label claim], exactly 10 or 30 values
 * @param opts targetContent T [% of label claim] (default 100)
 * @returns n, mean, sd, k, referenceValue M and av
 * @throws {InputError} when there are not 10 or 30 finite, non-negative values, or T is not positive
 * @example acceptanceValue([98, 99, 100, 101, 102, 98, 99, 100, 101, 102]).av // => 3.578 (M = X̄ = 100, s = 1.491)
 * @example acceptanceValue([95, 96, 97, 95, 96, 97, 95, 96, 97, 96]).av // => 4.460 (M = 98.5: |98.5 − 96| + 2.4 × 0.8165)
 * @see 000_0e59da50f18e1b01.txt, "Manufacturing and Content Uniformity of Microgram Dosage Forms"
 */
export function acceptanceValue(contents: readonly number[], opts: AcceptanceValueOptions = {}): AcceptanceValueResult {
  const fn = "acceptanceValue";
  const x = nonNegativeArray(fn, "contents", contents);
  const o = plainObject(fn, "opts", opts);
  const k = CONTENT_UNIFORMITY.k[x.length];
  if (k === undefined)
    throw new InputError(
      fn,
      "contents",
      "must hold exactly 10 (stage 1) or 30 (stage 2) unit results",
      `${x.length} values`,
    );
  const t = o.targetContent === undefined ? 100 : positiveNumber(fn, "opts.targetContent", o.targetContent);
  return acceptanceValueUnchecked(x, k, t);
}

/** AV without validation (internal; the simulation calls it thousands of times). */
export function acceptanceValueUnchecked(x: readonly number[], k: number, t: number): AcceptanceValueResult {
  const n = x.length;
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of x) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const upper = t <= 101.5 ? 101.5 : t;
  const m = mean < 98.5 ? 98.5 : mean > upper ? upper : mean;
  return { n, mean, sd, k, referenceValue: m, av: Math.abs(m - mean) + k * sd };
}
