import { InputError } from "../core/errors";
import { carriesUnits, readSeries, type SeriesInput } from "../core/series";
import { concentration, math, type QuantityInput, type Unit } from "../core/units";
import {
  finiteNumber,
  numberArray,
  nonNegativeArray,
  nonNegativeNumber,
  plainObject,
  sameLength,
} from "../core/validate";

export interface OccupancyFitOptions {
  /**
   * Fix the maximal occupancy instead of estimating it. PET analyses often fix Emax = 1
   * (every site can be occupied); leave undefined to estimate Emax as well.
   */
  emax?: number;
}

export interface OccupancyFit {
  /** Maximal occupancy (fraction); fixed or estimated. */
  emax: number;
  /** Plasma concentration giving half of emax (≈ the in-vivo K_d), in the units of `conc`. */
  ec50: number;
  /** Standard error of emax, or null when emax was fixed. */
  emaxSe: number | null;
  /** Standard error of ec50 (asymptotic, from the Jacobian), or null when df = 0. */
  ec50Se: number | null;
  /** Residual standard error sqrt(RSS / df), or null when df = 0. */
  residualSe: number | null;
  /** Residual sum of squares. */
  rss: number;
  /** Degrees of freedom n − p. */
  df: number;
  /** True when the best EC50 lies at the edge of the searched range (data do not pin it down). */
  atSearchBoundary: boolean;
  /** Fitted occupancy at concentration c (same units as `conc`). */
  predict(c: number): number;
}

/**
 * The fit with units: EC50 and its standard error are concentrations in the unit of `conc` as
 * given; Emax, its SE and the residual SE are fractions as in a number call.
 */
export interface OccupancyFitWithUnits extends Omit<OccupancyFit, "ec50" | "ec50Se" | "predict"> {
  /** Concentration giving half of emax, in the unit of `conc`. */
  ec50: Unit;
  /** Standard error of ec50 in the same unit, or null when df = 0. */
  ec50Se: Unit | null;
  /** Fitted occupancy (a fraction) at a concentration of the same kind as `conc` (mass or molar). */
  predict(c: QuantityInput): number;
}

/**
 * Fit the occupancy–concentration relation ρ = Emax · C / (EC50 + C) by nonlinear least
 * squares, as done with PET occupancies against plasma concentrations.
 *
 * Why this method: for a fixed EC50 the model is linear in Emax, so Emax has a closed form
 * (Σ y·g / Σ g², g = C / (EC50 + C)). The residual sum of squares then depends on EC50
 * alone and is minimised by a log-spaced scan followed by golden-section refinement — a
 * 1-D search that cannot diverge, unlike an unguarded Gauss–Newton step. Standard errors
 * come from the Jacobian at the optimum: cov = s² (JᵀJ)⁻¹.
 *
 * @param conc plasma concentrations (any one unit; the EC50 comes back in it), >= 0, at least one > 0;
 *   or a series of mass or molar concentrations (`series([1, 2, 5], "nM")`): then ec50 and ec50Se are
 *   quantities in that unit and `predict` takes a concentration
 * @param occupancy measured occupancies as fractions (e.g. from petOccupancy), same length
 * @param opts `emax` to fix the maximal occupancy (e.g. 1)
 * @returns estimates, standard errors, residual SE and a `predict` function
 * @throws {InputError} when arrays differ in length, hold negative or non-finite values, have too few points (3 with Emax free, 2 fixed), or all concentrations are zero
 * @example fitOccupancyModel([1, 2, 5, 10, 20], [0.2, 1 / 3, 5 / 9, 5 / 7, 5 / 6], { emax: 1 }).ec50 // => 4 (noise-free data with EC50 = 4)
 * @example fitOccupancyModel(series([1, 2, 5, 10, 20], "nM"), [0.2, 1 / 3, 5 / 9, 5 / 7, 5 / 6], { emax: 1 }).ec50 // => 4 nM
 * @example fitOccupancyModel(series([1, 2, 5, 10, 20], "nM"), [0.2, 1 / 3, 5 / 9, 5 / 7, 5 / 6], { emax: 1 }).predict("4000 pM") // => 0.5
 * @see 001_079d5926d130f870.txt, "Introduction" (quantifying target engagement in the brain using advanced imaging)
 * @see 001_079d5926d130f870.txt, "The Pharmacokinetic-Pharmacodynamic Disconnect"
 */
