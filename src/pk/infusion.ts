import { infusionKernel } from "./kernels";
import { options, positive, timeAfterDose } from "./params";
import type { InfusionParams } from "./types";

/**
 * One-compartment constant-rate (zero-order) infusion of `dose` over `duration` T, rate
 * R0 = Dose/T:
 *   C(t) = R0/(V·ke) · (1 − e^{−ke·t})                      for t ≤ T,
 *   C(t) = R0/(V·ke) · (1 − e^{−ke·T}) · e^{−ke·(t − T)}     for t > T.
 * The peak is at the end of the infusion; with T → ∞ the plateau is R0/CL.
 * @param t time after the start of the infusion [h], >= 0
 * @param params.dose total amount infused [mg], > 0
 * @param params.duration infusion duration T [h], > 0
 * @param params.volume volume of distribution [L], > 0
 * @param params.ke elimination rate constant [1/h], > 0
 * @returns plasma concentration [mg/L]
 * @throws {InputError} when t is negative or a parameter is not a positive number
 * @example infusionConcentration(1, { dose: 10, duration: 1, volume: 10, ke: 1 }) // => 0.6321 (= 1 − e^{−1})
 * @see 001_079d5926d130f870.txt, "Dose-Proportionality and Extrapolation"
 */
export function infusionConcentration(t: number, params: InfusionParams): number {
  const fn = "infusionConcentration";
  timeAfterDose(fn, t);
  const p = options(fn, params);
  return infusionKernel(
    t,
    positive(fn, p, "dose"),
    positive(fn, p, "duration"),
    positive(fn, p, "volume"),
    positive(fn, p, "ke"),
  );
}
