import { InputError } from "../core/errors";
import { createRandom, type Random } from "../core/random";
import { carriesUnits, readSeries, series, type Series, type SeriesInput } from "../core/series";
import { math, type QuantityInput, type Unit } from "../core/units";
import { finiteNumber, integerAtLeast, nonNegativeNumber, numberArray, oneOf } from "../core/validate";
import { superpose } from "./multiple-dose";
import { doseEvents, observationTimes, optionalNonNegative, options, positive, bioavailability } from "./params";
import { asSeries, asUnit, conversionFactor, dosesWithUnits, UnitCall, withUnits, type WithUnits } from "./quantities";
import type { DoseEvent, DoseEventsWithUnits, Route } from "./types";

/** The structural model of every subject (one compartment, linear). */
export type PopulationModel = Route;
const MODELS: readonly PopulationModel[] = ["oral", "iv-bolus", "iv-infusion"];

/** Typical (population median) parameters: cl [L/h], v [L], ka [1/h] (oral), f, tlag [h], duration [h] (infusion). */
export interface TypicalParams {
  cl: number;
  v: number;
  ka?: number;
  f?: number;
  tlag?: number;
  duration?: number;
}

/** One simulated subject's individual parameters; ke = cl/v [1/h]. */
export interface SubjectParams {
  cl: number;
  v: number;
  ke: number;
  ka?: number;
  f: number;
  tlag: number;
}

export interface PopulationOptions {
  model: PopulationModel;
  typical: TypicalParams;
  /**
   * Between-subject variability, default 0 each: SD ω of the random effects — on the log scale
   * for CL, V and ka (log-normal), on the logit scale for F (logit-normal, keeps 0 < F_i < 1;
   * needs typical.f < 1).
   */
  omega?: { cl?: number; v?: number; ka?: number; f?: number };
  /** Residual error: proportional (SD on the log scale) and additive [mg/L] SD. Default none. */
  residual?: { proportional?: number; additive?: number };
  /** Lower limit of quantification [mg/L] (default 0): observations below it are reported as BLQ (null). */
  lloq?: number;
  /** Number of subjects, >= 1. */
  n: number;
  /** Sampling times [h], >= 0, strictly increasing. */
  times: readonly number[];
  /** A single dose [mg] at t = 0 by the model's route, or a regimen of dose events (routes must match the model). */
  dose: number | readonly DoseEvent[];
  /** Seed of createRandom: the same seed gives the same population. */
  seed: number;
  /**
   * Seed of the residual (assay) errors, optional. Without it each subject's residual errors
   * continue that subject's own random stream. With it they come from separate streams, so two
   * calls with the same `seed` and different `residualSeed` simulate the same subjects (same
   * random effects) measured with independent assay errors — the arms of a crossover.
   */
  residualSeed?: number;
}

export interface PopulationSubject {
  /** 1-based subject id. */
  id: number;
  params: SubjectParams;
  time: number[];
  /** Observed concentration [mg/L] with residual error; null when below the LLOQ (BLQ). Never negative. */
  conc: (number | null)[];
  /** Individual prediction [mg/L] (no residual error). */
  ipred: number[];
  /** true where the observation is below the LLOQ. */
  blq: boolean[];
}

export interface PopulationSummary {
  time: number[];
  /** The probabilities summarised, e.g. [0.05, 0.5, 0.95]. */
  ps: number[];
  /** ipred[k][j]: the ps[k] percentile of individual predictions at time[j] [mg/L]. */
  ipred: number[][];
  /** observed[k][j]: the ps[k] percentile of observations at time[j]; null when it falls among BLQ values. */
  observed: (number | null)[][];
}

/**
 * simulatePopulation's options with units: typical cl, v, ka, tlag, duration, the dose (or each
 * dose event's time and amount), lloq and residual.additive as quantities, times as a series.
 * Fractions, ω, the proportional SD, n and the seeds stay plain numbers.
 */
export interface PopulationOptionsWithUnits {
  model: PopulationModel;
  typical: WithUnits<TypicalParams>;
  omega?: { cl?: number; v?: number; ka?: number; f?: number };
  residual?: { proportional?: number; additive?: QuantityInput };
  lloq?: QuantityInput;
  n: number;
  times: SeriesInput;
  dose: QuantityInput | DoseEventsWithUnits;
  seed: number;
  residualSeed?: number;
}

