import { describe, expect, it } from "vitest";
import {
  lambertW0,
  michaelisMentenAucInf,
  michaelisMentenConcentration,
  nca,
  repeatedDoses,
  simulateMichaelisMenten,
} from "../../src";

/**
 * Reference values at 17 significant digits from mpmath 1.3.0 (mp.dps = 40), evaluated at the
 * exact double value of each argument:
 *   from mpmath import mp, lambertw, mpf; mp.dps = 40; lambertw(mpf(float(x))).real
 */
/* eslint-disable no-loss-of-precision -- the 17 digits are mpmath's, kept as printed; each literal parses to the nearest double */
const W0_REFERENCE: readonly [number, number][] = [
  [-0.36787944117144233, -0.99999999999999998],
  [-0.36, -0.80608431597081762],
  [-0.3, -0.48940222718021493],
  [-0.2, -0.25917110181907376],
  [-1e-10, -1.0000000001e-10],
  [1e-300, 1.0e-300],
  [1e-20, 9.9999999999999995e-21],
  [1e-8, 9.9999999000000017e-9],
  [0.001, 0.00099900149733853091],
  [0.1, 0.091276527160862269],
  [0.5, 0.35173371124919583],
  [1, 0.56714329040978387],
  [2, 0.85260550201372549],
  [10, 1.7455280027406994],
  [100, 3.3856301402900502],
  [1e4, 7.2318460380933727],
  [1e10, 20.028685413304951],
  [1e50, 110.42491882731335],
  [1e150, 339.56011295458728],
  [1e300, 684.24720862976085],
  [1.7976931348623157e308, 703.22703310477019],
];

/**
 * C(t) = Km·W0((C0/Km)·exp((C0 − Vmax·t)/Km)) at 40 digits with mpmath (the exponent formed in
 * arbitrary precision), [c0, vmax, km, t, C]: spans C0/Km from 0.01 to 1e6 and C down to 1e-235.
 */
const MM_REFERENCE: readonly [number, number, number, number, number][] = [
  [0.01, 0.2, 1, 1, 0.0082020412135999082],
  [0.01, 0.2, 1, 48, 6.8409374810544883e-7],
  [1, 0.2, 1, 10, 0.27846454276107377],
  [100, 0.2, 1, 48, 90.499822298832945],
  [10000.0, 5, 0.5, 100, 9500.0256452974431],
  [1000000.0, 1, 1, 3, 999997.000003],
  [2, 5, 1, 24, 1.1331336352717879e-51],
  [0.5, 1, 2, 0.25, 0.45197268844031777],
  // Deep tails, where W0's Halley step once overflowed (1/w² for w < 1e-154) and C came out 1.3 % low:
  [10, 2, 1, 48, 4.4737793061811207e-37],
  [2, 5, 1, 60, 7.6080680503859241e-130],
  [1, 1.8049974968133695, 1, 197.17, 7.458340731199858e-155],
  [1, 1.8049974968133695, 1, 300, 1.8372094361045931e-235],
  [0.5, 0.4, 2, 1000, 8.8847915719791893e-88],
];
/* eslint-enable no-loss-of-precision */

describe("lambertW0", () => {
  it("lambertW0(1) is the omega constant 0.5671432904097838 (doc example)", () => {
    expect(lambertW0(1)).toBe(0.5671432904097838);
  });

  it("lambertW0(Math.E) is 1 (doc example)", () => {
    expect(lambertW0(Math.E)).toBe(1);
  });

  it("lambertW0(x) matches 40-digit mpmath values to 1e-15 relative on [−1/e, 1.8e308]", () => {
    for (const [x, w] of W0_REFERENCE) {
      const got = lambertW0(x);
      expect(Math.abs(got - w) / Math.abs(w), `x = ${x}`).toBeLessThanOrEqual(1e-15);
    }
  });

  it("lambertW0(x) near the branch point is accurate to the conditioning of W (relative error ≤ 1e-16/(1 + W))", () => {
    // W'(x) = W/(x(1 + W)): a rounding of x by 1e-16 moves W by 1e-16/(1 + W) relative.
    const x = -0.3678794;
    // eslint-disable-next-line no-loss-of-precision -- mpmath's 17 digits, kept as printed
    const w = -0.99952696660770053; // mpmath at the double x
    expect(Math.abs(lambertW0(x) / w - 1)).toBeLessThan((2e-16 / (1 + w)) * 1.5);
  });

  it("lambertW0(x)·e^{lambertW0(x)} reproduces x across many decades", () => {
    for (let e = -300; e <= 300; e += 7) {
      const x = 1.2345 * 10 ** e;
      const w = lambertW0(x);
      const back = w > 700 ? Math.exp(Math.log(w) + w - Math.log(x)) : (w * Math.exp(w)) / x;
      expect(Math.abs(back - 1), `x = ${x}`).toBeLessThan(1e-14 * Math.max(1, w));
    }
  });

  it("lambertW0 rejects x below −1/e and non-finite x", () => {
    expect(() => lambertW0(-0.5)).toThrow(
      /lambertW0: x must be at least −1\/e \(-0\.36787944117144233\); received -0\.5/,
    );
    expect(() => lambertW0(Infinity)).toThrow("lambertW0: x must be a finite number; received Infinity");
  });
});

