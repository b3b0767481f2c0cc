import { InputError } from "../core/errors";
import { magnitude, math, type QuantityInput, type Unit } from "../core/units";
import { fraction, plainObject } from "../core/validate";
import { formatUg } from "./format-dose";
import { microdoseLimitDetail, type MicrodoseLimitDetail, type MicrodoseOptions } from "./max-microdose";
import { DOSE_COMPARISON_TOLERANCE, MICRODOSE_LIMITS } from "./microdose-limits";

export interface ClassifyMicrodoseOptions extends MicrodoseOptions {
  /** D_min, the minimum anticipated pharmacologically active dose [mass]. */
  minPharmacologicalDose: QuantityInput;
  /**
   * Oral bioavailability F in [0, 1], if an estimate exists. It never changes the verdict;
   * when given, the reasons explain why the bioavailable amount F·D does not count.
   */
  bioavailability?: number;
}

export interface MicrodoseClassification {
  /** True when the administered dose is within the limit. */
  isMicrodose: boolean;
  /** The limit the dose was judged against, a mass Unit in ug (see maxMicrodose). */
  limit: Unit;
  /** Full sentences that explain the verdict, in the order a student would reason. */
  reasons: string[];
}

/**
 * Is a proposed dose a microdose? The dose is compared with
 * min(D_min / 100, cap) where the cap is 100 ug (small molecule), 30 nmol (protein) or
 * "less than 100 ug" (antibody). The judgement is on the ADMINISTERED dose, never on the
 * bioavailable amount: F is usually unknown before the study (estimating it is often the
 * study's purpose) and the definition is deliberately conservative.
 *
 * @param dose the administered dose [mass]
 * @param opts minPharmacologicalDose [mass], optional modality, molecularWeight [g/mol], bioavailability F [0–1]
 * @returns `{ isMicrodose, limit, reasons }`
 * @throws {InputError} when a dose is not a mass (or is negative), F is outside [0, 1], or a protein has no molecular weight
 * @example classifyMicrodose("80 ug", { minPharmacologicalDose: "20 mg" }).isMicrodose // => true
 * @example classifyMicrodose("150 ug", { minPharmacologicalDose: "20 mg" }).isMicrodose // => false (the 100 ug cap binds)
 * @example classifyMicrodose("200 ug", { minPharmacologicalDose: "20 mg", bioavailability: 0.2 }).isMicrodose // => false (only 40 ug is bioavailable, but the administered 200 ug is what counts)
 * @see 001_079d5926d130f870.txt, "Defining the Microdose"
 * @see 000_0e59da50f18e1b01.txt, "Microgram Dosage in Clinical Trials and Antibody Drugs"
 */
export function classifyMicrodose(dose: QuantityInput, opts: ClassifyMicrodoseOptions): MicrodoseClassification {
  const fn = "classifyMicrodose";
  const doseUg = magnitude(fn, "dose", dose, "mass", "ug");
  const o = plainObject(fn, "opts", opts);
  if (o.minPharmacologicalDose === undefined) {
    throw new InputError(
      fn,
      "opts.minPharmacologicalDose",
      'is required (a mass such as "20 mg"): the limit is 1/100 of it',
      undefined,
    );
  }
  const f = o.bioavailability === undefined ? undefined : fraction(fn, "opts.bioavailability", o.bioavailability);
  const d = microdoseLimitDetail(
    fn,
    o.minPharmacologicalDose,
    { modality: opts.modality, molecularWeight: opts.molecularWeight },
    "opts",
  );

  const withinLimit = d.capExclusive
    ? doseUg < d.limitUg * (1 - DOSE_COMPARISON_TOLERANCE)
    : doseUg <= d.limitUg * (1 + DOSE_COMPARISON_TOLERANCE);

  const reasons: string[] = [limitSentence(d)];
  reasons.push(verdictSentence(doseUg, d, withinLimit));
  if (f !== undefined) {
    reasons.push(
      `Bioavailability does not enter the definition: with F = ${f} only ${formatUg(f * doseUg)} would reach the systemic circulation, ` +
        `but the limit applies to the administered dose of ${formatUg(doseUg)}, because F is usually unknown before the study (estimating it is often the study's purpose) and the definition is deliberately conservative.`,
    );
  }
  return { isMicrodose: withinLimit, limit: math.unit(d.limitUg, "ug"), reasons };
}

function capDescription(d: MicrodoseLimitDetail): string {
  if (d.modality === "protein")
    return `the protein cap of ${MICRODOSE_LIMITS.proteinCapNmol} nmol (${formatUg(d.capUg)} at this molecular weight)`;
  if (d.modality === "antibody")
    return `the antibody cap of ${formatUg(d.capUg)} (a microdose of an antibody must be less than 100 ug)`;
  return `the absolute cap of ${formatUg(d.capUg)} for a small molecule`;
}

function limitSentence(d: MicrodoseLimitDetail): string {
  const which =
    d.binding === "absolute-cap"
      ? "the cap is the more restrictive"
      : "1/100 of the active dose is the more restrictive";
  return `The limit is ${formatUg(d.limitUg)}: the lesser of 1/100 of the minimum pharmacologically active dose (${formatUg(d.minPharmacologicalDoseUg)} / 100 = ${formatUg(d.fractionLimitUg)}) and ${capDescription(d)}; ${which}.`;
}

function verdictSentence(doseUg: number, d: MicrodoseLimitDetail, within: boolean): string {
  const dose = formatUg(doseUg);
  if (within)
    return `The administered dose of ${dose} is within the ${formatUg(d.limitUg)} limit, so it is a microdose.`;
  if (d.capExclusive && doseUg <= d.limitUg * (1 + DOSE_COMPARISON_TOLERANCE)) {
    return `The administered dose of ${dose} is not less than the ${formatUg(d.limitUg)} antibody cap, so it is not a microdose.`;
  }
  if (doseUg <= d.fractionLimitUg * (1 + DOSE_COMPARISON_TOLERANCE)) {
    return `The administered dose of ${dose} exceeds the ${formatUg(d.limitUg)} limit, so it is not a microdose, even though it does not exceed 1/100 of the active dose (${formatUg(d.fractionLimitUg)}): the absolute cap binds.`;
  }
  return `The administered dose of ${dose} exceeds the ${formatUg(d.limitUg)} limit, so it is not a microdose.`;
}