/** A subject with units: concentrations in the dose unit over the unit of typical.v. */
export interface PopulationSubjectWithUnits {
  id: number;
  /** cl, v, ka, tlag in the units of the typical values; ke in 1/h; f a fraction. */
  params: { cl: Unit; v: Unit; ke: Unit; ka?: Unit; f: number; tlag: Unit };
  /** The sampling times as given. */
  time: Series;
  /** Observed concentrations; null below the LLOQ. */
  conc: (Unit | null)[];
  ipred: Series;
  blq: boolean[];
}

/** A population summary with units: ipred bands as series, observed percentiles as Units (null among BLQ). */
export interface PopulationSummaryWithUnits {
  time: Series;
  ps: number[];
  ipred: Series[];
  observed: (Unit | null)[][];
}

const TYPICAL_KEYS = ["cl", "v", "ka", "tlag", "duration"] as const;

function populationWithUnits(o: Record<string, unknown>): boolean {
  return (
    withUnits(undefined, o.typical, TYPICAL_KEYS) ||
    withUnits(o.dose, o, ["lloq"]) ||
    dosesWithUnits(o.dose) ||
    carriesUnits(o.times) ||
    withUnits(undefined, o.residual, ["additive"])
  );
}

function simulatePopulationWithUnits(fn: string, o: Record<string, unknown>): PopulationSubjectWithUnits[] {
  const u = new UnitCall(fn);
  const read: Record<string, unknown> = { ...o };
  read.typical = u.fields("typical", o.typical, ["cl", "v"], ["ka", "tlag", "duration"]);
  const events = Array.isArray(o.dose);
  read.dose = events ? u.doses("dose", o.dose) : u.required("dose", "dose", o.dose);
  read.times = u.times("times", o.times);
  if (o.lloq !== undefined) read.lloq = u.read("lloq", "lloq", o.lloq);
  if (typeof o.residual === "object" && o.residual !== null && !Array.isArray(o.residual)) {
    const r = o.residual as Record<string, unknown>;
    read.residual = { ...r, additive: u.read("residual.additive", "additive", r.additive) };
    if (r.additive === undefined) delete (read.residual as Record<string, unknown>).additive;
  }
  const subjects = simulatePopulation(read as unknown as PopulationOptions);
  const kernelC = u.kernelUnit("concentration");
  const C = u.concentrationUnit(events ? "amount" : "dose", "v");
  const T = u.unitOf("times", "h");
  const times = series(u.timeValues as readonly number[], T);
  const cl = u.unitOf("cl", "L/h");
  const v = u.unitOf("v", "L");
  return subjects.map((s) => {
    const p = s.params;
    const params: PopulationSubjectWithUnits["params"] = {
      cl: asUnit(p.cl, "L/h", cl),
      v: asUnit(p.v, "L", v),
      ke: asUnit(p.ke, "h^-1", "h^-1"),
      f: p.f,
      tlag: asUnit(p.tlag, "h", u.unitOf("tlag", T)),
    };
    if (p.ka !== undefined) params.ka = asUnit(p.ka, "h^-1", u.unitOf("ka", "h^-1"));
    const ipred = asSeries(s.ipred, kernelC, C);
    const factor = conversionFactor(kernelC, C);
    return {
      id: s.id,
      params,
      time: times,
      conc: s.conc.map((c) => (c === null ? null : math.unit(c * factor, C))),
      ipred,
      blq: s.blq,
    };
  });
}

/**
 * Simulate a population of one-compartment subjects, reproducibly.
 * Individual parameters are log-normal around the typical values: P_i = P_typ · e^{η_i},
 * η_i ~ N(0, ω²) (so the median of P_i is P_typ). Bioavailability is logit-normal,
 * logit(F_i) = logit(F_typ) + η_F with logit(p) = ln(p / (1 − p)): F_i stays in (0, 1) for
 * any η_F and its median is F_typ. Each subject's ipred is the linear model by superposition. Observations get residual error
 *   obs = ipred · e^{ε_prop} + ε_add,   ε_prop ~ N(0, σ_prop²),  ε_add ~ N(0, σ_add²).
 * Policy for values that would be negative: the proportional error is drawn on the log scale, so
 * it can never make a concentration negative; an additive error can, and such observations
 * are NOT truncated at 0 (a silent repair that biases low concentrations) — every observation
 * below `lloq` (default 0) is reported as below the limit of quantification: conc = null,
 * blq = true, as a bioanalytical lab would report it.
 * Randomness comes only from createRandom(seed); each subject gets its own forked stream,
 * and four random effects are always drawn (CL, V, ka, F) so adding ω on one parameter does
 * not reshuffle the others, and the same seed gives the same η_i whatever the model or the
 * typical values. A crossover therefore keeps its subjects: simulate each period with the
 * same seed (an IV tracer arm and an oral arm; CL before and after an inhibitor) and a
 * different `residualSeed`, so that only the assay errors are drawn anew.
 * @param options see PopulationOptions; cl [L/h], v [L], ka [1/h], dose [mg], times [h], lloq and additive SD [mg/L]
 * @returns one record per subject
 * @throws {InputError} when any option is invalid (e.g. ka missing for "oral", duration missing for "iv-infusion", a dose route that differs from the model, omega.f > 0 with typical.f = 1)
 * With units (see PopulationOptionsWithUnits), each subject carries units: time as given, ipred a
 * series and conc Units (or null) in the dose unit over the unit of typical.v, params as Units.
 * The same seed gives the same subjects with or without units.
 * @example simulatePopulation({ model: "iv-bolus", typical: { cl: 5, v: 50 }, n: 2, times: [0, 10], dose: 100, seed: 1 })[0].ipred // => [2, 0.7358] (no variability: every subject is typical)
 * @example simulatePopulation({ model: "iv-bolus", typical: { cl: "5 L/h", v: "50 L" }, n: 2, times: series([0, 600], "min"), dose: "100 ug", seed: 1 })[0].ipred.values // => [2, 0.7358] (ug/L)
 * @see 001_079d5926d130f870.txt, "Microdosing for Basic Pharmacokinetics"
 */
