import { describe, expect, it } from "vitest";
import { nca } from "../../src";

const rel = (actual: number | null, expected: number): number => Math.abs((actual as number) / expected - 1);

describe("nca on a hand-computed profile", () => {
  const time = [0, 1, 2, 4];
  const conc = [0, 8, 4, 1];

  it("nca(time, conc) uses the linear trapezoid between observations", () => {
    const r = nca(time, conc, { dose: 10, route: "extravascular" });
    expect(r.aucLast).toBe(15); // 4 + 6 + 5
    expect(r.aumcLast).toBe(24); // 4 + 8 + 12
    expect(r.mrtLast).toBeCloseTo(1.6, 12);
    expect(r.cmax).toBe(8);
    expect(r.tmax).toBe(1);
    expect(r.cmaxD).toBeCloseTo(0.8, 12);
  });

  it("nca(time, conc, { aucMethod: 'linear-up-log-down' }) uses the log trapezoid only on declining segments", () => {
    const r = nca(time, conc, { dose: 10, route: "extravascular", aucMethod: "linear-up-log-down" });
    const expected = 4 + 4 / Math.log(2) + (2 * 3) / Math.log(4);
    expect(r.aucLast).toBeCloseTo(expected, 12);
    // AUMC log segment: (t1C1 − t2C2)/k + (C1 − C2)/k²
    const k1 = Math.log(2);
    const k2 = Math.log(4) / 2;
    const aumc = 4 + (8 - 8) / k1 + 4 / (k1 * k1) + (8 - 4) / k2 + 3 / (k2 * k2);
    expect(r.aumcLast).toBeCloseTo(aumc, 12);
  });

  it("nca(...) doc example: AUClast of [0, 8, 4, 1] is 15", () => {
    expect(nca([0, 1, 2, 4], [0, 8, 4, 1], { dose: 10, route: "extravascular" }).aucLast).toBe(15);
  });

  it("nca(...) inserts (0, 0) for extravascular data without a time-0 sample", () => {
    const r = nca([1, 2, 4], [8, 4, 1], { dose: 10, route: "extravascular" });
    expect(r.aucLast).toBe(15);
    expect(r.c0).toBe(0);
    expect(r.c0Method).toBe("inserted-zero");
  });

  it("nca(...) keeps a measurable pre-dose sample at t = 0 as observed (Theoph subject 1)", () => {
    const r = nca([0, 1, 2], [0.74, 8, 4], { dose: 10, route: "extravascular" });
    expect(r.c0).toBe(0.74);
    expect(r.c0Method).toBe("observed");
    expect(r.aucLast).toBeCloseTo((0.74 + 8) / 2 + 6, 12);
    expect(r.tlag).toBe(0);
  });

  it("nca(...) reports tlag as the sample before the first measurable concentration", () => {
    expect(nca([0, 0.5, 1, 2, 4], [0, 0, 3, 2, 1], { dose: 1, route: "extravascular" }).tlag).toBe(0.5);
  });
});

