import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assertProperty } from "../support/properties";
import {
  activityFromAtoms,
  atomsFromActivity,
  C14,
  c14AtomsInSample,
  countsForPrecision,
  inUnit,
  labelFractionFromSpecificActivity,
  lowestQuantifiableConcentration,
  maxSpecificActivityPerLabel,
  modernCarbonC14,
  poissonRelativePrecision,
} from "../../src";

describe("14C decay", () => {
  it("C14.decayConstantPerSecond is ln2 / 5730 y = 3.8332e-12 /s", () => {
    expect(C14.decayConstantPerSecond).toBeCloseTo(Math.LN2 / (5730 * 365.25 * 86400), 25);
    expect(C14.decayConstantPerSecond / 3.8332e-12).toBeCloseTo(1, 4);
  });

  it("activityFromAtoms(1e12) is 3.833 Bq and atomsFromActivity('1 dpm') is 4.348e9 atoms (doc examples)", () => {
    expect(activityFromAtoms(1e12).toNumber("Bq")).toBeCloseTo(3.8332, 4);
    expect(atomsFromActivity("1 dpm") / 4.348e9).toBeCloseTo(1, 3);
  });

  it("dpm ↔ Bq ↔ atoms round-trips (property)", () => {
    assertProperty(
      fc.property(fc.double({ min: 1, max: 1e20, noNaN: true }), (atoms) => {
        const a = activityFromAtoms(atoms);
        expect(atomsFromActivity(a) / atoms).toBeCloseTo(1, 12);
        expect(atomsFromActivity(`${inUnit(a, "dpm")} dpm`) / atoms).toBeCloseTo(1, 10);
      }),
    );
  });

  it("maxSpecificActivityPerLabel is 62.39 mCi/mmol, the textbook 62.4 (doc example)", () => {
    expect(maxSpecificActivityPerLabel().toNumber("mCi/mmol")).toBeCloseTo(62.39, 2);
  });

  it("modernCarbonC14('1 g') decays at 13.56 dpm, the tabulated 13.56 dpm/g C within 0.1 % (doc example)", () => {
    const r = modernCarbonC14("1 g");
    // Closed form: m/M_C · N_A · 1.176e-12 · ln 2 / t½ · 60 s/min.
    const expected = (1 / 12.011) * 6.02214076e23 * 1.176e-12 * (Math.LN2 / (5730 * 365.25 * 86400)) * 60;
    expect(r.activity.toNumber("dpm")).toBeCloseTo(expected, 10);
    expect(r.activity.toNumber("dpm")).toBeCloseTo(13.56, 2);
    expect(Math.abs(r.activity.toNumber("dpm") / C14.modernDpmPerGramCarbon - 1)).toBeLessThan(1e-3);
    expect(r.atoms / 5.9e10).toBeCloseTo(1, 1);
  });

  it("decay functions reject bad input", () => {
    expect(() => activityFromAtoms(-1)).toThrow(/activityFromAtoms: atoms must be 0 or greater; received -1/);
    expect(() => atomsFromActivity("1 mSv")).toThrow(/atomsFromActivity: activity expected a radioactivity/);
    expect(() => modernCarbonC14("1 mL")).toThrow(/modernCarbonC14: carbonMass expected a mass/);
  });
});

describe("counting statistics", () => {
  it("poissonRelativePrecision(10000) is 1 % and countsForPrecision(0.05) is 400 (doc examples)", () => {
    expect(poissonRelativePrecision(10000)).toBeCloseTo(0.01, 15);
    expect(countsForPrecision(0.05)).toBe(400);
    expect(countsForPrecision(0.01)).toBe(10000);
  });

  it("countsForPrecision gives the smallest N achieving the precision (property)", () => {
    assertProperty(
      fc.property(fc.double({ min: 0.001, max: 1, noNaN: true }), (p) => {
        const n = countsForPrecision(p);
        expect(poissonRelativePrecision(n)).toBeLessThanOrEqual(p * (1 + 1e-9));
        if (n > 1) expect(poissonRelativePrecision(n - 1)).toBeGreaterThan(p * (1 - 1e-9));
      }),
    );
  });

  it("counting functions reject bad input", () => {
    expect(() => poissonRelativePrecision(0)).toThrow(
      /poissonRelativePrecision: counts must be greater than 0; received 0/,
    );
    expect(() => countsForPrecision(5)).toThrow(/countsForPrecision: relativePrecision must be at most 1/);
  });
});

