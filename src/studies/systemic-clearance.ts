import { math, quantity, type QuantityInput, type Unit } from "../core/units";

/**
 * Systemic clearance from an intravenous dose: CL = Dose_iv / AUC_iv(0–∞). With an IV
 * microtracer the dose is the labelled microdose and the AUC is measured by AMS; under the
 * linear-PK assumption this CL also applies to the simultaneous oral therapeutic dose.
 *
 * @param doseIv intravenous dose [mass]
 * @param aucIv AUC(0–∞) of the IV dose [mass concentration × time]
 * @returns CL as a clearance Unit in L/h
 * @throws {InputError} when doseIv is not a positive mass or aucIv not a positive AUC
 * @example systemicClearance("100 ug", "5 ng*h/mL").toNumber("L/h") // => 20
 * @see 001_079d5926d130f870.txt, "The Microtracer Technique for Absolute Bioavailability"
 */
export function systemicClearance(doseIv: QuantityInput, aucIv: QuantityInput): Unit {
  const d = quantity("systemicClearance", "doseIv", doseIv, "mass", { allowZero: false });
  const a = quantity("systemicClearance", "aucIv", aucIv, "auc", { allowZero: false });
  return (math.divide(d, a) as Unit).to("L/h");
}
