import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assertProperty } from "../support/properties";
import {
  foldError,
  linearExtrapolation,
  mechanismBasedInhibitionExtrapolation,
  michaelisMentenExtrapolation,
  predictivity,
  relativeClearance,
  saturableClearance,
} from "../../src";

describe("linear extrapolation from a microdose", () => {
  it('linearExtrapolation("100 ug", "2 ng*h/mL", "100 mg") predicts 2000 ng·h/mL (doc example)', () => {
    expect(linearExtrapolation("100 ug", "2 ng*h/mL", "100 mg").toNumber("ng*h/mL")).toBeCloseTo(2000, 8);
  });

  it("relativeClearance: Km 1 mg/L keeps 95 % of clearance at the microdose's 0.05 mg/L (worked example)", () => {
    expect(relativeClearance("0.05 mg/L", "1 mg/L")).toBeCloseTo(1 / 1.05, 12);
  });

  it("relativeClearance: at therapeutic 1–2 mg/L clearance falls to 1/2–1/3, so the micro/therapeutic CL ratio is 1.9–2.9 (worked example)", () => {
    expect(relativeClearance("1 mg/L", "1 mg/L")).toBeCloseTo(0.5, 12);
    expect(relativeClearance("2 mg/L", "1 mg/L")).toBeCloseTo(1 / 3, 12);
    const micro = saturableClearance("0.05 mg/L", { vmax: "10 mg/h", km: "1 mg/L" }).toNumber("L/h");
    const at1 = saturableClearance("1 mg/L", { vmax: "10 mg/h", km: "1 mg/L" }).toNumber("L/h");
    const at2 = saturableClearance("2 mg/L", { vmax: "10 mg/h", km: "1 mg/L" }).toNumber("L/h");
    expect(micro / at1).toBeCloseTo(2 / 1.05, 12);
    expect(micro / at2).toBeCloseTo(3 / 1.05, 12);
  });

  it('saturableClearance("1 mg/L", { vmax: "10 mg/h", km: "1 mg/L" }) is 5 L/h (doc example)', () => {
    expect(saturableClearance("1 mg/L", { vmax: "10 mg/h", km: "1 mg/L" }).toNumber("L/h")).toBeCloseTo(5, 12);
  });

  it("relativeClearance works with molar concentrations and is monotone decreasing in C (property)", () => {
    expect(relativeClearance("5 uM", "5000 nM")).toBeCloseTo(0.5, 12);
    assertProperty(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b) => {
          const ra = relativeClearance(`${a} mg/L`, "1 mg/L");
          const rb = relativeClearance(`${b} mg/L`, "1 mg/L");
          expect(ra).toBeGreaterThan(0);
          expect(ra).toBeLessThanOrEqual(1);
          if (a < b) expect(ra).toBeGreaterThanOrEqual(rb);
        },
      ),
    );
  });

  it("michaelisMentenExtrapolation: a 100 mg dose reaching C0 = Km·2 has twice the linearly predicted AUC (doc example)", () => {
    const r = michaelisMentenExtrapolation({ microDose: 0.1, therapeuticDose: 100, volume: 50, vmax: 1, km: 1 });
    // Closed form: ratio = (Km + C0,T/2) / (Km + C0,micro/2).
    expect(r.ratio).toBeCloseTo((1 + 2 / 2) / (1 + 0.002 / 2), 12);
    expect(r.aucTherapeutic).toBeCloseTo(4, 12);
    expect(r.aucLinearPrediction).toBeCloseTo(r.aucMicro * 1000, 9);
  });

  it("michaelisMentenExtrapolation never over-predicts: ratio >= 1 when the therapeutic dose is larger (property)", () => {
    assertProperty(
      fc.property(
        fc.double({ min: 1.01, max: 1e4, noNaN: true }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        (fold, km) => {
          const r = michaelisMentenExtrapolation({
            microDose: 0.1,
            therapeuticDose: 0.1 * fold,
            volume: 50,
            vmax: 1,
            km,
          });
          expect(r.ratio).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });

  it("mechanismBasedInhibitionExtrapolation: the microdose under-predicts therapeutic AUC by ~40 % (doc example)", () => {
    const r = mechanismBasedInhibitionExtrapolation(
      { microDose: 0.1, therapeuticDose: 100, volume: 50, cl0: 10, kdeg: 0.03, kinact: 0.2, ki: 1 },
      { times: Array.from({ length: 337 }, (_, h) => h) },
    );
    expect(r.ratio).toBeCloseTo(1.676, 2);
    // The microdose barely touches the enzyme, so its AUC is Dose/CL0 (AUC_T > D_T/CL0 for the therapeutic dose).
    expect(r.aucMicro).toBeCloseTo(0.1 / 10, 4);
    expect(r.aucTherapeutic).toBeGreaterThan(100 / 10);
    expect(r.minEnzymeMicro).toBeGreaterThan(0.99);
    expect(r.minEnzymeTherapeutic).toBeLessThan(0.5);
  });

  it("mechanismBasedInhibitionExtrapolation with kinact = 0 is exactly linear (ratio 1)", () => {
    const r = mechanismBasedInhibitionExtrapolation(
      { microDose: 0.1, therapeuticDose: 100, volume: 50, cl0: 10, kdeg: 0.03, kinact: 0, ki: 1 },
      { times: [0, 336] },
    );
    expect(r.ratio).toBeCloseTo(1, 6);
  });

  it("extrapolation functions reject bad input", () => {
    expect(() => linearExtrapolation("0 ug", "2 ng*h/mL", "1 mg")).toThrow(
      /linearExtrapolation: microDose must be greater than zero/,
    );
    expect(() => relativeClearance("1 nM", "1 mg/L")).toThrow(/relativeClearance: c expected a mass concentration/);
    expect(() => saturableClearance("1 mg/L", { vmax: "10 mg/L/h", km: "1 mg/L" })).toThrow(
      /saturableClearance: params.vmax expected a mass per time/,
    );
    expect(() =>
      michaelisMentenExtrapolation({ microDose: 0.1, therapeuticDose: 100, volume: 50, vmax: 1, km: 0 }),
    ).toThrow(/michaelisMentenExtrapolation: km must be greater than 0/);
    expect(() =>
      mechanismBasedInhibitionExtrapolation(
        { microDose: 0.1, therapeuticDose: 100, volume: 50, cl0: 10, kdeg: 0.03, kinact: 0.2, ki: 1, count: 3 },
        { times: [0, 24] },
      ),
    ).toThrow(/mechanismBasedInhibitionExtrapolation: tau is required when count > 1/);
  });
});

describe("predictivity of a microdose", () => {
  it("foldError(50, 100) is 2 and foldError of Units compares like dimensions (doc examples)", () => {
    expect(foldError(50, 100)).toBe(2);
    expect(foldError("3 L/h", "2 L/h")).toBeCloseTo(1.5, 12);
    expect(foldError("3000 mL/h", "2 L/h")).toBeCloseTo(1.5, 12);
  });

  it("foldError is symmetric and >= 1 (property)", () => {
    const pos = fc.double({ min: 1e-6, max: 1e6, noNaN: true });
    assertProperty(
      fc.property(pos, pos, (p, o) => {
        expect(foldError(p, o) / foldError(o, p)).toBeCloseTo(1, 12);
        expect(foldError(p, o)).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it("predictivity([10, 30, 100], [12, 10, 90]) has 2 of 3 within 2-fold (doc example)", () => {
    const r = predictivity([10, 30, 100], [12, 10, 90]);
    expect(r.successRate).toBeCloseTo(2 / 3, 12);
    expect(r.within).toEqual([true, false, true]);
    expect(r.foldErrors[1]).toBeCloseTo(3, 12);
    expect(r.averageFoldError).toBeCloseTo(
      10 ** ((Math.log10(10 / 12) + Math.log10(3) + Math.log10(100 / 90)) / 3),
      12,
    );
    expect(r.absoluteAverageFoldError).toBeCloseTo(
      10 ** ((Math.log10(1.2) + Math.log10(3) + Math.log10(100 / 90)) / 3),
      12,
    );
  });

  it("predictivity counts an exact 2-fold error as within 2-fold", () => {
    expect(predictivity([20, 5], [10, 10]).successRate).toBe(1);
    expect(predictivity([31, 10], [10, 10], { fold: 3 }).withinCount).toBe(1);
  });

  it("foldError and predictivity reject bad input", () => {
    expect(() => foldError(0, 1)).toThrow(/foldError: predicted must be greater than 0; received 0/);
    expect(() => foldError("1 L/h", 1)).toThrow(/observed must have a unit because the other value has one/);
    expect(() => foldError("1 L/h", "1 mg")).toThrow(/observed must have the same dimension as predicted/);
    expect(() => predictivity([1, 2], [1])).toThrow(/predictivity: predicted and observed must have the same length/);
    expect(() => predictivity([1], [1], { fold: 1 })).toThrow(/opts.fold must be greater than 1/);
  });
});
