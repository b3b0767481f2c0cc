import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assertProperty } from "../support/properties";
import {
  ivBolusConcentration,
  oralConcentration,
  percentiles,
  simulatePopulation,
  summarizePopulation,
  type PopulationOptions,
} from "../../src";

const oralPopulation: PopulationOptions = {
  model: "oral",
  typical: { cl: 5, v: 50, ka: 1.2, f: 0.8 },
  omega: { cl: 0.3, v: 0.2, ka: 0.4 },
  residual: { proportional: 0.15 },
  n: 400,
  times: [0.5, 1, 2, 4, 8, 12, 24],
  dose: 100,
  seed: 20240607,
};

describe("simulatePopulation", () => {
  it("simulatePopulation without variability makes every subject typical (doc example)", () => {
    const subjects = simulatePopulation({
      model: "iv-bolus",
      typical: { cl: 5, v: 50 },
      n: 2,
      times: [0, 10],
      dose: 100,
      seed: 1,
    });
    expect(subjects[0].ipred[0]).toBe(2);
    expect(subjects[0].ipred[1]).toBeCloseTo(2 * Math.exp(-1), 14);
    expect(subjects[1].ipred).toEqual(subjects[0].ipred);
    expect(subjects[0].conc).toEqual(subjects[0].ipred);
  });

  it("simulatePopulation is reproducible: the same seed gives identical subjects", () => {
    expect(simulatePopulation(oralPopulation)).toEqual(simulatePopulation(oralPopulation));
  });

  it("simulatePopulation with a different seed gives different subjects", () => {
    const a = simulatePopulation(oralPopulation);
    const b = simulatePopulation({ ...oralPopulation, seed: oralPopulation.seed + 1 });
    expect(a[0].params.cl).not.toBe(b[0].params.cl);
    expect(a.map((s) => s.conc[3])).not.toEqual(b.map((s) => s.conc[3]));
  });

  it("simulatePopulation: the median individual CL is close to the typical value and log(CL) has SD ω", () => {
    const subjects = simulatePopulation({ ...oralPopulation, n: 2000 });
    const cl = subjects.map((s) => s.params.cl);
    const [median] = percentiles(cl, [0.5]);
    // standard error of the median of a log-normal with ω = 0.3 and n = 2000: ≈ 1.25·0.3/√2000 ≈ 0.8 %
    expect(Math.abs(median / 5 - 1)).toBeLessThan(0.03);
    const logs = cl.map(Math.log);
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1));
    expect(Math.abs(sd / 0.3 - 1)).toBeLessThan(0.06);
  });

  it("simulatePopulation: each subject's ipred is the oral model with that subject's parameters", () => {
    const s = simulatePopulation(oralPopulation)[7];
    s.time.forEach((t, i) => {
      const ka = s.params.ka as number;
      expect(s.ipred[i]).toBeCloseTo(
        oralConcentration(t, { dose: 100, f: 0.8, ka, ke: s.params.ke, volume: s.params.v }),
        14,
      );
    });
    expect(s.params.ke).toBeCloseTo(s.params.cl / s.params.v, 15);
  });

  it("simulatePopulation: proportional error drawn on the log scale keeps every observation positive", () => {
    const subjects = simulatePopulation({ ...oralPopulation, residual: { proportional: 1.5 } });
    for (const s of subjects) for (const c of s.conc) expect(c).toBeGreaterThan(0);
  });

  it("simulatePopulation reports observations below the LLOQ as BLQ (null), never as negative or truncated values", () => {
    const subjects = simulatePopulation({
      ...oralPopulation,
      residual: { proportional: 0.1, additive: 0.05 },
      lloq: 0.02,
      times: [0.25, 24, 48, 72],
    });
    let blq = 0;
    for (const s of subjects) {
      s.conc.forEach((c, i) => {
        expect(s.blq[i]).toBe(c === null);
        if (c !== null) expect(c).toBeGreaterThanOrEqual(0.02);
        else blq++;
      });
    }
    expect(blq).toBeGreaterThan(0);
  });

  it("simulatePopulation accepts a regimen of dose events and an infusion model", () => {
    const subjects = simulatePopulation({
      model: "iv-infusion",
      typical: { cl: 5, v: 50, duration: 1 },
      n: 3,
      times: [1, 13],
      dose: [
        { time: 0, amount: 50, route: "iv-infusion", duration: 1 },
        { time: 12, amount: 50, route: "iv-infusion", duration: 1 },
      ],
      seed: 3,
    });
    expect(subjects[0].ipred[1]).toBeGreaterThan(subjects[0].ipred[0]);
  });

  it("simulatePopulation rejects a missing ka for the oral model, a dose route that differs from the model and a fractional n", () => {
    expect(() => simulatePopulation({ ...oralPopulation, typical: { cl: 5, v: 50 } })).toThrow(
      "simulatePopulation: typical.ka must be a finite number; received undefined",
    );
    expect(() => simulatePopulation({ ...oralPopulation, dose: [{ time: 0, amount: 1, route: "iv-bolus" }] })).toThrow(
      'simulatePopulation: dose[0].route must match the model "oral"; received iv-bolus',
    );
    expect(() => simulatePopulation({ ...oralPopulation, n: 2.5 })).toThrow(
      "simulatePopulation: n must be an integer >= 1; received 2.5",
    );
    expect(() => simulatePopulation({ ...oralPopulation, omega: { cl: -0.3 } })).toThrow(
      "simulatePopulation: omega.cl must be 0 or greater; received -0.3",
    );
    expect(() => simulatePopulation({ ...oralPopulation, seed: 1.5 })).toThrow(/seed must be an integer/);
  });
});