describe("atoms in a sample", () => {
  it("the text's claim: 1 mL at 0.5 pg/mL holds over a thousand 14C atoms (MW 400 g/mol, one 14C per molecule)", () => {
    // Assumptions stated: MW 400 g/mol, every molecule carries one 14C.
    const r = c14AtomsInSample({ concentration: "0.5 pg/mL", volume: "1 mL", molecularWeight: "400 g/mol" });
    expect(r.molecules).toBeCloseTo((0.5e-12 / 400) * 6.02214076e23, -2);
    expect(r.atoms / 7.528e8).toBeCloseTo(1, 3);
    expect(r.atoms).toBeGreaterThan(1000);
    expect(r.steps[0]).toMatch(/= 1.250e-15 mol/);
    expect(r.steps[1]).toMatch(/= 7.528e\+8/);
  });

  it("the claim holds across MW 300–500 g/mol and for a typical microtracer label (37 kBq per 100 ug)", () => {
    for (const mw of [300, 400, 500]) {
      expect(
        c14AtomsInSample({ concentration: "0.5 pg/mL", volume: "1 mL", molecularWeight: `${mw} g/mol` }).atoms,
      ).toBeGreaterThan(1000);
    }
    const tracer = c14AtomsInSample({
      concentration: "0.5 pg/mL",
      volume: "1 mL",
      molecularWeight: "400 g/mol",
      specificActivity: "370 kBq/mg",
    });
    expect(tracer.labelledMolecules / tracer.molecules).toBeCloseTo(0.06411, 4);
    expect(tracer.atoms).toBeGreaterThan(4.8e7);
    // The claim fails only below a label fraction of 1000 / 7.53e8 ≈ 1.33e-6.
    expect(
      c14AtomsInSample({
        concentration: "0.5 pg/mL",
        volume: "1 mL",
        molecularWeight: "400 g/mol",
        labelFraction: 1e-6,
      }).atoms,
    ).toBeLessThan(1000);
  });

  it("c14AtomsInSample accepts molar concentrations and counts atomsPerMolecule", () => {
    const r = c14AtomsInSample({
      concentration: "1 pM",
      volume: "1 mL",
      molecularWeight: "400 g/mol",
      atomsPerMolecule: 2,
    });
    expect(r.molecules).toBeCloseTo(1e-15 * 6.02214076e23, -1);
    expect(r.atoms).toBeCloseTo(2 * r.molecules, -1);
    expect(r.activity.toNumber("Bq")).toBeCloseTo(r.atoms * C14.decayConstantPerSecond, 15);
  });

  it("labelFractionFromSpecificActivity: 370 kBq/mg at 400 g/mol labels 6.4 % of molecules (doc examples)", () => {
    expect(labelFractionFromSpecificActivity("370 kBq/mg", "400 g/mol")).toBeCloseTo(0.06411, 5);
    expect(labelFractionFromSpecificActivity("62.39 mCi/mmol", "400 g/mol")).toBeCloseTo(1, 4);
    expect(labelFractionFromSpecificActivity("10 uCi/umol", "400 g/mol", 2)).toBeCloseTo(10 / 62.39 / 2, 4);
  });

  it("labelFractionFromSpecificActivity requires its specific activity and molecular weight (a missing one returned 1, 'fully labelled', before issue 12)", () => {
    const call = labelFractionFromSpecificActivity as (...args: unknown[]) => number;
    expect(() => call(undefined, "400 g/mol")).toThrow(
      'labelFractionFromSpecificActivity: specificActivity is required: an activity per mass or per amount, e.g. "370 kBq/mg" or "62.4 mCi/mmol"; received undefined',
    );
    expect(() => call(null, "400 g/mol")).toThrow(/labelFractionFromSpecificActivity: specificActivity is required/);
    expect(() => call("370 kBq/mg", undefined)).toThrow(
      "labelFractionFromSpecificActivity: molecularWeight must be a quantity with a unit; received undefined",
    );
    expect(() => call("370 kBq/mg", "400 g/mol", null)).toThrow(
      "labelFractionFromSpecificActivity: atomsPerMolecule must be an integer >= 1; received null",
    );
  });

  it("the other AMS functions throw for a missing argument instead of assuming a value", () => {
    const missing: [string, () => unknown, RegExp][] = [
      [
        "activityFromAtoms",
        () => (activityFromAtoms as (a?: number) => unknown)(),
        /activityFromAtoms: atoms must be a finite number; received undefined/,
      ],
      [
        "atomsFromActivity",
        () => (atomsFromActivity as (a?: string) => unknown)(),
        /atomsFromActivity: activity must be a quantity with a unit; received undefined/,
      ],
      [
        "poissonRelativePrecision",
        () => (poissonRelativePrecision as (a?: number) => unknown)(),
        /poissonRelativePrecision: counts must be a finite number; received undefined/,
      ],
      [
        "countsForPrecision",
        () => (countsForPrecision as (a?: number) => unknown)(),
        /countsForPrecision: relativePrecision must be a finite number; received undefined/,
      ],
      [
        "modernCarbonC14",
        () => (modernCarbonC14 as (a?: string) => unknown)(),
        /modernCarbonC14: carbonMass must be a quantity with a unit; received undefined/,
      ],
      [
        "c14AtomsInSample",
        () =>
          c14AtomsInSample({ volume: "1 mL", molecularWeight: "400 g/mol" } as unknown as Parameters<
            typeof c14AtomsInSample
          >[0]),
        /c14AtomsInSample: concentration must be a quantity with a unit; received undefined/,
      ],
      [
        "lowestQuantifiableConcentration",
        () =>
          lowestQuantifiableConcentration({ volume: "1 mL", molecularWeight: "400 g/mol" } as unknown as Parameters<
            typeof lowestQuantifiableConcentration
          >[0]),
        /lowestQuantifiableConcentration: targetPrecision must be a finite number; received undefined/,
      ],
    ];
    for (const [name, call, message] of missing) expect(call, name).toThrow(message);
  });

  it("atoms in a sample scale linearly with concentration and volume (property)", () => {
    assertProperty(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        (c, v) => {
          const one = c14AtomsInSample({
            concentration: "1 pg/mL",
            volume: "1 mL",
            molecularWeight: "400 g/mol",
          }).atoms;
          const r = c14AtomsInSample({
            concentration: `${c} pg/mL`,
            volume: `${v} mL`,
            molecularWeight: "400 g/mol",
          }).atoms;
          expect(r / (one * c * v)).toBeCloseTo(1, 10);
        },
      ),
    );
  });

  it("sample functions reject invalid labels and quantities", () => {
    const base = { concentration: "0.5 pg/mL", volume: "1 mL", molecularWeight: "400 g/mol" };
    expect(() => c14AtomsInSample({ ...base, labelFraction: 0 })).toThrow(
      /c14AtomsInSample: labelFraction must be greater than 0/,
    );
    expect(() => c14AtomsInSample({ ...base, labelFraction: 0.5, specificActivity: "1 kBq/mg" })).toThrow(
      /labelFraction cannot be given together with specificActivity/,
    );
    expect(() => c14AtomsInSample({ ...base, specificActivity: "100 mCi/mmol" })).toThrow(
      /specificActivity is above the theoretical maximum for 1 14C per molecule \(62.39 mCi\/mmol\)/,
    );
    expect(() => c14AtomsInSample({ ...base, specificActivity: "1 kBq" })).toThrow(
      /specificActivity must be an activity per mass or per amount/,
    );
    expect(() => c14AtomsInSample({ ...base, volume: "1 mg" })).toThrow(/c14AtomsInSample: volume expected a volume/);
    expect(() => c14AtomsInSample({ ...base, atomsPerMolecule: 1.5 })).toThrow(
      /atomsPerMolecule must be an integer >= 1/,
    );
  });
});

