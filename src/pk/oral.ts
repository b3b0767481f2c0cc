import { InputError } from "../core/errors";
import type { Unit } from "../core/units";
import { oralKernel } from "./kernels";
import { bioavailability, optionalNonNegative, options, positive, timeAfterDose } from "./params";
import { UnitCall, withUnits } from "./quantities";
import type { OralParams, ParamsWithUnits } from "./types";

const KEYS = ["dose", "ka", "ke", "volume", "tlag"] as const;

/**
 * One-compartment first-order absorption (the Bateman function), with an optional lag:
 *   C(t) = F·Dose·ka / (V·(ka − ke)) · (e^{−ke·u} − e^{−ka·u}),   u = t − tlag > 0,
 * and C = 0 before the lag has passed. When ka = ke the formula is 0/0; its limit is
 *   C(t) = F·Dose·k/V · u·e^{−k·u}.
 * Both cases are computed as F·Dose·ka/V · e^{−min(ka,ke)·u} · (1 − e^{−|ka−ke|·u})/|ka−ke|
 * with expm1, so the result is accurate and smooth as ka → ke (no catastrophic cancellation)
 * and exactly the limit form at ka = ke.
 * With units (f stays a plain fraction), the concentration is a Unit in the dose unit over the volume unit.
 * @param t time after the dose [h], >= 0
 * @param params.dose oral dose [mg], > 0
 * @param params.f bioavailable fraction F, in (0, 1] (required: pass 1 for a fully absorbed dose)
 * @param params.ka absorption rate constant [1/h], > 0
 * @param params.ke elimination rate constant [1/h], > 0
 * @param params.volume volume of distribution V [L] (apparent V/F when f = 1), > 0
 * @param params.tlag absorption lag time [h], >= 0 (default 0)
 * @returns plasma concentration [mg/L]
 * @throws {InputError} when t or tlag is negative, f is missing or outside (0, 1], or a rate, dose or volume is not positive
 * @example oralConcentration(1, { dose: 100, f: 1, ka: 1, ke: 1, volume: 100 }) // => 0.3679 (= e^{−1}, the ka = ke limit)
 * @example oralConcentration("1 h", { dose: "100 ug", f: 1, ka: "1 1/h", ke: "1 1/h", volume: "100 L" }).to("pg/mL") // => 367.9 pg/mL
 * @see 001_079d5926d130f870.txt, "Microdosing for Basic Pharmacokinetics"
 */
export function oralConcentration(t: Unit | string, params: ParamsWithUnits<OralParams>): Unit;
export function oralConcentration(t: number, params: OralParams): number;
export function oralConcentration(
  t: number | Unit | string,
  params: OralParams | ParamsWithUnits<OralParams>,
): number | Unit {
  const fn = "oralConcentration";
  if (withUnits(t, params, KEYS)) {
    const u = new UnitCall(fn);
    const time = u.required("t", "t", t);
    const p = u.fields("params", params, ["dose", "ka", "ke", "volume"], ["tlag"]);
    return u.concentration(oralConcentration(time, p as unknown as OralParams), "dose", "volume");
  }
  timeAfterDose(fn, t);
  const p = options(fn, params);
  const dose = positive(fn, p, "dose");
  // f is required (no silent F = 1): a missing bioavailability is an error, not a fully absorbed dose.
  if (p.f === undefined)
    throw new InputError(
      fn,
      "f",
      "is required: the bioavailable fraction F in (0, 1] (pass f: 1 for a fully absorbed dose)",
      p.f,
    );
  const f = bioavailability(fn, p);
  const ka = positive(fn, p, "ka");
  const ke = positive(fn, p, "ke");
  const volume = positive(fn, p, "volume");
  const tlag = optionalNonNegative(fn, p, "tlag", 0);
  return oralKernel(t as number, dose, f, ka, ke, volume, tlag);
}
