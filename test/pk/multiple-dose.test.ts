import { describe, expect, it } from "vitest";
import {
  ivBolusConcentration,
  multipleDoseConcentration,
  oralConcentration,
  repeatedDoses,
  steadyStateInfusion,
  steadyStateIvBolus,
  steadyStateOral,
  type DoseEvent,
} from "../../src";

/** Trapezoid AUC on a fine grid: an independent check of AUC-based quantities. */
function trapezoid(f: (t: number) => number, a: number, b: number, n = 20000): number {
  const h = (b - a) / n;
  let s = (f(a) + f(b)) / 2;
  for (let i = 1; i < n; i++) s += f(a + i * h);
  return s * h;
}

/** Maximum and minimum of f on (a, b] by dense sampling, then golden-section refinement of the maximum. */
function extremes(f: (t: number) => number, a: number, b: number): { max: number; tmax: number; min: number } {
  let max = -Infinity;
  let tmax = a;
  let min = Infinity;
  const n = 4000;
  for (let i = 1; i <= n; i++) {
    const t = a + ((b - a) * i) / n;
    const c = f(t);
    if (c > max) [max, tmax] = [c, t];
    if (c < min) min = c;
  }
  let lo = Math.max(a, tmax - (b - a) / n);
  let hi = Math.min(b, tmax + (b - a) / n);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 100; i++) {
    const m1 = hi - g * (hi - lo);
    const m2 = lo + g * (hi - lo);
    if (f(m1) > f(m2)) hi = m2;
    else lo = m1;
  }
  tmax = (lo + hi) / 2;
  return { max: Math.max(max, f(tmax)), tmax, min };
}

describe("multipleDoseConcentration", () => {
  it("multipleDoseConcentration(12, two bolus doses 12 h apart, t½ = 12 h) is 0.5 + 1 = 1.5 (doc example)", () => {
    const doses = repeatedDoses({ amount: 100, tau: 12, count: 2, route: "iv-bolus" });
    expect(multipleDoseConcentration(12, doses, { volume: 100, ke: Math.LN2 / 12 })).toBeCloseTo(1.5, 14);
  });

  it("multipleDoseConcentration of a single dose equals the single-dose model for each route", () => {
    const p = { volume: 20, ke: 0.2, ka: 1.5, f: 0.6, tlag: 0.25 };
    expect(multipleDoseConcentration(3, [{ time: 0, amount: 50, route: "iv-bolus" }], p)).toBe(
      ivBolusConcentration(3, { dose: 50, volume: 20, ke: 0.2 }),
    );
    expect(multipleDoseConcentration(3, [{ time: 0, amount: 50, route: "oral" }], p)).toBe(
      oralConcentration(3, { dose: 50, f: 0.6, ka: 1.5, ke: 0.2, volume: 20, tlag: 0.25 }),
    );
  });

  it("multipleDoseConcentration adds an IV microtracer on top of an oral dose (mixed routes)", () => {
    const p = { volume: 20, ke: 0.2, ka: 1.5, f: 0.6 };
    const doses: DoseEvent[] = [
      { time: 0, amount: 100, route: "oral" },
      { time: 1, amount: 0.1, route: "iv-infusion", duration: 0.25 },
    ];
    const both = multipleDoseConcentration(4, doses, p);
    const oral = multipleDoseConcentration(4, [doses[0]], p);
    const tracer = multipleDoseConcentration(4, [doses[1]], p);
    expect(both).toBeCloseTo(oral + tracer, 15);
  });

  it("multipleDoseConcentration is 0 before the first dose and includes a bolus at its own time", () => {
    const doses: DoseEvent[] = [{ time: 5, amount: 10, route: "iv-bolus" }];
    expect(multipleDoseConcentration(4.999, doses, { volume: 10, ke: 1 })).toBe(0);
    expect(multipleDoseConcentration(5, doses, { volume: 10, ke: 1 })).toBe(1);
  });

  it("multipleDoseConcentration rejects unsorted doses, a missing ka for oral doses and an infusion without duration", () => {
    const p = { volume: 10, ke: 0.1 };
    expect(() =>
      multipleDoseConcentration(
        1,
        [
          { time: 12, amount: 1, route: "iv-bolus" },
          { time: 0, amount: 1, route: "iv-bolus" },
        ],
        p,
      ),
    ).toThrow("multipleDoseConcentration: doses must be sorted by time (index 1: 12 then 0); received [12, 0]");
    expect(() => multipleDoseConcentration(1, [{ time: 0, amount: 1, route: "oral" }], p)).toThrow(
      /multipleDoseConcentration: ka is required when a dose is oral/,
    );
    expect(() => multipleDoseConcentration(1, [{ time: 0, amount: 1, route: "iv-infusion" }], p)).toThrow(
      "multipleDoseConcentration: doses[0].duration must be a finite number; received undefined",
    );
    expect(() => multipleDoseConcentration(1, [], p)).toThrow(
      "multipleDoseConcentration: doses must not be empty; received []",
    );
    expect(() => multipleDoseConcentration(1, [{ time: 0, amount: -1, route: "iv-bolus" }], p)).toThrow(
      /doses\[0\]\.amount must be 0 or greater; received -1/,
    );
    expect(() => multipleDoseConcentration(1, [{ time: 0, amount: 1, route: "im" as never }], p)).toThrow(
      /doses\[0\]\.route must be one of "iv-bolus", "iv-infusion", "oral"; received im/,
    );
  });
});

