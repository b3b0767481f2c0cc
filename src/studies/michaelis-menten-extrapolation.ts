import { michaelisMentenAucInf, type PkQuantity } from "../pk";
import { UnitCall, asUnit, productUnit, withUnits } from "../pk/quantities";
import type { Unit } from "../core/units";
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

/** The input with quantities: doses as masses ("100 ug") or amounts, volume, vmax and km as concentrations on the same basis. */
export type MichaelisMentenExtrapolationQuantityInput = {
  [K in keyof MichaelisMentenExtrapolationInput]: PkQuantity;
};

/** The extrapolation error with units: every AUC in the unit of therapeuticDose over the unit of volume, times h. */
export interface ExtrapolationErrorWithUnits {
  aucMicro: Unit;
  aucTherapeutic: Unit;
  aucLinearPrediction: Unit;
  /** Dimensionless, as in a number call. */
  ratio: number;
}

/** The dose fields of the extrapolation inputs (internal, shared with mechanismBasedInhibitionExtrapolation). */
export const EXTRAPOLATION_DOSE_KEYS = ["microDose", "therapeuticDose"] as const;

/** A call's doses in the kernel's unit (mg, or mmol for amounts), read in the order the unit of the results needs (internal). */
export function readDoses(u: UnitCall, o: Record<string, unknown>): { microDose: number; therapeuticDose: number } {
  // therapeuticDose first: the AUCs come back in its unit over the volume's unit.
  const therapeuticDose = u.required("therapeuticDose", "dose", o.therapeuticDose);
  const microDose = u.required("microDose", "dose", o.microDose);
  return { microDose, therapeuticDose };
}

/**
 * How wrong linear scaling from a microdose is when elimination saturates. For a
 * one-compartment IV bolus with Michaelis–Menten elimination,
 * AUC(0–∞) = (Km·C0 + C0²/2) / Vmax (from src/pk), so the true-to-predicted ratio is
 * (Km + C0,T/2) / (Km + C0,micro/2): near 1 while concentrations stay well below Km,
 * growing without bound as the therapeutic C0 passes Km.
 *
 * @param input microDose, therapeuticDose [mg], volume [L], vmax [mg/L/h], km [mg/L]; all > 0; or all as
 *   quantities ("100 ug", "50 L", "0.2 mg/L/h", "1 mg/L"; amounts with molar concentrations work too)
 * @returns aucMicro, aucTherapeutic, aucLinearPrediction [mg·h/L] and their ratio; with units, the AUCs
 *   are quantities in the unit of therapeuticDose over the unit of volume, times h
 * @throws {InputError} when a value is missing or not positive
 * @example michaelisMentenExtrapolation({ microDose: 0.1, therapeuticDose: 100, volume: 50, vmax: 1, km: 1 }).ratio // => 1.998 (C0 = 2 mg/L = 2·Km: about twice the predicted exposure)
 * @example michaelisMentenExtrapolation({ microDose: "100 ug", therapeuticDose: "100 mg", volume: "50 L", vmax: "1 mg/L/h", km: "1 mg/L" }).aucTherapeutic // => 4 mg*h/L
 * @see 001_079d5926d130f870.txt, "The Limits of Linearity: Saturable Processes"
 */
export function michaelisMentenExtrapolation(
  input: MichaelisMentenExtrapolationQuantityInput,
): ExtrapolationErrorWithUnits;
export function michaelisMentenExtrapolation(input: MichaelisMentenExtrapolationInput): ExtrapolationError;
export function michaelisMentenExtrapolation(
  input: MichaelisMentenExtrapolationInput | MichaelisMentenExtrapolationQuantityInput,
): ExtrapolationError | ExtrapolationErrorWithUnits {
  const fn = "michaelisMentenExtrapolation";
  if (withUnits(undefined, input, [...EXTRAPOLATION_DOSE_KEYS, ...KEYS])) {
    const u = new UnitCall(fn);
    const o = plainObject(fn, "input", input);
    const doses = readDoses(u, o);
    const numbers: MichaelisMentenExtrapolationInput = {
      ...doses,
      volume: u.required("volume", "volume", o.volume),
      vmax: u.required("vmax", "vmax", o.vmax),
      km: u.required("km", "km", o.km),
    };
    const r = michaelisMentenExtrapolation(numbers);
    const kernel = productUnit(u.kernelUnit("concentration"), "h");
    const shown = productUnit(u.concentrationUnit("dose", "volume"), "h");
    const auc = (v: number): Unit => asUnit(v, kernel, shown);
    return {
      aucMicro: auc(r.aucMicro),
      aucTherapeutic: auc(r.aucTherapeutic),
      aucLinearPrediction: auc(r.aucLinearPrediction),
      ratio: r.ratio,
    };
  }
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

const KEYS = ["volume", "vmax", "km"] as const;
