import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assertProperty } from "../support/properties";
import {
  acceptanceValue,
  contentUniformityTest,
  createRandom,
  maxParticleDiameter,
  MICROGRAM_DOSAGE_FORMS,
  particlesPerUnit,
  simulateContentUniformity,
} from "../../src";

const ten = [98, 99, 100, 101, 102, 98, 99, 100, 101, 102];

describe("acceptanceValue", () => {
  it("acceptanceValue with a mean in 98.5–101.5 uses M = X̄, so AV = k·s (doc example)", () => {
    const r = acceptanceValue(ten);
    expect(r.mean).toBeCloseTo(100, 12);
    expect(r.sd).toBeCloseTo(Math.sqrt(20 / 9), 12);
    expect(r.referenceValue).toBeCloseTo(100, 12);
    expect(r.av).toBeCloseTo(2.4 * Math.sqrt(20 / 9), 12);
    expect(r.av).toBeCloseTo(3.578, 3);
  });

  it("acceptanceValue with a mean below 98.5 uses M = 98.5 (doc example)", () => {
    const r = acceptanceValue([95, 96, 97, 95, 96, 97, 95, 96, 97, 96]);
    expect(r.referenceValue).toBe(98.5);
    expect(r.av).toBeCloseTo(2.5 + 2.4 * Math.sqrt(6 / 9), 12);
    expect(r.av).toBeCloseTo(4.46, 2);
  });

  it("acceptanceValue with a mean above 101.5 uses M = 101.5 when T <= 101.5, and M = T when T is higher", () => {
    const high = ten.map((v) => v + 4); // mean 104
    expect(acceptanceValue(high).referenceValue).toBe(101.5);
    expect(acceptanceValue(high).av).toBeCloseTo(2.5 + 2.4 * Math.sqrt(20 / 9), 12);
    expect(acceptanceValue(high, { targetContent: 103 }).referenceValue).toBe(103);
    expect(
      acceptanceValue(
        ten.map((v) => v + 2),
        { targetContent: 103 },
      ).referenceValue,
    ).toBeCloseTo(102, 12);
  });

  it("acceptanceValue uses k = 2.0 for 30 units", () => {
    const thirty = [...ten, ...ten, ...ten];
    const r = acceptanceValue(thirty);
    expect(r.k).toBe(2.0);
    expect(r.av).toBeCloseTo(2.0 * Math.sqrt(60 / 29), 12);
  });

  it("acceptanceValue is >= 0, >= k·s, and shift-invariant inside 98.5–101.5 (property)", () => {
    assertProperty(
      fc.property(fc.array(fc.double({ min: 50, max: 150, noNaN: true }), { minLength: 10, maxLength: 10 }), (x) => {
        const r = acceptanceValue(x);
        expect(r.av).toBeGreaterThanOrEqual(0);
        expect(r.av).toBeGreaterThanOrEqual(r.k * r.sd - 1e-12);
      }),
    );
  });

  it("acceptanceValue rejects sample sizes other than 10 or 30 and non-finite results", () => {
    expect(() => acceptanceValue([100, 100, 100])).toThrow(
      /acceptanceValue: contents must hold exactly 10 \(stage 1\) or 30 \(stage 2\) unit results; received 3 values/,
    );
    expect(() => acceptanceValue([...ten.slice(0, 9), Number.NaN])).toThrow(
      /contents must contain only finite numbers \(index 9 is NaN\)/,
    );
    expect(() => acceptanceValue(ten, { targetContent: 0 })).toThrow(/opts.targetContent must be greater than 0/);
  });
});

describe("contentUniformityTest", () => {
  it("contentUniformityTest passes a uniform batch at stage 1 (doc example)", () => {
    const r = contentUniformityTest(ten);
    expect(r.verdict).toBe("pass");
    expect(r.stage).toBe(1);
    expect(r.reasons).toEqual(["Stage 1: AV = 3.58 <= L1 = 15, so the batch passes on 10 units."]);
  });

  it("contentUniformityTest asks for 20 more units when stage 1 fails on 10 results", () => {
    const spread = [85, 90, 95, 100, 105, 110, 115, 92, 108, 100];
    expect(contentUniformityTest(spread).verdict).toBe("test 20 more units");
  });

  it("contentUniformityTest passes at stage 2 when the 30-unit AV is <= 15 and all units are within M ± 25 %", () => {
    const first = [85, 90, 95, 100, 105, 110, 115, 92, 108, 100]; // AV ≈ 21.0 > 15
    const rest = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 99 : 101));
    const r = contentUniformityTest([...first, ...rest]);
    expect(r.stage1.av).toBeGreaterThan(15);
    expect(r.stage).toBe(2);
    expect(r.stage2!.av).toBeLessThanOrEqual(15);
    expect(r.verdict).toBe("pass");
  });

  it("contentUniformityTest fails at stage 2 when one unit lies outside M ± 25 %, even with AV <= 15", () => {
    const first = [70, 100, 100, 100, 100, 100, 100, 100, 100, 100];
    const rest = Array.from({ length: 20 }, () => 100);
    const r = contentUniformityTest([...first, ...rest]);
    expect(r.stage1.av).toBeGreaterThan(15);
    expect(r.stage2!.av).toBeLessThanOrEqual(15);
    expect(r.verdict).toBe("fail");
    expect(r.reasons.join(" ")).toMatch(/1 unit\(s\) outside 74.25–123.75 % \(M ± 25 %\): 70.00/);
  });

  it("contentUniformityTest rejects other sample sizes", () => {
    expect(() => contentUniformityTest(ten.slice(0, 5))).toThrow(
      /contentUniformityTest: contents must hold exactly 10 \(stage 1\) or 30/,
    );
  });
});

