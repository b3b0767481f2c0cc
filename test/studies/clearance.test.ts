import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assertProperty } from "../support/properties";
import {
  absoluteBioavailability,
  apparentClearance,
  bioavailabilityFromClearances,
  halfLifeFromLambdaZ,
  ivMicrotracerStudy,
  math,
  microdoseAloneStudy,
  systemicClearance,
} from "../../src";

describe("microdose-alone study", () => {
  it('apparentClearance("100 ug", "2 ng*h/mL") is CL/F = 50 L/h', () => {
    expect(apparentClearance("100 ug", "2 ng*h/mL").toNumber("L/h")).toBeCloseTo(50, 10);
  });

  it('halfLifeFromLambdaZ("0.1733 h^-1") is ln2/λz ≈ 4 h', () => {
    expect(halfLifeFromLambdaZ("0.1733 h^-1").toNumber("h")).toBeCloseTo(Math.LN2 / 0.1733, 12);
    expect(halfLifeFromLambdaZ("0.1733 h^-1").toNumber("h")).toBeCloseTo(4, 3);
    expect(halfLifeFromLambdaZ("0.1733 / h").toNumber("h")).toBeCloseTo(4, 3);
  });

  it("microdoseAloneStudy returns CL/F, t½, Vz/F and (F, CL) pairs that all fit the same data (doc example)", () => {
    const r = microdoseAloneStudy({ dose: "100 ug", auc: "2 ng*h/mL", lambdaZ: "0.1733 h^-1" });
    expect(r.interpretations.map((i) => i.clearance.toNumber("L/h"))).toEqual([50, 25, 5]);
    expect(r.apparentClearance.toNumber("L/h")).toBeCloseTo(50, 10);
    expect(r.apparentVolume.toNumber("L")).toBeCloseTo(50 / 0.1733, 8);
    expect(r.halfLife.toNumber("h")).toBeCloseTo(4, 3);
    expect(r.interpretations[0].description).toMatch(/well absorbed, rapidly cleared/);
    expect(r.interpretations[2].description).toMatch(/poorly absorbed, slowly cleared/);
    expect(r.explanation).toMatch(/An intravenous reference/);
  });

  it("microdoseAloneStudy: every interpretation predicts the same oral AUC = F·Dose/CL (property)", () => {
    assertProperty(
      fc.property(fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }), (fs) => {
        const r = microdoseAloneStudy({ dose: "100 ug", auc: "2 ng*h/mL", lambdaZ: "0.1 h^-1", bioavailabilities: fs });
        for (const i of r.interpretations) {
          const auc = (i.bioavailability * 100e-6) / i.clearance.toNumber("L/h"); // g·h/L
          expect(auc * 1e6).toBeCloseTo(2, 9); // ng·h/mL
        }
      }),
    );
  });

  it("microdose-alone functions reject bad input", () => {
    expect(() => apparentClearance("100 ug", "0 ng*h/mL")).toThrow(/apparentClearance: auc must be greater than zero/);
    expect(() => apparentClearance("100 ug", "2 ng/mL")).toThrow(/auc expected an AUC/);
    expect(() => halfLifeFromLambdaZ("0 h^-1")).toThrow(/halfLifeFromLambdaZ: lambdaZ must be greater than zero/);
    expect(() => halfLifeFromLambdaZ("4 h")).toThrow(/lambdaZ expected a first-order rate constant/);
    expect(() =>
      microdoseAloneStudy({ dose: "100 ug", auc: "2 ng*h/mL", lambdaZ: "0.1 h^-1", bioavailabilities: [0] }),
    ).toThrow(/microdoseAloneStudy: bioavailabilities\[0\] must be greater than 0/);
    expect(() => microdoseAloneStudy({ dose: "1 mL", auc: "2 ng*h/mL", lambdaZ: "0.1 h^-1" })).toThrow(
      /microdoseAloneStudy: dose expected a mass/,
    );
  });
});

describe("IV microtracer", () => {
  const study = { doseOral: "100 mg", aucOral: "2 mg*h/L", doseIv: "100 ug", aucIv: "5 ng*h/mL" };

  it("absoluteBioavailability gives F = (AUCpo/Dpo)/(AUCiv/Div) = 0.4 with Units (doc example)", () => {
    expect(absoluteBioavailability(study)).toBeCloseTo(0.4, 12);
  });

  it("absoluteBioavailability accepts plain numbers in consistent units (doc example)", () => {
    expect(absoluteBioavailability({ doseOral: 100, aucOral: 40, doseIv: 0.1, aucIv: 0.1 })).toBeCloseTo(0.4, 12);
  });

  it('systemicClearance("100 ug", "5 ng*h/mL") is CL = 20 L/h', () => {
    expect(systemicClearance("100 ug", "5 ng*h/mL").toNumber("L/h")).toBeCloseTo(20, 10);
  });

  it('bioavailabilityFromClearances("20 L/h", "50 L/h") is F = CL/(CL/F) = 0.4', () => {
    expect(bioavailabilityFromClearances("20 L/h", "50 L/h")).toBeCloseTo(0.4, 12);
  });

  it("ivMicrotracerStudy gives CL, CL/F and F in one call (doc example)", () => {
    const r = ivMicrotracerStudy(study);
    expect(r.clearance.toNumber("L/h")).toBeCloseTo(20, 10);
    expect(r.apparentClearance.toNumber("L/h")).toBeCloseTo(50, 10);
    expect(r.bioavailability).toBeCloseTo(0.4, 12);
  });

  it("F from AUCs equals CL/(CL/F) for any study (consistency property)", () => {
    const pos = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
    assertProperty(
      fc.property(pos, pos, pos, pos, (dpo, apo, div, aiv) => {
        const input = {
          doseOral: math.unit(dpo, "mg"),
          aucOral: math.unit(apo, "ng*h/mL"),
          doseIv: math.unit(div, "ug"),
          aucIv: math.unit(aiv, "pg*h/mL"),
        };
        const f1 = absoluteBioavailability(input);
        const f2 = bioavailabilityFromClearances(
          systemicClearance(input.doseIv, input.aucIv),
          apparentClearance(input.doseOral, input.aucOral),
        );
        expect(f1 / f2).toBeCloseTo(1, 10);
        expect(
          absoluteBioavailability({ doseOral: dpo * 1e3, aucOral: apo, doseIv: div, aucIv: aiv * 1e-3 }) / f1,
        ).toBeCloseTo(1, 10);
      }),
    );
  });

  it("absoluteBioavailability rejects mixed Units and numbers, wrong dimensions and zeros", () => {
    expect(() => absoluteBioavailability({ ...study, aucIv: 5 })).toThrow(
      /absoluteBioavailability: aucIv must be a quantity with a unit because other inputs have units/,
    );
    expect(() => absoluteBioavailability({ ...study, doseIv: "100 uL" })).toThrow(/doseIv expected a mass/);
    expect(() => absoluteBioavailability({ doseOral: 1, aucOral: 0, doseIv: 1, aucIv: 1 })).toThrow(
      /aucOral must be greater than 0; received 0/,
    );
    expect(() => absoluteBioavailability({ doseOral: 1, aucOral: 1, doseIv: 1 } as never)).toThrow(/aucIv is required/);
    expect(() => bioavailabilityFromClearances("20 L", "50 L/h")).toThrow(
      /bioavailabilityFromClearances: clearance expected a clearance/,
    );
    expect(() => ivMicrotracerStudy({ ...study, aucIv: "0 ng*h/mL" })).toThrow(
      /ivMicrotracerStudy: aucIv must be greater than zero/,
    );
  });
});