export function simulatePopulation(opts: PopulationOptionsWithUnits): PopulationSubjectWithUnits[];
export function simulatePopulation(opts: PopulationOptions): PopulationSubject[];
export function simulatePopulation(
  opts: PopulationOptions | PopulationOptionsWithUnits,
): PopulationSubject[] | PopulationSubjectWithUnits[] {
  const fn = "simulatePopulation";
  const o = options(fn, opts, "options");
  if (populationWithUnits(o)) return simulatePopulationWithUnits(fn, o);
  const model = oneOf(fn, "model", o.model, MODELS);
  const typ = options(fn, o.typical, "typical");
  const cl = positive(fn, typ, "cl", "typical.cl");
  const v = positive(fn, typ, "v", "typical.v");
  const ka = model === "oral" || typ.ka !== undefined ? positive(fn, typ, "ka", "typical.ka") : undefined;
  const f = bioavailability(fn, typ, "f", "typical.f");
  const tlag = optionalNonNegative(fn, typ, "tlag", 0, "typical.tlag");
  const omega = o.omega === undefined ? {} : options(fn, o.omega, "omega");
  const omegaCl = optionalNonNegative(fn, omega, "cl", 0, "omega.cl");
  const omegaV = optionalNonNegative(fn, omega, "v", 0, "omega.v");
  const omegaKa = optionalNonNegative(fn, omega, "ka", 0, "omega.ka");
  const omegaF = optionalNonNegative(fn, omega, "f", 0, "omega.f");
  if (omegaF > 0 && f === 1) {
    throw new InputError(
      fn,
      "typical.f",
      "must be below 1 when omega.f > 0 (F is logit-normal: logit(F_i) = logit(F) + η, and logit(1) is infinite)",
      f,
    );
  }
  const residual = o.residual === undefined ? {} : options(fn, o.residual, "residual");
  const sigmaProp = optionalNonNegative(fn, residual, "proportional", 0, "residual.proportional");
  const sigmaAdd = optionalNonNegative(fn, residual, "additive", 0, "residual.additive");
  const lloq = o.lloq === undefined ? 0 : nonNegativeNumber(fn, "lloq", o.lloq);
  const n = integerAtLeast(fn, "n", o.n, 1);
  const times = observationTimes(fn, o.times);
  const doses = resolvePopulationDoses(fn, model, o.dose, typ);
  integerAtLeast(fn, "seed", o.seed, Number.MIN_SAFE_INTEGER);
  if (o.residualSeed !== undefined) integerAtLeast(fn, "residualSeed", o.residualSeed, Number.MIN_SAFE_INTEGER);

  const rng = createRandom(o.seed as number);
  // The residual streams hang off a jumped child of their root, so they never coincide with a
  // parameter stream, even when residualSeed equals seed.
  const residualRoot = o.residualSeed === undefined ? undefined : createRandom(o.residualSeed as number).fork();
  const logitF = omegaF > 0 ? Math.log(f / (1 - f)) : 0;
  const subjects: PopulationSubject[] = [];
  for (let id = 1; id <= n; id++) {
    const r: Random = rng.fork();
    const etaCl = r.normal();
    const etaV = r.normal();
    const etaKa = r.normal();
    const etaF = r.normal();
    const clI = cl * Math.exp(omegaCl * etaCl);
    const vI = v * Math.exp(omegaV * etaV);
    const kaI = ka === undefined ? undefined : ka * Math.exp(omegaKa * etaKa);
    const fI = omegaF > 0 ? 1 / (1 + Math.exp(-(logitF + omegaF * etaF))) : f;
    const params: SubjectParams = {
      cl: clI,
      v: vI,
      ke: clI / vI,
      f: fI,
      tlag,
      ...(kaI === undefined ? {} : { ka: kaI }),
    };
    const resolved = { volume: vI, ke: clI / vI, ka: kaI, f: fI, tlag };
    const e: Random = residualRoot === undefined ? r : residualRoot.fork();
    const ipred = times.map((t) => superpose(t, doses, resolved));
    const conc: (number | null)[] = [];
    const blq: boolean[] = [];
    for (const c of ipred) {
      const epsProp = e.normal();
      const epsAdd = e.normal();
      const obs = c * Math.exp(sigmaProp * epsProp) + sigmaAdd * epsAdd;
      const below = obs < lloq;
      conc.push(below ? null : obs);
      blq.push(below);
    }
    subjects.push({ id, params, time: times.slice(), conc, ipred, blq });
  }
  return subjects;
}

