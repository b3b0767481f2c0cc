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
 * Autoinduction: the drug raises the synthesis of its own eliminating enzyme.
 * cl0 [L/h] baseline clearance; kdeg [1/h] enzyme turnover; emax (dimensionless, >= 0)
 * maximal fold-increase of synthesis; ec50 [mg/L] concentration at half of it.
 */
export interface AutoinductionModel {
  doses: readonly DoseEvent[];
  volume: number;
  cl0: number;
  kdeg: number;
  emax: number;
  ec50: number;
  ka?: number;
  f?: number;
  tlag?: number;
}

/**
 * Autoinduction as an enzyme-turnover model. With e = E/E0:
 *   de/dt = kdeg·(1 + Emax·C/(EC50 + C) − e),    e(0) = 1,
 *   CL(t) = CL0 · e(t),    dC/dt = input(t)/V − CL(t)/V · C.
 * Synthesis rises with concentration; the enzyme pool follows with the turnover half-life
 * ln 2/kdeg, so clearance climbs over days of dosing — invisible in a short microdose study
 * and the cause of lower-than-predicted exposure at therapeutic doses.
 * @param model.doses dose events; model.volume [L]; model.cl0 [L/h] > 0; model.kdeg [1/h] > 0; model.emax >= 0;
 *   model.ec50 [mg/L] > 0; model.ka [1/h] (oral); model.f; model.tlag [h]
 * @param grid.times output times [h]; grid.tEnd end of the AUC interval [h] (default last time)
 * With units (see simulateMichaelisMenten; ec50 a concentration, emax a plain number), clearance is a
 * series in the unit of cl0 and enzyme stays a plain fraction.
 * @returns `{ time [h], conc [mg/L], enzyme (e = E/E0), clearance [L/h], auc [mg·h/L] }`
 * @throws {InputError} when a dose, parameter or the grid is invalid
 * @example simulateAutoinduction({ doses: [{ time: "0 h", amount: "100 ug", route: "iv-bolus" }], volume: "10 L", cl0: "5 L/h", kdeg: "0.05 1/h", emax: 0, ec50: "1 ug/mL" }, { times: ["0 h", "2 h"] }).conc.values[1] // => 3.6788 (ug/L)
 * @example simulateAutoinduction({ doses: [{ time: 0, amount: 100, route: "iv-bolus" }], volume: 10, cl0: 5, kdeg: 0.05, emax: 0, ec50: 1 }, { times: [0, 2] }).conc[1] // => 3.6788 (emax = 0: no induction)
 * @see 001_079d5926d130f870.txt, "A More Complex Pitfall: Time-Dependent Pharmacokinetics"
 */
export function simulateAutoinduction(
  model: ParamsWithUnits<AutoinductionModel>,
  grid: SimulationGridWithUnits,
): EnzymeProfileWithUnits;
export function simulateAutoinduction(model: AutoinductionModel, grid: SimulationGrid): EnzymeProfile;
export function simulateAutoinduction(
  model: AutoinductionModel | ParamsWithUnits<AutoinductionModel>,
  grid: SimulationGrid | SimulationGridWithUnits,
): EnzymeProfile | EnzymeProfileWithUnits {
  const fn = "simulateAutoinduction";
  const u = simulateWithUnits(fn, model, grid, ["cl0", "kdeg", "ec50"]);
  if (u !== undefined) {
    const r = simulateAutoinduction(u.model as unknown as AutoinductionModel, u.grid);
    return { ...u.profile(r), enzyme: r.enzyme, clearance: u.series(r.clearance, "L/h", u.call.unitOf("cl0", "L/h")) };
  }
  const m = options(fn, model, "model");
  const dosing = resolveDosing(fn, m);
  const cl0 = positive(fn, m, "cl0");
  const kdeg = positive(fn, m, "kdeg");
  const emax = nonNegative(fn, m, "emax");
  const ec50 = positive(fn, m, "ec50");
  const g = resolveGrid(fn, grid);
  return simulateEnzymeTurnover(dosing, cl0, 1 + emax, g, (c, e) => kdeg * (1 + (emax * c) / (ec50 + c) - e));
}
