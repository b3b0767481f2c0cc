import type { Unit } from "../core/units";
import { nonNegativeNumber } from "../core/validate";
import { nonNegative, options, positive } from "./params";
import { asUnit, UnitCall, withUnits, type WithUnits } from "./quantities";
import { resolveDosing, resolveGrid, simulateCompartment, simulateWithUnits } from "./simulate";
import type {
  ClearanceProfile,
  ClearanceProfileWithUnits,
  DoseEvent,
  ParamsWithUnits,
  SimulationGrid,
  SimulationGridWithUnits,
} from "./types";

const CLEARANCE_KEYS = ["cl0", "clss", "beta"] as const;

/** CL(t) = CLss + (CL0 − CLss)·e^{−β·t}: cl0 and clss [L/h], beta [1/h]. */
export interface ClearanceOverTimeParams {
  cl0: number;
  clss: number;
  beta: number;
}

/** One compartment whose clearance drifts from cl0 to clss at rate beta (from the first dose at t = 0). */
export interface TimeVaryingClearanceModel extends ClearanceOverTimeParams {
  doses: readonly DoseEvent[];
  volume: number;
  ka?: number;
  f?: number;
  tlag?: number;
}

function resolveClearance(fn: string, p: Record<string, unknown>): ClearanceOverTimeParams {
  return { cl0: positive(fn, p, "cl0"), clss: positive(fn, p, "clss"), beta: nonNegative(fn, p, "beta") };
}

function clearanceAt(t: number, { cl0, clss, beta }: ClearanceOverTimeParams): number {
  return clss + (cl0 - clss) * Math.exp(-beta * t);
}

/**
 * The text's time-dependent clearance: CL(t) = CLss + (CL0 − CLss)·e^{−β·t}.
 * With CLss < CL0 it describes mechanism-based inhibition (clearance falls as the enzyme is
 * inactivated); with CLss > CL0, autoinduction. A microdose study that ends well before 1/β
 * sees CL ≈ CL0 and misses the change.
 * @param t time since the start of treatment [h], finite and >= 0
 * @param params.cl0 initial clearance [L/h], > 0; params.clss steady-state clearance [L/h], > 0; params.beta rate of change [1/h], >= 0
 * @returns clearance [L/h]
 * @throws {InputError} when t is negative or a parameter is invalid
 * With units (beta is a rate constant, e.g. "0.1 1/day"), the clearance is a Unit in the unit of cl0.
 * @example clearanceOverTime(Math.LN2, { cl0: 10, clss: 4, beta: 1 }) // => 7 (half way from 10 to 4)
 * @example clearanceOverTime("1 day", { cl0: "10 L/h", clss: "4 L/h", beta: "0.028881 1/h" }) // => 7 L/h
 * @see 001_079d5926d130f870.txt, "A More Complex Pitfall: Time-Dependent Pharmacokinetics"
 */
export function clearanceOverTime(t: Unit | string, params: WithUnits<ClearanceOverTimeParams>): Unit;
export function clearanceOverTime(t: number, params: ClearanceOverTimeParams): number;
export function clearanceOverTime(
  t: number | Unit | string,
  params: ClearanceOverTimeParams | WithUnits<ClearanceOverTimeParams>,
): number | Unit {
  const fn = "clearanceOverTime";
  if (withUnits(t, params, CLEARANCE_KEYS)) {
    const u = new UnitCall(fn);
    const time = u.required("t", "t", t);
    const cl = clearanceOverTime(
      time,
      u.fields("params", params, CLEARANCE_KEYS) as unknown as ClearanceOverTimeParams,
    );
    return asUnit(cl, "L/h", u.unitOf("cl0", "L/h"));
  }
  nonNegativeNumber(fn, "t", t);
  return clearanceAt(t as number, resolveClearance(fn, options(fn, params)));
}

/**
 * One-compartment PK with the text's time-dependent clearance:
 *   dC/dt = input(t)/V − CL(t)/V · C,  CL(t) = CLss + (CL0 − CLss)·e^{−β·t},
 * integrated numerically with dose events (bolus, infusion, oral) and AUC as an ODE state, in the
 * positive, dose-normalised form of src/pk/simulate.ts (linear, so concentrations are exactly
 * proportional to dose). For a bolus the exact solution is C0·exp(−[CLss·t + (CL0 − CLss)(1 − e^{−βt})/β]/V);
 * the tests check boluses against it and oral doses against the exact integral, to 1e-8 relative.
 * @param model.doses dose events; model.volume [L]; model.cl0, model.clss [L/h]; model.beta [1/h];
 *   model.ka [1/h] (oral); model.f; model.tlag [h]
 * @param grid.times output times [h]; grid.tEnd end of the AUC interval [h] (default last time)
 * @returns `{ time [h], conc [mg/L], clearance [L/h], auc [mg·h/L] }`
 * @throws {InputError} when a dose, parameter or the grid is invalid
 * With units (see simulateMichaelisMenten), clearance is a series in the unit of cl0.
 * @example simulateTimeVaryingClearance({ doses: [{ time: 0, amount: 100, route: "iv-bolus" }], volume: 10, cl0: 5, clss: 5, beta: 1 }, { times: [0, 2] }).conc[1] // => 3.6788 (= 10·e^{−1}: constant CL when CL0 = CLss)
 * @example simulateTimeVaryingClearance({ doses: [{ time: "0 h", amount: "100 ug", route: "iv-bolus" }], volume: "10 L", cl0: "5 L/h", clss: "2 L/h", beta: "0 1/h" }, { times: series([0, 2], "h") }).conc.values[1] // => 3.6788 (ug/L)
 * @see 001_079d5926d130f870.txt, "A More Complex Pitfall: Time-Dependent Pharmacokinetics"
 */
export function simulateTimeVaryingClearance(
  model: ParamsWithUnits<TimeVaryingClearanceModel>,
  grid: SimulationGridWithUnits,
): ClearanceProfileWithUnits;
export function simulateTimeVaryingClearance(model: TimeVaryingClearanceModel, grid: SimulationGrid): ClearanceProfile;
export function simulateTimeVaryingClearance(
  model: TimeVaryingClearanceModel | ParamsWithUnits<TimeVaryingClearanceModel>,
  grid: SimulationGrid | SimulationGridWithUnits,
): ClearanceProfile | ClearanceProfileWithUnits {
  const fn = "simulateTimeVaryingClearance";
  const u = simulateWithUnits(fn, model, grid, ["cl0", "clss", "beta"]);
  if (u !== undefined) {
    const r = simulateTimeVaryingClearance(u.model as unknown as TimeVaryingClearanceModel, u.grid);
    return { ...u.profile(r), clearance: u.series(r.clearance, "L/h", u.call.unitOf("cl0", "L/h")) };
  }
  const m = options(fn, model, "model");
  const dosing = resolveDosing(fn, m);
  const cl = resolveClearance(fn, m);
  const g = resolveGrid(fn, grid);
  const raw = simulateCompartment(
    dosing,
    {
      extra0: [],
      rate: (t) => clearanceAt(t, cl) / dosing.volume,
      rateBound: Math.max(cl.cl0, cl.clss) / dosing.volume,
    },
    g,
  );
  return {
    time: raw.time,
    conc: raw.states.map((s) => s[0]),
    clearance: raw.time.map((t) => clearanceAt(t, cl)),
    auc: raw.auc,
  };
}
