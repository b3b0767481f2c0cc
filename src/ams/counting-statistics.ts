import { InputError } from "../core/errors";
import { positiveNumber } from "../core/validate";

/**
 * Relative precision of a count of N independent events (atoms reaching the AMS detector):
 * Poisson statistics give SD = √N, so SD/N = 1/√N. 100 counts → 10 %, 10 000 → 1 %.
 *
 * @param counts number of counted atoms N, > 0
 * @returns the relative standard deviation 1/√N as a fraction
 * @throws {InputError} when counts is not positive
 * @example poissonRelativePrecision(10000) // => 0.01
 * @see 001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"
 */
export function poissonRelativePrecision(counts: number): number {
  positiveNumber("poissonRelativePrecision", "counts", counts);
  return 1 / Math.sqrt(counts);
}

/**
 * Counts needed for a target relative precision: the smallest integer N with 1/√N <= p,
 * i.e. N = ⌈1/p²⌉.
 *
 * @param relativePrecision target relative SD as a fraction in (0, 1], e.g. 0.05 for 5 %
 * @returns the number of counts needed
 * @throws {InputError} when relativePrecision is outside (0, 1]
 * @example countsForPrecision(0.05) // => 400
 * @see 001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"
 */
export function countsForPrecision(relativePrecision: number): number {
  positiveNumber("countsForPrecision", "relativePrecision", relativePrecision);
  if (relativePrecision > 1)
    throw new InputError(
      "countsForPrecision",
      "relativePrecision",
      "must be at most 1 (a fraction, e.g. 0.05 for 5 %)",
      relativePrecision,
    );
  // Guard against 1/p² landing a hair above an integer through rounding (1/0.05² = 400.00000000000006).
  return Math.ceil(1 / relativePrecision ** 2 - 1e-9);
}
