import type { Unit } from "../core/units";
import { lambertW0OfExp } from "./lambert-w";
import { options, positive, timeAfterDose } from "./params";
import { asUnit, productUnit, UnitCall, withUnits, type WithUnits } from "./quantities";

const KEYS = ["c0", "vmax", "km"] as const;

/** One-compartment IV bolus with saturable elimination: c0 [mg/L], vmax [mg/L/h], km [mg/L]. */
export interface MichaelisMentenParams {
  c0: number;
  vmax: number;
  km: number;
}

/**
 * Concentration after an IV bolus when elimination is saturable (Michaelis–Menten):
 *   dC/dt = −Vmax·C/(Km + C),  C(0) = C0,
 * whose exact solution (Schnell & Mendoza 1997; Beal 1983) uses the Lambert W function:
 *   C(t) = Km · W0( (C0/Km) · exp((C0 − Vmax·t)/Km) ).
 * The argument of W is formed in log space, a = ln(C0/Km) + (C0 − Vmax·t)/Km, and W0(e^a) is
 * solved from w + ln w = a, so large C0/Km (e^a would overflow) and late times (e^a would
 * underflow too early) both keep full relative accuracy; two Newton steps on the implicit solution
 * (C − C0) + Km·ln(C/C0) + Vmax·t = 0 then restore the digits that forming a loses at early times.
 * At C ≪ Km it reduces to first-order decay with ke = Vmax/Km; at C ≫ Km to zero-order
 * decay at rate Vmax — the reason exposure grows more than proportionally with dose.
 * With units (c0 and km concentrations, vmax a concentration per time, all mass- or all
 * molar-based), the concentration is a Unit in the unit of c0.
 * @param t time after the dose [h], >= 0
 * @param params.c0 initial concentration C0 = Dose/V [mg/L], > 0
 * @param params.vmax maximum elimination rate [mg/L/h] (a concentration rate: Vmax_amount / V), > 0
 * @param params.km Michaelis constant [mg/L], > 0
 * @returns plasma concentration [mg/L]
 * @throws {InputError} when t is negative or a parameter is not a positive number
 * @example michaelisMentenConcentration(0, { c0: 10, vmax: 2, km: 1 }) // => 10
 * @example michaelisMentenConcentration(1, { c0: 1, vmax: 1, km: 1 }) // => 0.5671 (Km·W0(1), the omega constant)
 * @example michaelisMentenConcentration("60 min", { c0: "1 ug/mL", vmax: "1 mg/L/h", km: "1 mg/L" }) // => 0.5671 ug/mL
 * @example michaelisMentenConcentration("1 h", { c0: "1 uM", vmax: "1 uM/h", km: "1 uM" }) // => 0.5671 uM
 * @see 001_079d5926d130f870.txt, "The Limits of Linearity: Saturable Processes"
 */
export function michaelisMentenConcentration(t: Unit | string, params: WithUnits<MichaelisMentenParams>): Unit;
export function michaelisMentenConcentration(t: number, params: MichaelisMentenParams): number;
export function michaelisMentenConcentration(
  t: number | Unit | string,
  params: MichaelisMentenParams | WithUnits<MichaelisMentenParams>,
): number | Unit {
  const fn = "michaelisMentenConcentration";
  if (withUnits(t, params, KEYS)) {
    const u = new UnitCall(fn);
    const time = u.required("t", "t", t);
    const p = u.fields("params", params, KEYS) as unknown as MichaelisMentenParams;
    const c = michaelisMentenConcentration(time, p);
    return asUnit(c, u.kernelUnit("concentration"), u.unitOf("c0", u.kernelUnit("concentration")));
  }
  timeAfterDose(fn, t);
  const p = options(fn, params);
  const c0 = positive(fn, p, "c0");
  const vmax = positive(fn, p, "vmax");
  const km = positive(fn, p, "km");
  return michaelisMentenUnchecked(t as number, c0, vmax, km);
}

/** The smallest positive normal double (2^−1022): below it a double has fewer than 53 significant bits. */
const MIN_NORMAL = 2.2250738585072014e-308;

/** The closed form without validation (internal, for benchmarks and simulation checks). */
export function michaelisMentenUnchecked(t: number, c0: number, vmax: number, km: number): number {
  if (t === 0) return c0;
  let c = km * lambertW0OfExp(Math.log(c0 / km) + (c0 - vmax * t) / km);
  if (c === 0) return 0; // below the smallest double
  // Polish on the implicit solution in concentration units, (C − C0) + Km·ln(C/C0) + Vmax·t = 0
  // (two Newton steps). At early times the log-space argument a = ln(C0/Km) + C0/Km − Vmax·t/Km
  // has lost digits to rounding (|a| ≫ Vmax·t/Km); this form keeps C ≤ C0 and full relative accuracy.
  // ln(C/C0) as a difference of logs once C/C0 falls below the normal doubles: the ratio itself
  // would lose its digits or round to 0 (ln 0 = −∞, then NaN; found by `npm run test:fuzz` at
  // C0/Km = 200, 72 h, where C is a subnormal 5e-324).
  for (let i = 0; i < 2; i++) {
    const d = c - c0;
    const ratio = c / c0;
    const logRatio =
      Math.abs(d) < 0.5 * c0 ? Math.log1p(d / c0) : ratio >= MIN_NORMAL ? Math.log(ratio) : Math.log(c) - Math.log(c0);
    const g = d + km * logRatio + vmax * t;
    c -= (g * c) / (c + km); // Newton: g / g'(C), g'(C) = 1 + Km/C, written without overflow for tiny C
  }
  return c;
}

/**
 * Total exposure after an IV bolus with Michaelis–Menten elimination:
 *   AUC(0–∞) = ∫ C dt = ∫_0^{C0} (Km + C)/Vmax dC = (Km·C0 + C0²/2) / Vmax.
 * The C0²/2 term makes AUC grow faster than the dose once C0 approaches Km.
 * @param params.c0 [mg/L], params.vmax [mg/L/h], params.km [mg/L]; all > 0
 * @returns AUC(0–∞) [mg·h/L]
 * @throws {InputError} when a parameter is not a positive number
 * With units, the AUC is a Unit in the unit of c0 times h.
 * @example michaelisMentenAucInf({ c0: 2, vmax: 1, km: 1 }) // => 4
 * @example michaelisMentenAucInf({ c0: "2 ng/mL", vmax: "1 ng/mL/h", km: "1 ng/mL" }) // => 4 ng*h/mL
 * @see 001_079d5926d130f870.txt, "The Limits of Linearity: Saturable Processes"
 */
export function michaelisMentenAucInf(params: WithUnits<MichaelisMentenParams>): Unit;
export function michaelisMentenAucInf(params: MichaelisMentenParams): number;
export function michaelisMentenAucInf(params: MichaelisMentenParams | WithUnits<MichaelisMentenParams>): number | Unit {
  const fn = "michaelisMentenAucInf";
  if (withUnits(undefined, params, KEYS)) {
    const u = new UnitCall(fn);
    const auc = michaelisMentenAucInf(u.fields("params", params, KEYS) as unknown as MichaelisMentenParams);
    const c = u.kernelUnit("concentration");
    return asUnit(auc, productUnit(c, "h"), productUnit(u.unitOf("c0", c), "h"));
  }
  const p = options(fn, params);
  const c0 = positive(fn, p, "c0");
  const vmax = positive(fn, p, "vmax");
  const km = positive(fn, p, "km");
  return (km * c0 + (c0 * c0) / 2) / vmax;
}
