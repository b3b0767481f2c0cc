import { rateConstantPerHour } from "../studies/rate-constant";
import { InputError } from "../core/errors";
import { magnitude, math, type QuantityInput, type Unit } from "../core/units";
import { fraction, plainObject } from "../core/validate";
import { steadyStateOral } from "../pk";

export interface DoseProjectionInput {
  /** Dissociation constant at the target [molar concentration]. */
  kd: QuantityInput;
  /** Occupancy to keep at the steady-state trough, a fraction in (0, 1). */
  targetOccupancy: number;
  /** Fraction unbound in plasma, (0, 1]. */
  fu: number;
  /** Elimination half-life [time]. */
  halfLife: QuantityInput;
  /** Oral bioavailability F, (0, 1]. */
  bioavailability: number;
  /** Volume of distribution [volume]. */
  volume: QuantityInput;
  /** Molecular weight [g/mol], to turn nM into mg/L. */
  molecularWeight: QuantityInput;
  /** Dosing interval [time] (default "24 h", once daily). */
  tau?: QuantityInput;
  /** Absorption rate constant [1/time]; omit for the ka >> k limit (instant absorption). */
  ka?: QuantityInput;
}

export interface DoseProjection {
  /** The dose per interval [mg] (per day for τ = 24 h). */
  dose: Unit;
  /** Unbound trough concentration that gives the target occupancy, K_d·ρ/(1 − ρ) [nM]. */
  unboundTrough: Unit;
  /** Total trough concentration, unboundTrough / fu [ng/mL]. */
  totalTrough: Unit;
  /** Elimination rate constant ln2/t½ [1/h]. */
  ke: Unit;
  /** "ka >> ke limit" or "first-order absorption". */
  model: "ka >> ke limit" | "first-order absorption";
  /** The arithmetic, one line per step, with the assumptions it used. */
  steps: string[];
}

/**
 * Project the oral dose per interval that keeps the steady-state TROUGH unbound
 * concentration at a target occupancy (one-compartment, first-order absorption and
 * elimination, linear PK).
 *
 * 1. Target unbound trough: C_u = K_d · ρ / (1 − ρ)  (80 % at K_d = 5 nM → 20 nM).
 * 2. Total trough: C = C_u / f_u, converted to mg/L with the molecular weight.
 * 3. With k = ln2/t½, the ka >> k limit gives C_trough = (F·D/V) · e^{−kτ} / (1 − e^{−kτ}), so
 *    D = C · V · (e^{kτ} − 1) / F. With finite ka the steady-state trough comes from
 *    steadyStateOral (src/pk), which is linear in D, so D = C / C_trough(1 mg).
 *
 * The text's example (K_d 5 nM, 80 % trough occupancy, t½ 4 h, F 0.5, τ 24 h) needs "over
 * 300 mg/day"; the text does not state V, f_u or MW. With MW 400 g/mol, f_u 0.1 (as in the
 * text's occupancy example) and V 50 L (about 0.7 L/kg for 70 kg): 20 nM / 0.1 = 200 nM = 0.08 mg/L and
 * D = 0.08 mg/L × 50 L × (2^6 − 1) / 0.5 = 504 mg/day (417 mg/day with ka = 1 /h).
 * Six half-lives per interval means a 64-fold peak-to-trough swing: the short half-life,
 * not potency, drives the dose.
 *
 * @param input kd, targetOccupancy, fu, halfLife, bioavailability, volume, molecularWeight, tau (default 24 h), ka (optional)
 * @returns the dose [mg], the unbound and total trough targets, ke and the arithmetic
 * @throws {InputError} when a quantity has the wrong dimension or is not positive, or a fraction is out of range
 * @example projectDailyDose({ kd: "5 nM", targetOccupancy: 0.8, fu: 0.1, halfLife: "4 h", bioavailability: 0.5, volume: "50 L", molecularWeight: "400 g/mol" }).dose.toNumber("mg") // => 504
 * @see 001_079d5926d130f870.txt, "The Strategic Value in Early Decision-Making"
 */
export function projectDailyDose(input: DoseProjectionInput): DoseProjection {
  const fn = "projectDailyDose";
  const o = plainObject(fn, "input", input);
  const kdNm = magnitude(fn, "kd", o.kd, "molarConcentration", "nM", { allowZero: false });
  const rho = fraction(fn, "targetOccupancy", o.targetOccupancy, { open: true });
  const fu = positiveFraction(fn, "fu", o.fu);
  const halfLifeH = magnitude(fn, "halfLife", o.halfLife, "time", "h", { allowZero: false });
  const f = positiveFraction(fn, "bioavailability", o.bioavailability);
  const volumeL = magnitude(fn, "volume", o.volume, "volume", "L", { allowZero: false });
  const mw = magnitude(fn, "molecularWeight", o.molecularWeight, "molarMass", "g/mol", { allowZero: false });
  const tauH = o.tau === undefined ? 24 : magnitude(fn, "tau", o.tau, "time", "h", { allowZero: false });
  const ka = o.ka === undefined ? undefined : rateConstantPerHour(fn, "ka", o.ka, { allowZero: false });

  const cuNm = (kdNm * rho) / (1 - rho);
  const totalNm = cuNm / fu;
  const totalMgPerL = totalNm * 1e-9 * mw * 1e3;
  const ke = Math.LN2 / halfLifeH;
  const g = (x: number): string => String(Number(x.toPrecision(4)));
  const steps = [
    `unbound trough target C_u = K_d × ρ/(1 − ρ) = ${g(kdNm)} nM × ${g(rho)}/${g(1 - rho)} = ${g(cuNm)} nM`,
    `total trough C = C_u / f_u = ${g(cuNm)} nM / ${g(fu)} = ${g(totalNm)} nM = ${g(totalNm)} nM × ${g(mw)} g/mol = ${g(totalMgPerL * 1e3)} ng/mL = ${g(totalMgPerL)} mg/L`,
    `k = ln2 / t½ = 0.6931 / ${g(halfLifeH)} h = ${g(ke)} /h; k·τ = ${g(ke * tauH)} (${g(tauH / halfLifeH)} half-lives per interval, e^{kτ} = ${g(Math.exp(ke * tauH))})`,
  ];
  let doseMg: number;
  if (ka === undefined) {
    doseMg = (totalMgPerL * volumeL * Math.expm1(ke * tauH)) / f;
    steps.push(
      `ka >> k limit: D = C × V × (e^{kτ} − 1) / F = ${g(totalMgPerL)} mg/L × ${g(volumeL)} L × ${g(Math.expm1(ke * tauH))} / ${g(f)} = ${g(doseMg)} mg`,
    );
  } else {
    const troughPerMg = steadyStateOral({ dose: 1, tau: tauH, f, ka, ke, volume: volumeL }).trough;
    doseMg = totalMgPerL / troughPerMg;
    steps.push(
      `first-order absorption (ka = ${g(ka)} /h): steady-state trough per mg = ${g(troughPerMg)} mg/L, so D = ${g(totalMgPerL)} / ${g(troughPerMg)} = ${g(doseMg)} mg`,
    );
  }
  return {
    dose: math.unit(doseMg, "mg"),
    unboundTrough: math.unit(cuNm, "nM"),
    totalTrough: math.unit(totalMgPerL * 1e3, "ng/mL"),
    ke: math.unit(ke, "h^-1"),
    model: ka === undefined ? "ka >> ke limit" : "first-order absorption",
    steps,
  };
}

function positiveFraction(fn: string, arg: string, v: unknown): number {
  const x = fraction(fn, arg, v);
  if (x === 0) throw new InputError(fn, arg, "must be greater than 0", x);
  return x;
}
