import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assertProperty } from "../support/properties";
import { createRandom, fitOccupancyModel } from "../../src";

const conc = [0.5, 1, 2, 5, 10, 20, 50];
const model = (emax: number, ec50: number) => (c: number) => (emax * c) / (ec50 + c);

describe("fitOccupancyModel", () => {
  it("fitOccupancyModel recovers EC50 = 4 from noise-free data with Emax fixed at 1 (doc example)", () => {
    const fit = fitOccupancyModel([1, 2, 5, 10, 20], [0.2, 1 / 3, 5 / 9, 5 / 7, 5 / 6], { emax: 1 });
    expect(fit.ec50).toBeCloseTo(4, 8);
    expect(fit.emax).toBe(1);
    expect(fit.emaxSe).toBeNull();
    expect(fit.rss).toBeLessThan(1e-18);
  });

  it("fitOccupancyModel recovers Emax and EC50 together from noise-free data (property)", () => {
    assertProperty(
      fc.property(
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        fc.double({ min: 0.8, max: 30, noNaN: true }),
        (emax, ec50) => {
          const fit = fitOccupancyModel(conc, conc.map(model(emax, ec50)));
          expect(fit.ec50).toBeCloseTo(ec50, 5);
          expect(fit.emax).toBeCloseTo(emax, 6);
          expect(fit.atSearchBoundary).toBe(false);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("fitOccupancyModel on noisy PET-like data satisfies the least-squares normal equations and reports SEs", () => {
    const rng = createRandom(7);
    const y = conc.map((c) => model(0.9, 6)(c) + rng.normal(0, 0.03));
    const fit = fitOccupancyModel(conc, y);
    // At the optimum the gradient of RSS vanishes: Σ r·∂f/∂θ = 0 for both parameters.
    let gEmax = 0;
    let gEc50 = 0;
    conc.forEach((c, i) => {
      const r = y[i] - fit.predict(c);
      gEmax += r * (c / (fit.ec50 + c));
      gEc50 += r * ((-fit.emax * c) / (fit.ec50 + c) ** 2);
    });
    expect(Math.abs(gEmax)).toBeLessThan(1e-8);
    expect(Math.abs(gEc50)).toBeLessThan(1e-8);
    expect(fit.df).toBe(5);
    expect(fit.residualSe).toBeCloseTo(Math.sqrt(fit.rss / 5), 12);
    expect(fit.ec50Se).toBeGreaterThan(0);
    expect(fit.emaxSe).toBeGreaterThan(0);
    // Truth lies within about 3 SE of the estimates.
    expect(Math.abs(fit.ec50 - 6)).toBeLessThan(3 * (fit.ec50Se as number));
    expect(Math.abs(fit.emax - 0.9)).toBeLessThan(3 * (fit.emaxSe as number));
  });

  it("fitOccupancyModel's EC50 SE matches the finite-difference Jacobian (Emax fixed)", () => {
    const rng = createRandom(3);
    const y = conc.map((c) => model(1, 5)(c) + rng.normal(0, 0.02));
    const fit = fitOccupancyModel(conc, y, { emax: 1 });
    const h = 1e-6 * fit.ec50;
    let jtj = 0;
    for (const c of conc) {
      const d = (model(1, fit.ec50 + h)(c) - model(1, fit.ec50 - h)(c)) / (2 * h);
      jtj += d * d;
    }
    const se = Math.sqrt(fit.rss / (conc.length - 1) / jtj);
    expect(fit.ec50Se).toBeCloseTo(se, 8);
  });

  it("fitOccupancyModel rejects bad input", () => {
    expect(() => fitOccupancyModel([1, 2], [0.1, 0.2])).toThrow(/fitOccupancyModel: conc must have at least 3 values/);
    expect(() => fitOccupancyModel([1, 2, 3, 4], [0.1, 0.2, 0.3])).toThrow(
      /conc and occupancy must have the same length/,
    );
    expect(() => fitOccupancyModel([0, 0, 0], [0.1, 0.2, 0.3])).toThrow(
      /conc must contain at least one concentration above 0/,
    );
    expect(() => fitOccupancyModel([1, -2, 3], [0.1, 0.2, 0.3])).toThrow(/conc must not contain negative values/);
    expect(() => fitOccupancyModel([1, 2, 3], [0.1, 0.2, 0.3], { emax: 0 })).toThrow(
      /opts.emax must be greater than 0/,
    );
  });

  it("fitOccupancyModel(...).predict(c) rejects a negative or non-finite concentration instead of returning nonsense", () => {
    const fit = fitOccupancyModel([1, 2, 5, 10, 20], [0.2, 1 / 3, 5 / 9, 5 / 7, 5 / 6], { emax: 1 });
    expect(fit.predict(4)).toBeCloseTo(0.5, 6);
    expect(() => fit.predict(-1)).toThrow("OccupancyFit.predict: c must be 0 or greater; received -1");
    expect(() => fit.predict(NaN)).toThrow("OccupancyFit.predict: c must be a finite number; received NaN");
  });
});
