import { describe, expect, it } from "vitest";
import { nca } from "../../src";

describe("nca(...) λz best-fit rule", () => {
  it("excludes Cmax for extravascular dosing: candidates start after tmax", () => {
    // Exact exponential from tmax on: including Cmax would also give R² = 1.
    const time = [0, 1, 2, 3, 4, 6];
    const conc = [0, 16, 8, 4, 2, 0.5];
    const r = nca(time, conc, { dose: 1, route: "extravascular" });
    expect(r.lambdaZLower).toBe(2);
    expect(r.lambdaZPoints).toBe(4);
  });

  it("may include Cmax for an IV bolus: candidates start at tmax", () => {
    const time = [1, 2, 3, 4, 6];
    const conc = [16, 8, 4, 2, 0.5];
    const r = nca(time, conc, { dose: 1, route: "iv-bolus" });
    expect(r.lambdaZLower).toBe(1);
    expect(r.lambdaZPoints).toBe(5);
    expect(r.lambdaZ).toBeCloseTo(Math.LN2, 12);
  });

  it("takes the largest adjusted R², and within 1e-4 of it the most points", () => {
    // Last three points exactly exponential; a fourth point far off the line.
    const time = [0, 1, 2, 4, 6, 8];
    const conc = [0, 10, 9, 4, 2, 1];
    const r = nca(time, conc, { dose: 1, route: "extravascular" });
    expect(r.lambdaZPoints).toBe(3);
    expect(r.lambdaZLower).toBe(4);
    expect(r.r2Adj).toBeCloseTo(1, 12);
  });

  it("prefers more points when a longer window's adjusted R² is within adjR2Tolerance", () => {
    // A small wobble: 4-point fit is slightly worse than the 3-point fit.
    const time = [0, 1, 2, 4, 6, 8];
    const conc = [0, 20, 8.05, 4, 2, 1];
    const strict = nca(time, conc, { dose: 1, route: "extravascular", adjR2Tolerance: 0 });
    const loose = nca(time, conc, { dose: 1, route: "extravascular", adjR2Tolerance: 1e-2 });
    expect(strict.lambdaZPoints).toBe(3);
    expect(loose.lambdaZPoints).toBe(4);
  });

  it("excludes zero concentrations from the regression", () => {
    const r = nca([0, 1, 2, 4, 6, 8, 12], [0, 10, 8, 4, 2, 1, 0], { dose: 1, route: "extravascular" });
    expect(r.lambdaZUpper).toBe(8);
    expect(r.tlast).toBe(8);
    expect(r.aucAll as number).toBeGreaterThan(r.aucLast as number);
    expect(r.aucAll).toBeCloseTo((r.aucLast as number) + (4 * 1) / 2, 12);
  });

  it("returns null λz with a reason when fewer than 3 points follow tmax", () => {
    const r = nca([0, 1, 2, 4], [0, 8, 4, 1], { dose: 10, route: "extravascular" });
    expect(r.lambdaZ).toBeNull();
    expect(r.notes.lambdaZ).toBe("fewer than 3 measurable points after tmax (2 available)");
    expect(r.aucInfObs).toBeNull();
    expect(r.notes.aucInfObs).toMatch(/^needs λz: fewer than 3/);
    expect(r.aucLast).toBe(15);
  });

  it("returns null λz with a reason when no window declines", () => {
    const r = nca([0, 1, 2, 3, 4, 5], [0, 9, 2, 3, 4, 5], { dose: 1, route: "extravascular" });
    expect(r.lambdaZ).toBeNull();
    expect(r.notes.lambdaZ).toMatch(/no terminal window of 3 or more points has a declining log-linear slope/);
  });

  it("lambdaZMinPoints raises the number of points the search starts from", () => {
    const r = nca([0, 1, 2, 4, 6, 8], [0, 10, 9, 4, 2, 1], { dose: 1, route: "extravascular", lambdaZMinPoints: 4 });
    expect(r.lambdaZPoints).toBe(4);
  });
});

describe("nca(...) λz chosen by the analyst", () => {
  const time = [0, 0.5, 1, 2, 4, 6, 8, 12];
  const conc = [0, 5, 9, 7, 4, 2.2, 1.3, 0.4];

  it("lambdaZTimes fits exactly the chosen samples", () => {
    const r = nca(time, conc, { dose: 1, route: "extravascular", lambdaZTimes: [4, 8, 12] });
    const slope = (Math.log(0.4) - Math.log(4)) / 8; // exact for the two ends…
    expect(r.lambdaZTimes).toEqual([4, 8, 12]);
    expect(r.lambdaZPoints).toBe(3);
    expect(r.lambdaZSelection).toBe("times");
    expect(r.lambdaZ as number).toBeGreaterThan(0);
    expect(Math.abs((r.lambdaZ as number) + slope)).toBeLessThan(0.05); // …and close for the middle one
  });

  it("lambdaZWindow with too few positive samples gives null with a reason", () => {
    const r = nca(time, conc, { dose: 1, route: "extravascular", lambdaZWindow: { start: 7, end: 12 } });
    expect(r.lambdaZ).toBeNull();
    expect(r.notes.lambdaZ).toBe("fewer than 3 positive concentrations in the window [7, 12] h (2)");
  });

  it("lambdaZWindow over a rising part gives null λz with a reason", () => {
    const r = nca(time, conc, {
      dose: 1,
      route: "extravascular",
      lambdaZWindow: { start: 0.5, end: 1.5 },
      lambdaZMinPoints: 3,
    });
    expect(r.lambdaZ).toBeNull();
    const rising = nca([0, 1, 2, 3], [0, 1, 2, 3], {
      dose: 1,
      route: "extravascular",
      lambdaZWindow: { start: 1, end: 3 },
    });
    expect(rising.notes.lambdaZ).toMatch(/is not declining \(λz = -0.5493 1\/h\)/);
  });
});
