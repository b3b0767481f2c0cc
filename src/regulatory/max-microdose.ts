import { InputError } from "../core/errors";
import { magnitude, math, type QuantityInput, type Unit } from "../core/units";
import { oneOf, plainObject } from "../core/validate";
import { MICRODOSE_LIMITS, MODALITIES, type Modality } from "./microdose-limits";

export interface MicrodoseOptions {
  /** "small-molecule" (default, 100 ug cap), "protein" (30 nmol cap) or "antibody" (< 100 ug). */
  modality?: Modality;
  /** Molecular weight [g/mol]; required for "protein" to turn 30 nmol into a mass. */
  molecularWeight?: QuantityInput;
}

/** The limit and the two candidates it was chosen from, all in ug. */
export interface MicrodoseLimitDetail {
  modality: Modality;
  /** D_min, the minimum pharmacologically active dose [ug]. */
  minPharmacologicalDoseUg: number;
  /** D_min / 100 [ug]. */
  fractionLimitUg: number;
  /** The modality's absolute cap [ug]. */
  capUg: number;
  /** min(fractionLimitUg, capUg) [ug]. */
  limitUg: number;
  /** Which of the two candidates is the smaller one. */
  binding: "fraction-of-active-dose" | "absolute-cap";
  /** True for antibodies, whose cap is "less than 100 ug" (the cap itself is excluded). */
  capExclusive: boolean;
}

/** Validate once and compute the limit; shared by maxMicrodose and classifyMicrodose. */
export function microdoseLimitDetail(
  fn: string,
  minPharmacologicalDose: unknown,
  opts: MicrodoseOptions | undefined,
  argPrefix = "opts",
): MicrodoseLimitDetail {
  const dMinUg = magnitude(fn, "minPharmacologicalDose", minPharmacologicalDose, "mass", "ug", { allowZero: false });
  const o = opts === undefined ? {} : plainObject(fn, argPrefix, opts);
  const modality =
    o.modality === undefined ? "small-molecule" : oneOf(fn, `${argPrefix}.modality`, o.modality, MODALITIES);
  let capUg: number;
  if (modality === "protein") {
    if (o.molecularWeight === undefined) {
      throw new InputError(
        fn,
        `${argPrefix}.molecularWeight`,
        'is required when modality is "protein" (the 30 nmol cap becomes a mass only through the molecular weight)',
        undefined,
      );
    }
    const mw = magnitude(fn, `${argPrefix}.molecularWeight`, o.molecularWeight, "molarMass", "g/mol", {
      allowZero: false,
    });
    capUg = MICRODOSE_LIMITS.proteinCapNmol * 1e-9 * mw * 1e6;
  } else {
    if (o.molecularWeight !== undefined)
      magnitude(fn, `${argPrefix}.molecularWeight`, o.molecularWeight, "molarMass", "g/mol", { allowZero: false });
    capUg = modality === "antibody" ? MICRODOSE_LIMITS.antibodyCapUg : MICRODOSE_LIMITS.smallMoleculeCapUg;
  }
  const fractionLimitUg = dMinUg * MICRODOSE_LIMITS.fractionOfActiveDose;
  const binding = fractionLimitUg < capUg ? "fraction-of-active-dose" : "absolute-cap";
  return {
    modality,
    minPharmacologicalDoseUg: dMinUg,
    fractionLimitUg: Number(fractionLimitUg.toPrecision(12)),
    capUg: Number(capUg.toPrecision(12)),
    // 12 significant digits: "5 mg" / 100 should read 50 ug, not 49.99999999999999 ug.
    limitUg: Number(Math.min(fractionLimitUg, capUg).toPrecision(12)),
    binding,
    capExclusive: modality === "antibody" && binding === "absolute-cap",
  };
}

/**
 * The largest dose that still counts as a microdose:
 * D_micro-max = min(D_min / 100, 100 ug) for a small molecule, with the cap replaced by
 * 30 nmol (as a mass, 30 nmol × MW) for a protein. For an antibody the cap is 100 ug but
 * excluded ("less than 100 ug"); the number returned is still 100 ug.
 *
 * @param minPharmacologicalDose D_min, the minimum anticipated pharmacologically active dose in humans [mass]
 * @param opts modality (default "small-molecule") and, for proteins, molecularWeight [g/mol]
 * @returns the limit as a mass Unit in ug
 * @throws {InputError} when the dose is not a positive mass, the modality is unknown, or a protein has no molecular weight
 * @example maxMicrodose("20 mg").toString() // => "100 ug" (20 mg / 100 = 200 ug, but the 100 ug cap is lower)
 * @example maxMicrodose("5 mg").toString() // => "50 ug"
 * @example maxMicrodose("2 g", { modality: "protein", molecularWeight: "150000 g/mol" }).toNumber("ug") // => 4500 (30 nmol of a 150 kDa antibody)
 * @see 001_079d5926d130f870.txt, "Defining the Microdose"
 */
export function maxMicrodose(minPharmacologicalDose: QuantityInput, opts?: MicrodoseOptions): Unit {
  const detail = microdoseLimitDetail("maxMicrodose", minPharmacologicalDose, opts);
  return math.unit(detail.limitUg, "ug");
}