describe("particles and blend uniformity", () => {
  it('particlesPerUnit("10 ug", "10 um") is 10 ug / (1.3 g/cm³ · π (10 um)³ / 6) = 14691 (doc example)', () => {
    const expected = 10e-6 / ((1.3 * Math.PI * 10e-4 ** 3) / 6);
    expect(particlesPerUnit("10 ug", "10 um")).toBeCloseTo(expected, 6);
    expect(Math.round(particlesPerUnit("10 ug", "10 um"))).toBe(14691);
  });

  it('maxParticleDiameter("1 ug", 0.02) is 8.376 um and round-trips with particlesPerUnit (doc example, property)', () => {
    expect(maxParticleDiameter("1 ug", 0.02).toNumber("um")).toBeCloseTo(8.376, 3);
    assertProperty(
      fc.property(
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        (ug, rsd) => {
          const d = maxParticleDiameter(`${ug} ug`, rsd);
          expect(1 / Math.sqrt(particlesPerUnit(`${ug} ug`, d))).toBeCloseTo(rsd, 9);
        },
      ),
    );
  });

  it("simulateContentUniformity: 0.16 ug with 20 um particles fails every batch (doc example)", () => {
    const r = simulateContentUniformity({ dose: "0.16 ug", particleDiameter: "20 um", seed: 1, batches: 200 });
    expect(r.particlesPerUnit).toBeCloseTo(29.38, 2);
    expect(r.passRate).toBe(0);
  });

  it("simulateContentUniformity: the simulated RSD matches the Poisson prediction 1/√N across doses", () => {
    for (const dose of ["100 ug", "10 ug", "1 ug"]) {
      const r = simulateContentUniformity({ dose, particleDiameter: "20 um", seed: 5, batches: 400 });
      expect(Math.abs((r.observedRsdPercent as number) / r.predictedRsdPercent - 1)).toBeLessThan(0.03);
    }
  });

  it("simulateContentUniformity: AV grows as the dose falls to micrograms, and nanocrystals restore uniformity at 0.16 ug", () => {
    const av = ["1000 ug", "100 ug", "10 ug", "1 ug", "0.16 ug"].map(
      (dose) => simulateContentUniformity({ dose, particleDiameter: "20 um", seed: 2, batches: 100 }).meanStage1Av,
    );
    for (let i = 1; i < av.length; i++) expect(av[i]).toBeGreaterThan(av[i - 1]);
    const nano = simulateContentUniformity({ dose: "0.16 ug", particleDiameter: "0.3 um", seed: 2, batches: 100 });
    expect(nano.passRateStage1).toBe(1);
    expect(nano.meanStage1Av).toBeLessThan(1);
  });

  it("simulateContentUniformity is reproducible with a seed and adds process variability in quadrature", () => {
    const a = simulateContentUniformity({ dose: "10 ug", particleDiameter: "20 um", seed: 9, batches: 20 });
    const b = simulateContentUniformity({ dose: "10 ug", particleDiameter: "20 um", seed: 9, batches: 20 });
    expect(a.stage1Av).toEqual(b.stage1Av);
    const withProcess = simulateContentUniformity({
      dose: "1000 ug",
      particleDiameter: "20 um",
      processRsd: 0.03,
      seed: 9,
      batches: 300,
    });
    expect(withProcess.predictedRsdPercent).toBeCloseTo(
      100 * Math.sqrt(1 / withProcess.particlesPerUnit + 0.03 ** 2),
      12,
    );
    expect(Math.abs((withProcess.observedRsdPercent as number) / withProcess.predictedRsdPercent - 1)).toBeLessThan(
      0.05,
    );
  });

  it("the Poisson draws have mean and variance λ for small and large λ (seeded check via particle counts)", () => {
    // RSD of counts = 1/√λ: at λ ≈ 4 (Knuth branch) and λ ≈ 29 / 1.8e5 (PTRS branch).
    const small = simulateContentUniformity({ dose: "0.0218 ug", particleDiameter: "20 um", seed: 4, batches: 2000 });
    expect(small.particlesPerUnit).toBeCloseTo(4, 0);
    expect(Math.abs((small.observedRsdPercent as number) / small.predictedRsdPercent - 1)).toBeLessThan(0.03);
    const rng = createRandom(1);
    expect(rng.uniform()).toBeGreaterThanOrEqual(0);
  });

  it("particle functions reject wrong dimensions and out-of-range values", () => {
    expect(() => particlesPerUnit("10 ug", "10 mg")).toThrow(/particlesPerUnit: particleDiameter expected a length/);
    expect(() => particlesPerUnit("10 ug", "10 um", "1.3 g")).toThrow(/density expected a density/);
    expect(() => maxParticleDiameter("1 ug", 1)).toThrow(/maxParticleDiameter: targetRsd must be below 1/);
    expect(() => simulateContentUniformity({ dose: "1 ug", particleDiameter: "20 um", seed: 1.5 })).toThrow(
      /simulateContentUniformity: seed must be an integer/,
    );
    expect(() => simulateContentUniformity({ dose: "1 ug", particleDiameter: "20 um", seed: 1, batches: 0 })).toThrow(
      /batches must be an integer >= 1/,
    );
  });
});

