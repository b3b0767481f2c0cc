import { options, positive } from "./params";
import { resolveDosing, resolveGrid, simulateCompartment, simulateWithUnits } from "./simulate";
import type {
  DoseEvent,
  ParamsWithUnits,
  SimulatedProfile,
  SimulatedProfileWithUnits,
  SimulationGrid,
  SimulationGridWithUnits,
} from "./types";

/** One compartment with saturable elimination; any mix of IV bolus, infusion and oral doses. */
export interface MichaelisMentenModel {
  doses: readonly DoseEvent[];
  /** Volume of distribution [L]: converts dose amounts [mg] to concentrations. */
  volume: number;
  /** Maximum elimination rate [mg/L/h] (a concentration rate). */
  vmax: number;
  /** Michaelis constant [mg/L]. */
  km: number;
  /** Absorption rate constant [1/h]; required when a dose is oral. */
  ka?: number;
  /** Bioavailable fraction of oral doses (default 1). */
  f?: number;
  /** Lag time of oral doses [h] (default 0). */
  tlag?: number;
}

/**
 * Numerical Michaelis–Menten PK for what the closed form cannot do (oral absorption,
 * repeated or mixed doses): integrates
 *   dC/dt = ka·Ad/V + R_inf(t)/V − Vmax·C/(Km + C),  dAd/dt = −ka·Ad,  dAUC/dt = C
 * piecewise between dose events with ODEX (error-controlled; see src/pk/ode.ts for why ODEX), in
 * the positive, dose-normalised form C = S·z·e^{−Λ} of src/pk/simulate.ts. Agrees with
 * michaelisMentenConcentration to better than 1e-8 relative at every output time for a single
 * bolus, however small C gets (tested for C0/Km 1e-4…1e4 over 0–200 h).
 * @param model.doses dose events (sorted by time); model.volume [L]; model.vmax [mg/L/h]; model.km [mg/L];
 *   model.ka [1/h] (oral); model.f (default 1); model.tlag [h] (default 0)
 * @param grid.times output times [h], >= 0, strictly increasing; grid.tEnd end of the AUC interval [h]
 *   (default: the last time); grid.rtol, grid.atol integrator tolerances
 * With units — every dose's time and amount, volume, vmax, km, ka, tlag as quantities (f a plain
 * fraction) and grid.times as a series — the result carries units: time is grid.times as given
 * (a series), conc a series in the first dose's amount unit over the volume unit (100 ug in 10 L
 * → ug/L), auc a Unit in that unit times the time unit. Doses may be amounts of substance
 * ("30 nmol") if km and vmax are molar too.
 * @returns `{ time [h], conc [mg/L], auc [mg·h/L] from 0 to tEnd }`
 * @throws {InputError} when a dose, parameter or the grid is invalid, or ka is missing for an oral dose
 * @example simulateMichaelisMenten({ doses: [{ time: 0, amount: 100, route: "iv-bolus" }], volume: 10, vmax: 2, km: 1 }, { times: [0, 1] }).conc[1] // => 8.1986 (= michaelisMentenConcentration(1, { c0: 10, vmax: 2, km: 1 }))
 * @example simulateMichaelisMenten({ doses: [{ time: "0 h", amount: "100 mg", route: "iv-bolus" }], volume: "10 L", vmax: "2 ug/mL/h", km: "1 mg/L" }, { times: series([0, 60], "min") }).auc // => 9.0964 mg*h/L
 * @see 001_079d5926d130f870.txt, "The Limits of Linearity: Saturable Processes"
 */
export function simulateMichaelisMenten(
  model: ParamsWithUnits<MichaelisMentenModel>,
  grid: SimulationGridWithUnits,
): SimulatedProfileWithUnits;
export function simulateMichaelisMenten(model: MichaelisMentenModel, grid: SimulationGrid): SimulatedProfile;
export function simulateMichaelisMenten(
  model: MichaelisMentenModel | ParamsWithUnits<MichaelisMentenModel>,
  grid: SimulationGrid | SimulationGridWithUnits,
): SimulatedProfile | SimulatedProfileWithUnits {
  const fn = "simulateMichaelisMenten";
  const u = simulateWithUnits(fn, model, grid, ["vmax", "km"]);
  if (u !== undefined) return u.profile(simulateMichaelisMenten(u.model as unknown as MichaelisMentenModel, u.grid));
  const m = options(fn, model, "model");
  const dosing = resolveDosing(fn, m);
  const vmax = positive(fn, m, "vmax");
  const km = positive(fn, m, "km");
  const g = resolveGrid(fn, grid);
  const raw = simulateCompartment(dosing, { extra0: [], rate: (_t, c) => vmax / (km + c), rateBound: vmax / km }, g);
  return { time: raw.time, conc: raw.states.map((s) => s[0]), auc: raw.auc };
}
