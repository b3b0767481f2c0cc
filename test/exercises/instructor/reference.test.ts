import { describe, expect, it } from "vitest";
import {
  acceptanceValue,
  c14AtomsInSample,
  createRandom,
  fitOccupancyModel,
  maxMicrodose,
  michaelisMentenAucInf,
  nca,
  petOccupancy,
  projectDailyDose,
  receptorOccupancy,
  series,
  unit,
} from "../../../src";
import { EXERCISES, generators } from "../../../src/workbook";
import { hiddenCases } from "../../../src/workbook/instructor/hidden-checks";
import { MISTAKES } from "../../../src/workbook/instructor/mistakes";
import { referenceAnswer } from "../../../src/workbook/instructor/reference";
import * as ch02 from "../../../solutions/ch02";
import * as ch03 from "../../../solutions/ch03";
import * as ch04 from "../../../solutions/ch04";
import * as ch05 from "../../../solutions/ch05";
import * as ch06 from "../../../solutions/ch06";
import { getExercise, REFERENCE } from "./planted";

/** The reference answers agree with the library and with closed forms (0.1 % or better). */
const value = (id: string) => referenceAnswer(REFERENCE, getExercise(id)) as number;

/** AUC(0–∞) under CL(t) = CLss + (CL0 − CLss)e^(−βt) by the series (D/V)·e^(−b)/β·Σ bⁿ/(n!(a/β + n)). */
function timeVaryingAucSeries(d: number, v: number, cl0: number, clss: number, beta: number): number {
  const a = clss / v;
  const b = (cl0 - clss) / (v * beta);
  let term = 1;
  let sum = 0;
  for (let n = 0; n < 400; n++) {
    if (n > 0) term *= b / n;
    sum += term / (a / beta + n);
  }
  return ((d / v) * Math.exp(-b) * sum) / beta;
}

