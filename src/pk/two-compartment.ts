import { InputError } from "../core/errors";
import type { Unit } from "../core/units";
import { batemanShape, expDifferenceQuotient } from "./kernels";
import { bioavailability, optionalNonNegative, options, positive, timeAfterDose } from "./params";
import { asUnit, UnitCall, withUnits, type WithUnits } from "./quantities";
import { ROUTES, type Route } from "./types";

/**
 * The linear two-compartment model: a central compartment V1 (sampled) exchanging drug with
 * a peripheral one V2 by the intercompartmental clearance Q, eliminated from V1 by CL.
 *   micro constants  k10 = CL/V1,  k12 = Q/V1,  k21 = Q/V2
 *   macro constants  α > β, the roots of s² − (k10 + k12 + k21)·s + k10·k21 = 0, and
 *                    after an IV bolus  C(t) = A·e^{−αt} + B·e^{−βt},
 *                    A = Dose/V1·(α − k21)/(α − β),  B = Dose/V1·(k21 − β)/(α − β).
 * β < k21 < α always, so both weights are positive; every formula below is a sum of positive
 * terms (no cancellation), which keeps microdose tails and near-equal rates exact.
 * Every function also takes quantities (see each one for the units of its results).
 */

/** Two-compartment disposition: CL and Q [L/h], V1 and V2 [L]. */
export interface TwoCompartmentDisposition {
  cl: number;
  v1: number;
  q: number;
  v2: number;
}

/** A dose of the two-compartment model; `duration` [h] for "iv-infusion", `ka` [1/h] and `f` for "oral" (tlag [h] optional, default 0). */
export interface TwoCompartmentParams extends TwoCompartmentDisposition {
  route: Route;
  dose: number;
  duration?: number;
  ka?: number;
  f?: number;
  tlag?: number;
}

/** Micro and macro constants of a disposition, with the bolus coefficients for `dose`. */
export interface TwoCompartmentConstants {
  /** elimination rate constant CL/V1 [1/h] */
  k10: number;
  /** central → peripheral rate constant Q/V1 [1/h] */
  k12: number;
  /** peripheral → central rate constant Q/V2 [1/h] */
  k21: number;
  /** distribution (fast) rate constant [1/h] */
  alpha: number;
  /** terminal (slow) rate constant [1/h] */
  beta: number;
  /** coefficient of e^{−αt} after an IV bolus of `dose` [mg/L] */
  a: number;
  /** coefficient of e^{−βt} after an IV bolus of `dose` [mg/L] */
  b: number;
  /** ln 2/α [h] */
  halfLifeAlpha: number;
  /** ln 2/β, the terminal half-life [h] */
  halfLifeBeta: number;
  /** steady-state volume V1 + V2 [L] */
  vss: number;
  /** volume of the terminal phase CL/β [L] (what NCA calls Vz) */
  vz: number;
}

/** Macro constants from a fitted bolus profile C(t) = A·e^{−αt} + B·e^{−βt} after `dose` [mg]. */
export interface TwoCompartmentMacro {
  dose: number;
  a: number;
  alpha: number;
  b: number;
  beta: number;
}

/** The constants with units: rate constants in 1/h, A and B in the dose unit over the V1 unit, half-lives in h, volumes in the V1 unit. */
export type TwoCompartmentConstantsWithUnits = Record<keyof TwoCompartmentConstants, Unit>;

/** The disposition behind a macro fit, with units: CL and Q in L/h, V1 and V2 in L, k10, k12, k21 in 1/h. */
export type TwoCompartmentMicroWithUnits = Record<keyof TwoCompartmentDisposition | "k10" | "k12" | "k21", Unit>;

const DISPOSITION_KEYS = ["dose", "cl", "v1", "q", "v2"] as const;
const PARAM_KEYS = ["dose", "cl", "v1", "q", "v2", "duration", "ka", "tlag"] as const;
const MACRO_KEYS = ["dose", "a", "alpha", "b", "beta"] as const;

interface Rates {
  k10: number;
  k12: number;
  k21: number;
  alpha: number;
  beta: number;
  /** weights (α − k21)/(α − β) and (k21 − β)/(α − β): positive, summing to 1 */
  wAlpha: number;
  wBeta: number;
}

