/**
 * Chapter 4 — Strategy and ethics: dose projection, exploratory IND / ICH M3(R2), radiation
 * and a small risk–benefit model.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-4.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { math, toMassConcentration, unit, type Unit } from "../src";
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
  // ρ = Cu/(Cu + Kd)  ⇒  Cu = Kd·ρ/(1 − ρ); total = Cu / fu, a mass concentration through the MW
  const unbound = unit((p.kdNm * p.targetOccupancy) / (1 - p.targetOccupancy), "nM");
  const total = toMassConcentration(math.divide(unbound, p.fu), unit(p.molecularWeight, "g/mol"));
  // C_min = (F·D/V)·e^(−kτ)/(1 − e^(−kτ))  ⇒  D = C_min·V·(e^(kτ) − 1)/F
  const k = Math.LN2 / p.halfLifeH;
  const troughAmountMg = math.multiply(total, unit(p.volumeL, "L")).toNumber("mg");
  return (troughAmountMg * (Math.exp(k * p.tauH) - 1)) / p.bioavailability;
}
// END SOLUTION

// BEGIN SOLUTION ex-4.2
// As ex-4.1: the total trough Cu/fu made a mass concentration by the MW, times V, then D = C_min·V·(e^(kτ) − 1)/F.
const ex4_2_unboundNm = (2 * 0.9) / (1 - 0.9);
const ex4_2_trough = toMassConcentration(unit(ex4_2_unboundNm / 0.05, "nM"), "380 g/mol");
const ex4_2_troughAmount = math.multiply(ex4_2_trough, unit("120 L"));
export const ex4_2_dailyDoseMg: number | Unit = math
  .divide(ex4_2_troughAmount, 0.6 / (Math.exp((Math.LN2 / 10) * 24) - 1))
  .to("mg");
// END SOLUTION

// BEGIN SOLUTION ex-4.3
export function approach1Allowed(dosesUg: number[], noaelMg: number, activeDoseMg: number): boolean {
  const totalUg = dosesUg.reduce((sum, d) => sum + d, 0);
  const total = unit(totalUg, "ug");
  // the three limits are masses; mathjs compares µg with mg
  const limits = [unit("100 ug"), math.divide(unit(noaelMg, "mg"), 100), math.divide(unit(activeDoseMg, "mg"), 100)];
  return limits.every((limit) => math.smallerEq(total, limit) === true);
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
  // each dose within the three mass limits, the total within 500 µg; mathjs compares µg with mg
  const limits = [unit("100 ug"), math.divide(unit(noaelMg, "mg"), 100), math.divide(unit(activeDoseMg, "mg"), 100)];
  const within = (doseUg: number, limit: Unit) => math.smallerEq(unit(doseUg, "ug"), limit) === true;
  const eachOk = dosesUg.every((d) => limits.every((limit) => within(d, limit)));
  const totalUg = dosesUg.reduce((sum, d) => sum + d, 0);
  const totalOk = within(totalUg, unit("500 ug"));
  const washoutOk = intervalsH.every((h) => h >= 6 * halfLifeH);
  return dosesUg.length <= 5 && totalOk && eachOk && washoutOk;
}
// END SOLUTION

// BEGIN SOLUTION ex-4.5
// activity × dose coefficient: mathjs turns nCi × Sv/Bq into a dose.
export const ex4_5_effectiveDoseUSv: number | Unit = math.multiply(unit("40 nCi"), unit("5.8e-10 Sv/Bq")).to("uSv");
// END SOLUTION

// BEGIN SOLUTION ex-4.6
// N = A / λ with A in Bq (1/s) and λ = ln2 / t½ in 1/s (a mathjs year is 365.25 days).
const ex4_6_lambdaPerS = Math.LN2 / unit("5730 years").toNumber("s");
export const ex4_6_c14Atoms: number = unit("40 nCi").toNumber("Bq") / ex4_6_lambdaPerS;
// END SOLUTION

// BEGIN SOLUTION ex-4.7
const ex4_7_avoided = 0.35 * 64 * 0.004;
const ex4_7_caused = 12 * 2e-5;
export const ex4_7_benefitRiskRatio: number = ex4_7_avoided / ex4_7_caused;
// END SOLUTION