function resolvePopulationDoses(
  fn: string,
  model: PopulationModel,
  dose: unknown,
  typ: Record<string, unknown>,
): DoseEvent[] {
  if (typeof dose === "number") {
    const amount = positive(fn, { dose }, "dose");
    if (model === "iv-infusion")
      return [{ time: 0, amount, route: model, duration: positive(fn, typ, "duration", "typical.duration") }];
    return [{ time: 0, amount, route: model }];
  }
  const events = doseEvents(fn, dose, "dose");
  const i = events.findIndex((e) => e.route !== model);
  if (i >= 0) throw new InputError(fn, `dose[${i}].route`, `must match the model "${model}"`, events[i].route);
  return events;
}

/**
 * Percentiles by linear interpolation between order statistics (R's default, type 7; the
 * same as numpy's default): for probability p and sorted x_1..x_n, h = (n − 1)·p,
 * Q(p) = x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋) (0-based).
 * @param values sample, non-empty, finite (not modified)
 * @param ps probabilities in [0, 1]
 * @returns one quantile per probability
 * @throws {InputError} when values is empty or non-finite, or a probability is outside [0, 1]
 * @example percentiles([1, 2, 3, 4, 5], [0.05, 0.5, 0.95]) // => [1.2, 3, 4.8]
 */
export function percentiles(values: readonly number[], ps: readonly number[]): number[] {
  const fn = "percentiles";
  const x = numberArray(fn, "values", values)
    .slice()
    .sort((a, b) => a - b);
  numberArray(fn, "ps", ps);
  ps.forEach((p, i) => {
    if (p < 0 || p > 1) throw new InputError(fn, `ps[${i}]`, "must be a probability between 0 and 1", p);
  });
  return ps.map((p) => quantileSorted(x, p));
}

function quantileSorted(x: readonly number[], p: number): number {
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  const w = h - lo;
  if (w === 0) return x[lo];
  const a = x[lo];
  const b = x[Math.min(lo + 1, x.length - 1)];
  const d = b - a;
  // b − a overflows for values near ±1.8e308; (1 − w)·a + w·b cannot.
  return Number.isFinite(d) ? a + w * d : (1 - w) * a + w * b;
}

/**
 * Per-time percentiles of a simulated population, for spaghetti plots with prediction bands.
 * BLQ observations count as lower than every quantified value; a percentile that falls
 * among (or interpolates with) BLQ values is null.
 * @param subjects output of simulatePopulation (all on the same time grid)
 * @param ps probabilities in [0, 1] (default [0.05, 0.5, 0.95])
 * @returns `{ time, ps, ipred[k][j], observed[k][j] }` [mg/L]
 * @throws {InputError} when subjects is empty, time grids differ, or a probability is invalid
 * Subjects with units give a summary with units (time and ipred bands as series, observed as Units).
 * @example summarizePopulation(simulatePopulation({ model: "iv-bolus", typical: { cl: 5, v: 50 }, n: 3, times: [0], dose: 100, seed: 1 })).ipred // => [[2], [2], [2]]
 * @example summarizePopulation(simulatePopulation({ model: "iv-bolus", typical: { cl: "5 L/h", v: "50 L" }, n: 3, times: ["0 h"], dose: "100 ug", seed: 1 })).observed[1][0] // => 2 ug/L
 */
