import { InputError } from "../core/errors";
import { magnitude, math, type QuantityInput, type Unit } from "../core/units";
import { nonNegativeNumber } from "../core/validate";
import { C14 } from "./constants";

/**
 * Activity of a number of 14C atoms: A = λ·N with λ = ln 2 / 5730 y. Convert the result
 * with the units module, e.g. `inUnit(activityFromAtoms(n), "dpm")` (1 Bq = 60 dpm).
 *
 * @param atoms number of 14C atoms, >= 0
 * @returns activity as a Unit in Bq
 * @throws {InputError} when atoms is negative or not finite
 * @example activityFromAtoms(1e12).toNumber("Bq") // => 3.833
 * @see 001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"
 */
export function activityFromAtoms(atoms: number): Unit {
  nonNegativeNumber("activityFromAtoms", "atoms", atoms);
  return math.unit(atoms * C14.decayConstantPerSecond, "Bq");
}

/**
 * Number of 14C atoms behind an activity: N = A / λ. This is why AMS (counting atoms) beats
 * decay counting: 1 dpm of 14C is about 4.3e9 atoms, but only one decays per minute.
 *
 * @param activity [Bq, dpm, Ci ...]
 * @returns the number of 14C atoms
 * @throws {InputError} when activity is not a non-negative activity
 * @example atomsFromActivity("1 dpm") // => 4.348e9
 * @see 001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"
 */
export function atomsFromActivity(activity: QuantityInput): number {
  const bq = magnitude("atomsFromActivity", "activity", activity, "activity", "Bq");
  if (!Number.isFinite(bq)) throw new InputError("atomsFromActivity", "activity", "must be finite", activity);
  return bq / C14.decayConstantPerSecond;
}
