import { fraction } from "../core/validate";
import { InputError } from "../core/errors";
import { nonNegative, options, positive } from "./params";
import { resolveDosing, resolveGrid, simulateEnzymeTurnover, simulateWithUnits } from "./simulate";
import type {
  DoseEvent,
  EnzymeProfile,
  EnzymeProfileWithUnits,
  ParamsWithUnits,
  SimulationGrid,
  SimulationGridWithUnits,
} from "./types";

/**
 * Mechanism-based (irreversible) inhibition of the drug's own eliminating enzyme.
 * cl0 [L/h] is the clearance with the full enzyme pool E0; kdeg [1/h] the enzyme's natural
 * turnover; kinact [1/h] the maximal inactivation rate; ki [mg/L] the inhibitor concentration
 * at half-maximal inactivation; fu the unbound fraction (I = fu·C, default 1).
 */
export interface MechanismBasedInhibitionModel {
  doses: readonly DoseEvent[];
  volume: number;
  cl0: number;
  kdeg: number;
  kinact: number;
  ki: number;
  fu?: number;
  ka?: number;
  f?: number;
  tlag?: number;
}

/**
 * Mechanism-based inhibition as an enzyme-turnover model. With e = E/E0 (fraction of the
 * baseline enzyme pool) and I = fu·C the (unbound) inhibitor concentration:
 *   de/dt = kdeg·(1 − e) − kinact·I/(KI + I)·e,          e(0) = 1,
 *   CL(t) = CL0 · e(t)                                    (clearance ∝ active enzyme),
 *   dC/dt = input(t)/V − CL(t)/V · C.
 * Clearance falls while the drug is present and recovers at kdeg after it is gone — so a
 * microdose (I ≪ KI) shows CL ≈ CL0, while a therapeutic dose shows lower clearance and
 * more than proportional exposure.
 * @param model.doses dose events; model.volume [L]; model.cl0 [L/h] > 0; model.kdeg [1/h] > 0; model.kinact [1/h] >= 0;
 *   model.ki [mg/L] > 0; model.fu in (0, 1] (default 1); model.ka [1/h] (oral); model.f; model.tlag [h]
 * @param grid.times output times [h]; grid.tEnd end of the AUC interval [h] (default last time)
 * With units (see simulateMichaelisMenten; ki a concentration, fu a plain fraction), clearance is a
 * series in the unit of cl0 and enzyme stays a plain fraction.
 * @returns `{ time [h], conc [mg/L], enzyme (e = E/E0), clearance [L/h], auc [mg·h/L] }`
 * @throws {InputError} when a dose, parameter or the grid is invalid
 * @example simulateMechanismBasedInhibition({ doses: [{ time: "0 h", amount: "100 ug", route: "iv-bolus" }], volume: "10 L", cl0: "5 L/h", kdeg: "0.05 1/h", kinact: "0 1/h", ki: "1 ug/mL" }, { times: series([0, 120], "min") }).conc.values[1] // => 3.6788 (ug/L)
 * @example simulateMechanismBasedInhibition({ doses: [{ time: 0, amount: 100, route: "iv-bolus" }], volume: 10, cl0: 5, kdeg: 0.05, kinact: 0, ki: 1 }, { times: [0, 2] }).conc[1] // => 3.6788 (kinact = 0: no inhibition, 10·e^{−1})
 * @see 001_079d5926d130f870.txt, "A More Complex Pitfall: Time-Dependent Pharmacokinetics"
 */
export function simulateMechanismBasedInhibition(
  model: ParamsWithUnits<MechanismBasedInhibitionModel>,
  grid: SimulationGridWithUnits,
): EnzymeProfileWithUnits;
export function simulateMechanismBasedInhibition(
  model: MechanismBasedInhibitionModel,
  grid: SimulationGrid,
): EnzymeProfile;
export function simulateMechanismBasedInhibition(
  model: MechanismBasedInhibitionModel | ParamsWithUnits<MechanismBasedInhibitionModel>,
  grid: SimulationGrid | SimulationGridWithUnits,
): EnzymeProfile | EnzymeProfileWithUnits {
  const fn = "simulateMechanismBasedInhibition";
  const u = simulateWithUnits(fn, model, grid, ["cl0", "kdeg", "kinact", "ki"]);
  if (u !== undefined) {
    const r = simulateMechanismBasedInhibition(u.model as unknown as MechanismBasedInhibitionModel, u.grid);
    return { ...u.profile(r), enzyme: r.enzyme, clearance: u.series(r.clearance, "L/h", u.call.unitOf("cl0", "L/h")) };
  }
  const m = options(fn, model, "model");
  const dosing = resolveDosing(fn, m);
  const cl0 = positive(fn, m, "cl0");
  const kdeg = positive(fn, m, "kdeg");
  const kinact = nonNegative(fn, m, "kinact");
  const ki = positive(fn, m, "ki");
  const fu = m.fu === undefined ? 1 : fraction(fn, "fu", m.fu);
  if (fu === 0) throw new InputError(fn, "fu", "must be greater than 0", fu);
  const g = resolveGrid(fn, grid);
  return simulateEnzymeTurnover(dosing, cl0, 1, g, (c, e) => {
    const i = fu * c;
    return kdeg * (1 - e) - ((kinact * i) / (ki + i)) * e;
  });
}
