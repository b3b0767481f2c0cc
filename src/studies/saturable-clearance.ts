import { concentration, math, magnitude, type QuantityInput, type Unit } from "../core/units";
import { plainObject } from "../core/validate";

/**
 * Clearance of a saturable (Michaelis–Menten) pathway at concentration C:
 * CL(C) = Vmax / (Km + C). At C << Km it is the constant Vmax/Km (linear PK); as C
 * approaches Km it falls, and exposure grows more than proportionally with dose.
 *
 * @param c plasma concentration [mass concentration]
 * @param params.vmax maximal elimination rate [mass/time, e.g. "10 mg/h"], > 0
 * @param params.km Michaelis constant [mass concentration], > 0
 * @returns CL as a clearance Unit in L/h
 * @throws {InputError} when c is negative or a parameter has the wrong dimension or is not positive
 * @example saturableClearance("1 mg/L", { vmax: "10 mg/h", km: "1 mg/L" }).toNumber("L/h") // => 5
 * @see 001_079d5926d130f870.txt, "The Limits of Linearity: Saturable Processes"
 */
export function saturableClearance(c: QuantityInput, params: { vmax: QuantityInput; km: QuantityInput }): Unit {
  const fn = "saturableClearance";
  const conc = magnitude(fn, "c", c, "massConcentration", "mg/L");
  const p = plainObject(fn, "params", params);
  const vmax = magnitude(fn, "params.vmax", p.vmax, "massRate", "mg/h", { allowZero: false });
  const km = magnitude(fn, "params.km", p.km, "massConcentration", "mg/L", { allowZero: false });
  return math.unit(vmax / (km + conc), "L/h");
}

/**
 * The fraction of the low-concentration (linear) clearance left at concentration C:
 * CL(C) / CL(0) = Km / (Km + C). Needs only Km — the quick test of whether a microdose and
 * a therapeutic dose sit in the same (linear) regime.
 *
 * @param c plasma concentration [mass or molar concentration, same kind as km]
 * @param km Michaelis constant, > 0
 * @returns a plain number in (0, 1]
 * @throws {InputError} when c or km is not a concentration, c is negative, km is not positive, or they mix mass and molar units
 * @example relativeClearance("0.05 mg/L", "1 mg/L") // => 0.9524 (microdose: linear)
 * @example relativeClearance("2 mg/L", "1 mg/L") // => 0.3333 (therapeutic: clearance cut to a third)
 * @see 001_079d5926d130f870.txt, "The Limits of Linearity: Saturable Processes"
 */
export function relativeClearance(c: QuantityInput, km: QuantityInput): number {
  const fn = "relativeClearance";
  const { q: k, kind } = concentration(fn, "km", km, { allowZero: false });
  const unitName = kind === "molarConcentration" ? "mol/L" : "g/L";
  const conc = magnitude(fn, "c", c, kind, unitName);
  return k.toNumber(unitName) / (k.toNumber(unitName) + conc);
}
