import { nonNegativeNumber, positiveNumber } from "../core/validate";

/**
 * Target occupancy measured by PET: the drug displaces a radioligand, lowering its
 * non-displaceable binding potential, so ρ = 1 − BP_ND,drug / BP_ND,baseline.
 * Noise can make BP_ND,drug exceed the baseline; the result is then slightly negative and is
 * returned as measured (never clipped), so fits see the real scatter.
 *
 * @param bpDrug BP_ND after the drug (dimensionless, >= 0)
 * @param bpBaseline BP_ND at baseline (dimensionless, > 0)
 * @returns occupancy as a plain fraction (1 = all sites occupied)
 * @throws {InputError} when bpDrug is negative or not finite, or bpBaseline is not positive
 * @example petOccupancy(0.6, 2.4) // => 0.75
 * @see 001_079d5926d130f870.txt, "Introduction" (quantifying target engagement in the brain by imaging)
 */
export function petOccupancy(bpDrug: number, bpBaseline: number): number {
  nonNegativeNumber("petOccupancy", "bpDrug", bpDrug);
  positiveNumber("petOccupancy", "bpBaseline", bpBaseline);
  return 1 - bpDrug / bpBaseline;
}
