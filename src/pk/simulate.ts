import { InputError } from "../core/errors";
import { positiveNumber } from "../core/validate";
import { integrateOdex } from "./ode";
import { bioavailability, doseEvents, observationTimes, optionalNonNegative, options, positive, requireKaForOral } from "./params";
import type { DoseEvent, EnzymeProfile } from "./types";

/**
 * The numerical engine behind every simulate* model (internal). One compartment with
 * concentration C [mg/L], a depot of bioavailable drug Ad [mg] absorbed at ka, zero-order
 * infusions, an AUC state and any extra states (e.g. an enzyme pool). State vector
 *   y = [C, Ad, AUC, ...extra],
 *   dC/dt = ka·Ad/V + R_inf(t)/V − elimination(t, C, extra),  dAd/dt = −ka·Ad,  dAUC/dt = C.
 * Dose events make the solution non-smooth, so the span is cut at every bolus or oral dose
 * (a jump: C += amount/V, Ad += F·amount at time + tlag) and at the start and end of every
 * infusion, and the integrator is restarted on each piece. Reported values are
 * right-continuous: a bolus at an output time is included at that time.
 * AUC is integrated as an ODE state, so it is exact to the integrator tolerance.
 */
export interface CompartmentDynamics {
  /** Initial values of the extra states. */
  extra0: readonly number[];
  /** Elimination rate from the central compartment [mg/L/h] at concentration c. */
  elimination(t: number, c: number, extra: readonly number[]): number;
  /** Derivatives of the extra states. */
  extraRhs?(t: number, c: number, extra: readonly number[]): number[];
}

export interface DosingInput {
  doses: DoseEvent[];
  volume: number;
  ka: number | undefined;
  f: number;
  tlag: number;
}

export interface ResolvedGrid {
  times: readonly number[];
  tEnd: number;
  rtol: number;
  atol: number;
}

export interface RawSimulation {
  time: number[];
  states: number[][];
  auc: number;
}

/** Validate the dosing part of a simulate* model: doses, volume, ka (for oral), f, tlag. */
export function resolveDosing(fn: string, model: Record<string, unknown>): DosingInput {
  const doses = doseEvents(fn, model.doses);
  return {
    doses,
    volume: positive(fn, model, "volume"),
    ka: requireKaForOral(fn, doses, model.ka),
    f: bioavailability(fn, model),
    tlag: optionalNonNegative(fn, model, "tlag", 0),
  };
}

/** Validate the output grid: times >= 0 strictly increasing; tEnd > 0 (default last time); tolerances > 0 (defaults rtol 1e-10, atol 1e-20). */
export function resolveGrid(fn: string, grid: unknown): ResolvedGrid {
  const g = options(fn, grid, "grid");
  const times = observationTimes(fn, g.times, "grid.times");
  const last = times[times.length - 1];
  const tEnd = g.tEnd === undefined ? last : positiveNumber(fn, "grid.tEnd", g.tEnd);
  if (tEnd === 0) throw new InputError(fn, "grid.times", "must extend beyond 0 when tEnd is not given (the AUC interval would be empty)", g.times);
  return {
    times,
    tEnd,
    rtol: g.rtol === undefined ? 1e-10 : positiveNumber(fn, "grid.rtol", g.rtol),
    // Default atol is tiny on purpose: microdose concentrations (ng/mL = 1e-6 mg/L) sit below any
    // "reasonable" absolute tolerance in mg/L, so control is effectively relative (rtol) everywhere.
    atol: g.atol === undefined ? 1e-20 : positiveNumber(fn, "grid.atol", g.atol),
  };
}

interface Jump {
  time: number;
  dC: number;
  dDepot: number;
}

export function simulateCompartment(dosing: DosingInput, dynamics: CompartmentDynamics, grid: ResolvedGrid): RawSimulation {
  const { volume, ka, f, tlag } = dosing;
  const horizon = Math.max(grid.times[grid.times.length - 1], grid.tEnd);
  const jumps: Jump[] = [];
  const infusions: { start: number; end: number; rate: number }[] = [];
  for (const d of dosing.doses) {
    if (d.amount === 0) continue;
    if (d.route === "iv-bolus") jumps.push({ time: d.time, dC: d.amount / volume, dDepot: 0 });
    else if (d.route === "oral") jumps.push({ time: d.time + tlag, dC: 0, dDepot: f * d.amount });
    else infusions.push({ start: d.time, end: d.time + (d.duration as number), rate: d.amount / (d.duration as number) });
  }
  const breaks = new Set<number>([0, grid.tEnd, horizon]);
  for (const j of jumps) if (j.time <= horizon) breaks.add(j.time);
  for (const inf of infusions) {
    if (inf.start <= horizon) breaks.add(inf.start);
    if (inf.end <= horizon) breaks.add(inf.end);
  }
  const pieces = [...breaks].sort((a, b) => a - b);
  const kaValue = ka ?? 0;
  let infusionRate = 0; // [mg/h], constant within a piece
  const rhs = (t: number, y: readonly number[]): number[] => {
    const c = y[0];
    const extra = y.slice(3);
    const dy = [kaValue * y[1] / volume + infusionRate / volume - dynamics.elimination(t, c, extra), -kaValue * y[1], c];
    if (dynamics.extraRhs) dy.push(...dynamics.extraRhs(t, c, extra));
    return dy;
  };
  let y = [0, 0, 0, ...dynamics.extra0];
  const outTimes = grid.times;
  const states: number[][] = new Array(outTimes.length);
  let nextOut = 0;
  let auc = Number.NaN;
  for (let p = 0; p < pieces.length; p++) {
    const a = pieces[p];
    for (const j of jumps) {
      if (j.time === a) {
        y[0] += j.dC;
        y[1] += j.dDepot;
      }
    }
    if (a === grid.tEnd) auc = y[2];
    while (nextOut < outTimes.length && outTimes[nextOut] === a) states[nextOut++] = y.slice();
    if (p === pieces.length - 1) break;
    const b = pieces[p + 1];
    infusionRate = 0;
    for (const inf of infusions) if (inf.start <= a && inf.end >= b) infusionRate += inf.rate;
    const inside: number[] = [a];
    const firstInside = nextOut;
    while (nextOut < outTimes.length && outTimes[nextOut] < b) inside.push(outTimes[nextOut++]);
    inside.push(b);
    const solution = integrateOdex(rhs, y, inside, grid);
    for (let k = 1; k < inside.length - 1; k++) states[firstInside + k - 1] = solution[k];
    y = solution[solution.length - 1];
  }
  return { time: outTimes.slice(), states, auc };
}

/**
 * One compartment whose clearance follows an enzyme pool: with e = E/E0 (e(0) = 1),
 * CL(t) = cl0·e(t) and de/dt = enzymeRate(C, e). Shared by mechanism-based inhibition and
 * autoinduction, which differ only in how the drug moves the pool.
 */
export function simulateEnzymeTurnover(dosing: DosingInput, cl0: number, grid: ResolvedGrid, enzymeRate: (c: number, e: number) => number): EnzymeProfile {
  const k = cl0 / dosing.volume;
  const raw = simulateCompartment(
    dosing,
    {
      extra0: [1],
      elimination: (_t, c, [e]) => k * e * c,
      extraRhs: (_t, c, [e]) => [enzymeRate(Math.max(c, 0), e)],
    },
    grid,
  );
  const enzyme = raw.states.map((s) => s[3]);
  return { time: raw.time, conc: raw.states.map((s) => s[0]), enzyme, clearance: enzyme.map((e) => cl0 * e), auc: raw.auc };
}
