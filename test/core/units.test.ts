import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assertProperty } from "../support/properties";
import {
  amountToMass,
  formatQuantity,
  inUnit,
  InputError,
  kindOf,
  magnitude,
  massToAmount,
  quantity,
  toMassConcentration,
  toMolarConcentration,
  unit,
} from "../../src";

describe("units", () => {
  it("massToAmount(mass, mw) divides by the molecular weight", () => {
    expect(inUnit(massToAmount("100 ug", "500 g/mol"), "nmol")).toBeCloseTo(200, 10);
  });
  it("amountToMass(amount, mw) multiplies by the molecular weight", () => {
    expect(inUnit(amountToMass("30 nmol", "150000 g/mol"), "mg")).toBeCloseTo(4.5, 10);
  });
  it('toMolarConcentration("1 ng/mL", "400 g/mol") is 2.5 nM', () => {
    expect(inUnit(toMolarConcentration("1 ng/mL", "400 g/mol"), "nM")).toBeCloseTo(2.5, 10);
  });
  it('toMassConcentration("5 nM", "400 g/mol") is 2 ng/mL', () => {
    expect(inUnit(toMassConcentration("5 nM", "400 g/mol"), "ng/mL")).toBeCloseTo(2, 10);
  });
  it("ng/mL -> nM -> ng/mL round-trips for any concentration and molecular weight", () => {
    assertProperty(
      fc.property(
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.double({ min: 10, max: 2e5, noNaN: true }),
        (c, mw) => {
          const back = inUnit(
            toMassConcentration(toMolarConcentration(unit(c, "ng/mL"), unit(mw, "g/mol")), unit(mw, "g/mol")),
            "ng/mL",
          );
          expect(back).toBeCloseTo(c, 6);
        },
      ),
    );
  });
  it("knows the units pharmacology needs: M, Bq, Ci, dpm, Sv", () => {
    expect(inUnit("1 uM", "nM")).toBeCloseTo(1000, 9);
    expect(inUnit("1 uCi", "kBq")).toBeCloseTo(37, 9);
    expect(inUnit("60 dpm", "Bq")).toBeCloseTo(1, 12);
    expect(inUnit("1 mSv", "uSv")).toBeCloseTo(1000, 9);
    expect(kindOf(unit("3 mg*h/L"))).toBe("auc");
    expect(kindOf(unit("0.17 h^-1"))).toBe("rateConstant");
  });
  it("quantity(...) rejects a dimension mismatch with the expected kind and the value received", () => {
    expect(() => quantity("maxMicrodose", "minPharmacologicalDose", "5 nM", "mass")).toThrow(
      'maxMicrodose: minPharmacologicalDose expected a mass (e.g. "100 ug"); received 5 nM',
    );
  });
  it("quantity(...) rejects bare numbers, unparsable strings and negative values", () => {
    expect(() => quantity("f", "dose", 5, "mass")).toThrow(
      /f: dose must be a quantity with a unit \(a bare number has no unit/,
    );
    expect(() => quantity("f", "dose", "five mg", "mass")).toThrow(
      /f: dose must be a quantity with a unit such as "20 mg"/,
    );
    expect(() => quantity("f", "dose", "-5 mg", "mass")).toThrow("f: dose must not be negative; received -5 mg");
    expect(() => quantity("f", "dose", "0 mg", "mass", { allowZero: false })).toThrow(
      "f: dose must be greater than zero; received 0 mg",
    );
    expect(() => quantity("f", "dose", "5 mg", "mass")).not.toThrow();
  });
  it("magnitude(...) gives a plain number in the requested unit", () => {
    expect(magnitude("f", "k", "1 / min", "rateConstant", "h^-1")).toBeCloseTo(60, 10);
    expect(magnitude("f", "d", "0.2 mg", "mass", "ug")).toBeCloseTo(200, 10);
  });
  it("inUnit(value, unitName) refuses a unit of another dimension", () => {
    expect(() => inUnit("5 mg", "nM")).toThrow(InputError);
    expect(() => inUnit("5 mg", "nM")).toThrow(/inUnit: unitName must have the dimension of mg/);
  });
  it("formatQuantity writes compact units with significant figures", () => {
    expect(formatQuantity("0.2 mg", "ug")).toBe("200 ug");
    expect(formatQuantity("12 mg*h/L")).toBe("12 mg·h/L");
    expect(formatQuantity("10 L/h")).toBe("10 L/h");
    expect(formatQuantity("3 mg/L/h")).toBe("3 mg/(L·h)");
    expect(formatQuantity("2/3 ng/mL".replace("2/3", String(2 / 3)))).toBe("0.6667 ng/mL");
  });
  it("unit(number, name) and formatQuantity reject what they cannot represent, naming the argument", () => {
    expect(unit(200, "ug").toNumber("mg")).toBeCloseTo(0.2, 15);
    expect(() => unit(NaN, "mg")).toThrow("unit: value must be a finite number; received NaN");
    expect(() => unit(1, "furlongs")).toThrow(/unit: unitName must be a unit mathjs knows .*; received furlongs/);
    expect(() => formatQuantity("0.2 mg", "mL")).toThrow(
      "formatQuantity: unitName must have the dimension of mg; received mL",
    );
    expect(() => formatQuantity("0.2 mg", "parsecs")).toThrow(/formatQuantity: unitName must be a unit mathjs knows/);
    expect(() => formatQuantity("0.2 mg", "ug", 0)).toThrow(
      "formatQuantity: significantDigits must be an integer from 1 to 15; received 0",
    );
  });
  it("massToAmount rejects a molecular weight of zero or of the wrong kind", () => {
    expect(() => massToAmount("1 mg", "0 g/mol")).toThrow(
      "massToAmount: molecularWeight must be greater than zero; received 0 g/mol",
    );
    expect(() => massToAmount("1 mg", "400 g")).toThrow(/massToAmount: molecularWeight expected a molecular weight/);
  });
});
