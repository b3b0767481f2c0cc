/**
 * Chapter 4 — Strategy and ethics: dose projection, exploratory IND / ICH M3(R2), radiation
 * and a small risk–benefit model.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-4.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { inUnits, math, toMassConcentration, unit, type Series, type Unit } from "../src";
import { variant } from "../src/workbook/catalog/data";
import { notAttempted } from "../src/workbook/not-attempted";

/**
 * ex-4.1 (4 points) — Projecting the daily dose for a trough occupancy
 *
 * Implement `dailyDoseForTroughOccupancy(p)`: the oral dose per dosing interval `p.tau` that keeps
 * the unbound steady-state trough concentration at the level giving `p.targetOccupancy` (a
 * fraction) of receptors bound, for a drug with dissociation constant `p.kd` (a molar
 * concentration, e.g. `unit("5 nM")`), fraction unbound `p.fu`, molecular weight
 * `p.molecularWeight` (`"450 g/mol"`), volume `p.volume` (`"70 L"`), half-life `p.halfLife` (`"4
 * h"`), interval `p.tau` (`"24 h"` or `"1 day"`) and oral bioavailability `p.bioavailability`. Use
 * one compartment with absorption much faster than elimination (ka ≫ k): at steady state the
 * trough total concentration is C_min = (F·D/V)·e^(−kτ) / (1 − e^(−kτ)). Return a mass; it is
 * checked in mg.
 *
 * Check: check("ex-4.1") in the notebook, or npm run check -- --only ex-4.1; answer unit [mg]
 */
export function dailyDoseForTroughOccupancy(p: { kd: Unit; targetOccupancy: number; halfLife: Unit; bioavailability: number; volume: Unit; fu: number; molecularWeight: Unit; tau: Unit }): Unit {
  return notAttempted("ex-4.1");
}

/**
 * ex-4.2 (3 points) — A go/no-go dose projection
 *
 * Microdose data for a backup compound: K_d = 2 nM, target trough occupancy 90 %, t½ = 10 h, F =
 * 0.6, V = 120 L, f_u = 0.05, MW = 380 g/mol, once-daily oral dosing (ka ≫ k, as in ex-4.1).
 *
 * Produce `ex4_2_dailyDoseMg`: the projected daily dose in mg (a number, or a quantity such as
 * `unit("… mg")`).
 *
 * Your numbers: variant("ex-4.2") (after setStudentId or workbook.json; exercise("ex-4.2") shows your prompt).
 *
 * Check: check("ex-4.2") in the notebook, or npm run check -- --only ex-4.2; answer unit [mg]
 */
export const ex4_2_dailyDoseMg: number | Unit = notAttempted("ex-4.2");

/**
 * ex-4.3 (2 points) — ICH M3(R2) approach 1
 *
 * Implement `approach1Allowed(doses, noael, activeDose)`: `true` when a single or divided
 * microdose meets ICH M3(R2) exploratory approach 1 for a small molecule: the total dose ≤ 100 µg,
 * ≤ 1/100 of the NOAEL (human-equivalent) and ≤ 1/100 of the pharmacologically active dose.
 * `doses` is a series of masses (e.g. `series([60, 60], "ug")`), `noael` and `activeDose` are
 * masses (e.g. `unit("50 mg")`); any mass unit may come.
 *
 * Check: check("ex-4.3") in the notebook, or npm run check -- --only ex-4.3
 */
export function approach1Allowed(doses: Series, noael: Unit, activeDose: Unit): boolean {
  return notAttempted("ex-4.3");
}

/**
 * ex-4.4 (3 points) — ICH M3(R2) approach 2
 *
 * Implement `approach2Allowed(doses, intervals, halfLife, noael, activeDose)`: `true` when a
 * schedule of two or more doses meets ICH M3(R2) approach 2 for a small molecule: at most 5
 * administrations; each dose ≤ 100 µg, ≤ 1/100 of the NOAEL and ≤ 1/100 of the active dose;
 * cumulative dose ≤ 500 µg; and each interval between consecutive doses (`intervals.values[i]`
 * between dose i and i+1) at least 6 half-lives. `doses` is a series of masses (`series([100,
 * 100], "ug")`), `intervals` a series of times (`series([48], "h")`); `halfLife`, `noael` and
 * `activeDose` are quantities (any time or mass unit may come).
 *
 * Check: check("ex-4.4") in the notebook, or npm run check -- --only ex-4.4
 */
export function approach2Allowed(doses: Series, intervals: Series, halfLife: Unit, noael: Unit, activeDose: Unit): boolean {
  return notAttempted("ex-4.4");
}

/**
 * ex-4.5 (2 points) — Radiation dose of a microtracer
 *
 * A ¹⁴C microtracer of 40 nCi is given orally. Take the effective dose coefficient for ingested
 * ¹⁴C-labelled compounds as 5.8 × 10⁻¹⁰ Sv/Bq (ICRP); 1 Ci = 3.7 × 10¹⁰ Bq.
 *
 * Produce `ex4_5_effectiveDoseUSv`: the effective dose in µSv (a number, or a mathjs Unit).
 *
 * Your numbers: variant("ex-4.5") (after setStudentId or workbook.json; exercise("ex-4.5") shows your prompt).
 *
 * Check: check("ex-4.5") in the notebook, or npm run check -- --only ex-4.5; answer unit [uSv]
 */
export const ex4_5_effectiveDoseUSv: number | Unit = notAttempted("ex-4.5");

/**
 * ex-4.6 (2 points) — Atoms behind an activity
 *
 * How many ¹⁴C atoms does the 40 nCi microtracer of ex-4.5 contain? ¹⁴C has a half-life of 5730
 * years (use 365.25 days per year); activity A = λN with λ = ln 2 / t½ in 1/s.
 *
 * Produce `ex4_6_c14Atoms`: the number of atoms (a plain number).
 *
 * Your numbers: variant("ex-4.6") (after setStudentId or workbook.json; exercise("ex-4.6") shows your prompt).
 *
 * Check: check("ex-4.6") in the notebook, or npm run check -- --only ex-4.6
 */
export const ex4_6_c14Atoms: number = notAttempted("ex-4.6");

/**
 * ex-4.7 (3 points) — Risk and benefit, counted
 *
 * A small explicit model of the ethics argument. A Phase 0 study doses 12 volunteers; each has a 2
 * × 10⁻⁵ chance of a serious adverse event (SAE). With probability 0.35 the microdose reveals PK
 * that kills the candidate, which avoids a Phase I study of 64 volunteers, each with an SAE
 * probability of 0.004.
 *
 * Produce `ex4_7_benefitRiskRatio`: expected SAEs avoided divided by expected SAEs caused
 * (dimensionless).
 *
 * Your numbers: variant("ex-4.7") (after setStudentId or workbook.json; exercise("ex-4.7") shows your prompt).
 *
 * Check: check("ex-4.7") in the notebook, or npm run check -- --only ex-4.7
 */
export const ex4_7_benefitRiskRatio: number = notAttempted("ex-4.7");
