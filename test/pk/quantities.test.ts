import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clearanceOverTime,
  infusionConcentration,
  inUnits,
  ivBolusConcentration,
  lambertW0,
  math,
  michaelisMentenAucInf,
  michaelisMentenConcentration,
  multipleDoseConcentration,
  oralConcentration,
  percentiles,
  repeatedDoses,
  series,
  simulateAutoinduction,
  simulateMechanismBasedInhibition,
  simulateMichaelisMenten,
  simulatePopulation,
  simulateTimeVaryingClearance,
  steadyStateInfusion,
  steadyStateIvBolus,
  steadyStateOral,
  summarizePopulation,
  twoCompartmentConcentration,
  twoCompartmentMacroConstants,
  twoCompartmentMicroConstants,
  type Series,
  type SteadyStateWithUnits,
  type Unit,
} from "../../src";
import { assertProperty } from "../support/properties";

/**
 * Issue 14: every PK model takes quantities. A call with units must give what the number call
 * gives in the documented units [h, mg, L, 1/h, L/h, mg/L, mg/L/h], to 1e-12 relative after
 * conversion — at microdose scale (1 ng doses, pg/mL) and in unusual units (µg, mL, min, day).
 */

const REL = 1e-12;

/** |a − b| ≤ 1e-12·|b| (exact zeros must match exactly). */
function expectClose(actual: number, expected: number, what = ""): void {
  const tolerance = REL * Math.abs(expected);
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

/** A result Unit read in the kernel's unit equals the number call's result. */
function expectUnit(actual: Unit, kernelUnit: string, expected: number, what = ""): void {
  expect(math.isUnit(actual), `${what} is a Unit`).toBe(true);
  expectClose(actual.toNumber(kernelUnit), expected, what);
}

/** A result series read in the kernel's unit equals the number call's array, element by element. */
function expectSeries(actual: Series, kernelUnit: string, expected: readonly number[], what = ""): void {
  const values = inUnits(actual, kernelUnit);
  expect(values).toHaveLength(expected.length);
  values.forEach((v, i) => expectClose(v, expected[i], `${what}[${i}]`));
}

describe("closed forms with units equal the number calls", () => {
  it("ivBolusConcentration: the brief's call, and a 1 ng microdose in mL, min and 1/day read in pg/mL", () => {
    const c = ivBolusConcentration("2 h", { dose: "100 ug", volume: "50 L", ke: "0.35 1/h" });
    expectUnit(c, "mg/L", ivBolusConcentration(2, { dose: 0.1, volume: 50, ke: 0.35 }));
    expect(c.formatUnits()).toBe("ug / L");
    const micro = ivBolusConcentration("90 min", { dose: "1 ng", volume: "42000 mL", ke: "8.4 1/day" });
    const number = ivBolusConcentration(1.5, { dose: 1e-6, volume: 42, ke: 0.35 });
    expectUnit(micro, "mg/L", number, "1 ng");
    expectClose(micro.toNumber("pg/mL"), number * 1e6, "pg/mL");
    expect(micro.formatUnits()).toBe("ng / mL");
  });

  it("ivBolusConcentration: a dose in µg (micro sign or u) equals the same dose in mg", () => {
    const params = { volume: "50 L", ke: "0.35 1/h" };
    const inMg = ivBolusConcentration("2 h", { ...params, dose: "0.1 mg" }).toNumber("ng/mL");
    expectClose(ivBolusConcentration("2 h", { ...params, dose: "100 µg" }).toNumber("ng/mL"), inMg, "µ");
    expectClose(ivBolusConcentration("2 h", { ...params, dose: "100 μg" }).toNumber("ng/mL"), inMg, "Greek mu");
    expectClose(ivBolusConcentration("2 h", { ...params, dose: math.unit(100, "ug") }).toNumber("ng/mL"), inMg, "Unit");
    expectClose(ivBolusConcentration("120 min", { ...params, dose: "100000 ng" }).toNumber("ng/mL"), inMg, "ng, min");
  });

  it("infusionConcentration during and after an infusion given in µg over minutes", () => {
    const p = { dose: "500 ug", duration: "90 min", volume: "20000 mL", ke: "0.1 1/h" };
    for (const [t, h] of [
      ["30 min", 0.5],
      ["1 day", 24],
    ] as const)
      expectUnit(
        infusionConcentration(t, p),
        "mg/L",
        infusionConcentration(h, { dose: 0.5, duration: 1.5, volume: 20, ke: 0.1 }),
        t,
      );
  });

  it("oralConcentration: a 1 ng oral dose with a lag, rates per minute, read at 1 day in pg/mL", () => {
    const c = oralConcentration("1 day", {
      dose: "1 ng",
      f: 0.8,
      ka: "1.2 1/h",
      ke: "0.004 1/min",
      volume: "35 L",
      tlag: "15 min",
    });
    const n = oralConcentration(24, { dose: 1e-6, f: 0.8, ka: 1.2, ke: 0.24, volume: 35, tlag: 0.25 });
    expectUnit(c, "mg/L", n);
    expect(c.toNumber("pg/mL")).toBeGreaterThan(0);
    expectClose(
      oralConcentration("5 min", {
        dose: "1 ng",
        f: 1,
        ka: "1 1/h",
        ke: "1 1/h",
        volume: "1 L",
        tlag: "10 min",
      }).toNumber("mg/L"),
      0,
    );
  });

  it("twoCompartmentConcentration for the three routes", () => {
    const disposition = { cl: "2000 mL/h", v1: "10 L", q: "4 L/h", v2: "20 L" };
    const numbers = { cl: 2, v1: 10, q: 4, v2: 20 };
    expectUnit(
      twoCompartmentConcentration("1 day", { route: "iv-bolus", dose: "100 ug", ...disposition }),
      "mg/L",
      twoCompartmentConcentration(24, { route: "iv-bolus", dose: 0.1, ...numbers }),
      "bolus",
    );
    expectUnit(
      twoCompartmentConcentration("3 h", { route: "iv-infusion", dose: "1 ng", duration: "120 min", ...disposition }),
      "mg/L",
      twoCompartmentConcentration(3, { route: "iv-infusion", dose: 1e-6, duration: 2, ...numbers }),
      "infusion",
    );
    expectUnit(
      twoCompartmentConcentration("2 h", {
        route: "oral",
        dose: "100 mg",
        f: 0.5,
        ka: "24 1/day",
        tlag: "6 min",
        ...disposition,
      }),
      "mg/L",
      twoCompartmentConcentration(2, { route: "oral", dose: 100, f: 0.5, ka: 1, tlag: 0.1, ...numbers }),
      "oral",
    );
  });

  it("twoCompartmentMacroConstants and twoCompartmentMicroConstants: every constant", () => {
    const q = twoCompartmentMacroConstants({ dose: "100 ug", cl: "2 L/h", v1: "10000 mL", q: "4 L/h", v2: "20 L" });
    const n = twoCompartmentMacroConstants({ dose: 0.1, cl: 2, v1: 10, q: 4, v2: 20 });
    const kernel = {
      k10: "h^-1",
      k12: "h^-1",
      k21: "h^-1",
      alpha: "h^-1",
      beta: "h^-1",
      a: "mg/L",
      b: "mg/L",
    } as const;
    for (const [key, unit] of Object.entries(kernel))
      expectUnit(q[key as keyof typeof kernel], unit, n[key as keyof typeof kernel], key);
    expectUnit(q.halfLifeAlpha, "h", n.halfLifeAlpha, "halfLifeAlpha");
    expectUnit(q.halfLifeBeta, "h", n.halfLifeBeta, "halfLifeBeta");
    expectUnit(q.vss, "L", n.vss, "vss");
    expectUnit(q.vz, "L", n.vz, "vz");
    expect(q.vss.formatUnits()).toBe("mL");

    const micro = twoCompartmentMicroConstants({
      dose: "100 ug",
      a: "8 ng/mL",
      alpha: "1 1/h",
      b: "2 ug/L",
      beta: "2.4 1/day",
    });
    const microN = twoCompartmentMicroConstants({ dose: 0.1, a: 0.008, alpha: 1, b: 0.002, beta: 0.1 });
    for (const [key, unit] of [
      ["cl", "L/h"],
      ["q", "L/h"],
      ["v1", "L"],
      ["v2", "L"],
      ["k10", "h^-1"],
      ["k12", "h^-1"],
      ["k21", "h^-1"],
    ] as const)
      expectUnit(micro[key], unit, microN[key], key);
  });

  it("steadyStateIvBolus, steadyStateInfusion and steadyStateOral: peak, trough, average, tmax and the ratio", () => {
    const check = (
      q: SteadyStateWithUnits,
      n: { peak: number; trough: number; average: number; tmax: number; accumulationRatio: number },
      tauUnit: string,
    ) => {
      expectUnit(q.peak, "mg/L", n.peak, "peak");
      expectUnit(q.trough, "mg/L", n.trough, "trough");
      expectUnit(q.average, "mg/L", n.average, "average");
      expectUnit(q.tmax, "h", n.tmax, "tmax");
      expect(q.tmax.formatUnits()).toBe(tauUnit);
      expectClose(q.accumulationRatio, n.accumulationRatio, "accumulationRatio");
    };
    check(
      steadyStateIvBolus({ dose: "1 ng", tau: "0.5 day", volume: "100 L", ke: "0.001 1/min" }),
      steadyStateIvBolus({ dose: 1e-6, tau: 12, volume: 100, ke: 0.06 }),
      "day",
    );
    check(
      steadyStateInfusion({ dose: "10 ug", duration: "90 min", tau: "12 h", volume: "10 L", ke: "0.1 1/h" }),
      steadyStateInfusion({ dose: 0.01, duration: 1.5, tau: 12, volume: 10, ke: 0.1 }),
      "h",
    );
    check(
      steadyStateOral({
        dose: "100 ug",
        tau: "720 min",
        f: 0.7,
        ka: "1 1/h",
        ke: "0.1 1/h",
        volume: "10000 mL",
        tlag: "30 min",
      }),
      steadyStateOral({ dose: 0.1, tau: 12, f: 0.7, ka: 1, ke: 0.1, volume: 10, tlag: 0.5 }),
      "min",
    );
  });

  it("multipleDoseConcentration and repeatedDoses: a regimen with units, mixed with an IV microtracer", () => {
    const oral = repeatedDoses({ amount: "50 mg", tau: "0.5 day", count: 3, route: "oral" });
    expect(oral.map((d) => d.time.toNumber("h"))).toEqual([0, 12, 24]);
    expect(oral[1].amount.formatUnits()).toBe("mg");
    const oralN = repeatedDoses({ amount: 50, tau: 12, count: 3, route: "oral" });
    const infusion = repeatedDoses({
      amount: "1 ug",
      tau: "12 h",
      count: 2,
      route: "iv-infusion",
      start: "1 h",
      duration: "30 min",
    });
    const infusionN = repeatedDoses({
      amount: 0.001,
      tau: 12,
      count: 2,
      route: "iv-infusion",
      start: 1,
      duration: 0.5,
    });
    infusion.forEach((d, i) => {
      expectUnit(d.time, "h", infusionN[i].time, "time");
      expectUnit(d.amount, "mg", infusionN[i].amount, "amount");
      expectUnit(d.duration as Unit, "h", infusionN[i].duration as number, "duration");
    });
    const tracer = { time: "2 h", amount: "100 ng", route: "iv-bolus" } as const;
    // Sorted by time: 0, 2, 12, 13, 24 h.
    const doses = [oral[0], tracer, oral[1], infusion[1], oral[2]];
    const dosesN = [oralN[0], { time: 2, amount: 1e-4, route: "iv-bolus" as const }, oralN[1], infusionN[1], oralN[2]];
    const params = { volume: "40 L", ke: "0.1 1/h", ka: "60 1/day", f: 0.6, tlag: "15 min" };
    const paramsN = { volume: 40, ke: 0.1, ka: 2.5, f: 0.6, tlag: 0.25 };
    for (const t of [0, 2, 13.25, 30])
      expectUnit(
        multipleDoseConcentration(`${t * 60} min`, doses, params),
        "mg/L",
        multipleDoseConcentration(t, dosesN, paramsN),
        `t = ${t}`,
      );
    // Before the first dose (a negative time is allowed here, as for numbers).
    expectUnit(multipleDoseConcentration("-1 h", [tracer], params), "mg/L", 0, "before");
  });

  it("michaelisMentenConcentration and michaelisMentenAucInf: mass and molar concentrations", () => {
    expectUnit(
      michaelisMentenConcentration("90 min", { c0: "10 ug/mL", vmax: "48 mg/L/day", km: "1000 ng/mL" }),
      "mg/L",
      michaelisMentenConcentration(1.5, { c0: 10, vmax: 2, km: 1 }),
      "mass",
    );
    const molar = michaelisMentenConcentration("1 h", { c0: "1 uM", vmax: "1 uM/h", km: "1000 nM" });
    expect(molar.formatUnits()).toBe("uM");
    expectUnit(molar, "mmol/L", michaelisMentenConcentration(1, { c0: 0.001, vmax: 0.001, km: 0.001 }), "molar");
    expectUnit(
      michaelisMentenAucInf({ c0: "2 ng/mL", vmax: "1 ng/mL/h", km: "1 pg/mL" }),
      "mg*h/L",
      michaelisMentenAucInf({ c0: 2e-3, vmax: 1e-3, km: 1e-6 }),
      "AUC",
    );
  });

  it("clearanceOverTime in the unit of cl0, with beta a rate constant per day", () => {
    const c = clearanceOverTime("36 h", { cl0: "10 L/h", clss: "4000 mL/h", beta: "0.5 1/day" });
    expect(c.formatUnits()).toBe("L / h");
    expectUnit(c, "L/h", clearanceOverTime(36, { cl0: 10, clss: 4, beta: 0.5 / 24 }));
  });
});

describe("simulations with units equal the number calls", () => {
  const numberGrid = { times: [0, 0.5, 1, 2, 4, 8, 24] };
  const unitGrid = { times: series([0, 30, 60, 120, 240, 480, 1440], "min") };

  it("simulateMichaelisMenten: the brief's oral call and a bolus with molar units", () => {
    const q = simulateMichaelisMenten(
      {
        doses: [{ time: "0 h", amount: "100 ug", route: "oral" }],
        volume: "50 L",
        vmax: "0.5 mg/L/h",
        km: "2 mg/L",
        ka: "1 1/h",
        f: 0.5,
      },
      { times: series([0, 1, 2, 4], "h") },
    );
    const n = simulateMichaelisMenten(
      { doses: [{ time: 0, amount: 0.1, route: "oral" }], volume: 50, vmax: 0.5, km: 2, ka: 1, f: 0.5 },
      { times: [0, 1, 2, 4] },
    );
    expect(q.time).toEqual({ values: [0, 1, 2, 4], unit: "h" });
    expect(q.conc.unit).toBe("ug / L");
    expectSeries(q.conc, "mg/L", n.conc, "conc");
    expectUnit(q.auc, "mg*h/L", n.auc, "auc");

    const molar = simulateMichaelisMenten(
      { doses: [{ time: "0 h", amount: "30 nmol", route: "iv-bolus" }], volume: "3 L", vmax: "2 nM/h", km: "5 nM" },
      unitGrid,
    );
    const molarN = simulateMichaelisMenten(
      { doses: [{ time: 0, amount: 30e-6, route: "iv-bolus" }], volume: 3, vmax: 2e-6, km: 5e-6 },
      numberGrid,
    );
    expect(molar.conc.unit).toBe("nmol / L");
    expectSeries(molar.conc, "mmol/L", molarN.conc, "molar conc");
    expectUnit(molar.auc, "mmol*h/L", molarN.auc, "molar auc");
  });

  it("simulateTimeVaryingClearance: a 1 ng microdose, clearance in mL/min, tEnd in days", () => {
    const q = simulateTimeVaryingClearance(
      {
        doses: [
          { time: "0 h", amount: "1 ng", route: "iv-bolus" },
          { time: "1 h", amount: "2 ng", route: "iv-infusion", duration: "30 min" },
        ],
        volume: "10 L",
        cl0: "100 mL/min",
        clss: "3 L/h",
        beta: "2.4 1/day",
      },
      { ...unitGrid, tEnd: "2 day" },
    );
    const n = simulateTimeVaryingClearance(
      {
        doses: [
          { time: 0, amount: 1e-6, route: "iv-bolus" },
          { time: 1, amount: 2e-6, route: "iv-infusion", duration: 0.5 },
        ],
        volume: 10,
        cl0: 6,
        clss: 3,
        beta: 0.1,
      },
      { ...numberGrid, tEnd: 48 },
    );
    expect(q.conc.unit).toBe("ng / L");
    expectSeries(q.conc, "mg/L", n.conc, "conc");
    expectSeries(q.clearance, "L/h", n.clearance, "clearance");
    expect(q.clearance.unit).toBe("mL / min");
    expectUnit(q.auc, "mg*h/L", n.auc, "auc");
    expect(q.auc.formatUnits()).toBe("(ng min) / L");
  });

  it("simulateMechanismBasedInhibition and simulateAutoinduction: conc, enzyme, clearance, auc", () => {
    const doses = [
      { time: "0 h", amount: "200 mg", route: "oral" as const },
      { time: "12 h", amount: "200 mg", route: "oral" as const },
    ];
    const dosesN = [
      { time: 0, amount: 200, route: "oral" as const },
      { time: 12, amount: 200, route: "oral" as const },
    ];
    const mbi = simulateMechanismBasedInhibition(
      {
        doses,
        volume: "50 L",
        cl0: "10 L/h",
        kdeg: "0.72 1/day",
        kinact: "0.5 1/h",
        ki: "500 ng/mL",
        fu: 0.2,
        ka: "1 1/h",
        f: 0.9,
      },
      unitGrid,
    );
    const mbiN = simulateMechanismBasedInhibition(
      { doses: dosesN, volume: 50, cl0: 10, kdeg: 0.03, kinact: 0.5, ki: 0.5, fu: 0.2, ka: 1, f: 0.9 },
      numberGrid,
    );
    expectSeries(mbi.conc, "mg/L", mbiN.conc, "mbi conc");
    expectSeries(mbi.clearance, "L/h", mbiN.clearance, "mbi clearance");
    mbi.enzyme.forEach((e, i) => expectClose(e, mbiN.enzyme[i], "mbi enzyme"));
    expectUnit(mbi.auc, "mg*h/L", mbiN.auc, "mbi auc");

    const auto = simulateAutoinduction(
      { doses, volume: "50 L", cl0: "10 L/h", kdeg: "0.03 1/h", emax: 2, ec50: "1 ug/mL", ka: "1 1/h", tlag: "10 min" },
      unitGrid,
    );
    const autoN = simulateAutoinduction(
      { doses: dosesN, volume: 50, cl0: 10, kdeg: 0.03, emax: 2, ec50: 1, ka: 1, tlag: 1 / 6 },
      numberGrid,
    );
    expectSeries(auto.conc, "mg/L", autoN.conc, "auto conc");
    expectSeries(auto.clearance, "L/h", autoN.clearance, "auto clearance");
    auto.enzyme.forEach((e, i) => expectClose(e, autoN.enzyme[i], "auto enzyme"));
    expectUnit(auto.auc, "mg*h/L", autoN.auc, "auto auc");
  });

  it("simulatePopulation and summarizePopulation: the same subjects with units, in pg/mL at microdose scale", () => {
    const common = {
      model: "oral" as const,
      omega: { cl: 0.3, v: 0.2, ka: 0.4, f: 0.5 },
      residual: { proportional: 0.1 },
      n: 5,
      seed: 7,
    };
    const q = simulatePopulation({
      ...common,
      typical: { cl: "5 L/h", v: "50000 mL", ka: "1 1/h", f: 0.6, tlag: "15 min" },
      residual: { proportional: 0.1, additive: "0.01 pg/mL" },
      lloq: "0.5 pg/mL",
      times: series([0.5, 1, 2, 4, 8, 24, 48], "h"),
      dose: "1 ug",
    });
    const n = simulatePopulation({
      ...common,
      typical: { cl: 5, v: 50, ka: 1, f: 0.6, tlag: 0.25 },
      residual: { proportional: 0.1, additive: 1e-8 },
      lloq: 5e-7,
      times: [0.5, 1, 2, 4, 8, 24, 48],
      dose: 0.001,
    });
    expect(q).toHaveLength(5);
    q.forEach((s, i) => {
      expect(s.ipred.unit).toBe("ug / mL");
      expectSeries(s.ipred, "mg/L", n[i].ipred, `ipred ${i}`);
      expect(s.blq).toEqual(n[i].blq);
      s.conc.forEach((c, j) =>
        c === null ? expect(n[i].conc[j]).toBeNull() : expectUnit(c, "mg/L", n[i].conc[j] as number, "conc"),
      );
      expectUnit(s.params.cl, "L/h", n[i].params.cl, "cl");
      expectUnit(s.params.v, "L", n[i].params.v, "v");
      expectUnit(s.params.ke, "h^-1", n[i].params.ke, "ke");
      expectUnit(s.params.ka as Unit, "h^-1", n[i].params.ka as number, "ka");
      expectClose(s.params.f, n[i].params.f, "f");
      expectUnit(s.params.tlag, "h", n[i].params.tlag, "tlag");
    });
    expect(n.some((s) => s.blq.includes(true))).toBe(true); // the LLOQ in pg/mL is exercised

    const summary = summarizePopulation(q, [0.1, 0.5, 0.9]);
    const summaryN = summarizePopulation(n, [0.1, 0.5, 0.9]);
    expect(summary.time).toEqual({ values: [0.5, 1, 2, 4, 8, 24, 48], unit: "h" });
    summary.ipred.forEach((band, k) => expectSeries(band, "mg/L", summaryN.ipred[k], `band ${k}`));
    summary.observed.forEach((band, k) =>
      band.forEach((c, j) =>
        c === null
          ? expect(summaryN.observed[k][j]).toBeNull()
          : expectUnit(c, "mg/L", summaryN.observed[k][j] as number),
      ),
    );

    // A regimen of dose events with units, an infusion model with a duration in minutes.
    const regimen = simulatePopulation({
      model: "iv-infusion",
      typical: { cl: "5 L/h", v: "50 L", duration: "30 min" },
      n: 2,
      times: ["1 h", "13 h"],
      dose: repeatedDoses({ amount: "100 ug", tau: "12 h", count: 2, route: "iv-infusion", duration: "30 min" }),
      seed: 3,
    });
    const regimenN = simulatePopulation({
      model: "iv-infusion",
      typical: { cl: 5, v: 50, duration: 0.5 },
      n: 2,
      times: [1, 13],
      dose: repeatedDoses({ amount: 0.1, tau: 12, count: 2, route: "iv-infusion", duration: 0.5 }),
      seed: 3,
    });
    regimen.forEach((s, i) => expectSeries(s.ipred, "mg/L", regimenN[i].ipred, "regimen"));
  });

  it("keeps a number call's result types: numbers and number arrays, no Units", () => {
    const n = simulateMichaelisMenten(
      { doses: [{ time: 0, amount: 1, route: "iv-bolus" }], volume: 1, vmax: 1, km: 1 },
      numberGrid,
    );
    expect(typeof n.auc).toBe("number");
    expect(n.conc.every((c) => typeof c === "number")).toBe(true);
    expect(typeof ivBolusConcentration(1, { dose: 1, volume: 1, ke: 1 })).toBe("number");
    expect(typeof steadyStateOral({ dose: 1, tau: 12, f: 1, ka: 1, ke: 0.1, volume: 1 }).peak).toBe("number");
  });
});

describe("property: any units give the number call's result", () => {
  const massUnits = [
    ["mg", 1],
    ["ug", 1e-3],
    ["ng", 1e-6],
    ["g", 1e3],
  ] as const;
  const volumeUnits = [
    ["L", 1],
    ["mL", 1e-3],
    ["dL", 0.1],
  ] as const;
  const timeUnits = [
    ["h", 1],
    ["min", 1 / 60],
    ["day", 24],
    ["s", 1 / 3600],
  ] as const;
  const logUniform = (lo: number, hi: number) =>
    fc.double({ min: Math.log10(lo), max: Math.log10(hi), noNaN: true }).map((x) => 10 ** x);

  it("oralConcentration with a random dose, volume, rates and time, each in a random unit", () => {
    assertProperty(
      fc.property(
        logUniform(1e-6, 1e3),
        logUniform(0.5, 500),
        logUniform(0.01, 5),
        logUniform(0.01, 5),
        logUniform(1e-3, 200),
        fc.constantFrom(...massUnits),
        fc.constantFrom(...volumeUnits),
        fc.constantFrom(...timeUnits),
        (dose, volume, ka, ke, t, [mu, mf], [vu, vf], [tu, tf]) => {
          const q = oralConcentration(`${t / tf} ${tu}`, {
            dose: `${dose / mf} ${mu}`,
            f: 0.7,
            ka: `${ka * tf} 1/${tu}`,
            ke: `${ke * tf} 1/${tu}`,
            volume: `${volume / vf} ${vu}`,
          });
          const n = oralConcentration(t, { dose, f: 0.7, ka, ke, volume });
          // The unit strings round the inputs (x / f · f ≠ x by an ulp or two), and a rate near
          // ka = ke or a long time amplifies that: allow 1e-12 plus the conditioning in t·k.
          const tolerance = REL * (1 + 4 * (ka + ke) * t) * n;
          return Math.abs(q.toNumber("mg/L") - n) <= tolerance;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("errors with units name the function, the argument, the rule and the value", () => {
  it("a wrong dimension (the issue's example)", () => {
    expect(() => ivBolusConcentration("2 h", { dose: "100 ug", volume: "5 mg", ke: "0.35 1/h" })).toThrow(
      'ivBolusConcentration: params.volume expected a volume (e.g. "1 mL"); received 5 mg',
    );
    expect(() => oralConcentration("2 kg", { dose: "1 mg", f: 1, ka: "1 1/h", ke: "1 1/h", volume: "1 L" })).toThrow(
      'oralConcentration: t expected a time (e.g. "4 h"); received 2 kg',
    );
    expect(() =>
      twoCompartmentConcentration("1 h", {
        route: "iv-bolus",
        dose: "1 mg",
        cl: "2 L",
        v1: "1 L",
        q: "1 L/h",
        v2: "1 L",
      }),
    ).toThrow(
      'twoCompartmentConcentration: params.cl expected a clearance (volume per time) (e.g. "10 L/h"); received 2 L',
    );
    expect(() => steadyStateIvBolus({ dose: "1 mg", tau: "12 h", volume: "1 L", ke: "0.1 L/h" })).toThrow(
      'steadyStateIvBolus: params.ke expected a first-order rate constant (e.g. "0.17 h^-1"); received 0.1 L/h',
    );
    expect(() => ivBolusConcentration("1 h", { dose: "1 L", volume: "1 L", ke: "1 1/h" })).toThrow(
      'ivBolusConcentration: params.dose expected a mass or an amount of substance (e.g. "100 ug" or "30 nmol"); received 1 L',
    );
  });

  it("a bare number among quantities, in params, in t, in a dose event and in the grid", () => {
    expect(() => ivBolusConcentration("2 h", { dose: "100 ug", volume: 50, ke: "0.35 1/h" } as never)).toThrow(
      'ivBolusConcentration: params.volume must carry a unit like the other inputs, e.g. "50 L" (or give every input as plain numbers); received 50',
    );
    expect(() => ivBolusConcentration(2 as never, { dose: "100 ug", volume: "50 L", ke: "0.35 1/h" })).toThrow(
      'ivBolusConcentration: t must carry a unit like the other inputs, e.g. "2 h"',
    );
    const model = { volume: "10 L", vmax: "1 mg/L/h", km: "1 mg/L" };
    expect(() =>
      simulateMichaelisMenten({ ...model, doses: [{ time: 0, amount: "1 mg", route: "iv-bolus" }] } as never, {
        times: ["0 h", "1 h"],
      }),
    ).toThrow('simulateMichaelisMenten: model.doses[0].time must carry a unit like the other inputs, e.g. "2 h"');
    expect(() =>
      simulateMichaelisMenten({ ...model, doses: [{ time: "0 h", amount: "1 mg", route: "iv-bolus" }] }, {
        times: [0, 1],
      } as never),
    ).toThrow(
      'simulateMichaelisMenten: grid.times must carry units like the other inputs, e.g. series([0, 1, 2], "h")',
    );
    expect(() =>
      simulateMichaelisMenten({ ...model, doses: [{ time: "0 h", amount: "1 mg", route: "iv-bolus" }] }, {
        times: ["0 h", 1],
      } as never),
    ).toThrow("simulateMichaelisMenten: grid.times[1] must be a quantity with a unit like grid.times[0]");
    expect(() =>
      simulatePopulation({
        model: "iv-bolus",
        typical: { cl: 5, v: "50 L" },
        n: 1,
        times: ["1 h"],
        dose: "1 mg",
        seed: 1,
      } as never),
    ).toThrow('simulatePopulation: typical.cl must carry a unit like the other inputs, e.g. "10 L/h"');
  });

  it("a missing field, a negative quantity, an unparsable string and a mass/molar mix", () => {
    expect(() => ivBolusConcentration("2 h", { dose: "100 ug", ke: "0.35 1/h" } as never)).toThrow(
      'ivBolusConcentration: params.volume is required: a volume such as "50 L"; received undefined',
    );
    expect(() => michaelisMentenConcentration("1 h", { c0: "1 mg/L", km: "1 mg/L" } as never)).toThrow(
      'michaelisMentenConcentration: params.vmax is required: a concentration per time such as "0.5 mg/L/h"; received undefined',
    );
    expect(() => ivBolusConcentration("-2 h", { dose: "100 ug", volume: "50 L", ke: "0.35 1/h" })).toThrow(
      "ivBolusConcentration: t must not be negative; received -2 h",
    );
    expect(() => ivBolusConcentration("2 h", { dose: "100 ugg", volume: "50 L", ke: "0.35 1/h" })).toThrow(
      /^ivBolusConcentration: params\.dose must be a quantity with a unit such as "100 ug" \(.*\); received 100 ugg$/,
    );
    expect(() => michaelisMentenConcentration("1 h", { c0: "1 uM", vmax: "1 mg/L/h", km: "1 uM" })).toThrow(
      'michaelisMentenConcentration: params.vmax expected a molar concentration per time (e.g. "0.5 nM/h"), as the other inputs are amounts of substance; received 1 mg/L/h',
    );
    expect(() =>
      simulateMichaelisMenten(
        { doses: [{ time: "0 h", amount: "1 mg", route: "iv-bolus" }], volume: "1 L", vmax: "1 mg/L/h", km: "1 nM" },
        { times: ["0 h", "1 h"] },
      ),
    ).toThrow(
      'simulateMichaelisMenten: model.km expected a mass concentration (e.g. "0.5 pg/mL"), as the other inputs are masses; received 1 nM',
    );
  });

  it("after conversion, the number rules still apply (zero volume, infusion longer than tau)", () => {
    expect(() => ivBolusConcentration("2 h", { dose: "100 ug", volume: "0 L", ke: "0.35 1/h" })).toThrow(
      "ivBolusConcentration: volume must be greater than 0; received 0",
    );
    expect(() =>
      steadyStateInfusion({ dose: "1 mg", duration: "13 h", tau: "12 h", volume: "1 L", ke: "0.1 1/h" }),
    ).toThrow("steadyStateInfusion: duration must not exceed tau (12 h); received 13");
  });

  it("dimensionless maths stays numeric: lambertW0 and percentiles refuse a quantity", () => {
    expect(() => lambertW0("1 h" as never)).toThrow(/lambertW0: x must be a finite number; received 1 h/);
    expect(() => percentiles(["1 h"] as never, [0.5])).toThrow(/percentiles: values must contain only finite numbers/);
  });
});