describe("reference answers against the library", () => {
  it('ex-2.1 equals maxMicrodose("4.5 mg")', () =>
    expect(value("ex-2.1")).toBeCloseTo(maxMicrodose("4.5 mg").toNumber("ug"), 9));
  it("ex-2.3 microdoseLimit agrees with maxMicrodose for small molecules and proteins, in any mass unit", () => {
    for (const d of ["0.35 mg", "4.5 mg", "20000 ug", "0.5 g"])
      expect(ch02.microdoseLimit(unit(d), null).toNumber("ug")).toBeCloseTo(maxMicrodose(d).toNumber("ug"), 9);
    expect(ch02.microdoseLimit(unit("2 g"), unit("150 kg/mol")).toNumber("ug")).toBeCloseTo(
      maxMicrodose("2 g", { modality: "protein", molecularWeight: "150000 g/mol" }).toNumber("ug"),
      6,
    );
  });
  it('ex-2.4 equals receptorOccupancy("4.8 nM", "3 nM")', () =>
    expect(value("ex-2.4")).toBeCloseTo(receptorOccupancy("4.8 nM", "3 nM"), 12));
  it("ex-2.6 equals michaelisMentenAucInf with c0 = dose/V", () => {
    const auc = (dose: string, volume: string, vmax: string, km: string) =>
      ch02.michaelisMentenAuc(unit(dose), unit(volume), unit(vmax), unit(km)).toNumber("mg h/L");
    expect(auc("100 mg", "50 L", "0.5 mg/L/h", "1 mg/L")).toBeCloseTo(
      michaelisMentenAucInf({ c0: 2, vmax: 0.5, km: 1 }),
      10,
    );
    // the same inputs in other units give the same exposure
    expect(auc("100000 ug", "50000 mL", "0.5 ug/mL/h", "1000 ng/mL")).toBeCloseTo(
      michaelisMentenAucInf({ c0: 2, vmax: 0.5, km: 1 }),
      10,
    );
    expect(auc("120 mg", "42 L", "0.45 mg/L/h", "0.8 mg/L")).toBeCloseTo(value("ex-2.7"), 10);
  });
  it("ex-2.8 and ex-6.5/6.6 agree with the series solution to 1e-7", () => {
    expect(value("ex-2.8") * (50 / 16)).toBeCloseTo(timeVaryingAucSeries(50, 80, 16, 6, 0.15), 6);
    expect(
      Math.abs(
        ch06
          .aucTimeDependentClearance(unit("50 mg"), unit("80 L"), unit("16 L/h"), unit("6 L/h"), unit("0.15 h^-1"))
          .toNumber("mg h/L") /
          timeVaryingAucSeries(50, 80, 16, 6, 0.15) -
          1,
      ),
    ).toBeLessThan(1e-7);
    expect(Math.abs((value("ex-6.6") * 40) / timeVaryingAucSeries(200, 60, 5, 12, 0.05) - 1)).toBeLessThan(1e-7);
  });
  it('ex-3.2 aucLinearUpLogDown equals nca(…, { aucMethod: "linear-up-log-down" }).aucLast on random profiles', () => {
    const r = createRandom(7);
    for (let i = 0; i < 20; i++) {
      const p = generators.oralProfile(r, 100);
      const lib = nca(p.time, p.conc, { dose: 1, route: "extravascular", aucMethod: "linear-up-log-down" })
        .aucLast as number;
      const auc = ch03.aucLinearUpLogDown(series(p.time, "h"), series(p.conc, "ng/mL")).toNumber("ng h/mL");
      expect(Math.abs(auc / lib - 1)).toBeLessThan(1e-9);
    }
  });
  it("ex-3.6 reproduces the text's claim: 1 mL at 0.5 pg/mL holds far more than a thousand molecules", () => {
    const atoms = c14AtomsInSample({ concentration: "0.5 pg/mL", volume: "1 mL", molecularWeight: "350 g/mol" }).atoms;
    expect(value("ex-3.6")).toBeCloseTo(atoms * 2e-5, 0);
    expect(value("ex-3.6")).toBeGreaterThan(1000);
  });
  it("ex-3.8 follows from ex-3.7: one half-life per halving of the LLOQ", () => {
    expect(value("ex-3.7") + value("ex-3.8")).toBeCloseTo((Math.log(666.6666666666666 / 0.02) / Math.LN2) * 6, 9);
  });
  it("ex-4.1 agrees with projectDailyDose and the text's 'over 300 mg'", () => {
    const lib = projectDailyDose({
      kd: "5 nM",
      targetOccupancy: 0.8,
      fu: 0.1,
      halfLife: "4 h",
      bioavailability: 0.5,
      volume: "50 L",
      molecularWeight: "400 g/mol",
    }).dose.toNumber("mg");
    expect(
      ch04
        .dailyDoseForTroughOccupancy({
          kd: unit("5 nM"),
          targetOccupancy: 0.8,
          fu: 0.1,
          halfLife: unit("4 h"),
          bioavailability: 0.5,
          volume: unit("50 L"),
          molecularWeight: unit("400 g/mol"),
          tau: unit("1 day"),
        })
        .toNumber("mg"),
    ).toBeCloseTo(lib, 6);
  });
  it("ex-5.2 equals petOccupancy(0.82, 2.35) in percent", () =>
    expect(value("ex-5.2")).toBeCloseTo(100 * petOccupancy(0.82, 2.35), 10));
  it("ex-5.3 fitKd agrees with fitOccupancyModel(…, { emax: 1 }) to 1e-4", () => {
    const conc = [0.5, 1, 2, 4, 8, 16, 32];
    const occ = [0.08, 0.15, 0.29, 0.42, 0.61, 0.74, 0.86];
    const kd = ch05.fitKd(series(conc, "nM"), occ).toNumber("nM");
    expect(Math.abs(kd / fitOccupancyModel(conc, occ, { emax: 1 }).ec50 - 1)).toBeLessThan(1e-4);
  });
  it("ex-5.9 acceptanceValue equals the library's on its worked examples", () => {
    for (const x of [
      [98, 99, 100, 101, 102, 98, 99, 100, 101, 102],
      [95, 96, 97, 95, 96, 97, 95, 96, 97, 96],
    ])
      expect(ch05.acceptanceValue(x)).toBeCloseTo(acceptanceValue(x).av, 10);
    expect(value("ex-5.10")).toBeCloseTo(acceptanceValue(ch05.ex5_10_contentsNg.map((ng) => ng / 20)).av, 10);
  });
  it("ex-5.1 recovers the simulated F = 0.42 within 2 % (the AUC method's small bias)", () =>
    expect(Math.abs(value("ex-5.1") / 0.42 - 1)).toBeLessThan(0.02));
  it("ex-6.4: the exact dose is 2·Km·V + 2·D_micro = 64.2 mg", () => expect(value("ex-6.4")).toBeCloseTo(64.2, 9));
});

describe("the exercise set", () => {
  it("has at least 36 exercises: ≥ 5 in each of chapters 2–5 and ≥ 10 in chapter 6", () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(36);
    for (const ch of [2, 3, 4, 5]) expect(EXERCISES.filter((e) => e.chapter === ch).length).toBeGreaterThanOrEqual(5);
    expect(EXERCISES.filter((e) => e.chapter === 6).length).toBeGreaterThanOrEqual(10);
  });
  it("every mistake() hint has a catalogued mistaken answer, and every catalogued mistake a hint", () => {
    for (const ex of EXERCISES) {
      const hintIds = ex.hints
        .filter((h) => h.trigger?.kind === "mistake")
        .map((h) => h.id)
        .sort();
      expect(Object.keys(MISTAKES[ex.id] ?? {}).sort(), ex.id).toEqual(hintIds);
    }
  });
  it("boolean functions see both verdicts among their hidden cases", () => {
    for (const ex of EXERCISES) {
      if (ex.kind !== "function" || ex.answer.type !== "boolean") continue;
      const outs = new Set(hiddenCases(REFERENCE, ex).map((c) => c.expected));
      expect(outs.size, ex.id).toBe(2);
    }
  });
});