describe("lowestQuantifiableConcentration", () => {
  const input = {
    targetPrecision: 0.05,
    volume: "1 mL",
    molecularWeight: "400 g/mol",
    labelFraction: 0.01,
    countingEfficiency: 0.01,
  };

  it("lowestQuantifiableConcentration: 5 % precision, 1 % label, 1 % efficiency in 1 mL is 0.0027 pg/mL (doc example)", () => {
    const r = lowestQuantifiableConcentration(input);
    expect(r.countsNeeded).toBe(400);
    expect(r.atomsNeeded).toBeCloseTo(40000, 9);
    // 400 / 0.01 / 0.01 = 4e6 molecules → 4e6 / N_A × 400 g/mol / 1e-3 L.
    expect(r.concentration.toNumber("pg/mL")).toBeCloseTo(((4e6 / 6.02214076e23) * 400) / 1e-3 / 1e-9, 12);
    expect(r.concentration.toNumber("pg/mL")).toBeCloseTo(0.002657, 6);
  });

  it("a sample at the lowest quantifiable concentration yields the target precision (round-trip property)", () => {
    assertProperty(
      fc.property(
        fc.double({ min: 0.005, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        (p, label, eff) => {
          const r = lowestQuantifiableConcentration({
            targetPrecision: p,
            volume: "1 mL",
            molecularWeight: "400 g/mol",
            labelFraction: label,
            countingEfficiency: eff,
          });
          const atoms = c14AtomsInSample({
            concentration: r.concentration,
            volume: "1 mL",
            molecularWeight: "400 g/mol",
            labelFraction: label,
          }).atoms;
          expect(poissonRelativePrecision(atoms * eff)).toBeLessThanOrEqual(p * (1 + 1e-9));
        },
      ),
    );
  });

  it("lowestQuantifiableConcentration rejects precision or efficiency outside (0, 1]", () => {
    expect(() => lowestQuantifiableConcentration({ ...input, targetPrecision: 0 })).toThrow(
      /targetPrecision must be greater than 0/,
    );
    expect(() => lowestQuantifiableConcentration({ ...input, countingEfficiency: 2 })).toThrow(
      /countingEfficiency must be between 0 and 1; received 2/,
    );
  });
});
