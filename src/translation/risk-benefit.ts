import { InputError } from "../core/errors";
import { type QuantityInput } from "../core/units";
import { fraction, integerAtLeast, plainObject } from "../core/validate";
import { radiationRisk } from "./radiation";

export interface RiskBenefitInput {
  /** Volunteers dosed in the Phase 0 study. */
  phase0Volunteers: number;
  /** Probability of a serious adverse event per volunteer from the sub-pharmacologic dose itself. */
  phase0ChemicalRisk: number;
  /** Effective dose per volunteer from the tracer [mSv ...]; omit for an unlabelled study. */
  phase0EffectiveDose?: QuantityInput;
  /** Probability that the Phase 0 data lead to stopping a candidate that would otherwise have gone on. */
  probabilityOfEarlyTermination: number;
  /** Subjects who would have been dosed in the trials that early termination avoids. */
  subjectsSpared: number;
  /** Probability of a serious adverse event per subject in those trials. */
  riskPerSparedSubject: number;
}

export interface RiskBenefitResult {
  /** Expected serious harms to Phase 0 volunteers: n0 · (p_chem + p_rad). */
  expectedHarmPhase0: number;
  /** Of which from radiation: n0 · p_rad. */
  expectedRadiationHarm: number;
  /** Expected serious adverse events avoided: q · n1 · p1. */
  expectedEventsAvoided: number;
  /** expectedEventsAvoided − expectedHarmPhase0. */
  netEventsAvoided: number;
  /** expectedEventsAvoided / expectedHarmPhase0 (Infinity when the Phase 0 harm is zero). */
  benefitRiskRatio: number;
  /** The arithmetic, one line per step. */
  steps: string[];
}

/**
 * A small, explicit expected-value model of the ethics argument for Phase 0: the harm to a
 * few volunteers versus the serious adverse events avoided when an unpromising candidate
 * is stopped before larger, higher-dose trials.
 *
 *   harm    = n0 · (p_chem + E · 5.7 %/Sv)           (Phase 0 volunteers)
 *   avoided = q · n1 · p1                             (subjects spared, weighted by the chance of stopping)
 *
 * Every input is an assumption the user states; the model shows which ones matter. The
 * example's numbers are illustrative, not literature values.
 *
 * @param input phase0Volunteers, phase0ChemicalRisk, phase0EffectiveDose?, probabilityOfEarlyTermination, subjectsSpared, riskPerSparedSubject
 * @returns expected harms, events avoided, their difference and ratio, and the arithmetic
 * @throws {InputError} when a count is not a non-negative integer or a probability is outside [0, 1]
 * @example phase0RiskBenefit({ phase0Volunteers: 6, phase0ChemicalRisk: 1e-6, phase0EffectiveDose: "0.001 mSv", probabilityOfEarlyTermination: 0.3, subjectsSpared: 60, riskPerSparedSubject: 0.001 }).benefitRiskRatio // => 2838
 * @see 001_079d5926d130f870.txt, "The Ethical Imperative: A Favorable Risk-Benefit Profile"
 */
export function phase0RiskBenefit(input: RiskBenefitInput): RiskBenefitResult {
  const fn = "phase0RiskBenefit";
  const o = plainObject(fn, "input", input);
  const n0 = integerAtLeast(fn, "phase0Volunteers", o.phase0Volunteers, 0);
  const pChem = fraction(fn, "phase0ChemicalRisk", o.phase0ChemicalRisk);
  const pRad = o.phase0EffectiveDose === undefined ? 0 : radiationRiskFor(fn, o.phase0EffectiveDose);
  const q = fraction(fn, "probabilityOfEarlyTermination", o.probabilityOfEarlyTermination);
  const n1 = integerAtLeast(fn, "subjectsSpared", o.subjectsSpared, 0);
  const p1 = fraction(fn, "riskPerSparedSubject", o.riskPerSparedSubject);
  const harm = n0 * (pChem + pRad);
  const avoided = q * n1 * p1;
  const g = (x: number): string => String(Number(x.toPrecision(4)));
  return {
    expectedHarmPhase0: harm,
    expectedRadiationHarm: n0 * pRad,
    expectedEventsAvoided: avoided,
    netEventsAvoided: avoided - harm,
    benefitRiskRatio: harm === 0 ? Infinity : avoided / harm,
    steps: [
      `harm to Phase 0 volunteers = n0 × (p_chem + p_rad) = ${n0} × (${g(pChem)} + ${g(pRad)}) = ${g(harm)}`,
      `serious adverse events avoided = q × n1 × p1 = ${g(q)} × ${n1} × ${g(p1)} = ${g(avoided)}`,
      `benefit / risk = ${g(avoided)} / ${g(harm)} = ${harm === 0 ? "∞" : g(avoided / harm)}`,
    ],
  };
}

function radiationRiskFor(fn: string, dose: unknown): number {
  try {
    return radiationRisk(dose as QuantityInput);
  } catch (err) {
    if (err instanceof InputError) throw new InputError(fn, "phase0EffectiveDose", err.rule, err.received);
    throw err;
  }
}
