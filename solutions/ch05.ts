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

// BEGIN SOLUTION ex-5.1
function ex5_1_auc(time: readonly number[], conc: readonly number[]): number {
  let auc = 0;
  for (let i = 1; i < time.length; i++) {
    const [c1, c2, dt] = [conc[i - 1], conc[i], time[i] - time[i - 1]];
    auc += c2 < c1 && c2 > 0 ? ((c1 - c2) * dt) / Math.log(c1 / c2) : ((c1 + c2) / 2) * dt;
  }
  return auc;
}
// Dose-normalised AUCs as quantities: mathjs cancels (ng·h/mL per mg) against (pg·h/mL per µg).
const ex5_1_aucOral = unit(ex5_1_auc(ex5_1_data.time, ex5_1_data.oralConcNgPerMl), "ng h/mL");
const ex5_1_aucIv = unit(ex5_1_auc(ex5_1_data.time, ex5_1_data.ivConcPgPerMl), "pg h/mL");
const ex5_1_oral = math.divide(ex5_1_aucOral, unit(ex5_1_data.doseOralMg, "mg"));
const ex5_1_iv = math.divide(ex5_1_aucIv, unit(ex5_1_data.doseIvUg, "ug"));
export const ex5_1_bioavailability: number = math.divide(ex5_1_oral, ex5_1_iv) as number;
// END SOLUTION

// BEGIN SOLUTION ex-5.2
const ex5_2 = variant("ex-5.2");
export const ex5_2_occupancyPercent: number = 100 * (1 - ex5_2.bpDrug / ex5_2.bpBaseline);
// END SOLUTION

// BEGIN SOLUTION ex-5.3
export function fitKd(conc: Series, occupancy: number[]): Unit {
  // fit in the series' own unit: Kd then comes out in that unit too
  const x = conc.values;
  const sse = (logKd: number) => {
    const kd = Math.exp(logKd);
    return x.reduce((s, c, i) => s + (occupancy[i] - c / (c + kd)) ** 2, 0);
  };
  // coarse grid over log Kd, then golden-section search around the best grid point
  const lo = Math.log(Math.min(...x)) - 7;
  const hi = Math.log(Math.max(...x)) + 7;
  const steps = 400;
  let best = 0;
  for (let i = 1; i <= steps; i++)
    if (sse(lo + ((hi - lo) * i) / steps) < sse(lo + ((hi - lo) * best) / steps)) best = i;
  let a = lo + ((hi - lo) * Math.max(0, best - 1)) / steps;
  let b = lo + ((hi - lo) * Math.min(steps, best + 1)) / steps;
  const g = (Math.sqrt(5) - 1) / 2;
  while (b - a > 1e-10) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (sse(c) < sse(d)) b = d;
    else a = c;
  }
  return unit(Math.exp((a + b) / 2), conc.unit);
}
// END SOLUTION

// BEGIN SOLUTION ex-5.4
// A ratio of two AUCs as quantities: mathjs cancels pg·h/mL against ng·h/mL.
export const ex5_4_aucRatio: number = math.divide(
  unit("14200 pg h/mL"),
  unit(variant("ex-5.4").aucAloneNgHPerMl, "ng h/mL"),
) as number;
// END SOLUTION

// BEGIN SOLUTION ex-5.5
export function aucRatioStaticModel(fm: number, inhibitorConc: Unit, ki: Unit): number {
  // [I]/Ki: mathjs divides nM by µM into a plain number
  const iOverKi = math.divide(inhibitorConc, ki) as number;
  return 1 / (fm / (1 + iOverKi) + (1 - fm));
}
// END SOLUTION

// BEGIN SOLUTION ex-5.6
// dpm and kBq are both activities: mathjs converts, and the ratio is a plain number.
const ex5_6 = variant("ex-5.6");
const ex5_6_recovered = math.add(unit(ex5_6.urineDpm, "dpm"), unit(ex5_6.faecesDpm, "dpm"));
export const ex5_6_recoveryPercent: number = 100 * (math.divide(ex5_6_recovered, unit("3.7 kBq")) as number);
// END SOLUTION

// BEGIN SOLUTION ex-5.7
// ng of M1 → ng-equivalents of parent: × MW_parent / MW_M1 (one molecule for one molecule).
const ex5_7 = variant("ex-5.7");
export const ex5_7_m1PercentOfRadioactivity: number =
  (100 * (ex5_7.m1AucNgHPerMl * (426 / 482))) / ex5_7.totalAucNgEqHPerMl;
// END SOLUTION

// BEGIN SOLUTION ex-5.8
export function geometricMeanFoldError(predicted: Series, observed: Series): number {
  // read the predictions in the observations' unit, so each ratio is a plain number
  const p = inUnits(predicted, observed.unit);
  const logs = p.map((pi, i) => Math.abs(Math.log10(pi / observed.values[i])));
  return 10 ** (logs.reduce((s, x) => s + x, 0) / logs.length);
}
// END SOLUTION

// BEGIN SOLUTION ex-5.9
export function acceptanceValue(contentsPercent: number[]): number {
  const n = contentsPercent.length;
  if (n !== 10 && n !== 30) throw new RangeError(`acceptanceValue: n must be 10 or 30; received ${n}`);
  const mean = contentsPercent.reduce((s, x) => s + x, 0) / n;
  const s = Math.sqrt(contentsPercent.reduce((t, x) => t + (x - mean) ** 2, 0) / (n - 1));
  const reference = Math.min(101.5, Math.max(98.5, mean));
  return Math.abs(reference - mean) + (n === 10 ? 2.4 : 2.0) * s;
}
// END SOLUTION

// BEGIN SOLUTION ex-5.10
// ng → % of the 2.0 µg label claim (mathjs cancels ng against µg), then the AV of ex-5.9 (2.4 for n = 10).
const ex5_10_percent = ex5_10_contentsNg.map((ng) => 100 * (math.divide(unit(ng, "ng"), unit("2.0 ug")) as number));
const ex5_10_mean = ex5_10_percent.reduce((s, x) => s + x, 0) / ex5_10_percent.length;
const ex5_10_sd = Math.sqrt(
  ex5_10_percent.reduce((t, x) => t + (x - ex5_10_mean) ** 2, 0) / (ex5_10_percent.length - 1),
);
export const ex5_10_acceptanceValue: number =
  Math.abs(Math.min(101.5, Math.max(98.5, ex5_10_mean)) - ex5_10_mean) + 2.4 * ex5_10_sd;
// END SOLUTION

// BEGIN SOLUTION ex-5.11
// V1 = D/(A + B): µg over pg/mL is a volume, read in L; the rate constants are all in 1/h.
const ex5_11_p = variant("ex-5.11");
const ex5_11 = { a: ex5_11_p.aPgPerMl, alpha: ex5_11_p.alpha, b: ex5_11_p.bPgPerMl, beta: ex5_11_p.beta };
const ex5_11_v1 = (math.divide(unit("100 ug"), unit(ex5_11.a + ex5_11.b, "pg/mL")) as Unit).toNumber("L");
const ex5_11_k21 = (ex5_11.a * ex5_11.beta + ex5_11.b * ex5_11.alpha) / (ex5_11.a + ex5_11.b);
const ex5_11_k10 = (ex5_11.alpha * ex5_11.beta) / ex5_11_k21;
const ex5_11_k12 = ex5_11.alpha + ex5_11.beta - ex5_11_k21 - ex5_11_k10;
export const ex5_11_vssLitres: number = ex5_11_v1 * (1 + ex5_11_k12 / ex5_11_k21);
// END SOLUTION
