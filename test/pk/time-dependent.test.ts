import { describe, expect, it } from "vitest";
import {
  clearanceOverTime,
  multipleDoseConcentration,
  oralConcentration,
  repeatedDoses,
  simulateAutoinduction,
  simulateMechanismBasedInhibition,
  simulateMichaelisMenten,
  simulateTimeVaryingClearance,
} from "../../src";

const bolus100 = [{ time: 0, amount: 100, route: "iv-bolus" as const }];

describe("clearanceOverTime", () => {
  it("clearanceOverTime(ln2, { cl0: 10, clss: 4, beta: 1 }) is half way from 10 to 4 (doc example)", () => {
    expect(clearanceOverTime(Math.LN2, { cl0: 10, clss: 4, beta: 1 })).toBeCloseTo(7, 14);
  });

  it("clearanceOverTime starts at CL0 and tends to CLss", () => {
    expect(clearanceOverTime(0, { cl0: 10, clss: 4, beta: 0.1 })).toBe(10);
    expect(clearanceOverTime(1000, { cl0: 10, clss: 4, beta: 0.1 })).toBeCloseTo(4, 12);
  });

  it("clearanceOverTime rejects a negative beta and a negative time", () => {
    expect(() => clearanceOverTime(1, { cl0: 10, clss: 4, beta: -1 })).toThrow(
      "clearanceOverTime: beta must be 0 or greater; received -1",
    );
    expect(() => clearanceOverTime(-2, { cl0: 10, clss: 4, beta: 1 })).toThrow(
      "clearanceOverTime: t must be 0 or greater; received -2",
    );
  });
});

describe("simulateTimeVaryingClearance", () => {
  it("simulateTimeVaryingClearance with CL0 = CLss is first-order decay 10·e^{−1} at 2 h (doc example)", () => {
    const sim = simulateTimeVaryingClearance(
      { doses: bolus100, volume: 10, cl0: 5, clss: 5, beta: 1 },
      { times: [0, 2] },
    );
    expect(sim.conc[1]).toBeCloseTo(10 * Math.exp(-1), 9);
  });

  it("simulateTimeVaryingClearance matches the exact bolus solution C0·exp(−[CLss·t + (CL0 − CLss)(1 − e^{−βt})/β]/V)", () => {
    const p = { cl0: 8, clss: 2, beta: 0.2, volume: 40 };
    const times = [0, 1, 3, 6, 12, 24, 48];
    const sim = simulateTimeVaryingClearance({ doses: bolus100, ...p }, { times });
    times.forEach((t, i) => {
      const exact =
        2.5 * Math.exp(-(p.clss * t + ((p.cl0 - p.clss) * (1 - Math.exp(-p.beta * t))) / p.beta) / p.volume);
      expect(sim.conc[i] / exact).toBeCloseTo(1, 9);
      expect(sim.clearance[i]).toBeCloseTo(clearanceOverTime(t, p), 14);
    });
  });

  it("simulateTimeVaryingClearance: falling clearance (MBI-like) gives AUC above the linear prediction D/CL0 — the text's pitfall", () => {
    const sim = simulateTimeVaryingClearance(
      { doses: bolus100, volume: 40, cl0: 8, clss: 2, beta: 0.2 },
      { times: [0, 24], tEnd: 2000 },
    );
    expect(sim.auc).toBeGreaterThan(100 / 8);
    expect(sim.auc).toBeLessThan(100 / 2);
  });
});

