/**
 * Chapter 5 — Applications: bioavailability, PET occupancy, a midazolam DDI microdose, AMS
 * mass balance and metabolites, predictivity, and content uniformity of microgram doses.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-5.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { inUnits, math, unit, type Series, type Unit } from "../src";
import { exerciseData, variant } from "../src/workbook/catalog/data";
import { notAttempted } from "../src/workbook/not-attempted";

/** Data of ex-5.1: times [h], IV microtracer [pg/mL] after 100 µg, oral [ng/mL] after 20 mg. */
export const ex5_1_data = exerciseData("ex-5.1");

/** Data of ex-5.10: contents of ten 2.0 µg tablets [ng]. */
export const ex5_10_contentsNg: readonly number[] = exerciseData("ex-5.10");

/**
 * ex-5.1 (4 points) — Case study: absolute bioavailability from two profiles
 *
 * `ex5_1_data` in exercises/ch05.ts holds a simultaneous IV ¹⁴C-microtracer (100 µg, AMS, pg/mL)
 * and oral (20 mg, LC-MS/MS, ng/mL) study. Compute each AUC from 0 to 48 h with the
 * linear-up/log-down trapezoid (your ex-3.2), then F = (AUC_po/D_po)/(AUC_iv/D_iv).
 *
 * Produce `ex5_1_bioavailability`: F as a fraction.
 *
 * Your numbers: variant("ex-5.1") (after setStudentId or workbook.json; exercise("ex-5.1") shows your prompt).
 *
 * Check: check("ex-5.1") in the notebook, or npm run check -- --only ex-5.1
 */
export const ex5_1_bioavailability: number = notAttempted("ex-5.1");

/**
 * ex-5.2 (2 points) — PET occupancy from binding potentials
 *
 * A PET study measured the non-displaceable binding potential of a radioligand in the striatum:
 * BP_ND = 2.35 at baseline and 0.82 after the drug.
 *
 * Produce `ex5_2_occupancyPercent`: the target occupancy, 1 − BP_drug/BP_baseline, in percent.
 *
 * Your numbers: variant("ex-5.2") (after setStudentId or workbook.json; exercise("ex-5.2") shows your prompt).
 *
 * Check: check("ex-5.2") in the notebook, or npm run check -- --only ex-5.2
 */
export const ex5_2_occupancyPercent: number = notAttempted("ex-5.2");

/**
 * ex-5.3 (4 points) — Fitting K_d to occupancy data
 *
 * Implement `fitKd(conc, occupancy)`: the K_d that minimises the sum of squared differences
 * between the observed occupancies (fractions, plain numbers) and ρ = C/(C + K_d), over K_d > 0,
 * to a relative precision of 10⁻⁶ or better (a grid in log K_d followed by golden-section search
 * works well). `conc` is a series of molar concentrations (e.g. `series([0.5, 1, 2], "nM")`; pM
 * may come too). Return K_d as a Unit; it is checked in nM.
 *
 * Check: check("ex-5.3") in the notebook, or npm run check -- --only ex-5.3; answer unit [nM]
 */
export function fitKd(conc: Series, occupancy: number[]): Unit {
  return notAttempted("ex-5.3");
}

/**
 * ex-5.4 (2 points) — Midazolam microdose DDI: the AUC ratio
 *
 * A midazolam microdose (100 µg) gave AUC = 1.85 ng·h/mL alone and AUC = 14 200 pg·h/mL after
 * ketoconazole.
 *
 * Produce `ex5_4_aucRatio`: AUC with inhibitor / AUC alone (dimensionless).
 *
 * Your numbers: variant("ex-5.4") (after setStudentId or workbook.json; exercise("ex-5.4") shows your prompt).
 *
 * Check: check("ex-5.4") in the notebook, or npm run check -- --only ex-5.4
 */
export const ex5_4_aucRatio: number = notAttempted("ex-5.4");

/**
 * ex-5.5 (3 points) — Predicting a DDI with the static model
 *
 * Implement `aucRatioStaticModel(fm, inhibitorConc, ki)`: the predicted AUC ratio (a plain number)
 * of a victim drug whose clearance is a fraction `fm` through the inhibited enzyme, for a
 * reversible inhibitor at unbound concentration `inhibitorConc` with inhibition constant `ki`,
 * both molar concentrations (e.g. `unit("200 nM")` and `unit("0.01 uM")`): AUCR = 1 / (fm / (1 +
 * [I]/K_i) + (1 − fm)).
 *
 * Check: check("ex-5.5") in the notebook, or npm run check -- --only ex-5.5
 */
export function aucRatioStaticModel(fm: number, inhibitorConc: Unit, ki: Unit): number {
  return notAttempted("ex-5.5");
}