describe("repeatedDoses", () => {
  it('repeatedDoses({ amount: 50, tau: 24, count: 2, route: "oral" }) lists the two doses (doc example)', () => {
    expect(repeatedDoses({ amount: 50, tau: 24, count: 2, route: "oral" })).toEqual([
      { time: 0, amount: 50, route: "oral" },
      { time: 24, amount: 50, route: "oral" },
    ]);
  });

  it("repeatedDoses starts at `start` and carries the infusion duration", () => {
    expect(repeatedDoses({ amount: 5, tau: 8, count: 2, route: "iv-infusion", duration: 1, start: 2 })).toEqual([
      { time: 2, amount: 5, route: "iv-infusion", duration: 1 },
      { time: 10, amount: 5, route: "iv-infusion", duration: 1 },
    ]);
  });

  it("repeatedDoses rejects a fractional count, an infusion longer than tau and a duration on a bolus", () => {
    expect(() => repeatedDoses({ amount: 1, tau: 12, count: 1.5, route: "oral" })).toThrow(
      "repeatedDoses: count must be an integer >= 1; received 1.5",
    );
    expect(() => repeatedDoses({ amount: 1, tau: 12, count: 2, route: "iv-infusion", duration: 13 })).toThrow(
      "repeatedDoses: duration must not exceed tau (12 h); received 13",
    );
    expect(() => repeatedDoses({ amount: 1, tau: 12, count: 2, route: "iv-bolus", duration: 1 })).toThrow(
      /duration is only meaningful for route "iv-infusion"/,
    );
  });
});