function rates(k10: number, k12: number, k21: number): Rates {
  // α − β = √((k10 + k12 − k21)² + 4·k12·k21): a sum of squares, never a difference.
  const m = k10 + k12 - k21;
  const gap = Math.hypot(m, 2 * Math.sqrt(k12 * k21));
  const alpha = (k10 + k12 + k21 + gap) / 2;
  const beta = (k10 * k21) / alpha;
  // (α − k21)·(k21 − β) = k12·k21: take the one without cancellation, divide for the other.
  const aboveK21 = m >= 0 ? (m + gap) / 2 : (k12 * k21) / ((gap - m) / 2);
  const belowK21 = m >= 0 ? (k12 * k21) / aboveK21 : (gap - m) / 2;
  return { k10, k12, k21, alpha, beta, wAlpha: aboveK21 / gap, wBeta: belowK21 / gap };
}

function disposition(fn: string, p: Record<string, unknown>): Rates {
  const cl = positive(fn, p, "cl");
  const v1 = positive(fn, p, "v1");
  const q = positive(fn, p, "q");
  const v2 = positive(fn, p, "v2");
  return rates(cl / v1, q / v1, q / v2);
}

/**
 * Micro and macro constants of a two-compartment disposition, and A, B for an IV bolus of `dose`.
 * @param params.dose IV bolus dose [mg], > 0
 * @param params.cl clearance [L/h], > 0
 * @param params.v1 central volume [L], > 0
 * @param params.q intercompartmental clearance [L/h], > 0
 * @param params.v2 peripheral volume [L], > 0
 * @returns k10, k12, k21, α, β [1/h]; A, B [mg/L]; the α and β half-lives [h]; Vss and Vz [L]
 * @throws {InputError} when a parameter is not a positive number
 * @example twoCompartmentMacroConstants({ dose: 100, cl: 2, v1: 10, q: 4, v2: 20 }).beta // => 0.053590 (terminal rate, 1/h)
 * @example twoCompartmentMacroConstants({ dose: 100, cl: 2, v1: 10, q: 4, v2: 20 }).vss // => 30
 * @example twoCompartmentMacroConstants({ dose: "100 ug", cl: "2 L/h", v1: "10 L", q: "4 L/h", v2: "20 L" }).halfLifeBeta // => 12.934 h
 */
export function twoCompartmentMacroConstants(
  params: WithUnits<TwoCompartmentDisposition & { dose: number }>,
): TwoCompartmentConstantsWithUnits;
export function twoCompartmentMacroConstants(
  params: TwoCompartmentDisposition & { dose: number },
): TwoCompartmentConstants;
export function twoCompartmentMacroConstants(
  params: (TwoCompartmentDisposition & { dose: number }) | WithUnits<TwoCompartmentDisposition & { dose: number }>,
): TwoCompartmentConstants | TwoCompartmentConstantsWithUnits {
  const fn = "twoCompartmentMacroConstants";
  if (withUnits(undefined, params, DISPOSITION_KEYS)) {
    const u = new UnitCall(fn);
    const p = u.fields("params", params, DISPOSITION_KEYS);
    const r = twoCompartmentMacroConstants(p as unknown as TwoCompartmentDisposition & { dose: number });
    const conc = u.concentrationUnit("dose", "v1");
    const volume = u.unitOf("v1", "L");
    const unitOf: Record<keyof TwoCompartmentConstants, [string, string]> = {
      k10: ["h^-1", "h^-1"],
      k12: ["h^-1", "h^-1"],
      k21: ["h^-1", "h^-1"],
      alpha: ["h^-1", "h^-1"],
      beta: ["h^-1", "h^-1"],
      a: [u.kernelUnit("concentration"), conc],
      b: [u.kernelUnit("concentration"), conc],
      halfLifeAlpha: ["h", "h"],
      halfLifeBeta: ["h", "h"],
      vss: ["L", volume],
      vz: ["L", volume],
    };
    const out = {} as TwoCompartmentConstantsWithUnits;
    for (const key of Object.keys(unitOf) as (keyof TwoCompartmentConstants)[])
      out[key] = asUnit(r[key], unitOf[key][0], unitOf[key][1]);
    return out;
  }
  const p = options(fn, params);
  const dose = positive(fn, p, "dose");
  const r = disposition(fn, p);
  const v1 = p.v1 as number;
  const v2 = p.v2 as number;
  const cl = p.cl as number;
  return {
    k10: r.k10,
    k12: r.k12,
    k21: r.k21,
    alpha: r.alpha,
    beta: r.beta,
    a: (dose / v1) * r.wAlpha,
    b: (dose / v1) * r.wBeta,
    halfLifeAlpha: Math.LN2 / r.alpha,
    halfLifeBeta: Math.LN2 / r.beta,
    vss: v1 + v2,
    vz: cl / r.beta,
  };
}

