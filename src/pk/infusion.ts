import type { Unit } from "../core/units";
import { infusionKernel } from "./kernels";
import { options, positive, timeAfterDose } from "./params";
import { UnitCall, withUnits } from "./quantities";
import type { InfusionParams, ParamsWithUnits } from "./types";

const KEYS = ["dose", "duration", "volume", "ke"] as const;

/**
 * One-compartment constant-rate (zero-order) infusion of `dose` over `duration` T, rate
 * R0 = Dose/T:
 *   C(t) = R0/(V·ke) · (1 − e^{−ke·t})                      for t ≤ T,
 *   C(t) = R0/(V·ke) · (1 − e^{−ke·T}) · e^{−ke·(t − T)}     for t > T.
 * The peak is at the end of the infusion; with T → ∞ the plateau is R0/CL.
 * With units, the concentration is a Unit in the dose unit over the volume unit.
 * @param t time after the start of the infusion [h], >= 0
 * @param params.dose total amount infused [mg], > 0
 * @param params.duration infusion duration T [h], > 0
 * @param params.volume volume of distribution [L], > 0
 * @param params.ke elimination rate constant [1/h], > 0
 * @returns plasma concentration [mg/L]
 * @throws {InputError} when t is negative or a parameter is not a positive number; with units, also for a
 *   wrong dimension or a bare number among quantities
 * @example infusionConcentration(1, { dose: 10, duration: 1, volume: 10, ke: 1 }) // => 0.6321 (= 1 − e^{−1})
 * @example infusionConcentration("60 min", { dose: "10 ug", duration: "1 h", volume: "10 L", ke: "1 1/h" }) // => 0.6321 ug/L
 * @see 001_079d5926d130f870.txt, "Dose-Proportionality and Extrapolation"
 */
export function infusionConcentration(t: Unit | string, params: ParamsWithUnits<InfusionParams>): Unit;
export function infusionConcentration(t: number, params: InfusionParams): number;
export function infusionConcentration(
  t: number | Unit | string,
  params: InfusionParams | ParamsWithUnits<InfusionParams>,
): number | Unit {
  const fn = "infusionConcentration";
  if (withUnits(t, params, KEYS)) {
    const u = new UnitCall(fn);
    const time = u.required("t", "t", t);
    const p = u.fields("params", params, KEYS);
    return u.concentration(infusionConcentration(time, p as unknown as InfusionParams), "dose", "volume");
  }
  timeAfterDose(fn, t);
  const p = options(fn, params);
  return infusionKernel(
    t as number,
    positive(fn, p, "dose"),
    positive(fn, p, "duration"),
    positive(fn, p, "volume"),
    positive(fn, p, "ke"),
  );
}
