import { michaelisMentenAucInf } from "../pk";
import { plainObject, positiveNumber } from "../core/validate";

export interface MichaelisMentenExtrapolationInput {
  /** Microdose [mg], IV bolus. */
  microDose: number;
  /** Therapeutic dose [mg], IV bolus. */
  therapeuticDose: number;
  /** Volume of distribution [L]. */
  volume: number;
  /** Maximal elimination rate as a concentration rate [mg/L/h] (Vmax,amount / V). */
  vmax: number;
  /** Michaelis constant [mg/L]. */
  km: number;
}

export interface ExtrapolationError {
  /** AUC(0–∞) after the microdose [mg·h/L]. */
  aucMicro: number;
  /** True AUC after the therapeutic dose [mg·h/L]. */
  aucTherapeutic: number;
  /** AUC predicted by linear scaling of the microdose, aucMicro · D_T / D_micro [mg·h/L]. */
  aucLinearPrediction: number;
  /** aucTherapeutic / aucLinearPrediction: > 1 means the microdose under-predicts exposure. */
  ratio: number;
}

/**
 * How wrong linear scaling from a microdose is when elimination saturates. For a
 * one-compartment IV bolus with Michaelis–Menten elimination,
 * AUC(0–∞) = (Km·C0 + C0²/2) / Vmax (from src/pk), so the true-to-predicted ratio is
 * (Km + C0,T/2) / (Km + C0,micro/2): near 1 while concentrations stay well below Km,
 * growing without bound as the therapeutic C0 passes Km.
 *
 * @param input microDose, therapeuticDose [mg], volume [L], vmax [mg/L/h], km [mg/L]; all > 0
 * @returns aucMicro, aucTherapeutic, aucLinearPrediction [mg·h/L] and their ratio
 * @throws {InputError} when a value is missing or not positive
 * @example michaelisMentenExtrapolation({ microDose: 0.1, therapeuticDose: 100, volume: 50, vmax: 1, km: 1 }).ratio // => 1.998 (C0 = 2 mg/L = 2·Km: about twice the predicted exposure)
 * @see 001_079d5926d130f870.txt, "The Limits of Linearity: Saturable Processes"
 */
export function michaelisMentenExtrapolation(input: MichaelisMentenExtrapolationInput): ExtrapolationError {
  const fn = "michaelisMentenExtrapolation";
  const o = plainObject(fn, "input", input);
  const microDose = positiveNumber(fn, "microDose", o.microDose);
  const therapeuticDose = positiveNumber(fn, "therapeuticDose", o.therapeuticDose);
  const volume = positiveNumber(fn, "volume", o.volume);
  const vmax = positiveNumber(fn, "vmax", o.vmax);
  const km = positiveNumber(fn, "km", o.km);
  const aucMicro = michaelisMentenAucInf({ c0: microDose / volume, vmax, km });
  const aucTherapeutic = michaelisMentenAucInf({ c0: therapeuticDose / volume, vmax, km });
  const aucLinearPrediction = (aucMicro * therapeuticDose) / microDose;
  return { aucMicro, aucTherapeutic, aucLinearPrediction, ratio: aucTherapeutic / aucLinearPrediction };
}
