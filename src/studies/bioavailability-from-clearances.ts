import { quantity, type QuantityInput } from "../core/units";

/**
 * Absolute bioavailability from the two clearances of an IV-microtracer study:
 * F = CL / (CL/F), with CL from the IV tracer (Dose_iv/AUC_iv) and CL/F from the oral dose
 * (Dose_po/AUC_po). Identical to absoluteBioavailability, written the way the text reasons.
 *
 * @param clearance systemic clearance CL [volume/time]
 * @param apparentClearance apparent oral clearance CL/F [volume/time]
 * @returns F as a plain number
 * @throws {InputError} when either value is not a positive clearance
 * @example bioavailabilityFromClearances("20 L/h", "50 L/h") // => 0.4
 * @see 001_079d5926d130f870.txt, "The Microtracer Technique for Absolute Bioavailability"
 */
export function bioavailabilityFromClearances(clearance: QuantityInput, apparentClearance: QuantityInput): number {
  const cl = quantity("bioavailabilityFromClearances", "clearance", clearance, "clearance", { allowZero: false });
  const clf = quantity("bioavailabilityFromClearances", "apparentClearance", apparentClearance, "clearance", {
    allowZero: false,
  });
  return cl.toNumber("L/h") / clf.toNumber("L/h");
}