/**
 * ex-5.6 (3 points) — Mass balance with a microtracer
 *
 * A human ADME microtracer study gave 3.7 kBq of ¹⁴C. The collected urine held 98 400 dpm and the
 * faeces 83 100 dpm.
 *
 * Produce `ex5_6_recoveryPercent`: the total recovery in percent of the administered
 * radioactivity.
 *
 * Your numbers: variant("ex-5.6") (after setStudentId or workbook.json; exercise("ex-5.6") shows your prompt).
 *
 * Check: check("ex-5.6") in the notebook, or npm run check -- --only ex-5.6
 */
export const ex5_6_recoveryPercent: number = notAttempted("ex-5.6");

/**
 * ex-5.7 (3 points) — A metabolite's share of the radioactivity
 *
 * Plasma total ¹⁴C AUC was 52 ng-eq·h/mL (parent-equivalents; parent MW 426 g/mol). The metabolite
 * M1 (MW 482 g/mol) was quantified separately: AUC = 19 ng·h/mL of M1.
 *
 * Produce `ex5_7_m1PercentOfRadioactivity`: M1's AUC as a percent of the total radioactivity AUC
 * (in parent-equivalents).
 *
 * Your numbers: variant("ex-5.7") (after setStudentId or workbook.json; exercise("ex-5.7") shows your prompt).
 *
 * Check: check("ex-5.7") in the notebook, or npm run check -- --only ex-5.7
 */
export const ex5_7_m1PercentOfRadioactivity: number = notAttempted("ex-5.7");

/**
 * ex-5.8 (3 points) — How predictive was the microdose?
 *
 * Implement `geometricMeanFoldError(predicted, observed)`: the absolute average fold error
 * 10^(mean |log10(predicted/observed)|) (a plain number) over paired positive values: CL/F
 * predicted from microdoses vs observed at therapeutic doses, each a series of clearances — and
 * the two may come in different units (e.g. `series([12, 40], "L/h")` and `series([170, 410],
 * "mL/min")`).
 *
 * Check: check("ex-5.8") in the notebook, or npm run check -- --only ex-5.8
 */
export function geometricMeanFoldError(predicted: Series, observed: Series): number {
  return notAttempted("ex-5.8");
}

/**
 * ex-5.9 (4 points) — Content uniformity: the acceptance value
 *
 * Implement `acceptanceValue(contentsPercent)`: the pharmacopoeial content-uniformity acceptance
 * value AV = |M − X̄| + k·s for individual contents in % of label claim (target T = 100 %), n = 10
 * (k = 2.4) or n = 30 (k = 2.0); s is the sample standard deviation (n − 1). Reference value M: X̄
 * if 98.5 ≤ X̄ ≤ 101.5, 98.5 if X̄ < 98.5, 101.5 if X̄ > 101.5.
 *
 * Check: check("ex-5.9") in the notebook, or npm run check -- --only ex-5.9
 */
export function acceptanceValue(contentsPercent: number[]): number {
  return notAttempted("ex-5.9");
}

/**
 * ex-5.10 (3 points) — Content uniformity at 2 µg
 *
 * Ten micro-tablets labelled 2.0 µg were assayed; `ex5_10_contentsNg` in exercises/ch05.ts holds
 * their contents in ng.
 *
 * Produce `ex5_10_acceptanceValue`: their acceptance value (as in ex-5.9, on % of label claim).
 * Does the batch pass L1 = 15?
 *
 * Your numbers: variant("ex-5.10") (after setStudentId or workbook.json; exercise("ex-5.10") shows your prompt).
 *
 * Check: check("ex-5.10") in the notebook, or npm run check -- --only ex-5.10
 */
export const ex5_10_acceptanceValue: number = notAttempted("ex-5.10");

/**
 * ex-5.11 (3 points) — Two phases: the steady-state volume of a microtracer
 *
 * A 100 µg IV ¹⁴C microtracer declined in two phases. AMS data were fitted with C(t) = A·e^(−αt) +
 * B·e^(−βt): A = 3 100 pg/mL, α = 2.2 h⁻¹, B = 420 pg/mL, β = 0.075 h⁻¹.
 *
 * Produce `ex5_11_vssLitres`: the steady-state volume Vss = V1 + V2 in L, from the two-compartment
 * relations of the chapter (V1 = D/(A + B), k21 = (A·β + B·α)/(A + B), α·β = k10·k21, α + β = k10
 * + k12 + k21, V2 = V1·k12/k21).
 *
 * Your numbers: variant("ex-5.11") (after setStudentId or workbook.json; exercise("ex-5.11") shows your prompt).
 *
 * Check: check("ex-5.11") in the notebook, or npm run check -- --only ex-5.11
 */
export const ex5_11_vssLitres: number = notAttempted("ex-5.11");
