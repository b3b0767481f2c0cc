import { InputError } from "../core/errors";
import { quantity, type QuantityInput } from "../core/units";
import { plainObject, positiveNumber } from "../core/validate";

export interface BioavailabilityInput {
  /** Oral dose [mass] — or a plain number when all four are plain numbers. */
  doseOral: QuantityInput | number;
  /** AUC(0–∞) of the oral dose [conc × time]. */
  aucOral: QuantityInput | number;
  /** Intravenous dose (e.g. the labelled microtracer). */
  doseIv: QuantityInput | number;
  /** AUC(0–∞) of the IV dose. */
  aucIv: QuantityInput | number;
}

/**
 * Absolute bioavailability from dose-normalised exposures:
 * F = (AUC_po / Dose_po) / (AUC_iv / Dose_iv). In the IV-microtracer design the oral
 * therapeutic dose (unlabelled, LC-MS/MS) and a simultaneous 14C-labelled IV microdose
 * (AMS) are given together, so both AUCs share the same clearance at the same moment.
 * Equivalent to F = CL / (CL/F).
 *
 * @param input doseOral, aucOral, doseIv, aucIv — all Units/strings (doses as masses, AUCs as mass
 *   concentration × time, e.g. "5 ng*h/mL") or all plain positive numbers in consistent units
 * @returns F as a plain number (values slightly above 1 can occur with real data and are not clipped)
 * @throws {InputError} when a value is missing or not positive, Units and numbers are mixed, a dose is not a mass or an AUC not a mass-based AUC
 * @example absoluteBioavailability({ doseOral: "100 mg", aucOral: "2 mg*h/L", doseIv: "100 ug", aucIv: "5 ng*h/mL" }) // => 0.4
 * @example absoluteBioavailability({ doseOral: 100, aucOral: 40, doseIv: 0.1, aucIv: 0.1 }) // => 0.4
 * @see 001_079d5926d130f870.txt, "The Microtracer Technique for Absolute Bioavailability"
 */
export function absoluteBioavailability(input: BioavailabilityInput): number {
  const fn = "absoluteBioavailability";
  const o = plainObject(fn, "input", input);
  const names = ["doseOral", "aucOral", "doseIv", "aucIv"] as const;
  const values = names.map((n) => o[n]);
  values.forEach((v, i) => {
    if (v === undefined) throw new InputError(fn, names[i], "is required", v);
  });
  const numeric = values.map((v) => typeof v === "number");
  if (numeric.every(Boolean)) {
    const [dpo, apo, div, aiv] = values.map((v, i) => positiveNumber(fn, names[i], v));
    return apo / dpo / (aiv / div);
  }
  if (numeric.some(Boolean)) {
    throw new InputError(
      fn,
      names[numeric.indexOf(true)],
      "must be a quantity with a unit because other inputs have units (give all four as Units/strings or all as plain numbers)",
      values[numeric.indexOf(true)],
    );
  }
  const dpo = quantity(fn, "doseOral", o.doseOral, "mass", { allowZero: false });
  const apo = quantity(fn, "aucOral", o.aucOral, "auc", { allowZero: false });
  const div = quantity(fn, "doseIv", o.doseIv, "mass", { allowZero: false });
  const aiv = quantity(fn, "aucIv", o.aucIv, "auc", { allowZero: false });
  return apo.toNumber("g*h/L") / dpo.toNumber("g") / (aiv.toNumber("g*h/L") / div.toNumber("g"));
}