describe("simulateTimeVaryingClearance tails and dose scale (issue 12)", () => {
  const exactBolus = (t: number, c0: number, p: { volume: number; cl0: number; clss: number; beta: number }) =>
    c0 * Math.exp(-(p.clss * t + ((p.cl0 - p.clss) * -Math.expm1(-p.beta * t)) / p.beta) / p.volume);

  it("simulateTimeVaryingClearance follows the exact bolus solution to 1e-8 relative however small C gets: 500 mg in 5 L to 48 h (was −2.3e-25) and a microdose, C0 0.002 mg/L, to 192 h (was 30 % off)", () => {
    for (const [amount, p, end] of [
      [500, { volume: 5, cl0: 10, clss: 4, beta: 0.005 }, 48],
      [0.1, { volume: 50, cl0: 10, clss: 4, beta: 0.005 }, 192],
    ] as const) {
      const times = Array.from({ length: end + 1 }, (_, h) => h);
      const sim = simulateTimeVaryingClearance({ doses: [{ time: 0, amount, route: "iv-bolus" }], ...p }, { times });
      times.forEach((t, i) =>
        expect(Math.abs(sim.conc[i] / exactBolus(t, amount / p.volume, p) - 1), `${amount} mg, t = ${t}`).toBeLessThan(
          1e-8,
        ),
      );
    }
  });

  it("the chapters' simulations run at 1 ng as at their own doses: linear ones in exact proportion (1e-9), Michaelis–Menten at its linear limit", () => {
    const hourly = { times: Array.from({ length: 481 }, (_, h) => h) };
    const regimen = (amount: number) => repeatedDoses({ amount, tau: 24, count: 14, route: "iv-bolus" });
    for (const p of [
      { cl0: 10, clss: 4, beta: 0.005 },
      { cl0: 10, clss: 20, beta: 0.005 },
    ]) {
      const big = simulateTimeVaryingClearance({ doses: regimen(100), volume: 50, ...p }, hourly);
      const tiny = simulateTimeVaryingClearance({ doses: regimen(1e-6), volume: 50, ...p }, hourly);
      big.conc.forEach((c, i) => expect(Math.abs(tiny.conc[i] / (1e-8 * c) - 1)).toBeLessThan(1e-9));
      expect(Math.abs(tiny.auc / (1e-8 * big.auc) - 1)).toBeLessThan(1e-9);
    }
    // Notebook 02 (MBI, autoinduction) and 06 (MBI, Michaelis–Menten) at 1 ng: no failure, nothing negative.
    const mbi = simulateMechanismBasedInhibition(
      { volume: 50, cl0: 10, kdeg: 0.03, kinact: 0.2, ki: 1, doses: regimen(1e-6) },
      hourly,
    );
    const induction = simulateAutoinduction(
      { volume: 50, cl0: 10, kdeg: 0.03, emax: 2, ec50: 0.5, doses: regimen(1e-6) },
      hourly,
    );
    for (const sim of [mbi, induction]) {
      expect(Math.min(...sim.conc)).toBeGreaterThanOrEqual(0);
      expect(Math.abs(sim.clearance[480] / 10 - 1)).toBeLessThan(1e-6); // 1 ng moves no enzyme
    }
    const mmAuc = simulateMichaelisMenten(
      { doses: [{ time: 0, amount: 1e-6, route: "oral" }], volume: 70, vmax: 0.0286, km: 0.2, ka: 1.2, f: 0.5 },
      { times: [0], tEnd: 480 },
    ).auc;
    const linearAuc = ((0.5 * 1e-6 * 0.2) / (70 * 0.0286)) * -Math.expm1((-0.0286 / 0.2) * 480); // C ≪ Km: ke = Vmax/Km (tail past 480 h is e^-68)
    expect(Math.abs(mmAuc / linearAuc - 1)).toBeLessThan(1e-6);
  });
});

describe("simulateMechanismBasedInhibition", () => {
  const base = { volume: 20, cl0: 4, kdeg: 0.03, kinact: 0.5, ki: 2 };

  it("simulateMechanismBasedInhibition with kinact = 0 is plain first-order decay (doc example)", () => {
    const sim = simulateMechanismBasedInhibition(
      { doses: bolus100, volume: 10, cl0: 5, kdeg: 0.05, kinact: 0, ki: 1 },
      { times: [0, 2] },
    );
    expect(sim.conc[1]).toBeCloseTo(10 * Math.exp(-1), 9);
    expect(sim.enzyme).toEqual([1, 1]);
  });

  it("simulateMechanismBasedInhibition: the enzyme fraction follows its exact solution when the drug level is held constant by infusion", () => {
    // With C frozen, de/dt = kdeg(1 − e) − k·e, k = kinact·C/(KI + C), has the exact solution
    // e(t) = (kdeg + k·e^{−(kdeg + k)t})/(kdeg + k). C is frozen by making elimination negligible (cl0 tiny).
    const c = 5; // mg/L after 100 mg in 20 L
    const sim = simulateMechanismBasedInhibition({ doses: bolus100, ...base, cl0: 1e-12 }, { times: [0, 5, 20, 100] });
    const k = (base.kinact * c) / (base.ki + c);
    sim.time.forEach((t, i) => {
      expect(sim.conc[i]).toBeCloseTo(c, 9);
      expect(sim.enzyme[i] / ((base.kdeg + k * Math.exp(-(base.kdeg + k) * t)) / (base.kdeg + k))).toBeCloseTo(1, 8);
      expect(sim.clearance[i]).toBeCloseTo(1e-12 * sim.enzyme[i], 20);
    });
  });

  it("simulateMechanismBasedInhibition: a microdose barely touches the enzyme while a therapeutic dose inactivates it and raises dose-normalised AUC", () => {
    const times = [0, 6, 12, 24, 48, 96];
    const micro = simulateMechanismBasedInhibition(
      { doses: [{ time: 0, amount: 0.1, route: "oral" }], ...base, ka: 1 },
      { times, tEnd: 400 },
    );
    const thera = simulateMechanismBasedInhibition(
      { doses: [{ time: 0, amount: 500, route: "oral" }], ...base, ka: 1 },
      { times, tEnd: 400 },
    );
    expect(Math.min(...micro.enzyme)).toBeGreaterThan(0.99);
    expect(Math.min(...thera.enzyme)).toBeLessThan(0.5);
    expect(micro.auc / 0.1).toBeCloseTo(1 / base.cl0, 2); // microdose: AUC = F·D/CL0
    expect(thera.auc / 500).toBeGreaterThan(1.2 * (micro.auc / 0.1));
  });

  it("simulateMechanismBasedInhibition scales the inhibitor concentration by fu and rejects fu = 0", () => {
    const bound = simulateMechanismBasedInhibition({ doses: bolus100, ...base, fu: 0.1 }, { times: [0, 12] });
    const free = simulateMechanismBasedInhibition({ doses: bolus100, ...base }, { times: [0, 12] });
    expect(bound.enzyme[1]).toBeGreaterThan(free.enzyme[1]);
    expect(() => simulateMechanismBasedInhibition({ doses: bolus100, ...base, fu: 0 }, { times: [0, 12] })).toThrow(
      "simulateMechanismBasedInhibition: fu must be greater than 0; received 0",
    );
    expect(() => simulateMechanismBasedInhibition({ doses: bolus100, ...base, kdeg: 0 }, { times: [0, 12] })).toThrow(
      "simulateMechanismBasedInhibition: kdeg must be greater than 0; received 0",
    );
  });
});

