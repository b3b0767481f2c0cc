/**
 * Chapter 6 — Hands-on practice: problems that join the chapters, and the pitfalls the text
 * warns about.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-6.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { amountToMass, math, toMolarConcentration, unit, type Series, type Unit } from "../src";
import { variant } from "../src/workbook/catalog/data";
import { notAttempted } from "../src/workbook/not-attempted";

// BEGIN SOLUTION ex-6.1
export function apparentOralClearance(dose: Unit, time: Series, conc: Series): Unit {
  // the areas in the series' own units (concentration unit × time unit) ...
  const [tt, cc] = [time.values, conc.values];
  let aucLast = 0;
  for (let i = 1; i < tt.length; i++) {
    const [c1, c2, dt] = [cc[i - 1], cc[i], tt[i] - tt[i - 1]];
    aucLast += c2 < c1 && c2 > 0 ? ((c1 - c2) * dt) / Math.log(c1 / c2) : ((c1 + c2) / 2) * dt;
  }
  // λz: OLS slope of ln C on t over the last 3 points (per time unit of the series)
  const t = tt.slice(-3);
  const y = cc.slice(-3).map(Math.log);
  const tMean = t.reduce((s, v) => s + v, 0) / 3;
  const yMean = y.reduce((s, v) => s + v, 0) / 3;
  const slope =
    t.reduce((s, v, i) => s + (v - tMean) * (y[i] - yMean), 0) / t.reduce((s, v) => s + (v - tMean) ** 2, 0);
  const aucInf = aucLast + cc[cc.length - 1] / -slope;
  // ... then as a quantity: µg over pg·h/mL is a volume per time, and mathjs converts it to L/h
  const auc = math.multiply(unit(aucInf, conc.unit), unit(1, time.unit)) as Unit;
  return (math.divide(dose, auc) as Unit).to("L/h");
}
// END SOLUTION

// BEGIN SOLUTION ex-6.2
export function terminalHalfLife(time: Series, conc: Series, points: number): Unit {
  // ln C does not depend on the concentration unit; the slope is per time unit of the series
  const t = time.values.slice(-points);
  const y = conc.values.slice(-points).map(Math.log);
  const tMean = t.reduce((s, v) => s + v, 0) / points;
  const yMean = y.reduce((s, v) => s + v, 0) / points;
  const slope =
    t.reduce((s, v, i) => s + (v - tMean) * (y[i] - yMean), 0) / t.reduce((s, v) => s + (v - tMean) ** 2, 0);
  return unit(Math.LN2 / -slope, time.unit);
}
// END SOLUTION

// BEGIN SOLUTION ex-6.3
// min(50 mg / 100, 30 nmol × 148 000 g/mol): two masses, compared by mathjs.
const ex6_3_cap = math.multiply(unit("30 nmol"), unit("148000 g/mol"));
export const ex6_3_maxMicrodoseUg: number | Unit = math
  .min(math.divide(unit(variant("ex-6.3").activeDoseMg, "mg"), 100), ex6_3_cap)
  .to("ug");
// END SOLUTION

// BEGIN SOLUTION ex-6.4
// (Km + C0/2) / (Km + C0m/2) = 2  ⇒  C0 = 2·Km + 2·C0m  ⇒  D = 2·Km·V + 2·Dm
export const ex6_4_doseMg: number | Unit = math
  .add(math.multiply(unit(2 * 0.8, "mg/L"), unit(variant("ex-6.4").volumeL, "L")), unit(2 * 100, "ug"))
  .to("mg");
// END SOLUTION

// BEGIN SOLUTION ex-6.5
export function aucTimeDependentClearance(dose: Unit, volume: Unit, cl0: Unit, clss: Unit, beta: Unit): Unit {
  // A numerical integral needs plain numbers: read every quantity once, in one consistent set of units.
  const doseMg = dose.toNumber("mg");
  const volumeL = volume.toNumber("L");
  const cl0LPerH = cl0.toNumber("L/h");
  const clssLPerH = clss.toNumber("L/h");
  const betaPerH = beta.toNumber("h^-1");
  const conc = (t: number) =>
    (doseMg / volumeL) *
    Math.exp(-(clssLPerH * t + ((cl0LPerH - clssLPerH) * (1 - Math.exp(-betaPerH * t))) / betaPerH) / volumeL);
  // composite Simpson over 40 slowest time constants; the tail after that is e^-40-small
  const end = 40 * Math.max(volumeL / Math.min(cl0LPerH, clssLPerH), 1 / betaPerH);
  const n = 40000;
  const h = end / n;
  let sum = conc(0) + conc(end);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * conc(i * h);
  return unit((sum * h) / 3, "mg h / L"); // mg/L × h
}
// END SOLUTION

// BEGIN SOLUTION ex-6.6
function ex6_6_auc(doseMg: number, v: number, cl0: number, clss: number, beta: number): number {
  const conc = (t: number) =>
    (doseMg / v) * Math.exp(-(clss * t + ((cl0 - clss) * (1 - Math.exp(-beta * t))) / beta) / v);
  const end = 40 * Math.max(v / Math.min(cl0, clss), 1 / beta);
  const n = 40000;
  const h = end / n;
  let sum = conc(0) + conc(end);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * conc(i * h);
  return (sum * h) / 3;
}
const ex6_6 = variant("ex-6.6");
export const ex6_6_aucRatio: number = ex6_6_auc(200, ex6_6.volumeL, 5, 12, ex6_6.beta) / (200 / 5);
// END SOLUTION

// BEGIN SOLUTION ex-6.7
export function netCountRelativeSd(grossCounts: number, backgroundCounts: number): number {
  // Var(G − B) = Var(G) + Var(B) = G + B for independent Poisson counts
  return Math.sqrt(grossCounts + backgroundCounts) / (grossCounts - backgroundCounts);
}
// END SOLUTION

// BEGIN SOLUTION ex-6.8
// Var(gross − blank) = gross + blank for independent Poisson counts
const ex6_8 = variant("ex-6.8");
export const ex6_8_netRsdPercent: number =
  (100 * Math.sqrt(ex6_8.grossCounts + ex6_8.blankCounts)) / (ex6_8.grossCounts - ex6_8.blankCounts);
// END SOLUTION

// BEGIN SOLUTION ex-6.9
export function lowestQuantifiableByAms(
  targetRsd: number,
  sampleVolume: Unit,
  molecularWeight: Unit,
  labelFraction: number,
  countingEfficiency: number,
): Unit {
  const counts = 1 / (targetRsd * targetRsd);
  const molecules = counts / countingEfficiency / labelFraction;
  // molecules → mol → mass through the MW; mass per sample volume, shown in pg/mL
  const mass = amountToMass(unit(molecules / 6.02214076e23, "mol"), molecularWeight);
  return (math.divide(mass, sampleVolume) as Unit).to("pg/mL");
}
// END SOLUTION

// BEGIN SOLUTION ex-6.10
// Linear PK: Cmax per unit dose is constant, so Cmax = 38 pg/mL ÷ 100 µg × 120 mg; then nM with the MW.
const ex6_10 = variant("ex-6.10");
const ex6_10_cmax = math.multiply(
  math.divide(unit(ex6_10.cmaxPgPerMl, "pg/mL"), unit("100 ug")) as Unit,
  unit(ex6_10.doseMg, "mg"),
);
export const ex6_10_therapeuticCmaxNm: number | Unit = toMolarConcentration(ex6_10_cmax, "410 g/mol").to("nM");
// END SOLUTION

// BEGIN SOLUTION ex-6.11
export function isMicrodose(dose: Unit, minActiveDose: Unit, bioavailability: number): boolean {
  void bioavailability; // deliberately unused: the definition is on the administered dose
  // the lesser of D_min/100 and 100 µg; mathjs compares µg with mg
  const limit = math.min(math.divide(minActiveDose, 100) as Unit, unit("100 ug"));
  return math.smallerEq(dose, limit) === true;
}
// END SOLUTION

// BEGIN SOLUTION ex-6.12
// Linear scaling: AUC per unit dose × 50 mg, against the observed µg·h/mL (mathjs cancels the units).
const ex6_12_predicted = math.multiply(
  math.divide(unit(variant("ex-6.12").aucMicroNgHPerMl, "ng h/mL"), unit("100 ug")) as Unit,
  unit("50 mg"),
);
const ex6_12_ratio = math.divide(ex6_12_predicted, unit("1.02 ug h/mL")) as number;
export const ex6_12_foldError: number = Math.max(ex6_12_ratio, 1 / ex6_12_ratio);
// END SOLUTION
