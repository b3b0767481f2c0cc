import type { Unit } from "../core/units";
import { bolusKernel } from "./kernels";
import { options, positive, timeAfterDose } from "./params";
import { UnitCall, withUnits } from "./quantities";
import type { IvBolusParams, ParamsWithUnits } from "./types";

const KEYS = ["dose", "volume", "ke"] as const;

/**
 * One-compartment IV bolus: C(t) = (Dose / V) · e^{−ke·t}.
 * The whole dose is in the plasma at t = 0 and is eliminated by first-order (linear)
 * kinetics, so exposure scales exactly with dose — the assumption a microdose study tests.
 * With units (every input a quantity), the concentration comes back as a Unit in the dose
 * unit over the volume unit (100 ug in 50 L → ug/L); convert with `.to("ng/mL")`.
 * @param t time after the dose [h], >= 0
 * @param params.dose dose [mg], > 0
 * @param params.volume volume of distribution V [L], > 0
 * @param params.ke elimination rate constant ke = CL/V [1/h], > 0
 * @returns plasma concentration [mg/L]
 * @throws {InputError} when t is negative or not finite, or a parameter is not a positive number;
 *   with units, also for a wrong dimension or a bare number among quantities
 * @example ivBolusConcentration(2, { dose: 100, volume: 50, ke: Math.LN2 / 2 }) // => 1
 * @example ivBolusConcentration("2 h", { dose: "100 ug", volume: "50 L", ke: "0.35 1/h" }) // => 0.9932 ug/L
 * @see 001_079d5926d130f870.txt, "Dose-Proportionality and Extrapolation"
 */
export function ivBolusConcentration(t: Unit | string, params: ParamsWithUnits<IvBolusParams>): Unit;
export function ivBolusConcentration(t: number, params: IvBolusParams): number;
export function ivBolusConcentration(
  t: number | Unit | string,
  params: IvBolusParams | ParamsWithUnits<IvBolusParams>,
): number | Unit {
  const fn = "ivBolusConcentration";
  if (withUnits(t, params, KEYS)) {
    const u = new UnitCall(fn);
    const time = u.required("t", "t", t);
    const p = u.fields("params", params, KEYS);
    return u.concentration(ivBolusConcentration(time, p as unknown as IvBolusParams), "dose", "volume");
  }
  timeAfterDose(fn, t);
  const p = options(fn, params);
  return bolusKernel(t as number, positive(fn, p, "dose"), positive(fn, p, "volume"), positive(fn, p, "ke"));
}
