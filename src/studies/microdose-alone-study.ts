import { rateConstantPerHour } from "./rate-constant";
import { InputError } from "../core/errors";
import { math, quantity, type QuantityInput, type Unit } from "../core/units";
import { fraction, plainObject } from "../core/validate";
import { apparentClearance } from "./apparent-clearance";
import { halfLifeFromLambdaZ } from "./half-life-from-lambda-z";

export interface MicrodoseAloneInput {
  /** Oral microdose [mass]. */
  dose: QuantityInput;
  /** AUC(0–∞) of that dose [mass concentration × time]. */
  auc: QuantityInput;
  /** Terminal rate constant λz [1/time], e.g. from nca(). */
  lambdaZ: QuantityInput;
  /** Candidate bioavailabilities to show the ambiguity with (default [1, 0.5, 0.1]). */
  bioavailabilities?: readonly number[];
}

/** One (F, CL) pair that explains the same oral data. */
export interface ClearanceInterpretation {
  bioavailability: number;
  /** Systemic clearance CL = F · (CL/F) [L/h]. */
  clearance: Unit;
  description: string;
}

export interface MicrodoseAloneResult {
  /** CL/F = Dose/AUC [L/h]. */
  apparentClearance: Unit;
  /** t½ = ln2/λz [h]. */
  halfLife: Unit;
  /** Vz/F = (CL/F)/λz [L]. */
  apparentVolume: Unit;
  /** Equally consistent (F, CL) pairs: the oral data fix only their ratio. */
  interpretations: ClearanceInterpretation[];
  /** Why the study cannot separate CL from F, in words. */
  explanation: string;
}

/**
 * What a microdose-alone study (a single oral microdose, plasma sampled over time) can
 * and cannot tell: it yields CL/F = Dose/AUC, t½ = ln2/λz and Vz/F, but CL and F only
 * as their ratio. A well-absorbed, rapidly cleared drug (high F, high CL) and a poorly
 * absorbed, slowly cleared one (low F, low CL) give the same AUC; the `interpretations`
 * list several such pairs. (The source text's parenthetical labels for the two cases are
 * garbled; the pairs here are the consistent reading.) An IV reference — e.g. the IV
 * microtracer, see ivMicrotracerStudy — is needed to separate them.
 *
 * @param input dose [mass], auc [mass conc × time], lambdaZ [1/time], optional bioavailabilities in (0, 1]
 * @returns CL/F, t½, Vz/F, interpretations and an explanation
 * @throws {InputError} on a non-positive dose, AUC or λz, or a bioavailability outside (0, 1]
 * @example microdoseAloneStudy({ dose: "100 ug", auc: "2 ng*h/mL", lambdaZ: "0.1733 h^-1" }).interpretations.map((i) => i.clearance.toNumber("L/h")) // => [50, 25, 5]
 * @see 001_079d5926d130f870.txt, "Microdosing for Basic Pharmacokinetics"
 */
export function microdoseAloneStudy(input: MicrodoseAloneInput): MicrodoseAloneResult {
  const fn = "microdoseAloneStudy";
  const o = plainObject(fn, "input", input);
  const dose = quantity(fn, "dose", o.dose, "mass", { allowZero: false });
  const auc = quantity(fn, "auc", o.auc, "auc", { allowZero: false });
  const clOverF = apparentClearance(dose, auc);
  const lz = rateConstantPerHour(fn, "lambdaZ", o.lambdaZ, { allowZero: false });
  const fs = o.bioavailabilities === undefined ? [1, 0.5, 0.1] : (o.bioavailabilities as readonly number[]);
  if (!Array.isArray(fs) || fs.length === 0)
    throw new InputError(
      fn,
      "bioavailabilities",
      "must be a non-empty array of fractions in (0, 1]",
      o.bioavailabilities,
    );
  fs.forEach((f, i) => {
    fraction(fn, `bioavailabilities[${i}]`, f);
    if (f === 0) throw new InputError(fn, `bioavailabilities[${i}]`, "must be greater than 0", f);
  });
  const clf = clOverF.toNumber("L/h");
  const interpretations = fs.map((f) => ({
    bioavailability: f,
    clearance: math.unit(f * clf, "L/h"),
    description: `F = ${f} with CL = ${fmt(f * clf)} L/h: ${f >= 0.7 ? "well absorbed, rapidly cleared" : f <= 0.3 ? "poorly absorbed, slowly cleared" : "partly absorbed, moderately cleared"}.`,
  }));
  return {
    apparentClearance: clOverF,
    halfLife: halfLifeFromLambdaZ(math.unit(lz, "h^-1")),
    apparentVolume: math.unit(clf / lz, "L"),
    interpretations,
    explanation:
      `The oral data fix only CL/F = ${fmt(clf)} L/h. Every pair with CL = F × ${fmt(clf)} L/h predicts the same oral AUC, ` +
      "so a well-absorbed, rapidly cleared drug cannot be told from a poorly absorbed, slowly cleared one. " +
      "An intravenous reference (for example a labelled IV microtracer given with the oral dose) measures CL directly, and then F = CL / (CL/F).",
  };
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(4)));
}