describe("nca on a mono-exponential IV bolus C(t) = C0·e^(−kt)", () => {
  const c0 = 12;
  const k = 0.23;
  const dose = 60;
  const time = [0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24];
  const conc = time.map((t) => c0 * Math.exp(-k * t));
  const r = nca(time, conc, { dose, route: "iv-bolus", aucMethod: "linear-up-log-down" });
  const tlast = 24;
  const clast = conc[conc.length - 1];

  it("back-extrapolates C0 exactly from the first two samples", () => {
    expect(rel(r.c0, c0)).toBeLessThan(1e-12);
    expect(r.c0Method).toBe("log-back-extrapolation");
  });

  it("recovers λz = k and t½ = ln 2/k from all points (ties in adjusted R² go to the most points)", () => {
    expect(rel(r.lambdaZ, k)).toBeLessThan(1e-12);
    expect(rel(r.halfLife, Math.LN2 / k)).toBeLessThan(1e-12);
    expect(r.lambdaZPoints).toBe(time.length);
    expect(r.lambdaZLower).toBe(0.5);
    expect(r.r2).toBeCloseTo(1, 12);
  });

  it("linear-up/log-down AUClast is exact: (C0/k)(1 − e^(−k·tlast))", () => {
    expect(rel(r.aucLast, (c0 / k) * (1 - Math.exp(-k * tlast)))).toBeLessThan(1e-12);
  });

  it("AUCinf = C0/k, CL = D·k/C0, Vz = Vss = D/C0, MRT = 1/k", () => {
    expect(rel(r.aucInfObs, c0 / k)).toBeLessThan(1e-12);
    expect(rel(r.aucInfPred, c0 / k)).toBeLessThan(1e-12);
    expect(rel(r.cl, (dose * k) / c0)).toBeLessThan(1e-12);
    expect(rel(r.vz, dose / c0)).toBeLessThan(1e-12);
    expect(rel(r.vss, dose / c0)).toBeLessThan(1e-12);
    expect(rel(r.mrtInfObs, 1 / k)).toBeLessThan(1e-12);
  });

  it("AUMC closed forms: AUMClast = (C0/k²)(1 − e^(−kT)(1 + kT)), AUMCinf = C0/k²", () => {
    expect(rel(r.aumcLast, (c0 / k ** 2) * (1 - Math.exp(-k * tlast) * (1 + k * tlast)))).toBeLessThan(1e-11);
    expect(rel(r.aumcInfObs, c0 / k ** 2)).toBeLessThan(1e-12);
  });

  it("AUC %extrap = 100·e^(−k·tlast) and AUC %back-extrap = 100·(1 − e^(−k·t1))", () => {
    expect(rel(r.aucPctExtrapObs, 100 * Math.exp(-k * tlast))).toBeLessThan(1e-9);
    expect(rel(r.aucPctBackExtrapObs, 100 * (1 - Math.exp(-k * 0.5)))).toBeLessThan(1e-12);
    expect(rel(r.clastPred, clast)).toBeLessThan(1e-12);
  });

  it("the linear trapezoid overestimates the same declining profile", () => {
    const linear = nca(time, conc, { dose, route: "iv-bolus" });
    expect(linear.aucLast as number).toBeGreaterThan(r.aucLast as number);
  });

  it("a bolus whose first two samples do not decline takes C0 = the first observation", () => {
    const rising = nca([0.5, 1, 2, 4, 8], [3, 4, 3, 2, 1], { dose: 1, route: "iv-bolus" });
    expect(rising.c0).toBe(3);
    expect(rising.c0Method).toBe("first-observed");
  });
});

describe("nca on a Bateman (first-order absorption) profile", () => {
  const dose = 100;
  const v = 20;
  const ka = 1.5;
  const k = 0.1;
  const bateman = (t: number): number => ((dose * ka) / (v * (ka - k))) * (Math.exp(-k * t) - Math.exp(-ka * t));
  const aucInf = dose / (v * k);
  const tmaxTrue = Math.log(ka / k) / (ka - k);

  it("AUCinf → D/CL on a fine grid; the best-fit λz is within 0.5 % of k", () => {
    const time = Array.from({ length: 961 }, (_, i) => i * 0.05);
    const conc = time.map(bateman);
    const r = nca(time, conc, { dose, route: "extravascular", aucMethod: "linear-up-log-down" });
    // The 1e-4 adjusted-R² tolerance lets the rule reach into the tail of absorption,
    // which biases λz slightly: that is the rule's behaviour, not an integration error.
    expect(rel(r.lambdaZ, k)).toBeLessThan(5e-3);
    expect(rel(r.aucInfObs, aucInf)).toBeLessThan(1e-4);
    expect(rel(r.cl, v * k)).toBeLessThan(1e-4);
    expect(Math.abs((r.tmax as number) - tmaxTrue)).toBeLessThanOrEqual(0.025);
    expect(r.cmax as number).toBeLessThanOrEqual(bateman(tmaxTrue));
  });

  it("nca(..., { lambdaZWindow }) on the post-absorption phase recovers k to 1e-6", () => {
    const time = [0, 0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48];
    const best = nca(time, time.map(bateman), { dose, route: "extravascular" });
    expect(best.lambdaZLower as number).toBeGreaterThan(best.tmax as number);
    const r = nca(time, time.map(bateman), { dose, route: "extravascular", lambdaZWindow: { start: 12, end: 48 } });
    expect(rel(r.lambdaZ, k)).toBeLessThan(1e-6);
    expect(r.lambdaZSelection).toBe("window");
    expect(r.lambdaZTimes).toEqual([12, 16, 24, 36, 48]);
    expect(rel(r.aucInfObs, (r.aucLast as number) + bateman(48) / (r.lambdaZ as number))).toBeLessThan(1e-14);
  });
});

