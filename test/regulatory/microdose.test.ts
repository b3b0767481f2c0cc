import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assertProperty } from "../support/properties";
import { classifyMicrodose, maxMicrodose, MICRODOSE_LIMITS } from "../../src";

describe("maxMicrodose", () => {
  it('maxMicrodose("20 mg") is 100 ug: the absolute cap is lower than 20 mg / 100 = 200 ug (worked example)', () => {
    expect(maxMicrodose("20 mg").toString()).toBe("100 ug");
    expect(maxMicrodose("20 mg").toNumber("ug")).toBeCloseTo(100, 9);
  });

  it('maxMicrodose("5 mg") is 50 ug: 1/100 of the active dose binds', () => {
    expect(maxMicrodose("5 mg").toString()).toBe("50 ug");
  });

  it("maxMicrodose with modality protein uses 30 nmol as a mass (4.5 mg for a 150 kDa antibody)", () => {
    expect(maxMicrodose("2 g", { modality: "protein", molecularWeight: "150000 g/mol" }).toNumber("ug")).toBeCloseTo(
      4500,
      6,
    );
    // The 1/100 rule still applies: 100 mg / 100 = 1 mg < 4.5 mg.
    expect(maxMicrodose("100 mg", { modality: "protein", molecularWeight: "150000 g/mol" }).toNumber("ug")).toBeCloseTo(
      1000,
      6,
    );
  });

  it("maxMicrodose with modality antibody caps at 100 ug (source 000)", () => {
    expect(maxMicrodose("1 g", { modality: "antibody" }).toNumber("ug")).toBeCloseTo(100, 9);
  });

  it("maxMicrodose accepts a mathjs Unit and returns a mass Unit", async () => {
    const { math } = await import("../../src");
    const limit = maxMicrodose(math.unit(0.02, "g"));
    expect(limit.equalBase(math.unit("1 g"))).toBe(true);
  });

  it("maxMicrodose(D) is min(D/100, 100 ug) for every small-molecule dose (property)", () => {
    assertProperty(
      fc.property(fc.double({ min: 1e-3, max: 1e7, noNaN: true }), (ug) => {
        const limit = maxMicrodose(`${ug} ug`).toNumber("ug");
        const expected = Math.min(ug / 100, 100);
        expect(Math.abs(limit - expected)).toBeLessThanOrEqual(1e-9 * expected);
        expect(limit).toBeLessThanOrEqual(MICRODOSE_LIMITS.smallMoleculeCapUg * (1 + 1e-12));
      }),
    );
  });

  it("maxMicrodose rejects a dose that is not a positive mass", () => {
    expect(() => maxMicrodose("5 nM")).toThrow(/maxMicrodose: minPharmacologicalDose expected a mass/);
    expect(() => maxMicrodose("0 mg")).toThrow(/minPharmacologicalDose must be greater than zero/);
    expect(() => maxMicrodose("-1 mg")).toThrow(/must not be negative/);
    expect(() => maxMicrodose(20 as unknown as string)).toThrow(/a bare number has no unit/);
  });

  it("maxMicrodose needs a molecular weight for a protein and a known modality", () => {
    expect(() => maxMicrodose("20 mg", { modality: "protein" })).toThrow(
      /opts.molecularWeight is required when modality is "protein"/,
    );
    expect(() => maxMicrodose("20 mg", { modality: "peptide" as never })).toThrow(
      /opts.modality must be one of "small-molecule", "protein", "antibody"; received peptide/,
    );
    expect(() => maxMicrodose("20 mg", { modality: "protein", molecularWeight: "5 mg" })).toThrow(
      /opts.molecularWeight expected a molecular weight/,
    );
  });
});

