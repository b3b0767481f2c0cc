import { InputError } from "../core/errors";
import { series, type Series } from "../core/series";
import type { Unit } from "../core/units";
import { positiveNumber } from "../core/validate";
import { odexTo } from "./ode";
import {
  bioavailability,
  doseEvents,
  observationTimes,
  optionalNonNegative,
  options,
  positive,
  requireKaForOral,
} from "./params";
import {
  asSeries,
  asUnit,
  dosesWithUnits,
  gridWithUnits,
  numberGrid,
  productUnit,
  UnitCall,
  withUnits,
  type PkField,
} from "./quantities";
import type { DoseEvent, EnzymeProfile, SimulatedProfile, SimulatedProfileWithUnits, SimulationGrid } from "./types";

/**
 * The numerical engine behind every simulate* model (internal): one compartment with
 * concentration C [mg/L], first-order absorption from a depot, zero-order infusions, bolus
 * jumps, an AUC and any extra states (e.g. an enzyme pool). Every model eliminates in
 * proportion to C, at a rate constant κ(t, C, extra) [1/h]:
 *   dC/dt = in(t) − κ·C,   in(t) = ka·Ad(t)/V + R_inf(t)/V.
 *
 * WHY this formulation (issue 12). Integrating C itself with a mixed absolute/relative tolerance
 * loses the tails: once C falls below what the absolute tolerance resolves, the error is no longer
 * relative, the profile drifts (5e-6 relative at 1e-16 mg/L) and can even turn negative
 * (−4.8e-27 mg/L at 48 h). And an absolute tolerance in mg/L makes the result depend on the dose
 * scale. So the engine integrates, on each interval [a, b] between reported or event times,
 *   C(t) = S · z(t) · e^{−Λ(t)},   Λ(a) = 0, z(a) = C(a)/S,
 *   dΛ/dt = κ(t, C, extra),   dz/dt = e^{Λ} · in(t)/S,   d(AUC/S)/dt = z·e^{−Λ},
 * which is the variation-of-constants form of the equation above:
 * - positive by construction: z starts >= 0 and never decreases (in >= 0), e^{−Λ} > 0;
 * - relative accuracy however small C gets: an absolute error in Λ is a relative error in C,
 *   so Λ gets an absolute tolerance of rtol, and z is under relative control;
 * - scale-free: S is the largest dose concentration (amount/V), so every state is dose-normalised;
 *   a linear model (κ independent of C) does the same arithmetic at any dose, and concentrations
 *   are in exact proportion to the dose up to rounding;
 * - a bolus alone (in = 0) leaves z constant: only the smooth, non-stiff Λ is integrated.
 * Every reported time is the end of an error-controlled step (no interpolation), Λ restarts at 0
 * there, and long intervals are cut so that Λ stays below 30 (e^{Λ} cannot overflow).
 * The depot is exact: Ad(t) = Ad(a)·e^{−ka(t−a)}. Doses cut the span (a bolus jump, an oral dose
 * entering the depot at time + tlag, the start and end of each infusion). Reported values are
 * right-continuous: a bolus at an output time is included at that time.
 *
 * WHY a guard quadrature beside the AUC (found by `npm run test:fuzz`, issue 12). ODEX accepts the
 * first and the last step of every integration as soon as two columns of its extrapolation table
 * agree; they can agree by accident while both are far from the limit. With k ≈ ka, one oral dose
 * and one long output interval, the AUC's order-4 and order-6 values agreed to 6e-12 and missed
 * the exact integral by 5e-8 (2e-9 relative; 2.4e-7 in the worst of 40,000 random oral profiles),
 * while C stayed exact. Since this engine restarts at every reported time, every interval has a
 * first and a last step. So it also integrates a guard G = ∫ (C/S)·(t − t0) dt on each piece
 * [t0, t1]: the same integrand under another weight, whose table columns agree by accident at
 * other step sizes, so every component at once does not (worst AUC error in those 40,000
 * profiles 2.5e-10). G is never reported; it costs about 10 % more right-hand-side evaluations.
 * The weight is not normalised by (t1 − t0): on a piece a few ulps long (a dose 8e-12 h before
 * an output time) (t − t0)/(t1 − t0) jumps by ulp/(t1 − t0) and ODEX ran out of steps.
 */
