/**
 * Chapter 6 — Hands-on practice: problems that join the chapters, and the pitfalls the text
 * warns about.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-6.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { amountToMass, math, toMolarConcentration, unit, type Series, type Unit } from "../src";
import { variant } from "../src/workbook/catalog/data";
import { notAttempted } from "../src/workbook/not-attempted";

/**
 * ex-6.1 (4 points) — CL/F from a microdose profile, end to end
 *
 * Implement `apparentOralClearance(dose, time, conc)`: CL/F after an oral microdose `dose` (a
 * mass, e.g. `unit("100 ug")`) with plasma concentrations `conc` at `time`, two series (e.g.
 * `series([0, 0.5, 1], "h")` and `series([0, 42.1, 68.3], "pg/mL")`; minutes and ng/mL may come
 * too). Use AUC(0–∞) = AUC(0–tlast) by the linear-up/log-down trapezoid + C_last/λz, with λz the
 * negative slope of an ordinary least-squares line through ln C of the last 3 points. Return a
 * Unit; it is checked in L/h.
 *
 * Check: check("ex-6.1") in the notebook, or npm run check -- --only ex-6.1; answer unit [L/h]
 */
export function apparentOralClearance(dose: Unit, time: Series, conc: Series): Unit {
  return notAttempted("ex-6.1");
}

/**
 * ex-6.2 (3 points) — Terminal half-life by log-linear regression
 *
 * Implement `terminalHalfLife(time, conc, points)`: the terminal half-life = ln 2 / λz, where λz
 * is the negative slope of the ordinary least-squares regression of the natural log of
 * concentration on time over the last `points` samples (all concentrations there are positive).
 * `time` and `conc` are series (e.g. `series([0.5, 1, 2], "h")`, `series([95.1, 88.7, 80.2],
 * "ng/mL")`; times may come in minutes); `points` is a count. Return a time; it is checked in h.
 *
 * Check: check("ex-6.2") in the notebook, or npm run check -- --only ex-6.2; answer unit [h]
 */
export function terminalHalfLife(time: Series, conc: Series, points: number): Unit {
  return notAttempted("ex-6.2");
}

/**
 * ex-6.3 (2 points) — A microdose of an antibody
 *
 * A therapeutic protein (MW 148 000 g/mol) has a minimum pharmacologically active dose of 50 mg.
 *
 * Produce `ex6_3_maxMicrodoseUg`: its maximum microdose in µg (the lesser of 1/100 of the active
 * dose and 30 nmol; a number, or a quantity such as `unit("… ug")`).
 *
 * Your numbers: variant("ex-6.3") (after setStudentId or workbook.json; exercise("ex-6.3") shows your prompt).
 *
 * Check: check("ex-6.3") in the notebook, or npm run check -- --only ex-6.3; answer unit [ug]
 */
export const ex6_3_maxMicrodoseUg: number | Unit = notAttempted("ex-6.3");

/**
 * ex-6.4 (3 points) — Where linear extrapolation breaks by 2×
 *
 * Same saturable drug as in ex-2.7 (K_m = 0.8 mg/L, one compartment, IV bolus) but with V = 40 L.
 * A 100 µg microdose was studied. At what dose is the true AUC twice the AUC predicted by scaling
 * the microdose AUC linearly?
 *
 * Produce `ex6_4_doseMg`: that dose in mg (exact, without neglecting the microdose's own
 * concentration; a number, or a quantity such as `unit("… mg")`).
 *
 * Your numbers: variant("ex-6.4") (after setStudentId or workbook.json; exercise("ex-6.4") shows your prompt).
 *
 * Check: check("ex-6.4") in the notebook, or npm run check -- --only ex-6.4; answer unit [mg]
 */
export const ex6_4_doseMg: number | Unit = notAttempted("ex-6.4");

/**
 * ex-6.5 (4 points) — AUC under time-dependent clearance
 *
 * Implement `aucTimeDependentClearance(dose, volume, cl0, clss, beta)`: AUC(0–∞) after an IV bolus
 * into one compartment when CL(t) = CL_ss + (CL0 − CL_ss)·e^(−βt) (falling for inhibition, rising
 * for induction). C(t) = (D/V)·exp(−(1/V)∫₀ᵗ CL). Integrate numerically to a relative accuracy of
 * 10⁻⁶ or better. The arguments are quantities: a mass dose (`unit("50 mg")`), a volume (`"80
 * L"`), two clearances (`"16 L/h"`; mL/min may come) and a rate constant β (`"0.15 1/h"`). Return
 * an exposure; it is checked in mg·h/L.
 *
 * Check: check("ex-6.5") in the notebook, or npm run check -- --only ex-6.5; answer unit [mg*h/L]
 */
export function aucTimeDependentClearance(dose: Unit, volume: Unit, cl0: Unit, clss: Unit, beta: Unit): Unit {
  return notAttempted("ex-6.5");
}

