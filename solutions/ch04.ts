/**
 * Chapter 4 — Strategy and ethics: dose projection, exploratory IND / ICH M3(R2), radiation
 * and a small risk–benefit model.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-4.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { inUnits, math, toMassConcentration, unit, type Series, type Unit } from "../src";
import { variant } from "../src/workbook/catalog/data";
import { notAttempted } from "../src/workbook/not-attempted";

// BEGIN SOLUTION ex-4.1
export function dailyDoseForTroughOccupancy(p: {
  kd: Unit;
  targetOccupancy: number;
  halfLife: Unit;
  bioavailability: number;
  volume: Unit;
  fu: number;
  molecularWeight: Unit;
  tau: Unit;
}): Unit {
  // ρ = Cu/(Cu + Kd)  ⇒  Cu = Kd·ρ/(1 − ρ); total = Cu / fu, a mass concentration through the MW
  const unbound = math.multiply(p.kd, p.targetOccupancy / (1 - p.targetOccupancy)) as Unit;
  const total = toMassConcentration(math.divide(unbound, p.fu) as Unit, p.molecularWeight);
  // C_min = (F·D/V)·e^(−kτ)/(1 − e^(−kτ))  ⇒  D = C_min·V·(e^(kτ) − 1)/F
  const kTau = Math.LN2 * (math.divide(p.tau, p.halfLife) as number); // τ/t½: a plain number, whatever the time units
  const troughAmount = math.multiply(total, p.volume) as Unit;
  return (math.multiply(troughAmount, (Math.exp(kTau) - 1) / p.bioavailability) as Unit).to("mg");
}
// END SOLUTION

// BEGIN SOLUTION ex-4.2
// As ex-4.1: the total trough Cu/fu made a mass concentration by the MW, times V, then D = C_min·V·(e^(kτ) − 1)/F.
const ex4_2 = variant("ex-4.2");
const ex4_2_unboundNm = (ex4_2.kdNm * 0.9) / (1 - 0.9);
const ex4_2_trough = toMassConcentration(unit(ex4_2_unboundNm / 0.05, "nM"), unit(ex4_2.molecularWeight, "g/mol"));
const ex4_2_troughAmount = math.multiply(ex4_2_trough, unit(ex4_2.volumeL, "L"));
export const ex4_2_dailyDoseMg: number | Unit = math
  .divide(ex4_2_troughAmount, 0.6 / (Math.exp((Math.LN2 / ex4_2.halfLifeH) * 24) - 1))
  .to("mg");
// END SOLUTION

// BEGIN SOLUTION ex-4.3
export function approach1Allowed(doses: Series, noael: Unit, activeDose: Unit): boolean {
  // the series' values share its unit: sum them, then give the sum that unit back
  const total = unit(
    doses.values.reduce((sum, d) => sum + d, 0),
    doses.unit,
  );
  // the three limits are masses; mathjs compares µg with mg
  const limits = [unit("100 ug"), math.divide(noael, 100) as Unit, math.divide(activeDose, 100) as Unit];
  return limits.every((limit) => math.smallerEq(total, limit) === true);
}
// END SOLUTION

// BEGIN SOLUTION ex-4.4
export function approach2Allowed(
  doses: Series,
  intervals: Series,
  halfLife: Unit,
  noael: Unit,
  activeDose: Unit,
): boolean {
  // read every mass in µg and every time in h once, then compare plain numbers
  const dosesUg = inUnits(doses, "ug");
  const limitsUg = [100, noael.toNumber("ug") / 100, activeDose.toNumber("ug") / 100];
  const eachOk = dosesUg.every((d) => limitsUg.every((limit) => d <= limit));
  const totalOk = dosesUg.reduce((sum, d) => sum + d, 0) <= 500;
  const washoutOk = inUnits(intervals, "h").every((h) => h >= 6 * halfLife.toNumber("h"));
  return dosesUg.length <= 5 && totalOk && eachOk && washoutOk;
}
// END SOLUTION

// BEGIN SOLUTION ex-4.5
// activity × dose coefficient: mathjs turns nCi × Sv/Bq into a dose.
export const ex4_5_effectiveDoseUSv: number | Unit = math
  .multiply(unit(variant("ex-4.5").activityNci, "nCi"), unit("5.8e-10 Sv/Bq"))
  .to("uSv");
// END SOLUTION

// BEGIN SOLUTION ex-4.6
// N = A / λ with A in Bq (1/s) and λ = ln2 / t½ in 1/s (a mathjs year is 365.25 days).
const ex4_6_lambdaPerS = Math.LN2 / unit("5730 years").toNumber("s");
export const ex4_6_c14Atoms: number = unit(variant("ex-4.6").activityNci, "nCi").toNumber("Bq") / ex4_6_lambdaPerS;
// END SOLUTION

// BEGIN SOLUTION ex-4.7
const ex4_7 = variant("ex-4.7");
const ex4_7_avoided = ex4_7.failProbability * ex4_7.phase1Volunteers * 0.004;
const ex4_7_caused = ex4_7.volunteers * 2e-5;
export const ex4_7_benefitRiskRatio: number = ex4_7_avoided / ex4_7_caused;
// END SOLUTION