const logit = (p: number): number => Math.log(p / (1 - p));
const sampleSd = (xs: readonly number[]): number => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
};
const correlation = (xs: readonly number[], ys: readonly number[]): number => {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i] - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
};
/** The log of observed / predicted: the proportional residual ε each observation carries. */
const logResiduals = (subjects: ReturnType<typeof simulatePopulation>): number[] =>
  subjects.flatMap((s) => s.conc.map((c, j) => Math.log((c as number) / s.ipred[j])));

describe("simulatePopulation: variability on F and crossover designs", () => {
  it("simulatePopulation with omega.f draws logit-normal F_i: median F, SD ω on the logit scale, always inside (0, 1)", () => {
    const subjects = simulatePopulation({
      ...oralPopulation,
      typical: { ...oralPopulation.typical, f: 0.3 },
      omega: { f: 0.8 },
      n: 2000,
    });
    const f = subjects.map((s) => s.params.f);
    for (const fi of f) {
      expect(fi).toBeGreaterThan(0);
      expect(fi).toBeLessThan(1);
    }
    // SE of the median of logit F ≈ 1.25·0.8/√2000 ≈ 0.022 on the logit scale
    expect(Math.abs(logit(percentiles(f, [0.5])[0]) - logit(0.3))).toBeLessThan(0.07);
    expect(Math.abs(sampleSd(f.map(logit)) / 0.8 - 1)).toBeLessThan(0.06);
  });

  it("simulatePopulation uses each subject's own F_i in its oral profile", () => {
    const s = simulatePopulation({ ...oralPopulation, omega: { ...oralPopulation.omega, f: 0.5 } })[3];
    expect(s.params.f).not.toBe(0.8);
    s.time.forEach((t, i) => {
      expect(s.ipred[i]).toBeCloseTo(
        oralConcentration(t, {
          dose: 100,
          f: s.params.f,
          ka: s.params.ka as number,
          ke: s.params.ke,
          volume: s.params.v,
        }),
        14,
      );
    });
  });

  it("simulatePopulation keeps 0 < F_i <= 1 for any typical F in (0, 1) and any ω_F (property)", () => {
    assertProperty(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.integer(),
        (f, omegaF, seed) => {
          const subjects = simulatePopulation({
            model: "oral",
            typical: { cl: 5, v: 50, ka: 1, f },
            omega: { f: omegaF },
            n: 20,
            times: [1],
            dose: 1,
            seed,
          });
          for (const s of subjects) {
            expect(s.params.f).toBeGreaterThan(0);
            expect(s.params.f).toBeLessThanOrEqual(1);
            expect(Number.isFinite(s.ipred[0])).toBe(true);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it("simulatePopulation adding omega.f does not change the subjects' CL, V or ka", () => {
    const without = simulatePopulation(oralPopulation);
    const withF = simulatePopulation({ ...oralPopulation, omega: { ...oralPopulation.omega, f: 0.5 } });
    expect(withF.map((s) => [s.params.cl, s.params.v, s.params.ka])).toEqual(
      without.map((s) => [s.params.cl, s.params.v, s.params.ka]),
    );
  });

  it("simulatePopulation rejects omega.f > 0 when typical F is 1, and a residualSeed that is not an integer", () => {
    expect(() =>
      simulatePopulation({ ...oralPopulation, typical: { cl: 5, v: 50, ka: 1 }, omega: { f: 0.3 } }),
    ).toThrow(
      "simulatePopulation: typical.f must be below 1 when omega.f > 0 (F is logit-normal: logit(F_i) = logit(F) + η, and logit(1) is infinite); received 1",
    );
    expect(() => simulatePopulation({ ...oralPopulation, omega: { f: -0.1 } })).toThrow(
      "simulatePopulation: omega.f must be 0 or greater; received -0.1",
    );
    expect(() => simulatePopulation({ ...oralPopulation, residualSeed: 0.5 })).toThrow(
      "simulatePopulation: residualSeed must be an integer >= -9007199254740991; received 0.5",
    );
  });

  it("simulatePopulation with the same seed and another residualSeed keeps every subject and redraws only the assay error", () => {
    const period1 = simulatePopulation({ ...oralPopulation, residualSeed: 1 });
    const period2 = simulatePopulation({ ...oralPopulation, residualSeed: 2 });
    expect(period2.map((s) => s.params)).toEqual(period1.map((s) => s.params));
    expect(period2.map((s) => s.ipred)).toEqual(period1.map((s) => s.ipred));
    expect(period2.map((s) => s.conc)).not.toEqual(period1.map((s) => s.conc));
    expect(simulatePopulation({ ...oralPopulation, residualSeed: 1 })).toEqual(period1);
    // Independent errors: the two periods' residuals are uncorrelated (n = 2800, |r| < 0.06 is
    // 3 standard errors) and each still has SD σ = 0.15 on the log scale.
    const e1 = logResiduals(period1);
    const e2 = logResiduals(period2);
    expect(Math.abs(correlation(e1, e2))).toBeLessThan(0.06);
    expect(Math.abs(sampleSd(e2) / 0.15 - 1)).toBeLessThan(0.05);
  });

  it("simulatePopulation without residualSeed repeats the same assay errors in every period (why residualSeed exists)", () => {
    const before = simulatePopulation(oralPopulation);
    const after = simulatePopulation({ ...oralPopulation, typical: { ...oralPopulation.typical, cl: 2 } });
    expect(correlation(logResiduals(before), logResiduals(after))).toBeCloseTo(1, 12);
  });

  it("simulatePopulation crossover: an IV microtracer arm and an oral arm share each subject's CL and V; only F separates them", () => {
    const shared = {
      typical: { cl: 10, v: 100, ka: 1.2, f: 0.4 },
      omega: { cl: 0.3, v: 0.2, ka: 0.4, f: 0.5 },
      residual: { proportional: 0.1 },
      n: 12,
      times: [1, 4, 12],
      seed: 77,
    };
    const iv = simulatePopulation({ ...shared, model: "iv-bolus", dose: 0.1, residualSeed: 1 });
    const oral = simulatePopulation({ ...shared, model: "oral", dose: 100, residualSeed: 2 });
    iv.forEach((s, i) => {
      expect(oral[i].params.cl).toBe(s.params.cl);
      expect(oral[i].params.v).toBe(s.params.v);
      expect(s.ipred[1]).toBeCloseTo(ivBolusConcentration(4, { dose: 0.1, volume: s.params.v, ke: s.params.ke }), 14);
    });
    const e1 = iv.flatMap((s) => s.conc.map((c, j) => (c as number) / s.ipred[j]));
    const e2 = oral.flatMap((s) => s.conc.map((c, j) => (c as number) / s.ipred[j]));
    expect(e1).not.toEqual(e2);
  });

  it("simulatePopulation before and after an inhibitor: the same seed scales every subject's CL by the same factor", () => {
    const before = simulatePopulation({ ...oralPopulation, residualSeed: 10 });
    const after = simulatePopulation({
      ...oralPopulation,
      typical: { ...oralPopulation.typical, cl: 2 },
      residualSeed: 11,
    });
    after.forEach((s, i) => expect(s.params.cl / before[i].params.cl).toBeCloseTo(0.4, 12));
  });

  it("simulatePopulation gives each subject its own random effects (no subject reuses another's η)", () => {
    const subjects = simulatePopulation({ ...oralPopulation, n: 50 });
    const etas = subjects.flatMap((s) =>
      [Math.log(s.params.cl / 5), Math.log(s.params.v / 50), Math.log((s.params.ka as number) / 1.2)].map((x) =>
        x.toFixed(12),
      ),
    );
    expect(new Set(etas).size).toBe(etas.length);
  });
});

describe("percentiles and summarizePopulation", () => {
  it("percentiles([1, 2, 3, 4, 5], [0.05, 0.5, 0.95]) interpolates like R's type 7 (doc example)", () => {
    const [p5, p50, p95] = percentiles([1, 2, 3, 4, 5], [0.05, 0.5, 0.95]);
    expect(p5).toBeCloseTo(1.2, 14);
    expect(p50).toBe(3);
    expect(p95).toBeCloseTo(4.8, 14);
  });

  it("percentiles stays finite between values near the largest double (no overflow in b − a)", () => {
    expect(percentiles([-1.7e308, 1.7e308], [0, 0.5, 1])).toEqual([-1.7e308, 0, 1.7e308]);
  });

  it("percentiles is non-decreasing in p and stays within [min, max] (property)", () => {
    assertProperty(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 10 }),
        (values, ps) => {
          const sortedPs = ps.slice().sort((a, b) => a - b);
          const q = percentiles(values, sortedPs);
          const lo = Math.min(...values);
          const hi = Math.max(...values);
          q.forEach((v, i) => {
            expect(v).toBeGreaterThanOrEqual(lo);
            expect(v).toBeLessThanOrEqual(hi);
            if (i > 0) expect(v).toBeGreaterThanOrEqual(q[i - 1] - 1e-9 * Math.max(1, Math.abs(v)));
          });
        },
      ),
    );
  });

  it("percentiles does not modify its input", () => {
    const values = [3, 1, 2];
    percentiles(values, [0.5]);
    expect(values).toEqual([3, 1, 2]);
  });

  it("percentiles rejects an empty sample and a probability outside [0, 1]", () => {
    expect(() => percentiles([], [0.5])).toThrow("percentiles: values must not be empty; received []");
    expect(() => percentiles([1], [1.5])).toThrow(
      "percentiles: ps[0] must be a probability between 0 and 1; received 1.5",
    );
  });

  it("summarizePopulation of identical subjects gives the same value at every percentile (doc example)", () => {
    const subjects = simulatePopulation({
      model: "iv-bolus",
      typical: { cl: 5, v: 50 },
      n: 3,
      times: [0],
      dose: 100,
      seed: 1,
    });
    expect(summarizePopulation(subjects).ipred).toEqual([[2], [2], [2]]);
  });

  it("summarizePopulation orders the 5/50/95 % bands and marks percentiles that fall among BLQ values as null", () => {
    const subjects = simulatePopulation({
      ...oralPopulation,
      residual: { proportional: 0.1, additive: 0.05 },
      lloq: 0.05,
      times: [2, 72],
    });
    const summary = summarizePopulation(subjects);
    expect(summary.ps).toEqual([0.05, 0.5, 0.95]);
    expect(summary.ipred[0][0]).toBeLessThan(summary.ipred[1][0]);
    expect(summary.ipred[1][0]).toBeLessThan(summary.ipred[2][0]);
    expect(summary.observed[0][1]).toBeNull(); // most subjects are BLQ at 72 h
  });

  it("summarizePopulation rejects an empty population", () => {
    expect(() => summarizePopulation([])).toThrow(
      "summarizePopulation: subjects must be a non-empty array of simulated subjects; received []",
    );
  });
});