/**
 * The disposition behind a fitted IV bolus profile C(t) = A·e^{−αt} + B·e^{−βt} after `dose`:
 *   V1 = Dose/(A + B),  k21 = (A·β + B·α)/(A + B),  k10 = α·β/k21,  k12 = (α − k21)(k21 − β)/k21.
 * @param macro.dose IV bolus dose [mg], > 0
 * @param macro.a, macro.b coefficients [mg/L], > 0
 * @param macro.alpha, macro.beta rate constants [1/h], alpha > beta > 0
 * @returns CL, Q [L/h] and V1, V2 [L] (the input of twoCompartmentConcentration), with k10, k12, k21 [1/h]
 * @throws {InputError} when a value is not positive or alpha is not greater than beta
 * @example twoCompartmentMicroConstants({ dose: 100, a: 8, alpha: 1, b: 2, beta: 0.1 }).v1 // => 10
 * @example twoCompartmentMicroConstants({ dose: "100 ug", a: "8 ug/L", alpha: "1 1/h", b: "2 ug/L", beta: "0.1 1/h" }).v1 // => 10 L
 */
export function twoCompartmentMicroConstants(macro: WithUnits<TwoCompartmentMacro>): TwoCompartmentMicroWithUnits;
export function twoCompartmentMicroConstants(
  macro: TwoCompartmentMacro,
): TwoCompartmentDisposition & { k10: number; k12: number; k21: number };
export function twoCompartmentMicroConstants(
  macro: TwoCompartmentMacro | WithUnits<TwoCompartmentMacro>,
): (TwoCompartmentDisposition & { k10: number; k12: number; k21: number }) | TwoCompartmentMicroWithUnits {
  const fn = "twoCompartmentMicroConstants";
  if (withUnits(undefined, macro, MACRO_KEYS)) {
    const u = new UnitCall(fn);
    const r = twoCompartmentMicroConstants(u.fields("macro", macro, MACRO_KEYS) as unknown as TwoCompartmentMacro);
    const L = "L";
    return {
      cl: asUnit(r.cl, "L/h", "L/h"),
      v1: asUnit(r.v1, L, L),
      q: asUnit(r.q, "L/h", "L/h"),
      v2: asUnit(r.v2, L, L),
      k10: asUnit(r.k10, "h^-1", "h^-1"),
      k12: asUnit(r.k12, "h^-1", "h^-1"),
      k21: asUnit(r.k21, "h^-1", "h^-1"),
    };
  }
  const p = options(fn, macro, "macro");
  const dose = positive(fn, p, "dose", "macro.dose");
  const a = positive(fn, p, "a", "macro.a");
  const alpha = positive(fn, p, "alpha", "macro.alpha");
  const b = positive(fn, p, "b", "macro.b");
  const beta = positive(fn, p, "beta", "macro.beta");
  if (!(alpha > beta))
    throw new InputError(
      fn,
      "macro.alpha",
      `must be greater than macro.beta (${beta}): α is the fast, distribution phase`,
      alpha,
    );
  const v1 = dose / (a + b);
  // k21 is a weighted mean of α and β, so β < k21 < α and every micro constant is positive.
  const k21 = (a * beta + b * alpha) / (a + b);
  const k10 = (alpha * beta) / k21;
  const k12 = ((alpha - k21) * (k21 - beta)) / k21;
  return { cl: k10 * v1, v1, q: k12 * v1, v2: (k12 * v1) / k21, k10, k12, k21 };
}

