/**
 * Chapter 4 — Strategy and ethics: dose projection, exploratory IND / ICH M3(R2), radiation
 * and a small risk–benefit model.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-4.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { math, type Unit } from "../src";
import { notAttempted } from "../src/workbook/not-attempted";

// BEGIN SOLUTION ex-4.1
export function dailyDoseForTroughOccupancyMg(p: {
  kdNm: number;
  targetOccupancy: number;
  halfLifeH: number;
  bioavailability: number;
  volumeL: number;
  fu: number;
  molecularWeight: number;
  tauH: number;
}): number {
  // ρ = Cu/(Cu + Kd)  ⇒  Cu = Kd·ρ/(1 − ρ); total = Cu / fu
  const unboundNm = (p.kdNm * p.targetOccupancy) / (1 - p.targetOccupancy);
  const totalMgPerL = (unboundNm / p.fu) * p.molecularWeight * 1e-6; // nM × g/mol = ng/L = 1e-6 mg/L
  // C_min = (F·D/V)·e^(−kτ)/(1 − e^(−kτ))  ⇒  D = C_min·V·(e^(kτ) − 1)/F
  const k = Math.LN2 / p.halfLifeH;
  return (totalMgPerL * p.volumeL * (Math.exp(k * p.tauH) - 1)) / p.bioavailability;
}
// END SOLUTION

// BEGIN SOLUTION ex-4.2
const ex4_2_unboundNm = (2 * 0.9) / (1 - 0.9);
const ex4_2_troughMgPerL = (ex4_2_unboundNm / 0.05) * 380 * 1e-6;
export const ex4_2_dailyDoseMg: number | Unit = (ex4_2_troughMgPerL * 120 * (Math.exp((Math.LN2 / 10) * 24) - 1)) / 0.6;
// END SOLUTION

// BEGIN SOLUTION ex-4.3
export function approach1Allowed(dosesUg: number[], noaelMg: number, activeDoseMg: number): boolean {
  const total = dosesUg.reduce((sum, d) => sum + d, 0);
  // 1/100 of a dose in mg, in µg: mg × 1000 / 100 = mg × 10
  return total <= 100 && total <= noaelMg * 10 && total <= activeDoseMg * 10;
}
// END SOLUTION

// BEGIN SOLUTION ex-4.4
export function approach2Allowed(
  dosesUg: number[],
  intervalsH: number[],
  halfLifeH: number,
  noaelMg: number,
  activeDoseMg: number,
): boolean {
  const total = dosesUg.reduce((sum, d) => sum + d, 0);
  const eachOk = dosesUg.every((d) => d <= 100 && d <= noaelMg * 10 && d <= activeDoseMg * 10);
  const washoutOk = intervalsH.every((h) => h >= 6 * halfLifeH);
  return dosesUg.length <= 5 && total <= 500 && eachOk && washoutOk;
}
// END SOLUTION

// BEGIN SOLUTION ex-4.5
const ex4_5_activity = math.unit(40, "nCi");
export const ex4_5_effectiveDoseUSv: number | Unit = math.unit(ex4_5_activity.toNumber("Bq") * 5.8e-10, "Sv").to("uSv");
// END SOLUTION

// BEGIN SOLUTION ex-4.6
// N = A / λ with A in Bq (1/s) and λ = ln2 / t½ in 1/s.
const ex4_6_lambdaPerS = Math.LN2 / (5730 * 365.25 * 86400);
export const ex4_6_c14Atoms: number = (40e-9 * 3.7e10) / ex4_6_lambdaPerS;
// END SOLUTION

// BEGIN SOLUTION ex-4.7
const ex4_7_avoided = 0.35 * 64 * 0.004;
const ex4_7_caused = 12 * 2e-5;
export const ex4_7_benefitRiskRatio: number = ex4_7_avoided / ex4_7_caused;
// END SOLUTION