/**
 * ex-6.6 (3 points) — The opposite error: autoinduction
 *
 * A drug induces its own metabolism: a microdose measured CL0 = 5 L/h; at the therapeutic dose
 * (200 mg IV, V = 60 L) clearance rises as CL(t) = CL_ss + (CL0 − CL_ss)·e^(−βt) with CL_ss = 12
 * L/h, β = 0.05 1/h.
 *
 * Produce `ex6_6_aucRatio`: the true AUC(0–∞) divided by the linear prediction dose/CL0.
 *
 * Your numbers: variant("ex-6.6") (after setStudentId or workbook.json; exercise("ex-6.6") shows your prompt).
 *
 * Check: check("ex-6.6") in the notebook, or npm run check -- --only ex-6.6
 */
export const ex6_6_aucRatio: number = notAttempted("ex-6.6");

/**
 * ex-6.7 (3 points) — Precision of a net count
 *
 * Implement `netCountRelativeSd(grossCounts, backgroundCounts)`: the relative standard deviation
 * (a fraction) of the net count N = gross − background, when both are independent Poisson counts
 * taken over the same time (gross > background).
 *
 * Check: check("ex-6.7") in the notebook, or npm run check -- --only ex-6.7
 */
export function netCountRelativeSd(grossCounts: number, backgroundCounts: number): number {
  return notAttempted("ex-6.7");
}

/**
 * ex-6.8 (2 points) — A handful of counts
 *
 * Near the end of a profile an AMS sample gave 16 counts; a blank measured for the same time gave
 * 4.
 *
 * Produce `ex6_8_netRsdPercent`: the relative standard deviation of the net count, in percent.
 *
 * Your numbers: variant("ex-6.8") (after setStudentId or workbook.json; exercise("ex-6.8") shows your prompt).
 *
 * Check: check("ex-6.8") in the notebook, or npm run check -- --only ex-6.8
 */
export const ex6_8_netRsdPercent: number = notAttempted("ex-6.8");

/**
 * ex-6.9 (3 points) — Lowest quantifiable concentration by AMS
 *
 * Implement `lowestQuantifiableByAms(targetRsd, sampleVolume, molecularWeight, labelFraction,
 * countingEfficiency)`: the drug concentration at which a sample of `sampleVolume` (a volume, e.g.
 * `unit("1 mL")`; µL may come) yields enough ¹⁴C counts for a Poisson relative SD of `targetRsd`
 * (N = 1/RSD², not rounded), when a fraction `labelFraction` of the molecules carries one ¹⁴C and
 * a fraction `countingEfficiency` of the ¹⁴C atoms is counted; `molecularWeight` is a quantity
 * (`"350 g/mol"`). Avogadro: 6.02214076e23 /mol. Return a mass concentration; it is checked in
 * pg/mL.
 *
 * Check: check("ex-6.9") in the notebook, or npm run check -- --only ex-6.9; answer unit [pg/mL]
 */
export function lowestQuantifiableByAms(targetRsd: number, sampleVolume: Unit, molecularWeight: Unit, labelFraction: number, countingEfficiency: number): Unit {
  return notAttempted("ex-6.9");
}

/**
 * ex-6.10 (2 points) — From a microdose Cmax to nM at the therapeutic dose
 *
 * A 100 µg microdose gave C_max = 38 pg/mL. Assuming linear PK, predict C_max after 120 mg of the
 * same drug (MW 410 g/mol).
 *
 * Produce `ex6_10_therapeuticCmaxNm`: the predicted C_max in nM (a number, or a mathjs Unit).
 *
 * Your numbers: variant("ex-6.10") (after setStudentId or workbook.json; exercise("ex-6.10") shows your prompt).
 *
 * Check: check("ex-6.10") in the notebook, or npm run check -- --only ex-6.10; answer unit [nM]
 */
export const ex6_10_therapeuticCmaxNm: number | Unit = notAttempted("ex-6.10");

/**
 * ex-6.11 (2 points) — Is it a microdose?
 *
 * Implement `isMicrodose(dose, minActiveDose, bioavailability)`: `true` when an administered
 * `dose` of a small molecule is a microdose for a minimum pharmacologically active dose
 * `minActiveDose`; both are masses (e.g. `unit("80 ug")` and `unit("20 mg")`, in any mass unit).
 * The third argument is the oral bioavailability of the formulation (a plain number).
 *
 * Check: check("ex-6.11") in the notebook, or npm run check -- --only ex-6.11
 */
export function isMicrodose(dose: Unit, minActiveDose: Unit, bioavailability: number): boolean {
  return notAttempted("ex-6.11");
}

/**
 * ex-6.12 (2 points) — Was the microdose predictive?
 *
 * A 100 µg oral microdose gave AUC = 0.85 ng·h/mL. At 50 mg the observed AUC was 1.02 µg·h/mL.
 *
 * Produce `ex6_12_foldError`: the fold error of the linearly scaled prediction, max(pred/obs,
 * obs/pred) (≥ 1). Was it within 2-fold?
 *
 * Your numbers: variant("ex-6.12") (after setStudentId or workbook.json; exercise("ex-6.12") shows your prompt).
 *
 * Check: check("ex-6.12") in the notebook, or npm run check -- --only ex-6.12
 */
export const ex6_12_foldError: number = notAttempted("ex-6.12");
