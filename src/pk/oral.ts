import { InputError } from "../core/errors";
import { oralKernel } from "./kernels";
import { bioavailability, optionalNonNegative, options, positive, timeAfterDose } from "./params";
import type { OralParams } from "./types";

/**
 * One-compartment first-order absorption (the Bateman function), with an optional lag:
 *   C(t) = F·Dose·ka / (V·(ka − ke)) · (e^{−ke·u} − e^{−ka·u}),   u = t − tlag > 0,
 * and C = 0 before the lag has passed. When ka = ke the formula is 0/0; its limit is
 *   C(t) = F·Dose·k/V · u·e^{−k·u}.
 * Both cases are computed as F·Dose·ka/V · e^{−min(ka,ke)·u} · (1 − e^{−|ka−ke|·u})/|ka−ke|
 * with expm1, so the result is accurate and smooth as ka → ke (no catastrophic cancellation)
 * and exactly the limit form at ka = ke.
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
 * @see 001_079d5926d130f870.txt, "Microdosing for Basic Pharmacokinetics"
 */
export function oralConcentration(t: number, params: OralParams): number {
  const fn = "oralConcentration";
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
  return oralKernel(t, dose, f, ka, ke, volume, tlag);
}
