import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assertProperty } from "../support/properties";
import { createRandom, doseProportionality, studentTQuantile } from "../../src";

describe("doseProportionality", () => {
  it("doseProportionality fits b = 1 to exactly proportional data with scatter (doc example)", () => {
    const r = doseProportionality([0.1, 0.1, 0.1, 100, 100, 100], [1, 1.1, 0.9, 1000, 1100, 900]);
    expect(r.b).toBeCloseTo(1, 12);
    expect(r.a).toBeCloseTo(Math.exp(Math.log(10) + (Math.log(1.1) + Math.log(0.9)) / 3), 10);
    expect(r.doseRatio).toBeCloseTo(1000, 9);
    expect(r.proportional).toBe(true);
  });

  it("doseProportionality's CI and acceptance limits follow Smith et al. (2000) by hand", () => {
    const doses = [1, 1, 3, 3, 10, 10, 30, 30];
    const aucs = [2.1, 1.9, 6.5, 5.8, 22, 19, 70, 61];
    const r = doseProportionality(doses, aucs);
    // Hand computation of the OLS slope on the log–log scale.
    const x = doses.map(Math.log);
    const y = aucs.map(Math.log);
    const mx = x.reduce((a, b) => a + b) / 8;
    const my = y.reduce((a, b) => a + b) / 8;
    const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
    const b = x.reduce((s, v, i) => s + (v - mx) * (y[i] - my), 0) / sxx;
    const rss = x.reduce((s, v, i) => s + (y[i] - (my - b * mx) - b * v) ** 2, 0);
    const se = Math.sqrt(rss / 6 / sxx);
    const t = studentTQuantile(0.95, 6);
    expect(t).toBeCloseTo(1.94318, 5);
    expect(r.b).toBeCloseTo(b, 12);
    expect(r.bSe).toBeCloseTo(se, 12);
    expect(r.ci[0]).toBeCloseTo(b - t * se, 12);
    expect(r.ci[1]).toBeCloseTo(b + t * se, 12);
    expect(r.acceptance[0]).toBeCloseTo(1 + Math.log(0.8) / Math.log(30), 12);
    expect(r.acceptance[1]).toBeCloseTo(1 + Math.log(1.25) / Math.log(30), 12);
    expect(r.proportional).toBe(r.ci[0] >= r.acceptance[0] && r.ci[1] <= r.acceptance[1]);
  });

  it("doseProportionality rejects proportionality over a 1000-fold range when b = 1.15 (saturable elimination)", () => {
    const rng = createRandom(11);
    const doses = [0.1, 0.1, 0.1, 1, 1, 1, 10, 10, 10, 100, 100, 100];
    const aucs = doses.map((d) => 2 * d ** 1.15 * Math.exp(rng.normal(0, 0.05)));
    const r = doseProportionality(doses, aucs);
    expect(r.b).toBeGreaterThan(1.1);
    expect(r.proportional).toBe(false);
    expect(r.conclusion).toMatch(/dose proportionality is not shown; the data support it only over a dose ratio of/);
    expect(r.maxProportionalDoseRatio).toBeLessThan(1000);
  });

  it("doseProportionality recovers a and b exactly from noise-free power-law data (property)", () => {
    assertProperty(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0.5, max: 1.5, noNaN: true }),
        (a, b) => {
          const doses = [0.1, 1, 10, 100];
          const r = doseProportionality(
            doses,
            doses.map((d) => a * d ** b),
          );
          expect(r.b).toBeCloseTo(b, 9);
          expect(r.a / a).toBeCloseTo(1, 9);
        },
      ),
    );
  });

  it("doseProportionality rejects too few points, equal doses, non-positive values and bad limits", () => {
    expect(() => doseProportionality([1, 2], [1, 2])).toThrow(/doseProportionality: doses must have at least 3 values/);
    expect(() => doseProportionality([1, 1, 1], [1, 2, 3])).toThrow(/doses must contain at least two different doses/);
    expect(() => doseProportionality([1, 2, 0], [1, 2, 3])).toThrow(/doses\[2\] must be greater than 0; received 0/);
    expect(() => doseProportionality([1, 2, 3], [1, 2, 3], { thetaLow: 1.1 })).toThrow(
      /opts needs thetaLow < 1 < thetaHigh/,
    );
    expect(() => doseProportionality([1, 2, 3], [1, 2, 3], { confidence: 1 })).toThrow(
      /opts.confidence must be between 0 and 1/,
    );
  });
});