describe("michaelisMentenConcentration", () => {
  it("michaelisMentenConcentration(0, { c0: 10, vmax: 2, km: 1 }) is C0 (doc example)", () => {
    expect(michaelisMentenConcentration(0, { c0: 10, vmax: 2, km: 1 })).toBe(10);
  });

  it("michaelisMentenConcentration(1, { c0: 1, vmax: 1, km: 1 }) is Km·W0(1) = 0.5671 (doc example)", () => {
    expect(michaelisMentenConcentration(1, { c0: 1, vmax: 1, km: 1 })).toBeCloseTo(0.5671432904097838, 15);
  });

  it("michaelisMentenConcentration matches 40-digit references to 1e-14 relative (plus the conditioning of e^(−Vmax·t/Km) in deep tails), C0/Km = 0.01 … 1e6, C down to 1e-235", () => {
    for (const [c0, vmax, km, t, c] of MM_REFERENCE) {
      // Rounding Vmax·t/Km (one ulp of an exponent of ~540) alone moves C by ~540·1.1e-16 relative.
      const conditioning = (vmax * t * Number.EPSILON) / km;
      expect(Math.abs(michaelisMentenConcentration(t, { c0, vmax, km }) / c - 1), `c0 = ${c0}, t = ${t}`).toBeLessThan(
        1e-14 + conditioning,
      );
    }
  });

  it("michaelisMentenConcentration satisfies the implicit solution Km·ln(C0/C) + C0 − C = Vmax·t", () => {
    const p = { c0: 50, vmax: 3, km: 4 };
    for (const t of [0.5, 5, 15, 20, 30]) {
      const c = michaelisMentenConcentration(t, p);
      expect((p.km * Math.log(p.c0 / c) + p.c0 - c) / (p.vmax * t)).toBeCloseTo(1, 12);
    }
  });

  it("michaelisMentenConcentration tends to first-order decay with ke = Vmax/Km when C0 ≪ Km", () => {
    const c = michaelisMentenConcentration(10, { c0: 1e-9, vmax: 0.5, km: 2 });
    expect(c / (1e-9 * Math.exp((-0.5 / 2) * 10))).toBeCloseTo(1, 8);
  });

  it("michaelisMentenConcentration rejects a negative time and a zero Km", () => {
    expect(() => michaelisMentenConcentration(-1, { c0: 1, vmax: 1, km: 1 })).toThrow(
      "michaelisMentenConcentration: t must be 0 or greater; received -1",
    );
    expect(() => michaelisMentenConcentration(1, { c0: 1, vmax: 1, km: 0 })).toThrow(
      "michaelisMentenConcentration: km must be greater than 0; received 0",
    );
  });
});

describe("michaelisMentenAucInf", () => {
  it("michaelisMentenAucInf({ c0: 2, vmax: 1, km: 1 }) is (1·2 + 2²/2)/1 = 4 (doc example)", () => {
    expect(michaelisMentenAucInf({ c0: 2, vmax: 1, km: 1 })).toBe(4);
  });

  it("michaelisMentenAucInf equals the integral of the closed form (numerical AUC to ∞)", () => {
    const p = { c0: 30, vmax: 4, km: 3 };
    const sim = simulateMichaelisMenten(
      { doses: [{ time: 0, amount: p.c0 * 10, route: "iv-bolus" }], volume: 10, vmax: p.vmax, km: p.km },
      { times: [0, 200] },
    );
    expect(sim.auc / michaelisMentenAucInf(p)).toBeCloseTo(1, 9);
  });

  it("michaelisMentenAucInf rejects a negative vmax", () => {
    expect(() => michaelisMentenAucInf({ c0: 2, vmax: -1, km: 1 })).toThrow(
      "michaelisMentenAucInf: vmax must be greater than 0; received -1",
    );
  });
});