export function summarizePopulation(
  subjects: readonly PopulationSubjectWithUnits[],
  ps?: readonly number[],
): PopulationSummaryWithUnits;
export function summarizePopulation(subjects: readonly PopulationSubject[], ps?: readonly number[]): PopulationSummary;
export function summarizePopulation(
  subjects: readonly PopulationSubject[] | readonly PopulationSubjectWithUnits[],
  ps: readonly number[] = [0.05, 0.5, 0.95],
): PopulationSummary | PopulationSummaryWithUnits {
  const fn = "summarizePopulation";
  if (!Array.isArray(subjects as unknown) || subjects.length === 0)
    throw new InputError(fn, "subjects", "must be a non-empty array of simulated subjects", subjects);
  const first = subjects[0] as { time?: unknown } | null;
  if (typeof first === "object" && first !== null && carriesUnits(first.time))
    return summarizeWithUnits(fn, subjects as readonly PopulationSubjectWithUnits[], ps);
  return summarizeNumbers(fn, subjects as readonly PopulationSubject[], ps);
}

/** Subjects with units → numbers in the units of subjects[0] → the number summary → units again. */
function summarizeWithUnits(
  fn: string,
  subjects: readonly PopulationSubjectWithUnits[],
  ps: readonly number[],
): PopulationSummaryWithUnits {
  const time = readSeries(fn, "subjects[0].time", subjects[0].time, ["time"]);
  const C = readSeries(fn, "subjects[0].ipred", subjects[0].ipred).unit.formatUnits();
  const numbers: PopulationSubject[] = subjects.map((s, i) => {
    const t = readSeries(fn, `subjects[${i}].time`, s.time, ["time"]);
    const ipred = readSeries(fn, `subjects[${i}].ipred`, s.ipred);
    const tf = conversionFactor(t.unit.formatUnits(), time.unit.formatUnits());
    const cf = conversionFactor(ipred.unit.formatUnits(), C);
    if (!Array.isArray(s.conc))
      throw new InputError(fn, `subjects[${i}].conc`, "must be an array of concentrations (null when BLQ)", s.conc);
    return {
      id: s.id,
      params: { cl: 0, v: 0, ke: 0, f: 1, tlag: 0 },
      time: t.values.map((x) => x * tf),
      ipred: ipred.values.map((x) => x * cf),
      conc: s.conc.map((c, j) => (c === null ? null : unitValue(fn, `subjects[${i}].conc[${j}]`, c, C))),
      blq: s.blq,
    };
  });
  const r = summarizeNumbers(fn, numbers, ps);
  return {
    time: series(r.time, time.unit.formatUnits()),
    ps: r.ps,
    ipred: r.ipred.map((band) => series(band, C)),
    observed: r.observed.map((band) => band.map((c) => (c === null ? null : math.unit(c, C)))),
  };
}

function unitValue(fn: string, arg: string, value: unknown, unitName: string): number {
  if (!math.isUnit(value) || !value.equalBase(math.unit(unitName)))
    throw new InputError(fn, arg, `must be a concentration Unit like the ipred series (${unitName})`, value);
  return value.toNumber(unitName);
}

function summarizeNumbers(
  fn: string,
  subjects: readonly PopulationSubject[],
  ps: readonly number[],
): PopulationSummary {
  numberArray(fn, "ps", ps);
  ps.forEach((p, i) => {
    finiteNumber(fn, `ps[${i}]`, p);
    if (p < 0 || p > 1) throw new InputError(fn, `ps[${i}]`, "must be a probability between 0 and 1", p);
  });
  const time = subjects[0].time;
  subjects.forEach((s, i) => {
    if (s.time.length !== time.length || s.time.some((t, j) => t !== time[j]))
      throw new InputError(fn, `subjects[${i}].time`, "must equal the time grid of subjects[0]", s.time);
  });
  const ipred = ps.map(() => new Array<number>(time.length));
  const observed = ps.map(() => new Array<number | null>(time.length));
  for (let j = 0; j < time.length; j++) {
    const pred = subjects.map((s) => s.ipred[j]).sort((a, b) => a - b);
    const obs = subjects.map((s) => s.conc[j] ?? -Infinity).sort((a, b) => a - b);
    ps.forEach((p, k) => {
      ipred[k][j] = quantileSorted(pred, p);
      const h = (obs.length - 1) * p;
      const lo = Math.floor(h);
      const hi = Math.min(lo + 1, obs.length - 1);
      const touchesBlq = obs[lo] === -Infinity || (h > lo && obs[hi] === -Infinity);
      observed[k][j] = touchesBlq ? null : quantileSorted(obs, p);
    });
  }
  return { time: time.slice(), ps: ps.slice(), ipred, observed };
}