export function fitOccupancyModel(
  conc: SeriesInput,
  occupancy: readonly number[],
  opts?: OccupancyFitOptions,
): OccupancyFitWithUnits;
export function fitOccupancyModel(
  conc: readonly number[],
  occupancy: readonly number[],
  opts?: OccupancyFitOptions,
): OccupancyFit;
export function fitOccupancyModel(
  conc: readonly number[] | SeriesInput,
  occupancy: readonly number[],
  opts: OccupancyFitOptions = {},
): OccupancyFit | OccupancyFitWithUnits {
  const fn = "fitOccupancyModel";
  if (carriesUnits(conc)) return withUnits(fn, conc, occupancy, opts);
  const o = plainObject(fn, "opts", opts);
  const fixedEmax = o.emax === undefined ? undefined : finiteNumber(fn, "opts.emax", o.emax);
  if (fixedEmax !== undefined && fixedEmax <= 0)
    throw new InputError(fn, "opts.emax", "must be greater than 0", fixedEmax);
  const p = fixedEmax === undefined ? 2 : 1;
  const c = nonNegativeArray(fn, "conc", conc as readonly number[], { minLength: p + 1 });
  const y = numberArray(fn, "occupancy", occupancy, { minLength: p + 1 });
  sameLength(fn, "conc", c, "occupancy", y);
  const positive = c.filter((v) => v > 0);
  if (positive.length === 0) throw new InputError(fn, "conc", "must contain at least one concentration above 0", conc);

  const emaxFor = (ec50: number): number => {
    if (fixedEmax !== undefined) return fixedEmax;
    let num = 0;
    let den = 0;
    for (let i = 0; i < c.length; i++) {
      const g = c[i] / (ec50 + c[i]);
      num += y[i] * g;
      den += g * g;
    }
    return num / den;
  };
  const rssAt = (logEc50: number): number => {
    const ec50 = Math.exp(logEc50);
    const emax = emaxFor(ec50);
    let s = 0;
    for (let i = 0; i < c.length; i++) {
      const r = y[i] - (emax * c[i]) / (ec50 + c[i]);
      s += r * r;
    }
    return s;
  };

  // Search EC50 from 1/1000 of the lowest to 1000× the highest positive concentration.
  const lo = Math.log(Math.min(...positive)) - Math.log(1000);
  const hi = Math.log(Math.max(...positive)) + Math.log(1000);
  const steps = 400;
  let best = 0;
  let bestRss = Infinity;
  const grid: number[] = [];
  for (let k = 0; k <= steps; k++) {
    const x = lo + ((hi - lo) * k) / steps;
    grid.push(x);
    const r = rssAt(x);
    if (r < bestRss) {
      bestRss = r;
      best = k;
    }
  }
  const xOpt = goldenSection(rssAt, grid[Math.max(0, best - 1)], grid[Math.min(steps, best + 1)]);
  const ec50 = Math.exp(xOpt);
  const emax = emaxFor(ec50);
  const rss = rssAt(xOpt);
  const n = c.length;
  const df = n - p;
  const s2 = df > 0 ? rss / df : NaN;

  // Jacobian columns: ∂f/∂EC50 = −Emax·C/(EC50+C)², ∂f/∂Emax = C/(EC50+C).
  let jee = 0;
  let jmm = 0;
  let jem = 0;
  for (let i = 0; i < n; i++) {
    const dEc50 = (-emax * c[i]) / (ec50 + c[i]) ** 2;
    const dEmax = c[i] / (ec50 + c[i]);
    jee += dEc50 * dEc50;
    jmm += dEmax * dEmax;
    jem += dEc50 * dEmax;
  }
  let ec50Se: number | null = null;
  let emaxSe: number | null = null;
  if (df > 0) {
    if (fixedEmax !== undefined) {
      ec50Se = Math.sqrt(s2 / jee);
    } else {
      const det = jee * jmm - jem * jem;
      if (det > 0) {
        ec50Se = Math.sqrt((s2 * jmm) / det);
        emaxSe = Math.sqrt((s2 * jee) / det);
      }
    }
  }
  return {
    emax,
    ec50,
    emaxSe,
    ec50Se,
    residualSe: df > 0 ? Math.sqrt(s2) : null,
    rss,
    df,
    atSearchBoundary: best === 0 || best === steps,
    predict: (x: number) => (emax * nonNegativeNumber("OccupancyFit.predict", "c", x)) / (ec50 + x),
  };
}

/** Concentrations with units: fit on the numbers in their own unit, then give EC50 that unit. */
function withUnits(
  fn: string,
  conc: unknown,
  occupancy: readonly number[],
  opts: OccupancyFitOptions,
): OccupancyFitWithUnits {
  const s = readSeries(fn, "conc", conc, ["massConcentration", "molarConcentration"]);
  const unitName = s.unit.formatUnits();
  const fit = fitOccupancyModel(s.values, occupancy, opts);
  const withUnit = (v: number): Unit => math.unit(v, unitName).to(unitName);
  const predict = (c: QuantityInput): number => {
    const q = concentration("OccupancyFit.predict", "c", c);
    if (!q.q.equalBase(s.unit))
      throw new InputError(
        "OccupancyFit.predict",
        "c",
        `must be a concentration of the kind the fit was made with (${unitName})`,
        typeof c === "string" ? c : q.q.toString(),
      );
    return fit.predict(q.q.toNumber(unitName));
  };
  return { ...fit, ec50: withUnit(fit.ec50), ec50Se: fit.ec50Se === null ? null : withUnit(fit.ec50Se), predict };
}

/** Minimum of a unimodal function on [a, b] by golden-section search, to 1e-12 in x. */
function goldenSection(f: (x: number) => number, a: number, b: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let x1 = b - r * (b - a);
  let x2 = a + r * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  while (b - a > 1e-12) {
    if (f1 <= f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - r * (b - a);
      f1 = f(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + r * (b - a);
      f2 = f(x2);
    }
  }
  return (a + b) / 2;
}