describe("simulateMichaelisMenten", () => {
  const hourly = Array.from({ length: 49 }, (_, i) => i);

  it("simulateMichaelisMenten of a 100 mg bolus in 10 L equals the closed form at 1 h (doc example)", () => {
    const sim = simulateMichaelisMenten(
      { doses: [{ time: 0, amount: 100, route: "iv-bolus" }], volume: 10, vmax: 2, km: 1 },
      { times: [0, 1] },
    );
    expect(sim.conc[0]).toBe(10);
    expect(sim.conc[1]).toBeCloseTo(michaelisMentenConcentration(1, { c0: 10, vmax: 2, km: 1 }), 9);
  });

  for (const ratio of [0.01, 0.1, 1, 10, 100]) {
    it(`simulateMichaelisMenten agrees with the Lambert-W closed form to 1e-8 relative over 0–48 h (C0/Km = ${ratio})`, () => {
      const km = 2;
      const vmax = 0.4; // low-concentration half-life ln2·Km/Vmax = 3.5 h: C spans 4 decades at C0/Km = 0.01
      const c0 = ratio * km;
      const volume = 20;
      const sim = simulateMichaelisMenten(
        { doses: [{ time: 0, amount: c0 * volume, route: "iv-bolus" }], volume, vmax, km },
        { times: hourly },
      );
      const worst = Math.max(
        ...hourly.map((t, i) => Math.abs(sim.conc[i] / michaelisMentenConcentration(t, { c0, vmax, km }) - 1)),
      );
      expect(worst).toBeLessThan(1e-8);
      // AUC(0–48) exactly: ∫C dt = ∫ (Km + C)/Vmax dC from C(48) to C0
      const c48 = michaelisMentenConcentration(48, { c0, vmax, km });
      const aucExact = (km * (c0 - c48) + (c0 * c0 - c48 * c48) / 2) / vmax;
      expect(Math.abs(sim.auc / aucExact - 1)).toBeLessThan(1e-8);
    });
  }

  it("simulateMichaelisMenten keeps full relative accuracy in the tail and never goes negative, so nca() accepts its output (issue 12: −4.78e-27 at 48 h)", () => {
    const times = [0, 12, 24, 48, 96];
    const sim = simulateMichaelisMenten(
      { doses: [{ time: 0, amount: 500, route: "iv-bolus" }], volume: 50, vmax: 2, km: 1 },
      { times },
    );
    times.forEach((t, i) => {
      const exact = michaelisMentenConcentration(t, { c0: 10, vmax: 2, km: 1 }); // 4.47e-37 at 48 h, 1e-78 at 96 h
      expect(Math.abs(sim.conc[i] / exact - 1), `t = ${t}`).toBeLessThan(1e-8);
    });
    const r = nca(sim.time, sim.conc, { dose: 500, route: "iv-bolus" });
    expect(r.cmax).toBe(10);
  });

  it("simulateMichaelisMenten restarts at each bolus: a second dose at 12 h continues from the closed form", () => {
    const p = { vmax: 1, km: 2 };
    const sim = simulateMichaelisMenten(
      { doses: repeatedDoses({ amount: 50, tau: 12, count: 2, route: "iv-bolus" }), volume: 10, ...p },
      { times: [11, 12, 18] },
    );
    const before = michaelisMentenConcentration(12, { c0: 5, ...p });
    expect(sim.conc[0]).toBeCloseTo(michaelisMentenConcentration(11, { c0: 5, ...p }), 9);
    expect(sim.conc[1]).toBeCloseTo(before + 5, 9);
    expect(sim.conc[2] / michaelisMentenConcentration(6, { c0: before + 5, ...p })).toBeCloseTo(1, 9);
  });

  it("simulateMichaelisMenten with oral doses tends to the linear Bateman curve when C ≪ Km", () => {
    const km = 1000;
    const vmax = 100; // Vmax/Km = 0.1 1/h
    const sim = simulateMichaelisMenten(
      { doses: [{ time: 0, amount: 1, route: "oral" }], volume: 10, vmax, km, ka: 1, f: 0.5 },
      { times: [0, 2, 8] },
    );
    const bateman = (t: number) => ((0.5 * 1 * 1) / (10 * 0.9)) * (Math.exp(-0.1 * t) - Math.exp(-t));
    expect(sim.conc[0]).toBe(0);
    expect(sim.conc[1] / bateman(2)).toBeCloseTo(1, 4);
    expect(sim.conc[2] / bateman(8)).toBeCloseTo(1, 4);
  });

  it("simulateMichaelisMenten reports AUC up to tEnd, beyond the last observation", () => {
    const model = { doses: [{ time: 0, amount: 10, route: "iv-bolus" as const }], volume: 1, vmax: 1, km: 1 };
    const short = simulateMichaelisMenten(model, { times: [0, 1], tEnd: 100 });
    expect(short.auc / michaelisMentenAucInf({ c0: 10, vmax: 1, km: 1 })).toBeCloseTo(1, 9);
  });

  it("simulateMichaelisMenten rejects unsorted times, a missing ka for oral doses and a negative tolerance", () => {
    const model = { doses: [{ time: 0, amount: 10, route: "iv-bolus" as const }], volume: 1, vmax: 1, km: 1 };
    expect(() => simulateMichaelisMenten(model, { times: [0, 2, 1] })).toThrow(
      "simulateMichaelisMenten: grid.times must be strictly increasing (index 2: 2 then 1); received [0, 2, 1]",
    );
    expect(() => simulateMichaelisMenten(model, { times: [-1, 2] })).toThrow(
      "simulateMichaelisMenten: grid.times must not contain negative values; received [-1, 2]",
    );
    expect(() =>
      simulateMichaelisMenten({ ...model, doses: [{ time: 0, amount: 10, route: "oral" }] }, { times: [0, 1] }),
    ).toThrow(/ka is required when a dose is oral/);
    expect(() => simulateMichaelisMenten(model, { times: [0, 1], rtol: -1 })).toThrow(
      "simulateMichaelisMenten: grid.rtol must be greater than 0; received -1",
    );
    expect(() => simulateMichaelisMenten(model, { times: [0] })).toThrow(
      /grid.times must extend beyond 0 when tEnd is not given/,
    );
  });
});
