import { quantity, type QuantityInput, type Unit } from "../core/units";
import { plainObject } from "../core/validate";
import { apparentClearance } from "./apparent-clearance";
import { bioavailabilityFromClearances } from "./bioavailability-from-clearances";
import { systemicClearance } from "./systemic-clearance";

export interface IvMicrotracerInput {
  /** Unlabelled oral therapeutic dose [mass]. */
  doseOral: QuantityInput;
  /** Its AUC(0–∞), by LC-MS/MS [mass conc × time]. */
  aucOral: QuantityInput;
  /** 14C-labelled IV microdose given at the same time [mass]. */
  doseIv: QuantityInput;
  /** Its AUC(0–∞), by AMS [mass conc × time]. */
  aucIv: QuantityInput;
}

export interface IvMicrotracerResult {
  /** CL = Dose_iv / AUC_iv [L/h]. */
  clearance: Unit;
  /** CL/F = Dose_po / AUC_po [L/h]. */
  apparentClearance: Unit;
  /** F = CL / (CL/F). */
  bioavailability: number;
}

/**
 * The whole analysis of an IV-microtracer (simultaneous IV/PO) study in one call: the IV
 * tracer gives systemic clearance, the oral dose gives apparent clearance, and their ratio
 * is the absolute bioavailability. Relies on linear PK: the microtracer's clearance is
 * assumed to equal the therapeutic dose's.
 *
 * @param input doseOral, aucOral, doseIv, aucIv (Units or strings)
 * @returns `{ clearance, apparentClearance, bioavailability }`
 * @throws {InputError} when a dose is not a positive mass or an AUC not a positive AUC
 * @example ivMicrotracerStudy({ doseOral: "100 mg", aucOral: "2 mg*h/L", doseIv: "100 ug", aucIv: "5 ng*h/mL" }).bioavailability // => 0.4
 * @see 001_079d5926d130f870.txt, "The Microtracer Technique for Absolute Bioavailability"
 */
export function ivMicrotracerStudy(input: IvMicrotracerInput): IvMicrotracerResult {
  const fn = "ivMicrotracerStudy";
  const o = plainObject(fn, "input", input);
  const doseOral = quantity(fn, "doseOral", o.doseOral, "mass", { allowZero: false });
  const aucOral = quantity(fn, "aucOral", o.aucOral, "auc", { allowZero: false });
  const doseIv = quantity(fn, "doseIv", o.doseIv, "mass", { allowZero: false });
  const aucIv = quantity(fn, "aucIv", o.aucIv, "auc", { allowZero: false });
  const clearance = systemicClearance(doseIv, aucIv);
  const clOverF = apparentClearance(doseOral, aucOral);
  return { clearance, apparentClearance: clOverF, bioavailability: bioavailabilityFromClearances(clearance, clOverF) };
}
