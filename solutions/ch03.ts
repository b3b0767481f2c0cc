/**
 * Chapter 3 — Methods: Phase 0 designs, microdose-alone CL/F, the IV microtracer, LC-MS/MS
 * vs AMS, and Poisson counting precision.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-3.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { math, type Unit } from "../src";
import { notAttempted } from "../src/workbook/not-attempted";

// BEGIN SOLUTION ex-3.1
// CL/F = Dose / AUC; mathjs keeps the units honest.
export const ex3_1_apparentClearanceLPerH: number | Unit = math.divide(
  math.unit("75 ug"),
  math.unit("2.4 ng h / mL"),
) as Unit;
// END SOLUTION

// BEGIN SOLUTION ex-3.2
export function aucLinearUpLogDown(time: number[], conc: number[]): number {
  let auc = 0;
  for (let i = 1; i < time.length; i++) {
    const c1 = conc[i - 1];
    const c2 = conc[i];
    const dt = time[i] - time[i - 1];
    // log trapezoid only on a falling segment between two positive concentrations
    auc += c2 < c1 && c2 > 0 ? ((c1 - c2) * dt) / Math.log(c1 / c2) : ((c1 + c2) / 2) * dt;
  }
  return auc;
}
// END SOLUTION

// BEGIN SOLUTION ex-3.3
// F = (AUC_po / D_po) / (AUC_iv / D_iv), both doses in µg.
export const ex3_3_bioavailability: number = 1350 / (50 * 1000) / (4.8 / 100);
// END SOLUTION

// BEGIN SOLUTION ex-3.4
export function systemicClearanceLPerH(doseIvUg: number, aucIvPgHPerMl: number): number {
  // µg / (pg·h/mL) = 1e-6 g / (1e-12 g·h/mL) = 1e6 mL/h = 1000 L/h
  return (doseIvUg / aucIvPgHPerMl) * 1000;
}
// END SOLUTION

// BEGIN SOLUTION ex-3.5
// RSD = 1/√N ≤ 0.03  ⇔  N ≥ 1/0.03² = 1111.1…, so 1112 counts.
export const ex3_5_countsFor3Percent: number = Math.ceil(1 / (0.03 * 0.03) - 1e-9);
// END SOLUTION

// BEGIN SOLUTION ex-3.6
// mass → moles → molecules → labelled molecules
const ex3_6_molecules = ((0.5e-12 * 1) / 350) * 6.02214076e23;
export const ex3_6_c14Atoms: number = ex3_6_molecules * 2e-5;
// END SOLUTION

// BEGIN SOLUTION ex-3.7
// C0 = 100 µg / 150 L = 666.7 pg/mL; C(t) = C0·e^(−kt) = LLOQ ⇒ t = ln(C0/LLOQ)/k.
const ex3_7_c0PgPerMl = 100e6 / 150e3;
export const ex3_7_lcmsQuantifiableHours: number | Unit = Math.log(ex3_7_c0PgPerMl / 5) / (Math.LN2 / 6);
// END SOLUTION

// BEGIN SOLUTION ex-3.8
// Each halving of the LLOQ buys one half-life: Δt = t½ · log2(5 / 0.02), whatever the dose.
export const ex3_8_extraHoursWithAms: number | Unit = 6 * Math.log2(5 / 0.02);
// END SOLUTION
