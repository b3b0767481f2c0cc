import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  michaelisMentenAucInf,
  michaelisMentenConcentration,
  multipleDoseConcentration,
  oralConcentration,
  simulateMichaelisMenten,
  simulateTimeVaryingClearance,
  type DoseEvent,
} from "../../src";

// Parameters in realistic ranges (log-uniform-ish through doubles with bounds).
const rate = fc.double({ min: 0.01, max: 5, noNaN: true });
const volume = fc.double({ min: 1, max: 500, noNaN: true });
const dose = fc.double({ min: 1e-3, max: 1000, noNaN: true });
const time = fc.double({ min: 0, max: 72, noNaN: true });
const factor = fc.double({ min: 1.5, max: 1000, noNaN: true });

describe("properties of the linear models", () => {
  it("exposure is proportional to dose: C(t; k·D) = k·C(t; D) for the oral model (any ka, ke, lag)", () => {
    fc.assert(
      fc.property(dose, factor, rate, rate, volume, time, fc.double({ min: 0, max: 2, noNaN: true }), (d, k, ka, ke, v, t, tlag) => {
        const c1 = oralConcentration(t, { dose: d, f: 0.7, ka, ke, volume: v, tlag });
        const ck = oralConcentration(t, { dose: k * d, f: 0.7, ka, ke, volume: v, tlag });
        expect(Math.abs(ck - k * c1)).toBeLessThanOrEqual(1e-12 * Math.abs(ck) + 1e-300); // + subnormal underflow
      }),
    );
  });

  it("concentrations are never negative, for any mix of doses and routes", () => {
    const event = fc.record({
      time: fc.double({ min: 0, max: 48, noNaN: true }),
      amount: fc.double({ min: 0, max: 500, noNaN: true }),
      route: fc.constantFrom("iv-bolus" as const, "oral" as const, "iv-infusion" as const),
      duration: fc.double({ min: 0.1, max: 6, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 6 }), rate, rate, volume, fc.double({ min: 0, max: 200, noNaN: true }), (raw, ka, ke, v, t) => {
        const doses: DoseEvent[] = raw
          .map(({ duration, ...e }) => (e.route === "iv-infusion" ? { ...e, duration } : e))
          .sort((a, b) => a.time - b.time);
        expect(multipleDoseConcentration(t, doses, { volume: v, ke, ka })).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("AUC is additive over intervals: AUC(0–a) + AUC(a–b) = AUC(0–b) (integrated as an ODE state)", () => {
    fc.assert(
      fc.property(dose, rate, fc.double({ min: 0.5, max: 20, noNaN: true }), fc.double({ min: 0.5, max: 20, noNaN: true }), (d, k, a, gap) => {
        const model = { doses: [{ time: 0, amount: d, route: "oral" as const }], volume: 10, cl0: 10 * k, clss: 10 * k, beta: 0, ka: 1.3 };
        const whole = simulateTimeVaryingClearance(model, { times: [a + gap] }).auc;
        const first = simulateTimeVaryingClearance(model, { times: [a] }).auc;
        // AUC(a–b) from the closed form by Simpson's rule on a fine grid, independent of the ODE.
        const n = 2000;
        const h = gap / n;
        let s = 0;
        for (let i = 0; i <= n; i++) {
          const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
          s += w * oralConcentration(a + i * h, { dose: d, f: 1, ka: 1.3, ke: k, volume: 10 });
        }
        const second = (s * h) / 3;
        expect(Math.abs(first + second - whole)).toBeLessThanOrEqual(1e-7 * whole);
      }),
      { numRuns: 40 },
    );
  });
});

describe("properties of Michaelis–Menten elimination", () => {
  it("exposure rises MORE than proportionally with dose: AUC(k·C0)/AUC(C0) > k for k > 1", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 100, noNaN: true }), factor, fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), (c0, k, vmax, km) => {
        const ratio = michaelisMentenAucInf({ c0: k * c0, vmax, km }) / michaelisMentenAucInf({ c0, vmax, km });
        expect(ratio).toBeGreaterThan(k);
      }),
    );
  });

  it("the numerical path shows the same: dose-normalised AUC(0–48 h) of an oral dose grows with dose", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 50, noNaN: true }), fc.double({ min: 2, max: 50, noNaN: true }), (d, k) => {
        const run = (amount: number) =>
          simulateMichaelisMenten({ doses: [{ time: 0, amount, route: "oral" }], volume: 10, vmax: 0.5, km: 1, ka: 1 }, { times: [0, 48] }).auc / amount;
        expect(run(k * d)).toBeGreaterThan(run(d));
      }),
      { numRuns: 30 },
    );
  });

  it("michaelisMentenConcentration is positive, never above C0 and decreasing in time", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), rate, rate, time, time, (c0, vmax, km, t1, t2) => {
        const [a, b] = t1 < t2 ? [t1, t2] : [t2, t1];
        const ca = michaelisMentenConcentration(a, { c0, vmax, km });
        const cb = michaelisMentenConcentration(b, { c0, vmax, km });
        expect(cb).toBeGreaterThanOrEqual(0);
        expect(ca).toBeLessThanOrEqual(c0 * (1 + 1e-15));
        expect(cb).toBeLessThanOrEqual(ca * (1 + 1e-15));
      }),
    );
  });
});
