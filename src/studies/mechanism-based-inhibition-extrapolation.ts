import { InputError } from "../core/errors";
import {
  repeatedDoses,
  simulateMechanismBasedInhibition,
  type MechanismBasedInhibitionModel,
  type ParamsWithUnits,
  type PkQuantity,
  type SimulationGrid,
  type SimulationGridWithUnits,
} from "../pk";
import { UnitCall, asUnit, gridWithUnits, numberGrid, productUnit, withUnits } from "../pk/quantities";
import type { Unit } from "../core/units";
import { integerAtLeast, oneOf, plainObject, positiveNumber } from "../core/validate";
import {
  EXTRAPOLATION_DOSE_KEYS,
  readDoses,
  type ExtrapolationError,
  type ExtrapolationErrorWithUnits,
} from "./michaelis-menten-extrapolation";

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

/** The input with quantities: doses as masses or amounts, volume, cl0, kdeg, kinact, ki, ka and tau with their units; fu, f, count plain. */
export type MechanismBasedInhibitionExtrapolationQuantityInput = Omit<
  ParamsWithUnits<MechanismBasedInhibitionExtrapolationInput>,
  "microDose" | "therapeuticDose"
> & { microDose: PkQuantity; therapeuticDose: PkQuantity };

/** The result with units: AUCs in the unit of therapeuticDose over the unit of volume, times the unit of grid.times. */
export interface MechanismBasedInhibitionExtrapolationErrorWithUnits extends ExtrapolationErrorWithUnits {
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
 * @param input doses [mg], route, count/tau, and the MBI model parameters; or all dimensioned values as
 *   quantities ("100 ug", "50 L", "10 L/h", "0.03 1/h", "1 mg/L", tau "24 h"), with a grid of times with units
 * @param grid output times [h] (and optional tEnd) as for the simulators; a series with units in a call with units
 * @returns aucMicro, aucTherapeutic, aucLinearPrediction [mg·h/L], ratio, and the lowest enzyme fractions; with
 *   units, the AUCs are quantities in the unit of therapeuticDose over the unit of volume, times the unit of the grid
 * @throws {InputError} when a dose or parameter is invalid (the simulator's own checks apply too)
 * @example mechanismBasedInhibitionExtrapolation({ microDose: 0.1, therapeuticDose: 100, volume: 50, cl0: 10, kdeg: 0.03, kinact: 0.2, ki: 1 }, { times: Array.from({ length: 337 }, (_, h) => h) }).ratio // => 1.676 (the microdose under-predicts exposure by 40 %)
 * @example mechanismBasedInhibitionExtrapolation({ microDose: "100 ug", therapeuticDose: "100 mg", volume: "50 L", cl0: "10 L/h", kdeg: "0.03 1/h", kinact: "0.2 1/h", ki: "1 mg/L" }, { times: series(Array.from({ length: 337 }, (_, h) => h), "h") }).ratio // => 1.676
 * @see 001_079d5926d130f870.txt, "A More Complex Pitfall: Time-Dependent Pharmacokinetics"
 */
export function mechanismBasedInhibitionExtrapolation(
  input: MechanismBasedInhibitionExtrapolationQuantityInput,
  grid: SimulationGridWithUnits,
): MechanismBasedInhibitionExtrapolationErrorWithUnits;
export function mechanismBasedInhibitionExtrapolation(
  input: MechanismBasedInhibitionExtrapolationInput,
  grid: SimulationGrid,
): MechanismBasedInhibitionExtrapolationError;
export function mechanismBasedInhibitionExtrapolation(
  input: MechanismBasedInhibitionExtrapolationInput | MechanismBasedInhibitionExtrapolationQuantityInput,
  grid: SimulationGrid | SimulationGridWithUnits,
): MechanismBasedInhibitionExtrapolationError | MechanismBasedInhibitionExtrapolationErrorWithUnits {
  const fn = "mechanismBasedInhibitionExtrapolation";
  if (withUnits(undefined, input, [...EXTRAPOLATION_DOSE_KEYS, ...KEYS]) || gridWithUnits(grid)) {
    const u = new UnitCall(fn);
    const o = plainObject(fn, "input", input);
    const doses = readDoses(u, o);
    const model = u.fields("input", o, ["volume", "cl0", "kdeg", "kinact", "ki"], ["ka", "tau"]);
    const g = numberGrid(u, grid) as unknown as SimulationGrid;
    const numbers = { ...model, ...doses } as unknown as MechanismBasedInhibitionExtrapolationInput;
    const r = mechanismBasedInhibitionExtrapolation(numbers, g);
    const kernel = productUnit(u.kernelUnit("concentration"), "h");
    const shown = productUnit(u.concentrationUnit("dose", "volume"), u.unitOf("times", "h"));
    const auc = (v: number): Unit => asUnit(v, kernel, shown);
    return {
      aucMicro: auc(r.aucMicro),
      aucTherapeutic: auc(r.aucTherapeutic),
      aucLinearPrediction: auc(r.aucLinearPrediction),
      ratio: r.ratio,
      minEnzymeMicro: r.minEnzymeMicro,
      minEnzymeTherapeutic: r.minEnzymeTherapeutic,
    };
  }
  const o = plainObject(fn, "input", input);
  const microDose = positiveNumber(fn, "microDose", o.microDose);
  const therapeuticDose = positiveNumber(fn, "therapeuticDose", o.therapeuticDose);
  const route = o.route === undefined ? "iv-bolus" : oneOf(fn, "route", o.route, ["iv-bolus", "oral"] as const);
  const count = o.count === undefined ? 1 : integerAtLeast(fn, "count", o.count, 1);
  if (count > 1 && o.tau === undefined) throw new InputError(fn, "tau", "is required when count > 1", undefined);
  const tau = o.tau === undefined ? 24 : positiveNumber(fn, "tau", o.tau);
  const {
    microDose: _m,
    therapeuticDose: _t,
    route: _r,
    count: _c,
    tau: _tau,
    ...model
  } = input as MechanismBasedInhibitionExtrapolationInput;
  const run = (amount: number) =>
    simulateMechanismBasedInhibition(
      { ...model, doses: repeatedDoses({ amount, tau, count, route }) },
      grid as SimulationGrid,
    );
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

const KEYS = ["volume", "cl0", "kdeg", "kinact", "ki", "ka", "tau"] as const;
