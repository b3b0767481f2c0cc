import { describe, expect, it } from "vitest";
import { nca, partialAuc } from "../../src";

describe("partialAuc(time, conc, { start, end })", () => {
  it("doc example: interpolates linearly inside the samples", () => {
    expect(partialAuc([0, 1, 2], [0, 4, 2], { start: 0.5, end: 1.5 })).toBe(3.25);
  });

  it("over the whole sampled range equals AUClast", () => {
    const time = [0, 0.5, 1, 2, 4, 8];
    const conc = [0, 3, 5, 4, 2, 1];
    for (const aucMethod of ["linear", "linear-up-log-down"] as const) {
      const r = nca(time, conc, { dose: 1, route: "extravascular", aucMethod });
      expect(partialAuc(time, conc, { start: 0, end: 8, aucMethod })).toBeCloseTo(r.aucLast as number, 12);
    }
  });

  it("interpolates log-linearly on a declining segment under linear-up/log-down (exact for an exponential)", () => {
    const k = 0.3;
    const time = [0, 2, 6];
    const conc = time.map((t) => 10 * Math.exp(-k * t));
    const exact = (10 / k) * (Math.exp(-k * 1) - Math.exp(-k * 5));
    expect(partialAuc(time, conc, { start: 1, end: 5, aucMethod: "linear-up-log-down" })).toBeCloseTo(exact, 12);
  });

  it("extrapolates past the last sample with λz: AUC[tlast, ∞) → Clast/λz", () => {
    const a = partialAuc([0, 1, 2], [0, 4, 2], { start: 2, end: 1e4, lambdaZ: 0.5 });
    expect(a).toBeCloseTo(2 / 0.5, 12);
  });

  it("nca(..., { partialAucs }) reports intervals from the dose time, null with a reason past tlast without λz", () => {
    const r = nca([1, 2, 4], [8, 4, 1], {
      dose: 1,
      route: "extravascular",
      partialAucs: [
        { start: 0, end: 1 },
        { start: 2, end: 6 },
      ],
    });
    expect(r.partialAucs[0]).toEqual({ start: 0, end: 1, auc: 4 });
    expect(r.partialAucs[1].auc).toBeNull();
    expect(r.partialAucs[1].reason).toMatch(/needs λz: fewer than 3 measurable points after tmax/);
  });

  it("rejects a start before the first sample, an end past a positive last sample without λz, and bad profiles", () => {
    expect(() => partialAuc([1, 2], [1, 2], { start: 0, end: 2 })).toThrow(
      "partialAuc: options.start must not be before the first sample (1 h); received 0",
    );
    expect(() => partialAuc([1, 2], [1, 2], { start: 1, end: 3 })).toThrow(
      "partialAuc: options.lambdaZ is needed to extrapolate past the last sample (2 h); received undefined",
    );
    expect(() => partialAuc([1, 2], [1, 2], { start: 1, end: 3, lambdaZ: 0 })).toThrow(
      "partialAuc: options.lambdaZ must be greater than 0; received 0",
    );
    expect(() => partialAuc([2, 1], [1, 2], { start: 1, end: 2 })).toThrow(
      /partialAuc: time must be strictly increasing/,
    );
    expect(() => partialAuc([1, 2], [1, 2], { start: 1.5, end: 1.5 })).toThrow(
      "partialAuc: options.end must be greater than start (1.5); received 1.5",
    );
  });
});
