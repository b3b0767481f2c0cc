import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assertProperty } from "../support/properties";
import {
  activityForEffectiveDose,
  compareRadiationDose,
  effectiveDoseFromActivity,
  math,
  phase0RiskBenefit,
  projectDailyDose,
  radiationRisk,
  receptorOccupancy,
  steadyStateOral,
} from "../../src";

const textExample = {
  kd: "5 nM",
  targetOccupancy: 0.8,
  fu: 0.1,
  halfLife: "4 h",
  bioavailability: 0.5,
  volume: "50 L",
  molecularWeight: "400 g/mol",
};

describe("projectDailyDose", () => {
  it("projectDailyDose reproduces the text: Kd 5 nM, 80 % trough, t½ 4 h, F 0.5 needs over 300 mg/day (504 mg with V 50 L, fu 0.1, MW 400)", () => {
    const r = projectDailyDose(textExample);
    expect(r.unboundTrough.toNumber("nM")).toBeCloseTo(20, 10);
    expect(r.totalTrough.toNumber("ng/mL")).toBeCloseTo(80, 10);
    // D = 0.08 mg/L × 50 L × (2^6 − 1) / 0.5
    expect(r.dose.toNumber("mg")).toBeCloseTo((0.08 * 50 * 63) / 0.5, 8);
    expect(r.dose.toNumber("mg")).toBeGreaterThan(300);
    expect(r.model).toBe("ka >> ke limit");
    expect(r.steps[3]).toBe("ka >> k limit: D = C × V × (e^{kτ} − 1) / F = 0.08 mg/L × 50 L × 63 / 0.5 = 504 mg");
  });

  it("projectDailyDose with ka = 1 /h still exceeds 300 mg/day (417 mg) and hits the trough exactly", () => {
    const r = projectDailyDose({ ...textExample, ka: "1 h^-1" });
    expect(r.model).toBe("first-order absorption");
    expect(r.dose.toNumber("mg")).toBeCloseTo(416.66, 1);
    const ss = steadyStateOral({ dose: r.dose.toNumber("mg"), tau: 24, f: 0.5, ka: 1, ke: Math.LN2 / 4, volume: 50 });
    expect(ss.trough).toBeCloseTo(0.08, 10);
    // Closed form of the trough: F·D·ka/(V(ka−k)) · [e^{−kτ}/(1−e^{−kτ}) − e^{−kaτ}/(1−e^{−kaτ})].
    const k = Math.LN2 / 4;
    const perMg =
      ((0.5 * 1) / (50 * (1 - k))) *
      (Math.exp(-24 * k) / (1 - Math.exp(-24 * k)) - Math.exp(-24) / (1 - Math.exp(-24)));
    expect(r.dose.toNumber("mg")).toBeCloseTo(0.08 / perMg, 6);
  });

  it("projectDailyDose: the projected dose keeps the trough occupancy at the target, and finite ka approaches the limit as ka grows (property)", () => {
    assertProperty(
      fc.property(
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 1, max: 48, noNaN: true }),
        (rho, t12) => {
          const input = { ...textExample, targetOccupancy: rho, halfLife: `${t12} h` };
          const r = projectDailyDose(input);
          const cTotalMgL =
            (r.dose.toNumber("mg") * 0.5 * Math.exp((-Math.LN2 / t12) * 24)) /
            (50 * (1 - Math.exp((-Math.LN2 / t12) * 24)));
          const cuNm = ((cTotalMgL * 0.1) / 400) * 1e6;
          expect(receptorOccupancy(math.unit(cuNm, "nM"), "5 nM")).toBeCloseTo(rho, 9);
          const fast = projectDailyDose({ ...input, ka: "200 h^-1" }).dose.toNumber("mg");
          expect(fast / r.dose.toNumber("mg")).toBeCloseTo(1, 1);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("projectDailyDose rejects bad input naming the argument", () => {
    expect(() => projectDailyDose({ ...textExample, targetOccupancy: 1 })).toThrow(
      /projectDailyDose: targetOccupancy must be between 0 and 1 \(exclusive\); received 1/,
    );
    expect(() => projectDailyDose({ ...textExample, fu: 0 })).toThrow(/fu must be greater than 0/);
    expect(() => projectDailyDose({ ...textExample, kd: "5 ng/mL" })).toThrow(/kd expected a molar concentration/);
    expect(() => projectDailyDose({ ...textExample, ka: "1 h" })).toThrow(/ka expected a first-order rate constant/);
    expect(() => projectDailyDose({ ...textExample, volume: "50 kg" })).toThrow(/volume expected a volume/);
  });
});

describe("radiation", () => {
  it('effectiveDoseFromActivity("37 kBq") is 0.02146 mSv with the ICRP 72 coefficient 5.8e-10 Sv/Bq (doc example)', () => {
    expect(effectiveDoseFromActivity("37 kBq").toNumber("mSv")).toBeCloseTo(37000 * 5.8e-10 * 1e3, 12);
    expect(effectiveDoseFromActivity("1 uCi").toNumber("mSv")).toBeCloseTo(0.02146, 5);
  });

  it("effectiveDoseFromActivity accepts a documented alternative coefficient", () => {
    expect(effectiveDoseFromActivity("10 kBq", { doseCoefficient: "1e-9 Sv/Bq" }).toNumber("uSv")).toBeCloseTo(10, 10);
  });

  it('activityForEffectiveDose("0.001 mSv") is 1.724 kBq and inverts effectiveDoseFromActivity (doc example, property)', () => {
    expect(activityForEffectiveDose("0.001 mSv").toNumber("kBq")).toBeCloseTo(1e-6 / 5.8e-10 / 1e3, 10);
    expect(activityForEffectiveDose("0.001 mSv").toNumber("kBq")).toBeCloseTo(1.724, 3);
    assertProperty(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (kbq) => {
        expect(activityForEffectiveDose(effectiveDoseFromActivity(`${kbq} kBq`)).toNumber("kBq") / kbq).toBeCloseTo(
          1,
          12,
        );
      }),
    );
  });

  it("compareRadiationDose: the text's 0.001 mSv is a tiny fraction (0.04 %) of the 2.4 mSv annual background (worked example)", () => {
    const r = compareRadiationDose("0.001 mSv");
    expect(r.fractionOfAnnualBackground).toBeCloseTo(0.001 / 2.4, 15);
    expect(r.fractionOfAnnualBackground).toBeLessThan(0.001);
    expect(r.daysOfBackground * 24).toBeCloseTo(3.6525, 3);
    expect(r.flights).toBeCloseTo(0.025, 12);
    expect(r.summary).toBe(
      "An effective dose of 0.001 mSv is 0.0417 % of the 2.4 mSv a person receives from natural background each year — about 3.65 hours of it — and about 1/40 of the dose of one long-haul flight.",
    );
  });

  it('radiationRisk("0.001 mSv") is 5.7e-8 under LNT with the ICRP 103 coefficient (doc example)', () => {
    expect(radiationRisk("0.001 mSv")).toBeCloseTo(5.7e-8, 20);
    expect(radiationRisk("1 Sv", { riskPerSv: 0.042 })).toBeCloseTo(0.042, 15);
  });

  it("radiation functions reject wrong dimensions", () => {
    expect(() => effectiveDoseFromActivity("37 kg")).toThrow(
      /effectiveDoseFromActivity: activity expected a radioactivity/,
    );
    expect(() => effectiveDoseFromActivity("37 kBq", { doseCoefficient: "5.8e-10 Sv" })).toThrow(
      /opts.doseCoefficient must be an effective dose per activity/,
    );
    expect(() => compareRadiationDose("1 Bq")).toThrow(
      /compareRadiationDose: effectiveDose expected an effective dose/,
    );
    expect(() => radiationRisk("1 mSv", { riskPerSv: -1 })).toThrow(
      /radiationRisk: opts.riskPerSv must be greater than 0/,
    );
  });
});

describe("radiation: edge cases found in review", () => {
  it("compareRadiationDose('0 mSv') says the dose adds nothing, not '1/Infinity of a flight'", () => {
    const r = compareRadiationDose("0 mSv");
    expect(r.flights).toBe(0);
    expect(r.summary).toBe(
      "An effective dose of 0 mSv adds nothing to the 2.4 mSv a person receives from natural background each year.",
    );
  });
});

describe("phase0RiskBenefit", () => {
  const example = {
    phase0Volunteers: 6,
    phase0ChemicalRisk: 1e-6,
    phase0EffectiveDose: "0.001 mSv",
    probabilityOfEarlyTermination: 0.3,
    subjectsSpared: 60,
    riskPerSparedSubject: 0.001,
  };

  it("phase0RiskBenefit: events avoided vastly outweigh the Phase 0 risk (doc example)", () => {
    const r = phase0RiskBenefit(example);
    expect(r.expectedHarmPhase0).toBeCloseTo(6 * (1e-6 + 5.7e-8), 18);
    expect(r.expectedRadiationHarm).toBeCloseTo(6 * 5.7e-8, 18);
    expect(r.expectedEventsAvoided).toBeCloseTo(0.3 * 60 * 0.001, 15);
    expect(r.benefitRiskRatio).toBeCloseTo(0.018 / 6.342e-6, 6);
    expect(Math.round(r.benefitRiskRatio)).toBe(2838);
    expect(r.netEventsAvoided).toBeGreaterThan(0);
  });

  it("phase0RiskBenefit: more volunteers only lower the ratio; no harm gives Infinity", () => {
    assertProperty(
      fc.property(fc.integer({ min: 1, max: 100 }), (extra) => {
        expect(phase0RiskBenefit({ ...example, phase0Volunteers: 6 + extra }).benefitRiskRatio).toBeLessThan(
          phase0RiskBenefit(example).benefitRiskRatio,
        );
      }),
    );
    expect(
      phase0RiskBenefit({ ...example, phase0ChemicalRisk: 0, phase0EffectiveDose: undefined }).benefitRiskRatio,
    ).toBe(Infinity);
  });

  it("phase0RiskBenefit rejects probabilities outside [0, 1] and non-integer counts", () => {
    expect(() => phase0RiskBenefit({ ...example, probabilityOfEarlyTermination: 1.5 })).toThrow(
      /phase0RiskBenefit: probabilityOfEarlyTermination must be between 0 and 1/,
    );
    expect(() => phase0RiskBenefit({ ...example, phase0Volunteers: 2.5 })).toThrow(
      /phase0Volunteers must be an integer >= 0/,
    );
    expect(() => phase0RiskBenefit({ ...example, phase0EffectiveDose: "1 Bq" })).toThrow(
      /phase0RiskBenefit: phase0EffectiveDose expected an effective dose/,
    );
  });
});