describe("steady state in closed form agrees with superposition of 60 doses", () => {
  const count = 60;

  it("steadyStateIvBolus({ dose: 100, tau: 12, volume: 100, ke: ln2/12 }) gives peak 2, trough 1, R = 2 (doc example)", () => {
    const ss = steadyStateIvBolus({ dose: 100, tau: 12, volume: 100, ke: Math.LN2 / 12 });
    expect(ss.peak).toBeCloseTo(2, 14);
    expect(ss.trough).toBeCloseTo(1, 14);
    expect(ss.average).toBeCloseTo(1 / Math.LN2, 14);
    expect(ss.tmax).toBe(0);
    expect(ss.accumulationRatio).toBeCloseTo(2, 14);
  });

  it("steadyStateIvBolus matches the last interval of 60 superposed boluses", () => {
    const p = { dose: 80, tau: 8, volume: 30, ke: 0.23 };
    const doses = repeatedDoses({ amount: p.dose, tau: p.tau, count, route: "iv-bolus" });
    const c = (s: number) => multipleDoseConcentration((count - 1) * p.tau + s, doses, p);
    const ss = steadyStateIvBolus(p);
    expect(ss.peak).toBeCloseTo(c(0), 12);
    expect(ss.trough).toBeCloseTo(c(p.tau - 1e-12), 9);
    expect(ss.average).toBeCloseTo(trapezoid(c, 0, p.tau) / p.tau, 6);
    const firstInterval = trapezoid((t) => multipleDoseConcentration(t, [doses[0]], p), 0, p.tau);
    expect(ss.accumulationRatio).toBeCloseTo(trapezoid(c, 0, p.tau) / firstInterval, 6);
  });

  it("steadyStateInfusion({ dose: 10, duration: 12, tau: 12, volume: 10, ke: 0.1 }) is the continuous-infusion plateau (doc example)", () => {
    const ss = steadyStateInfusion({ dose: 10, duration: 12, tau: 12, volume: 10, ke: 0.1 });
    expect(ss.peak).toBeCloseTo(10 / 12, 14);
    expect(ss.trough).toBeCloseTo(10 / 12, 14);
    expect(ss.average).toBeCloseTo(10 / 12, 14);
    expect(ss.tmax).toBe(12);
    expect(ss.accumulationRatio).toBeCloseTo(2.3943, 4);
  });

  it("steadyStateInfusion matches the last interval of 60 superposed infusions", () => {
    const p = { dose: 60, duration: 1.5, tau: 6, volume: 25, ke: 0.35 };
    const doses = repeatedDoses({ amount: p.dose, tau: p.tau, count, route: "iv-infusion", duration: p.duration });
    const c = (s: number) => multipleDoseConcentration((count - 1) * p.tau + s, doses, p);
    const ss = steadyStateInfusion(p);
    const found = extremes(c, 0, p.tau);
    expect(ss.peak).toBeCloseTo(found.max, 10);
    expect(ss.tmax).toBeCloseTo(found.tmax, 5);
    expect(ss.trough).toBeCloseTo(c(0), 12);
    expect(ss.average).toBeCloseTo(trapezoid(c, 0, p.tau) / p.tau, 6);
    const firstInterval = trapezoid((t) => multipleDoseConcentration(t, [doses[0]], p), 0, p.tau);
    expect(ss.accumulationRatio).toBeCloseTo(trapezoid(c, 0, p.tau) / firstInterval, 5);
  });

  it("steadyStateOral(…).average is F·D/(CL·τ) (doc example)", () => {
    expect(steadyStateOral({ dose: 100, tau: 12, f: 1, ka: 1, ke: 0.1, volume: 10 }).average).toBeCloseTo(8.3333, 4);
  });

  for (const [label, ka, ke, tlag] of [
    ["ka > ke", 1.2, 0.1, 0],
    ["ka < ke (flip-flop)", 0.08, 0.4, 0],
    ["ka = ke", 0.3, 0.3, 0],
    ["ka ≈ ke", 0.3 * (1 + 1e-9), 0.3, 0],
    ["with a lag", 1.2, 0.1, 1.5],
  ] as const) {
    it(`steadyStateOral matches the last interval of 60 superposed oral doses (${label})`, () => {
      const p = { dose: 100, tau: 12, f: 0.7, ka, ke, volume: 35, tlag };
      const doses = repeatedDoses({
        amount: p.dose,
        tau: p.tau,
        count: label.startsWith("ka < ke") ? 200 : count,
        route: "oral",
      });
      const start = (doses.length - 1) * p.tau;
      const c = (s: number) => multipleDoseConcentration(start + s, doses, p);
      const ss = steadyStateOral(p);
      const found = extremes(c, 0, p.tau);
      expect(ss.peak / found.max - 1).toBeCloseTo(0, 10);
      expect(ss.tmax).toBeCloseTo(found.tmax, 5);
      expect(ss.trough / found.min - 1).toBeCloseTo(0, 8);
      expect(ss.average / (trapezoid(c, 0, p.tau) / p.tau) - 1).toBeCloseTo(0, 6);
      // accumulation counted from the start of absorption (lag removed)
      const firstInterval = trapezoid((t) => multipleDoseConcentration(t, [doses[0]], p), tlag, tlag + p.tau);
      const steadyInterval = trapezoid(c, tlag, tlag + p.tau);
      expect(ss.accumulationRatio / (steadyInterval / firstInterval) - 1).toBeCloseTo(0, 6);
    });
  }

  it("steadyStateOral is continuous through ka = ke", () => {
    const at = (ka: number) => steadyStateOral({ dose: 100, tau: 12, f: 1, ka, ke: 0.3, volume: 10 });
    const exact = at(0.3);
    for (const ka of [0.3 * (1 + 1e-12), 0.3 * (1 - 1e-12), 0.3 * (1 + 1e-9)]) {
      const near = at(ka);
      expect(near.peak / exact.peak - 1).toBeCloseTo(0, 8);
      expect(near.tmax / exact.tmax - 1).toBeCloseTo(0, 8);
      expect(near.trough / exact.trough - 1).toBeCloseTo(0, 8);
      expect(near.accumulationRatio / exact.accumulationRatio - 1).toBeCloseTo(0, 8);
    }
  });

  it("steady-state functions reject bad input with the function, argument and value", () => {
    expect(() => steadyStateIvBolus({ dose: 1, tau: 0, volume: 1, ke: 1 })).toThrow(
      "steadyStateIvBolus: tau must be greater than 0; received 0",
    );
    expect(() => steadyStateInfusion({ dose: 1, duration: 13, tau: 12, volume: 1, ke: 1 })).toThrow(
      "steadyStateInfusion: duration must not exceed tau (12 h); received 13",
    );
    expect(() => steadyStateOral({ dose: 1, tau: 12, f: 1, ka: Number.NaN, ke: 1, volume: 1 })).toThrow(
      "steadyStateOral: ka must be a finite number; received NaN",
    );
  });
});
