import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assertProperty } from "../support/properties";
import { regularizedIncompleteBeta, studentTCdf, studentTQuantile } from "../../src";

describe("Student's t distribution", () => {
  it("studentTQuantile matches tabulated two-sided 90 % and 95 % critical values (to 1e-6)", () => {
    // R: qt(c(.95,.95,.95,.95,.95,.975,.975,.999), c(1,2,5,10,30,10,3,3))
    const table: Array<[number, number, number]> = [
      [0.95, 1, 6.313752],
      [0.95, 2, 2.919986],
      [0.95, 5, 2.015048],
      [0.95, 10, 1.812461],
      [0.95, 30, 1.697261],
      [0.975, 10, 2.228139],
      [0.975, 3, 3.182446],
      [0.999, 3, 10.214532],
    ];
    for (const [p, df, t] of table) expect(studentTQuantile(p, df)).toBeCloseTo(t, 5);
  });

  it("studentTQuantile equals the closed forms for df = 1 (Cauchy) and df = 2", () => {
    assertProperty(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), (p) => {
        expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 7);
        expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 8);
      }),
    );
  });

  it("studentTQuantile(0.975, 1) is 12.7062 and (0.95, 10) is 1.812461 (doc examples)", () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(studentTQuantile(0.95, 10)).toBeCloseTo(1.812461, 6);
  });

  it("studentTQuantile approaches the normal quantile for large df", () => {
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 5);
  });

  it("studentTCdf inverts studentTQuantile and is symmetric (property)", () => {
    assertProperty(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        (p, df) => {
          const t = studentTQuantile(p, df);
          expect(studentTCdf(t, df)).toBeCloseTo(p, 10);
          expect(studentTCdf(-t, df)).toBeCloseTo(1 - p, 10);
        },
      ),
    );
    expect(studentTCdf(0, 5)).toBe(0.5);
  });

  it("regularizedIncompleteBeta matches closed forms I_x(1,1) = x and I_x(a,1) = x^a", () => {
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedIncompleteBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 13);
    expect(regularizedIncompleteBeta(0.7, 1, 3)).toBeCloseTo(1 - 0.3 ** 3, 13);
  });

  it("studentTQuantile rejects p outside (0, 1) and df <= 0", () => {
    expect(() => studentTQuantile(1, 5)).toThrow(
      /studentTQuantile: p must be between 0 and 1 \(exclusive\); received 1/,
    );
    expect(() => studentTQuantile(0.9, 0)).toThrow(/df must be greater than 0; received 0/);
    expect(() => studentTCdf(Number.NaN, 3)).toThrow(/studentTCdf: t must be a finite number/);
  });
});
