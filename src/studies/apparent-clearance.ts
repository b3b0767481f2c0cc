import { math, quantity, type QuantityInput, type Unit } from "../core/units";

/**
 * Apparent oral clearance from a microdose-alone study: CL/F = Dose_po / AUC_po(0–∞).
 * It is a ratio of two unknowns — see microdoseAloneStudy for why an oral study alone
 * cannot tell CL and F apart.
 *
 * @param dose administered oral dose [mass]
 * @param auc AUC from zero to infinity [mass concentration × time, e.g. "2 ng*h/mL"]
 * @returns CL/F as a clearance Unit in L/h
 * @throws {InputError} when dose is not a positive mass or auc is not a positive AUC
 * @example apparentClearance("100 ug", "2 ng*h/mL").toNumber("L/h") // => 50
 * @see 001_079d5926d130f870.txt, "Microdosing for Basic Pharmacokinetics"
 */
export function apparentClearance(dose: QuantityInput, auc: QuantityInput): Unit {
  const d = quantity("apparentClearance", "dose", dose, "mass", { allowZero: false });
  const a = quantity("apparentClearance", "auc", auc, "auc", { allowZero: false });
  return (math.divide(d, a) as Unit).to("L/h");
}
