import type { Answer } from "./types";

/**
 * Canonical text of an answer before hashing: numbers rounded to `sigFigs` significant
 * figures in exponent form ("4.50e+1"), so 45, 45.0000001 and 4.5e1 hash alike; booleans as
 * "true"/"false". Negative zero is zero.
 * @example canonicalAnswer(45.0000001, 3) // => "4.50e+1"
 */
export function canonicalAnswer(value: Answer, sigFigs: number): string {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (!Number.isFinite(value)) throw new RangeError(`canonicalAnswer: value must be finite; received ${value}`);
  if (value === 0) return "0";
  return Number(value.toPrecision(sigFigs)).toExponential(sigFigs - 1);
}

/**
 * The canonical forms a received number may take within a relative slack: the value itself
 * and the value nudged by ± slack. A received value and the expected one that straddle a
 * rounding boundary ("1.2349" vs "1.2351" at 4 figures) still meet in one of them.
 * @example canonicalCandidates(1.23449, 4, 5e-4) // => ["1.234e+0", "1.235e+0"]
 */
export function canonicalCandidates(value: Answer, sigFigs: number, slack: number): string[] {
  if (typeof value === "boolean") return [canonicalAnswer(value, sigFigs)];
  const forms = [value, value * (1 - slack), value * (1 + slack)].map((v) => canonicalAnswer(v, sigFigs));
  return [...new Set(forms)];
}
