import { InputError } from "../core/errors";
import {
  repeatedDoses,
  simulateMechanismBasedInhibition,
  type MechanismBasedInhibitionModel,
  type SimulationGrid,
} from "../pk";
import { integerAtLeast, oneOf, plainObject, positiveNumber } from "../core/validate";
import type { ExtrapolationError } from "./michaelis-menten-extrapolation";

/** Model parameters as in simulateMechanismBasedInhibition (volume [L], cl0 [L/h], kdeg, kinact [1/h], ki [mg/L], fu, ka [1/h], f); the doses come from the fields below. */
export interface MechanismBasedInhibitionExtrapolationInput extends Omit<
  MechanismBasedInhibitionModel,
  "doses" | "tlag"
> {
  /** Microdose [mg]. */
  microDose: number;
  /** Therapeutic dose [mg]. */
  therapeuticDose: number;
  /** "iv-bolus" (default) or "oral" (then ka is required). */
  route?: "iv-bolus" | "oral";
  /** Number of doses (default 1) and interval [h] (required when count > 1). */
  count?: number;
  tau?: number;
}

export interface MechanismBasedInhibitionExtrapolationError extends ExtrapolationError {
  /** Lowest active-enzyme fraction E/E0 over the reported times after the microdose and the therapeutic dose (pass a dense grid). */
  minEnzymeMicro: number;
  minEnzymeTherapeutic: number;
}

/**
 * How wrong linear scaling from a microdose is when the drug inactivates its own enzyme
 * (mechanism-based inhibition). Both doses are simulated with the enzyme-turnover model of
 * src/pk; the microdose barely touches the enzyme (CL ≈ CL0), while the therapeutic dose
 * lowers clearance over its residence time, so AUC_T > D_T / CL0 and ratio > 1.
 * AUCs are over the grid's interval [0, tEnd]; choose tEnd long enough for the drug to be gone.
 *
 * @param input doses [mg], route, count/tau, and the MBI model parameters
 * @param grid output times [h] (and optional tEnd) as for the simulators
 * @returns aucMicro, aucTherapeutic, aucLinearPrediction [mg·h/L], ratio, and the lowest enzyme fractions
 * @throws {InputError} when a dose or parameter is invalid (the simulator's own checks apply too)
 * @example mechanismBasedInhibitionExtrapolation({ microDose: 0.1, therapeuticDose: 100, volume: 50, cl0: 10, kdeg: 0.03, kinact: 0.2, ki: 1 }, { times: Array.from({ length: 337 }, (_, h) => h) }).ratio // => 1.676 (the microdose under-predicts exposure by 40 %)
 * @see 001_079d5926d130f870.txt, "A More Complex Pitfall: Time-Dependent Pharmacokinetics"
 */
export function mechanismBasedInhibitionExtrapolation(
  input: MechanismBasedInhibitionExtrapolationInput,
  grid: SimulationGrid,
): MechanismBasedInhibitionExtrapolationError {
  const fn = "mechanismBasedInhibitionExtrapolation";
  const o = plainObject(fn, "input", input);
  const microDose = positiveNumber(fn, "microDose", o.microDose);
  const therapeuticDose = positiveNumber(fn, "therapeuticDose", o.therapeuticDose);
  const route = o.route === undefined ? "iv-bolus" : oneOf(fn, "route", o.route, ["iv-bolus", "oral"] as const);
  const count = o.count === undefined ? 1 : integerAtLeast(fn, "count", o.count, 1);
  if (count > 1 && o.tau === undefined) throw new InputError(fn, "tau", "is required when count > 1", undefined);
  const tau = o.tau === undefined ? 24 : positiveNumber(fn, "tau", o.tau);
  const { microDose: _m, therapeuticDose: _t, route: _r, count: _c, tau: _tau, ...model } = input;
  const run = (amount: number) =>
    simulateMechanismBasedInhibition({ ...model, doses: repeatedDoses({ amount, tau, count, route }) }, grid);
  const micro = run(microDose);
  const therapeutic = run(therapeuticDose);
  const aucLinearPrediction = (micro.auc * therapeuticDose) / microDose;
  return {
    aucMicro: micro.auc,
    aucTherapeutic: therapeutic.auc,
    aucLinearPrediction,
    ratio: therapeutic.auc / aucLinearPrediction,
    minEnzymeMicro: Math.min(...micro.enzyme),
    minEnzymeTherapeutic: Math.min(...therapeutic.enzyme),
  };
}