/**
 * Plasma (central) concentration of the linear two-compartment model after one dose:
 *   iv-bolus      C = Dose/V1 · Σ w·e^{−x·t}
 *   iv-infusion   C = Dose/(T·V1) · Σ w·e^{−x·(t − τ)}·(1 − e^{−x·τ})/x,   τ = min(t, T)
 *   oral          C = F·Dose·ka/V1 · Σ w·(e^{−x·u} − e^{−ka·u})/(ka − x),  u = t − tlag > 0
 * summed over x ∈ {α, β} with the weights w_α = (α − k21)/(α − β), w_β = (k21 − β)/(α − β).
 * Each term is positive and computed with expm1, exact as ka → α or β (the limit u·e^{−x·u}).
 * @param t time after the dose (start of the infusion) [h], >= 0
 * @param params.route "iv-bolus", "iv-infusion" or "oral"
 * @param params.dose amount [mg], > 0
 * @param params.cl, params.q clearance and intercompartmental clearance [L/h], > 0
 * @param params.v1, params.v2 central and peripheral volume [L], > 0
 * @param params.duration infusion duration [h], > 0 (iv-infusion only)
 * @param params.ka absorption rate constant [1/h], > 0, and params.f bioavailable fraction in (0, 1] (oral only, both required)
 * @param params.tlag absorption lag [h], >= 0 (oral only; default 0)
 * @returns central concentration [mg/L]
 * @throws {InputError} when t is negative, the route unknown, a parameter missing or out of range, or given for another route
 * @example twoCompartmentConcentration(0, { route: "iv-bolus", dose: 100, cl: 2, v1: 10, q: 4, v2: 20 }) // => 10
 * @example twoCompartmentConcentration(24, { route: "iv-bolus", dose: 0.1, cl: 2, v1: 10, q: 4, v2: 20 }) // => 0.00058396 (a 100 µg microdose, mg/L)
 * @example twoCompartmentConcentration(2, { route: "oral", dose: 100, f: 0.5, ka: 1, cl: 2, v1: 10, q: 4, v2: 20 }) // => 2.2421
 * @example twoCompartmentConcentration("1 day", { route: "iv-bolus", dose: "100 ug", cl: "2 L/h", v1: "10 L", q: "4 L/h", v2: "20 L" }).to("ng/mL") // => 0.58396 ng/mL
 */
export function twoCompartmentConcentration(t: Unit | string, params: WithUnits<TwoCompartmentParams>): Unit;
export function twoCompartmentConcentration(t: number, params: TwoCompartmentParams): number;
export function twoCompartmentConcentration(
  t: number | Unit | string,
  params: TwoCompartmentParams | WithUnits<TwoCompartmentParams>,
): number | Unit {
  const fn = "twoCompartmentConcentration";
  if (withUnits(t, params, PARAM_KEYS)) {
    const u = new UnitCall(fn);
    const time = u.required("t", "t", t);
    const p = u.fields("params", params, ["dose", "cl", "v1", "q", "v2"], ["duration", "ka", "tlag"]);
    return u.concentration(twoCompartmentConcentration(time, p as unknown as TwoCompartmentParams), "dose", "v1");
  }
  timeAfterDose(fn, t);
  const p = options(fn, params);
  if (!ROUTES.includes(p.route as Route))
    throw new InputError(fn, "route", `must be one of ${ROUTES.map((r) => `"${r}"`).join(", ")}`, p.route);
  const route = p.route as Route;
  const dose = positive(fn, p, "dose");
  const r = disposition(fn, p);
  const v1 = p.v1 as number;
  const onlyFor = (key: string, allowed: Route) => {
    if (route !== allowed && p[key] !== undefined)
      throw new InputError(fn, key, `is only meaningful for route "${allowed}", not "${route}"`, p[key]);
  };
  onlyFor("duration", "iv-infusion");
  for (const key of ["ka", "f", "tlag"]) onlyFor(key, "oral");

  const terms: readonly [number, number][] = [
    [r.alpha, r.wAlpha],
    [r.beta, r.wBeta],
  ];
  const time = t as number;
  if (route === "iv-bolus")
    return (dose / v1) * (r.wAlpha * Math.exp(-r.alpha * time) + r.wBeta * Math.exp(-r.beta * time));
  if (route === "iv-infusion") {
    const duration = positive(fn, p, "duration");
    const tau = Math.min(time, duration);
    const sum = terms.reduce((s, [x, w]) => s + w * Math.exp(-x * (time - tau)) * expDifferenceQuotient(x, tau), 0);
    return (dose / (duration * v1)) * sum;
  }
  const ka = positive(fn, p, "ka");
  if (p.f === undefined)
    throw new InputError(
      fn,
      "f",
      'is required for route "oral": the bioavailable fraction F in (0, 1] (pass f: 1 for a fully absorbed dose)',
      p.f,
    );
  const f = bioavailability(fn, p);
  const u = time - optionalNonNegative(fn, p, "tlag", 0);
  if (u <= 0) return 0;
  return ((f * dose * ka) / v1) * terms.reduce((s, [x, w]) => s + w * batemanShape(ka, x, u), 0);
}
