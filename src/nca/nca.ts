import { carriesUnits, type SeriesInput } from "../core/series";
import { ncaResolved } from "./kernel";
import { resolveNcaOptions, validateProfile } from "./options";
import { attachUnits, numberOptions, readUnitProfile } from "./quantities";
import type { NcaOptions, NcaQuantityOptions, NcaQuantityResult, NcaResult } from "./types";

/**
 * Non-compartmental analysis of one single-dose concentration–time profile, following the
 * definitions of Phoenix WinNonlin (and PKNCA's vocabulary).
 *
 * Units, two ways. With units: time and conc as series (`series([0.5, 1, 2], "h")`,
 * `series([…], "ng/mL")`, or arrays of quantities) and the dose as a quantity ("100 ug"); every
 * option with a dimension is then a quantity too, and every parameter with a dimension comes
 * back as a mathjs Unit in the units that follow (AUC in ng·h/mL, λz in 1/h, CL in L/h, V in
 * L), convertible with `.to("…")`; R², percentages and counts stay numbers, null stays null.
 * With plain numbers: time [h] since the dose, concentration [mg/L], dose [mg]; so AUC is in
 * h·mg/L, CL in L/h, V in L, and every parameter is a number.
 *
 * - The profile starts at the dose time: for extravascular dosing and infusions a (0, 0)
 *   point is inserted when there is no time-0 sample (a measured pre-dose value at t = 0 is
 *   kept as observed); for an IV bolus C0 is back-extrapolated log-linearly from the first
 *   two samples when they decline, otherwise C0 is the first observed concentration.
 * - AUC and AUMC by the linear trapezoid (default) or linear-up/log-down. AUClast ends at
 *   the last positive concentration, AUCall at the last sample.
 * - λz by the best-fit rule (last n ≥ 3 positive points, after tmax for extravascular and
 *   infusion, from tmax for an IV bolus; largest adjusted R², within `adjR2Tolerance` of it
 *   the most points; λz > 0), or from a window or points chosen by the analyst.
 * - AUCinf,obs = AUClast + Clast/λz; the "pred" variants use Clast predicted by the fit.
 *   CL = Dose/AUCinf and Vz = Dose/(λz·AUCinf) are CL/F and Vz/F for extravascular dosing.
 * A parameter that cannot be estimated is null and `notes[id]` says why; never NaN.
 * @param time sampling times since the dose: ≥ 0, strictly increasing; a time series, or numbers [h]
 * @param conc concentrations: finite, ≥ 0, one per time; a concentration series, or numbers [mg/L]
 * @param options dose (a quantity, or [mg]), route, and the choices documented in
 *   {@link NcaOptions} ({@link NcaQuantityOptions} with units)
 * @returns every parameter of `NCA_PARAMETER_IDS` plus notes and how C0 and λz were chosen
 * @throws {InputError} for unsorted or duplicate times, negative times, negative or non-finite
 *   concentrations, length mismatch, empty arrays, a non-positive dose, an unknown route or
 *   option, a missing infusion duration, or λz times that are not positive samples; with units,
 *   also for a wrong dimension ("10 kg" as a concentration), an array mixing units and numbers,
 *   or a profile given partly with units and partly as plain numbers
 * @example nca([0, 1, 2, 4], [0, 8, 4, 1], { dose: 10, route: "extravascular" }).aucLast // => 15
 * @example nca(series([0, 1, 2, 4], "h"), series([0, 8, 4, 1], "ng/mL"), { dose: "10 ug", route: "extravascular" }).aucLast // => 15 ng*h/mL
 * @example nca(series([0, 1, 2, 4], "h"), series([0, 8, 4, 1], "ng/mL"), { dose: "10 ug", route: "extravascular" }).aucLast?.to("ug*h/L").toNumber() // => 15
 * @example nca(["0 h", "30 min", "1 h"], ["0 pg/mL", "4 pg/mL", "2 pg/mL"], { dose: "1 ng", route: "extravascular" }).cmax // => 4 pg/mL
 * @see 001_079d5926d130f870.txt, "Microdosing for Basic Pharmacokinetics"
 */
export function nca(time: readonly number[], conc: readonly number[], options: NcaOptions): NcaResult;
export function nca(time: SeriesInput, conc: SeriesInput, options: NcaQuantityOptions): NcaQuantityResult;
export function nca(
  time: readonly number[] | SeriesInput,
  conc: readonly number[] | SeriesInput,
  options: NcaOptions | NcaQuantityOptions,
): NcaResult | NcaQuantityResult {
  if (carriesUnits(time) || carriesUnits(conc)) {
    const unitProfile = readUnitProfile("nca", time, conc);
    const numbers = validateProfile("nca", unitProfile.time.values, unitProfile.conc.values);
    const o = resolveNcaOptions("nca", numberOptions("nca", options, unitProfile));
    return attachUnits(ncaResolved(numbers.time, numbers.conc, o), unitProfile.units);
  }
  const profile = validateProfile("nca", time, conc);
  const o = resolveNcaOptions("nca", options);
  return ncaResolved(profile.time, profile.conc, o);
}
