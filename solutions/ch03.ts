/**
 * Chapter 3 — Methods: Phase 0 designs, microdose-alone CL/F, the IV microtracer, LC-MS/MS
 * vs AMS, and Poisson counting precision.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-3.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { massToAmount, math, unit, type Series, type Unit } from "../src";
import { variant } from "../src/workbook/catalog/data";
import { notAttempted } from "../src/workbook/not-attempted";

// BEGIN SOLUTION ex-3.1
// CL/F = Dose / AUC; mathjs keeps the units honest.
export const ex3_1_apparentClearanceLPerH: number | Unit = math.divide(
  math.unit(variant("ex-3.1").doseUg, "ug"),
  math.unit(variant("ex-3.1").aucNgHPerMl, "ng h / mL"),
) as Unit;
// END SOLUTION

// BEGIN SOLUTION ex-3.2
export function aucLinearUpLogDown(time: Series, conc: Series): Unit {
  // Sum in the series' own units (every value of a series shares its unit) ...
  const t = time.values;
  const c = conc.values;
  let auc = 0;
  for (let i = 1; i < t.length; i++) {
    const dt = t[i] - t[i - 1];
    // log trapezoid only on a falling segment between two positive concentrations
    auc +=
      c[i] < c[i - 1] && c[i] > 0 ? ((c[i - 1] - c[i]) * dt) / Math.log(c[i - 1] / c[i]) : ((c[i - 1] + c[i]) / 2) * dt;
  }
  // ... then attach them: the area is in concentration unit × time unit, whatever they are.
  return math.multiply(unit(auc, conc.unit), unit(1, time.unit)) as Unit;
}
// END SOLUTION

// BEGIN SOLUTION ex-3.3
// F = (AUC_po / D_po) / (AUC_iv / D_iv), as quantities: mathjs cancels the mg against the µg.
const ex3_3 = variant("ex-3.3");
const ex3_3_po = math.divide(unit(ex3_3.aucPoNgHPerMl, "ng h/mL"), unit("50 mg"));
const ex3_3_iv = math.divide(unit(ex3_3.aucIvNgHPerMl, "ng h/mL"), unit("100 ug"));
export const ex3_3_bioavailability: number = math.divide(ex3_3_po, ex3_3_iv) as number;
// END SOLUTION

// BEGIN SOLUTION ex-3.4
export function systemicClearanceFromIv(doseIv: Unit, aucIv: Unit): Unit {
  // µg over pg·h/mL is a volume per time: mathjs works out the units, .to() picks the familiar one
  return (math.divide(doseIv, aucIv) as Unit).to("L/h");
}
// END SOLUTION

// BEGIN SOLUTION ex-3.5
// RSD = 1/√N ≤ p  ⇔  N ≥ 1/p², rounded up (3 %: 1/0.03² = 1111.1…, so 1112 counts).
const ex3_5_rsd = variant("ex-3.5").rsdPercent / 100;
export const ex3_5_countsFor3Percent: number = Math.ceil(1 / (ex3_5_rsd * ex3_5_rsd) - 1e-9);
// END SOLUTION

// BEGIN SOLUTION ex-3.6
// mass (C × V) → moles → molecules → labelled molecules
const ex3_6 = variant("ex-3.6");
const ex3_6_mol = massToAmount(
  math.multiply(unit(ex3_6.concPgPerMl, "pg/mL"), unit("1 mL")),
  unit(ex3_6.molecularWeight, "g/mol"),
).toNumber("mol");
const ex3_6_molecules = ex3_6_mol * 6.02214076e23;
export const ex3_6_c14Atoms: number = ex3_6_molecules * 2e-5;
// END SOLUTION

// BEGIN SOLUTION ex-3.7
// C0 = 100 µg / 150 L; C(t) = C0·e^(−kt) = LLOQ ⇒ t = ln(C0/LLOQ)/k, and C0/LLOQ is a plain number.
const ex3_7 = variant("ex-3.7");
const ex3_7_c0OverLloq = math.divide(math.divide(unit("100 ug"), unit(ex3_7.volumeL, "L")), unit("5 pg/mL")) as number;
export const ex3_7_lcmsQuantifiableHours: number | Unit = unit(
  Math.log(ex3_7_c0OverLloq) / (Math.LN2 / ex3_7.halfLifeH),
  "h",
);
// END SOLUTION

// BEGIN SOLUTION ex-3.8
// Each halving of the LLOQ buys one half-life: Δt = t½ · log2(5 / 0.02), whatever the dose.
export const ex3_8_extraHoursWithAms: number | Unit = variant("ex-3.8").halfLifeH * Math.log2(5 / 0.02);
// END SOLUTION