describe("content uniformity: edge cases found in review", () => {
  it("acceptanceValue and contentUniformityTest reject a negative unit content (% of label claim)", () => {
    const withNegative = [...ten.slice(0, 9), -1];
    expect(() => acceptanceValue(withNegative)).toThrow(
      "acceptanceValue: contents must not contain negative values (index 9 is -1)",
    );
    expect(() => contentUniformityTest(withNegative)).toThrow(
      "contentUniformityTest: contents must not contain negative values (index 9 is -1)",
    );
  });

  it("simulateContentUniformity with far less than one particle per unit reports the observed RSD as null, never NaN", () => {
    const r = simulateContentUniformity({ dose: "0.0001 ug", particleDiameter: "100 um", batches: 3, seed: 1 });
    expect(r.particlesPerUnit).toBeLessThan(1e-3);
    expect(r.observedRsdPercent).toBeNull();
    expect(r.passRate).toBe(0);
    for (const v of [r.predictedRsdPercent, r.meanStage1Av, ...r.stage1Av]) expect(Number.isFinite(v)).toBe(true);
  });
});

describe("MICROGRAM_DOSAGE_FORMS", () => {
  it("MICROGRAM_DOSAGE_FORMS records the text's 0.16 ug micro-tablets and 20–200,000 ug effervescent tablets", () => {
    const micro = MICROGRAM_DOSAGE_FORMS.find((f) => f.name.startsWith("Micro-tablets"))!;
    expect(micro.doseRangeUg).toEqual([0.16, 0.16]);
    expect(micro.manufacturing).toMatch(/nanocrystalline suspension .* high-shear wet granulation/);
    const eff = MICROGRAM_DOSAGE_FORMS.find((f) => f.name.startsWith("Effervescent"))!;
    expect(eff.doseRangeUg).toEqual([20, 200_000]);
    expect(eff.routes).toEqual(["buccal", "gingival", "sublingual"]);
  });

  it("MICROGRAM_DOSAGE_FORMS states no dose range the source does not give: the excipient route has doseRangeUg null", () => {
    const blended = MICROGRAM_DOSAGE_FORMS.find((f) => f.name.startsWith("Potent drug"))!;
    expect(blended.doseRangeUg).toBeNull();
    expect(blended.routes).toEqual([]);
  });

  it("MICROGRAM_DOSAGE_FORMS: every number in a dose range is written in the quoted source passage", () => {
    for (const form of MICROGRAM_DOSAGE_FORMS) {
      expect(form.source.quote.length).toBeGreaterThan(40);
      for (const ug of form.doseRangeUg ?? [])
        expect(form.source.quote, form.name).toContain(ug.toLocaleString("en-US"));
      for (const route of form.routes)
        expect(form.source.quote + form.notes, form.name).toMatch(new RegExp(route === "oral" ? "oral|tablet" : route));
    }
  });

  // The source texts live outside the repository (../shared/seeds); check the quotes where they are present.
  const seed = "/work/shared/seeds/000_0e59da50f18e1b01.txt";
  it.runIf(existsSync(seed))(
    "MICROGRAM_DOSAGE_FORMS quotes each passage and section heading of 000_0e59da50f18e1b01.txt verbatim",
    () => {
      const text = readFileSync(seed, "utf8");
      for (const form of MICROGRAM_DOSAGE_FORMS) {
        expect(text).toContain(form.source.quote);
        expect(text.split("\n")).toContain(form.source.section);
        // The passage comes after its section heading.
        const start = text.indexOf(`\n${form.source.section}\n`);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(text.indexOf(form.source.quote)).toBeGreaterThan(start);
      }
    },
  );
});