describe("simulateAutoinduction", () => {
  const base = { volume: 20, cl0: 4, kdeg: 0.05, emax: 3, ec50: 1 };

  it("simulateAutoinduction with emax = 0 is plain first-order decay (doc example)", () => {
    const sim = simulateAutoinduction(
      { doses: bolus100, volume: 10, cl0: 5, kdeg: 0.05, emax: 0, ec50: 1 },
      { times: [0, 2] },
    );
    expect(sim.conc[1]).toBeCloseTo(10 * Math.exp(-1), 9);
  });

  it("simulateAutoinduction: under a constant concentration the enzyme rises to 1 + Emax·C/(EC50 + C) with rate kdeg", () => {
    const sim = simulateAutoinduction({ doses: bolus100, ...base, cl0: 1e-12 }, { times: [0, 10, 50, 300] });
    const target = 1 + (base.emax * 5) / (base.ec50 + 5);
    sim.time.forEach((t, i) =>
      expect(sim.enzyme[i] / (target + (1 - target) * Math.exp(-base.kdeg * t))).toBeCloseTo(1, 8),
    );
  });

  it("simulateAutoinduction: clearance climbs over repeated dosing, so troughs fall below the linear prediction", () => {
    const doses = repeatedDoses({ amount: 200, tau: 24, count: 10, route: "oral" });
    const times = doses.map((d) => d.time + 23.999);
    const sim = simulateAutoinduction({ doses, ...base, ka: 1.5 }, { times });
    const linear = times.map((t) =>
      multipleDoseConcentration(t, doses, { volume: base.volume, ke: base.cl0 / base.volume, ka: 1.5 }),
    );
    expect(sim.clearance[9]).toBeGreaterThan(1.5 * base.cl0);
    expect(sim.conc[9]).toBeLessThan(0.7 * linear[9]);
  });

  it("simulateAutoinduction agrees with the closed-form oral and infusion models when emax = 0", () => {
    const p = { volume: 20, cl0: 4, kdeg: 0.05, emax: 0, ec50: 1 };
    const sim = simulateAutoinduction(
      {
        doses: [
          { time: 0, amount: 80, route: "oral" },
          { time: 3, amount: 10, route: "iv-infusion", duration: 2 },
        ],
        ...p,
        ka: 0.9,
        f: 0.6,
        tlag: 0.4,
      },
      { times: [0, 0.4, 1, 3, 4, 5, 10] },
    );
    sim.time.forEach((t, i) => {
      const oral = oralConcentration(t, { dose: 80, f: 0.6, ka: 0.9, ke: 0.2, volume: 20, tlag: 0.4 });
      const inf = multipleDoseConcentration(t, [{ time: 3, amount: 10, route: "iv-infusion", duration: 2 }], {
        volume: 20,
        ke: 0.2,
      });
      expect(sim.conc[i]).toBeCloseTo(oral + inf, 10);
    });
  });

  it("simulateAutoinduction rejects a negative emax", () => {
    expect(() => simulateAutoinduction({ doses: bolus100, ...base, emax: -1 }, { times: [0, 1] })).toThrow(
      "simulateAutoinduction: emax must be 0 or greater; received -1",
    );
  });
});
