import { describe, expect, it } from "vitest";
import { oralConcentration, percentiles, simulatePopulation, summarizePopulation, type PopulationOptions } from "../../src";

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
    const subjects = simulatePopulation({ model: "iv-bolus", typical: { cl: 5, v: 50 }, n: 2, times: [0, 10], dose: 100, seed: 1 });
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
      expect(s.ipred[i]).toBeCloseTo(oralConcentration(t, { dose: 100, f: 0.8, ka, ke: s.params.ke, volume: s.params.v }), 14);
    });
    expect(s.params.ke).toBeCloseTo(s.params.cl / s.params.v, 15);
  });

  it("simulatePopulation: proportional error drawn on the log scale keeps every observation positive", () => {
    const subjects = simulatePopulation({ ...oralPopulation, residual: { proportional: 1.5 } });
    for (const s of subjects) for (const c of s.conc) expect(c).toBeGreaterThan(0);
  });

  it("simulatePopulation reports observations below the LLOQ as BLQ (null), never as negative or truncated values", () => {
    const subjects = simulatePopulation({ ...oralPopulation, residual: { proportional: 0.1, additive: 0.05 }, lloq: 0.02, times: [0.25, 24, 48, 72] });
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
    expect(() => simulatePopulation({ ...oralPopulation, typical: { cl: 5, v: 50 } })).toThrow("simulatePopulation: typical.ka must be a finite number; received undefined");
    expect(() => simulatePopulation({ ...oralPopulation, dose: [{ time: 0, amount: 1, route: "iv-bolus" }] })).toThrow('simulatePopulation: dose[0].route must match the model "oral"; received iv-bolus');
    expect(() => simulatePopulation({ ...oralPopulation, n: 2.5 })).toThrow("simulatePopulation: n must be an integer >= 1; received 2.5");
    expect(() => simulatePopulation({ ...oralPopulation, omega: { cl: -0.3 } })).toThrow("simulatePopulation: omega.cl must be 0 or greater; received -0.3");
    expect(() => simulatePopulation({ ...oralPopulation, seed: 1.5 })).toThrow(/seed must be an integer/);
  });
});

describe("percentiles and summarizePopulation", () => {
  it("percentiles([1, 2, 3, 4, 5], [0.05, 0.5, 0.95]) interpolates like R's type 7 (doc example)", () => {
    const [p5, p50, p95] = percentiles([1, 2, 3, 4, 5], [0.05, 0.5, 0.95]);
    expect(p5).toBeCloseTo(1.2, 14);
    expect(p50).toBe(3);
    expect(p95).toBeCloseTo(4.8, 14);
  });

  it("percentiles does not modify its input", () => {
    const values = [3, 1, 2];
    percentiles(values, [0.5]);
    expect(values).toEqual([3, 1, 2]);
  });

  it("percentiles rejects an empty sample and a probability outside [0, 1]", () => {
    expect(() => percentiles([], [0.5])).toThrow("percentiles: values must not be empty; received []");
    expect(() => percentiles([1], [1.5])).toThrow("percentiles: ps[0] must be a probability between 0 and 1; received 1.5");
  });

  it("summarizePopulation of identical subjects gives the same value at every percentile (doc example)", () => {
    const subjects = simulatePopulation({ model: "iv-bolus", typical: { cl: 5, v: 50 }, n: 3, times: [0], dose: 100, seed: 1 });
    expect(summarizePopulation(subjects).ipred).toEqual([[2], [2], [2]]);
  });

  it("summarizePopulation orders the 5/50/95 % bands and marks percentiles that fall among BLQ values as null", () => {
    const subjects = simulatePopulation({ ...oralPopulation, residual: { proportional: 0.1, additive: 0.05 }, lloq: 0.05, times: [2, 72] });
    const summary = summarizePopulation(subjects);
    expect(summary.ps).toEqual([0.05, 0.5, 0.95]);
    expect(summary.ipred[0][0]).toBeLessThan(summary.ipred[1][0]);
    expect(summary.ipred[1][0]).toBeLessThan(summary.ipred[2][0]);
    expect(summary.observed[0][1]).toBeNull(); // most subjects are BLQ at 72 h
  });

  it("summarizePopulation rejects an empty population", () => {
    expect(() => summarizePopulation([])).toThrow("summarizePopulation: subjects must be a non-empty array of simulated subjects; received []");
  });
});