export interface CompartmentDynamics {
  /** Initial values of the extra states. */
  extra0: readonly number[];
  /** Elimination rate constant κ [1/h] at concentration c [mg/L]: elimination = κ·c. */
  rate(t: number, c: number, extra: readonly number[]): number;
  /** An upper bound of κ over every reachable state [1/h] (used to keep Λ < 30 per interval). */
  rateBound: number;
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

/** A simulate* call with units, read into the number model and grid of the kernel. */
export interface SimulationWithUnits {
  readonly call: UnitCall;
  readonly model: Record<string, unknown>;
  readonly grid: SimulationGrid;
  /** time as given, conc in the first dose's amount unit over the volume unit, auc in conc · time. */
  profile(r: SimulatedProfile): SimulatedProfileWithUnits;
  /** Kernel numbers as a series in `unitName`. */
  series(values: readonly number[], kernelUnit: string, unitName: string): Series;
}

const DOSING_KEYS: readonly PkField[] = ["volume", "ka", "tlag"];

/**
 * The quantity path of every simulate* model, or undefined for a number call. `required` and
 * `optional` name the model's own dimensioned fields besides doses, volume, ka and tlag.
 */
export function simulateWithUnits(
  fn: string,
  model: unknown,
  grid: unknown,
  required: readonly PkField[],
  optional: readonly PkField[] = [],
): SimulationWithUnits | undefined {
  const keys = [...DOSING_KEYS, ...required, ...optional];
  const m = model as Record<string, unknown> | null;
  const hasUnits =
    withUnits(undefined, model, keys) ||
    (typeof m === "object" && m !== null && dosesWithUnits(m.doses)) ||
    gridWithUnits(grid);
  if (!hasUnits) return undefined;
  const call = new UnitCall(fn);
  const read = call.fields("model", model, ["volume", ...required], ["ka", "tlag", ...optional]);
  read.doses = call.doses("model.doses", (model as Record<string, unknown>).doses);
  const g = numberGrid(call, grid);
  return {
    call,
    model: read,
    grid: g as unknown as SimulationGrid,
    profile(r: SimulatedProfile): SimulatedProfileWithUnits {
      const T = call.unitOf("times", "h");
      const kernelC = call.kernelUnit("concentration");
      const C = call.concentrationUnit("amount", "volume");
      const auc: Unit = asUnit(r.auc, productUnit(kernelC, "h"), productUnit(C, T));
      return { time: series(call.timeValues ?? r.time, T), conc: asSeries(r.conc, kernelC, C), auc };
    },
    series: asSeries,
  };
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
  if (tEnd === 0)
    throw new InputError(
      fn,
      "grid.times",
      "must extend beyond 0 when tEnd is not given (the AUC interval would be empty)",
      g.times,
    );
  return {
    times,
    tEnd,
    rtol: g.rtol === undefined ? 1e-10 : positiveNumber(fn, "grid.rtol", g.rtol),
    // atol applies to dose-normalised states (C / (largest dose / V), the enzyme fraction), never to
    // mg/L, so it cannot make results depend on the dose; it only matters for states that start at 0.
    atol: g.atol === undefined ? 1e-20 : positiveNumber(fn, "grid.atol", g.atol),
  };
}

interface Jump {
  time: number;
  /** Added to the dose-normalised concentration (bolus) or depot (oral, bioavailable part). */
  dC: number;
  dDepot: number;
}

/** Largest increase of Λ = ∫κ dt on one integration interval: e^30 ≈ 1e13 is far from overflow. */
const MAX_LAMBDA = 30;

export function simulateCompartment(
  dosing: DosingInput,
  dynamics: CompartmentDynamics,
  grid: ResolvedGrid,
): RawSimulation {
  const { volume, ka, f, tlag } = dosing;
  const horizon = Math.max(grid.times[grid.times.length - 1], grid.tEnd);
  // Dose scale S [mg/L]: the largest concentration one dose would give. Every state below is
  // divided by it; doses are entered as amount / largest amount, which is dose-free.
  const amountOf = (d: DoseEvent): number => (d.route === "oral" ? f * d.amount : d.amount);
  const largest = Math.max(...dosing.doses.map(amountOf));
  const scale = largest > 0 ? largest / volume : 1;
  const jumps: Jump[] = [];
  const infusions: { start: number; end: number; rate: number }[] = [];
  for (const d of dosing.doses) {
    if (d.amount === 0) continue;
    const share = amountOf(d) / largest;
    if (d.route === "iv-bolus") jumps.push({ time: d.time, dC: share, dDepot: 0 });
    else if (d.route === "oral") jumps.push({ time: d.time + tlag, dC: 0, dDepot: share });
    else infusions.push({ start: d.time, end: d.time + (d.duration as number), rate: share / (d.duration as number) });
  }
  const stops = new Set<number>([0, grid.tEnd, ...grid.times]);
  for (const j of jumps) if (j.time <= horizon) stops.add(j.time);
  for (const inf of infusions) {
    if (inf.start <= horizon) stops.add(inf.start);
    if (inf.end <= horizon) stops.add(inf.end);
  }
  const sorted = [...stops].filter((t) => t <= horizon).sort((x, y) => x - y);
  const maxLength = dynamics.rateBound > 0 ? MAX_LAMBDA / dynamics.rateBound : Infinity;
  const kaValue = ka ?? 0;
  const nExtra = dynamics.extra0.length;
  // Tolerances per state [z, Λ, AUC/S, ...extra, G]: Λ absolute (= relative in C); z, AUC and the
  // guard G relative, with atol only as a floor for states that start at 0 (dose-normalised units).
  const rtol = [grid.rtol, 0, grid.rtol, ...dynamics.extra0.map(() => grid.rtol), grid.rtol];

  let z = 0; // C/S at the current stop
  let depot = 0; // bioavailable depot amount / (S·V) at the current stop
  let aucScaled = 0;
  let auc = Number.NaN;
  let extra = dynamics.extra0.slice();
  let step = 1;
  const states: number[][] = new Array(grid.times.length);
  let nextOut = 0;
  for (let p = 0; p < sorted.length; p++) {
    const a = sorted[p];
    for (const j of jumps) {
      if (j.time === a) {
        z += j.dC;
        depot += j.dDepot;
      }
    }
    if (a === grid.tEnd) auc = aucScaled * scale;
    if (nextOut < grid.times.length && grid.times[nextOut] === a)
      states[nextOut++] = [scale * z, depot * scale * volume, aucScaled * scale, ...extra];
    if (p === sorted.length - 1) break;
    const b = sorted[p + 1];
    let infusion = 0; // dose-normalised concentration per hour, constant on [a, b]
    for (const inf of infusions) if (inf.start <= a && inf.end >= b) infusion += inf.rate;
    // Cut [a, b] so that Λ cannot exceed MAX_LAMBDA on a piece.
    const pieces = Math.max(1, Math.ceil((b - a) / maxLength));
    for (let q = 0; q < pieces; q++) {
      const t0 = q === 0 ? a : a + ((b - a) * q) / pieces;
      const t1 = q === pieces - 1 ? b : a + ((b - a) * (q + 1)) / pieces;
      const depot0 = depot;
      const rhs = (t: number, y: readonly number[]): number[] => {
        const lambda = y[1];
        const c = y[0] * Math.exp(-lambda);
        const conc = scale * c;
        const ex = nExtra === 0 ? extra : y.slice(3, 3 + nExtra);
        let dz = 0;
        if (depot0 > 0) dz += kaValue * depot0 * Math.exp(lambda - kaValue * (t - t0));
        if (infusion > 0) dz += infusion * Math.exp(lambda);
        const dy = [dz, dynamics.rate(t, conc, ex), c];
        if (dynamics.extraRhs) dy.push(...dynamics.extraRhs(t, conc, ex));
        dy.push(c * (t - t0)); // the guard G (see the comment at the top)
        return dy;
      };
      // atol of z: relative to its start (z never decreases), floored so it cannot underflow to 0
      // (0/0 in the error norm) once C is at the bottom of the double range.
      const atol = [
        Math.max(grid.atol * (z > 0 ? z : 1), 1e-300),
        grid.rtol,
        grid.atol,
        ...extra.map(() => grid.atol),
        grid.atol,
      ];
      const solved = odexTo(rhs, [z, 0, 0, ...extra, 0], t0, t1, { rtol, atol, initialStep: Math.min(step, t1 - t0) });
      step = solved.lastStep;
      const y = solved.y;
      z = y[0] * Math.exp(-y[1]);
      aucScaled += y[2];
      extra = y.slice(3, 3 + nExtra);
      depot = depot0 * Math.exp(-kaValue * (t1 - t0));
    }
  }
  return { time: grid.times.slice(), states, auc };
}

/**
 * One compartment whose clearance follows an enzyme pool: with e = E/E0 (e(0) = 1),
 * CL(t) = cl0·e(t) and de/dt = enzymeRate(C, e). Shared by mechanism-based inhibition and
 * autoinduction, which differ only in how the drug moves the pool. `maxEnzyme` bounds e
 * (1 when the drug only removes enzyme, 1 + Emax when it induces).
 */
export function simulateEnzymeTurnover(
  dosing: DosingInput,
  cl0: number,
  maxEnzyme: number,
  grid: ResolvedGrid,
  enzymeRate: (c: number, e: number) => number,
): EnzymeProfile {
  const k = cl0 / dosing.volume;
  const raw = simulateCompartment(
    dosing,
    {
      extra0: [1],
      rate: (_t, _c, [e]) => k * e,
      rateBound: k * maxEnzyme,
      extraRhs: (_t, c, [e]) => [enzymeRate(c, e)],
    },
    grid,
  );
  const enzyme = raw.states.map((s) => s[3]);
  return {
    time: raw.time,
    conc: raw.states.map((s) => s[0]),
    enzyme,
    clearance: enzyme.map((e) => cl0 * e),
    auc: raw.auc,
  };
}