describe("nca on a constant-rate infusion", () => {
  const dose = 50;
  const duration = 2;
  const v = 10;
  const k = 0.2;
  const rate = dose / duration;
  const conc = (t: number): number =>
    t <= duration
      ? (rate / (k * v)) * (1 - Math.exp(-k * t))
      : (rate / (k * v)) * (1 - Math.exp(-k * duration)) * Math.exp(-k * (t - duration));

  it("gives AUCinf = D/CL, MRTinf = 1/k (after subtracting duration/2) and Vss = V on a fine grid", () => {
    const time = Array.from({ length: 1201 }, (_, i) => i * 0.04);
    const r = nca(time, time.map(conc), { dose, route: "iv-infusion", duration, aucMethod: "linear-up-log-down" });
    expect(rel(r.aucInfObs, dose / (k * v))).toBeLessThan(1e-5);
    expect(rel(r.mrtInfObs, 1 / k)).toBeLessThan(1e-4);
    expect(rel(r.vss, v)).toBeLessThan(1e-4);
    expect(rel(r.lambdaZ, k)).toBeLessThan(1e-9);
    expect(r.tlag).toBeNull();
    expect(r.notes.tlag).toMatch(/only defined for extravascular/);
  });
});

describe("nca log-down AUMC on nearly level segments", () => {
  it("stays accurate as C2 → C1 (no cancellation): matches the linear trapezoid to 1e-9", () => {
    const time = [0, 1, 2];
    const conc = [0, 5, 5 * (1 - 1e-9)];
    const lin = nca(time, conc, { dose: 1, route: "extravascular" });
    const log = nca(time, conc, { dose: 1, route: "extravascular", aucMethod: "linear-up-log-down" });
    expect(rel(log.aumcLast, lin.aumcLast as number)).toBeLessThan(1e-9);
    expect(rel(log.aucLast, lin.aucLast as number)).toBeLessThan(1e-9);
  });

  it("agrees with the textbook (t1C1 − t2C2)/k + (C1 − C2)/k² where that is well conditioned", () => {
    for (const ratio of [0.999, 0.99, 0.9, 0.5, 0.01]) {
      const c1 = 3;
      const c2 = 3 * ratio;
      const k = Math.log(c1 / c2) / 2;
      const textbook = (1 * c1 - 3 * c2) / k + (c1 - c2) / (k * k);
      const r = nca([0, 1, 3], [0, c1, c2], { dose: 1, route: "extravascular", aucMethod: "linear-up-log-down" });
      expect(rel((r.aumcLast as number) - 1 * c1 * 0.5, textbook)).toBeLessThan(1e-9);
    }
  });
});

describe("nca on a pathological bolus profile", () => {
  it("reports null with a reason when C0 back-extrapolation overflows, never Infinity", () => {
    const r = nca([50, 50.01, 51, 52], [100, 0.001, 0.0009, 0.0008], { dose: 1, route: "iv-bolus" });
    expect(r.c0).toBeNull();
    expect(r.notes.c0).toBe("overflows the double range for this profile (C0 back-extrapolation overflowed)");
    expect(r.aucLast).toBeNull();
    expect(r.cmax).toBe(100);
  });
});
