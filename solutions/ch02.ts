/**
 * Chapter 2 — Principles: the regulatory microdose, occupancy, linearity, saturable and
 * time-dependent pharmacokinetics.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-2.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { math, toMolarConcentration, unit, type Unit } from "../src";
import { variant } from "../src/workbook/catalog/data";
import { notAttempted } from "../src/workbook/not-attempted";

// BEGIN SOLUTION ex-2.1
// min(D_min / 100, 100 µg): mathjs compares mg with µg.
const ex2_1 = variant("ex-2.1");
export const ex2_1_maxMicrodoseUg: number | Unit = math
  .min(math.divide(unit(ex2_1.dMinMg, "mg"), 100), unit("100 ug"))
  .to("ug");
// END SOLUTION

// BEGIN SOLUTION ex-2.2
// The limit is on the administered dose; F plays no part.
export const ex2_2_maxOralMicrodoseUg: number | Unit = math
  .min(math.divide(unit(variant("ex-2.2").dMinMg, "mg"), 100), unit("100 ug"))
  .to("ug");
// END SOLUTION

// BEGIN SOLUTION ex-2.3
export function microdoseLimit(minActiveDose: Unit, molecularWeight: Unit | null): Unit {
  const hundredth = math.divide(minActiveDose, 100) as Unit;
  // a protein's cap of 30 nmol becomes a mass through its molecular weight (nmol × g/mol = ng)
  const cap = molecularWeight === null ? unit("100 ug") : (math.multiply(unit("30 nmol"), molecularWeight) as Unit);
  // mathjs compares masses in any units; .to("ug") only chooses how the result prints
  return math.min(hundredth, cap.to("ug")).to("ug");
}
// END SOLUTION

// BEGIN SOLUTION ex-2.4
// ρ = C_u / (C_u + K_d) with the UNBOUND concentration.
const ex2_4 = variant("ex-2.4");
const ex2_4_unboundNm = 0.08 * ex2_4.totalNm;
export const ex2_4_peakOccupancy: number = ex2_4_unboundNm / (ex2_4_unboundNm + ex2_4.kdNm);
// END SOLUTION

// BEGIN SOLUTION ex-2.5
// 0.12 ng/mL → nM through the molecular weight (the units module converts), then unbound, then occupancy.
const ex2_5 = variant("ex-2.5");
const ex2_5_unboundNm = 0.1 * toMolarConcentration(unit(ex2_5.totalNgPerMl, "ng/mL"), "450 g/mol").toNumber("nM");
export const ex2_5_microdoseOccupancyPercent: number = (100 * ex2_5_unboundNm) / (ex2_5_unboundNm + ex2_5.kdNm);
// END SOLUTION

// BEGIN SOLUTION ex-2.6
export function michaelisMentenAuc(dose: Unit, volume: Unit, vmax: Unit, km: Unit): Unit {
  // dt = −(Km + C) / (Vmax C) dC, so AUC = ∫0^C0 C (Km + C)/(Vmax C) dC = (Km C0 + C0²/2) / Vmax.
  const c0 = math.divide(dose, volume) as Unit;
  const kmC0 = math.multiply(km, c0) as Unit;
  const halfC0Squared = math.divide(math.multiply(c0, c0), 2) as Unit;
  // mathjs adds mg²/L² to (µg/mL)·(mg/L) and checks that the result is an exposure
  return (math.divide(math.add(kmC0, halfC0Squared), vmax) as Unit).to("mg h / L");
}
// END SOLUTION

// BEGIN SOLUTION ex-2.7
// The true AUC at 120 mg from the closed form (see ex-2.6), not the microdose AUC × 1200.
const ex2_7 = variant("ex-2.7");
const ex2_7_c0 = ex2_7.doseMg / ex2_7.volumeL;
export const ex2_7_therapeuticAucMgHPerL: number | Unit = (0.8 * ex2_7_c0 + (ex2_7_c0 * ex2_7_c0) / 2) / 0.45;
// END SOLUTION

// BEGIN SOLUTION ex-2.8
// C(t) = C0 · exp(−(1/V)·∫0^t CL(s) ds), ∫0^t CL = CLss·t + (CL0 − CLss)(1 − e^(−βt))/β.
// AUC by composite Simpson over 40 terminal time constants, plus the (negligible) tail.
function ex2_8_auc(doseMg: number, v: number, cl0: number, clss: number, beta: number): number {
  const conc = (t: number) =>
    (doseMg / v) * Math.exp(-(clss * t + ((cl0 - clss) * (1 - Math.exp(-beta * t))) / beta) / v);
  const end = 40 * Math.max(v / clss, 1 / beta);
  const n = 20000;
  const h = end / n;
  let sum = conc(0) + conc(end);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * conc(i * h);
  return (sum * h) / 3 + (conc(end) * v) / clss;
}
const ex2_8 = variant("ex-2.8");
export const ex2_8_aucRatio: number = ex2_8_auc(50, ex2_8.volumeL, 16, 6, ex2_8.beta) / (50 / 16);
// END SOLUTION