describe("classifyMicrodose", () => {
  it('classifyMicrodose("80 ug", { minPharmacologicalDose: "20 mg" }) qualifies (worked example)', () => {
    const r = classifyMicrodose("80 ug", { minPharmacologicalDose: "20 mg" });
    expect(r.isMicrodose).toBe(true);
    expect(r.limit.toNumber("ug")).toBeCloseTo(100, 9);
    expect(r.reasons[1]).toBe("The administered dose of 80 ug is within the 100 ug limit, so it is a microdose.");
  });

  it('classifyMicrodose("150 ug", ...) does not qualify although it is below D_min/100 (worked example)', () => {
    const r = classifyMicrodose("150 ug", { minPharmacologicalDose: "20 mg" });
    expect(r.isMicrodose).toBe(false);
    expect(r.reasons[0]).toBe(
      "The limit is 100 ug: the lesser of 1/100 of the minimum pharmacologically active dose (20 mg / 100 = 200 ug) and the absolute cap of 100 ug for a small molecule; the cap is the more restrictive.",
    );
    expect(r.reasons[1]).toMatch(
      /exceeds the 100 ug limit, so it is not a microdose, even though it does not exceed 1\/100 of the active dose \(200 ug\): the absolute cap binds/,
    );
  });

  it("classifyMicrodose judges the administered 200 ug at F = 0.2, not the bioavailable 40 ug (worked example)", () => {
    const r = classifyMicrodose("200 ug", { minPharmacologicalDose: "20 mg", bioavailability: 0.2 });
    expect(r.isMicrodose).toBe(false);
    const why = r.reasons[2];
    expect(why).toMatch(/only 40 ug would reach the systemic circulation/);
    expect(why).toMatch(/the limit applies to the administered dose of 200 ug/);
    expect(why).toMatch(/F is usually unknown before the study/);
  });

  it("classifyMicrodose gives the same verdict whatever the bioavailability (property)", () => {
    assertProperty(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ug, f) => {
          const plain = classifyMicrodose(`${ug} ug`, { minPharmacologicalDose: "20 mg" }).isMicrodose;
          expect(
            classifyMicrodose(`${ug} ug`, { minPharmacologicalDose: "20 mg", bioavailability: f }).isMicrodose,
          ).toBe(plain);
          expect(plain).toBe(ug <= 100);
        },
      ),
    );
  });

  it("classifyMicrodose treats a dose exactly at the limit as a microdose, across prefixes", () => {
    expect(classifyMicrodose("0.1 mg", { minPharmacologicalDose: "20 mg" }).isMicrodose).toBe(true);
    expect(classifyMicrodose("50 ug", { minPharmacologicalDose: "5 mg" }).isMicrodose).toBe(true);
  });

  it("classifyMicrodose excludes exactly 100 ug for an antibody ('less than 100 ug', source 000)", () => {
    const at = classifyMicrodose("100 ug", { minPharmacologicalDose: "1 g", modality: "antibody" });
    expect(at.isMicrodose).toBe(false);
    expect(at.reasons[1]).toMatch(/not less than the 100 ug antibody cap/);
    expect(classifyMicrodose("99 ug", { minPharmacologicalDose: "1 g", modality: "antibody" }).isMicrodose).toBe(true);
  });

  it("classifyMicrodose of a protein explains the 30 nmol cap in mass", () => {
    const r = classifyMicrodose("3 mg", {
      minPharmacologicalDose: "2 g",
      modality: "protein",
      molecularWeight: "150000 g/mol",
    });
    expect(r.isMicrodose).toBe(true);
    expect(r.reasons[0]).toMatch(/the protein cap of 30 nmol \(4.5 mg at this molecular weight\)/);
  });

  it("classifyMicrodose rejects bad input with a message naming the argument", () => {
    expect(() => classifyMicrodose("80 ug", {} as never)).toThrow(
      /classifyMicrodose: opts.minPharmacologicalDose is required/,
    );
    expect(() => classifyMicrodose("80 ug", { minPharmacologicalDose: "20 mg", bioavailability: 1.2 })).toThrow(
      /opts.bioavailability must be between 0 and 1; received 1.2/,
    );
    expect(() => classifyMicrodose("80 uL", { minPharmacologicalDose: "20 mg" })).toThrow(
      /classifyMicrodose: dose expected a mass/,
    );
    expect(() => classifyMicrodose("80 ug", null as never)).toThrow(/opts must be an options object/);
  });
});
