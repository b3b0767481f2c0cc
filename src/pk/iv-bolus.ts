import { bolusKernel } from "./kernels";
import { options, positive, timeAfterDose } from "./params";
import type { IvBolusParams } from "./types";

/**
 * One-compartment IV bolus: C(t) = (Dose / V) · e^{−ke·t}.
 * The whole dose is in the plasma at t = 0 and is eliminated by first-order (linear)
 * kinetics, so exposure scales exactly with dose — the assumption a microdose study tests.
 * @param t time after the dose [h], >= 0
 * @param params.dose dose [mg], > 0
 * @param params.volume volume of distribution V [L], > 0
 * @param params.ke elimination rate constant ke = CL/V [1/h], > 0
 * @returns plasma concentration [mg/L]
 * @throws {InputError} when t is negative or not finite, or a parameter is not a positive number
 * @example ivBolusConcentration(2, { dose: 100, volume: 50, ke: Math.LN2 / 2 }) // => 1
 * @see 001_079d5926d130f870.txt, "Dose-Proportionality and Extrapolation"
 */
export function ivBolusConcentration(t: number, params: IvBolusParams): number {
  const fn = "ivBolusConcentration";
  timeAfterDose(fn, t);
  const p = options(fn, params);
  return bolusKernel(t, positive(fn, p, "dose"), positive(fn, p, "volume"), positive(fn, p, "ke"));
}
