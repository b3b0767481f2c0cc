import { describe, expect, it } from "vitest";
import { NCA_PARAMETERS, nca, series, unit, type NcaQuantityResult, type NcaResult, type Unit } from "../../src";

/**
 * nca() with units is a layer over the number kernel (src/nca/quantities.ts): it must give the
 * kernel's numbers, exactly, with the units that follow from the inputs, at the microdose scale
 * this course is about (pg/mL after a 100 µg dose) as well as in everyday units.
 */

const relativeError = (actual: number, expected: number): number =>
  expected === 0 ? Math.abs(actual) : Math.abs(actual / expected - 1);

// A one-compartment oral microdose (100 µg, F = 0.5, V = 50 L, ka = 1.2/h, ke = 0.15/h) in pg/mL.
const TIMES_H = [0, 0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48];
const ka = 1.2;
const ke = 0.15;
const doseMg = 0.1;
const concMgPerL = TIMES_H.map(
  (t) => ((0.5 * doseMg * ka) / (50 * (ka - ke))) * (Math.exp(-ke * t) - Math.exp(-ka * t)),
);
const concPgPerMl = concMgPerL.map((c) => c * 1e6);

const numberResult = nca(TIMES_H, concMgPerL, { dose: doseMg, route: "extravascular" });
const unitResult = nca(series(TIMES_H, "h"), series(concPgPerMl, "pg/mL"), { dose: "100 ug", route: "extravascular" });

/** Every parameter of a unit result read in the library's number units (h, mg/L, mg, L). */
function inNumberUnits(result: NcaQuantityResult, id: (typeof NCA_PARAMETERS)[number]["id"]): number | null {
  const value = result[id];
  if (value === null || typeof value === "number") return value;
  const written = NCA_PARAMETERS.find((p) => p.id === id)!.unit;
  // "1/h" would parse as a quantity (one per hour); mathjs converts to the bare unit h^-1.
  const target = written
    .replace(/^1\/(\w+)$/, "$1^-1")
    .replace("·", "*")
    .replace("²", "^2");
  return value.toNumber(target);
}

describe("nca(series, series, quantity options) equals the number path", () => {
  it("every parameter, read in h, mg/L and mg, equals the number call to 1e-12 relative (a 100 µg dose in pg/mL)", () => {
    let compared = 0;
    for (const p of NCA_PARAMETERS) {
      const expected = numberResult[p.id];
      const actual = inNumberUnits(unitResult, p.id);
      if (expected === null) {
        expect(actual, p.id).toBeNull();
        continue;
      }
      expect(actual, p.id).not.toBeNull();
      if (p.id === "lambdaZIntercept") {
        // ln C at t = 0 in the profile's own unit: pg/mL is 1e6 × mg/L, so the intercept is ln(1e6) higher.
        expect(Math.abs((actual as number) - Math.log(1e6) - expected)).toBeLessThan(1e-12);
        continue;
      }
      expect(relativeError(actual as number, expected), `${p.id}: ${actual} vs ${expected}`).toBeLessThan(1e-12);
      compared++;
    }
    expect(compared).toBeGreaterThan(25);
  });

  it("reports each parameter in the units of the inputs: AUC in pg/mL·h, CL/F in L/h, Vz/F in L, λz in 1/h", () => {
    expect(unitResult.cmax?.formatUnits()).toBe("pg / mL");
    expect(unitResult.aucLast?.equalBase(unit("1 pg*h/mL"))).toBe(true);
    expect(unitResult.aucLast?.toNumber("pg*h/mL")).toBeCloseTo((numberResult.aucLast as number) * 1e6, 6);
    expect(unitResult.cl?.toNumber("L/h")).toBeCloseTo(numberResult.cl as number, 10);
    expect(unitResult.vz?.toNumber("L")).toBeCloseTo(numberResult.vz as number, 8);
    expect(unitResult.lambdaZ?.toNumber("h^-1")).toBeCloseTo(numberResult.lambdaZ as number, 14);
    // The student converts to any unit without a factor:
    expect(unitResult.aucInfObs?.toNumber("ng*h/mL")).toBeCloseTo((numberResult.aucInfObs as number) * 1e3, 9);
    // Unitless parameters stay numbers.
    expect(typeof unitResult.r2).toBe("number");
    expect(unitResult.r2).toBeCloseTo(numberResult.r2 as number, 12);
  });

  it("gives the same physical results whatever units the inputs are written in (min and ng/mL, h and mg/L)", () => {
    const inMinutes = nca(
      series(
        TIMES_H.map((t) => t * 60),
        "min",
      ),
      series(
        concMgPerL.map((c) => c * 1e3),
        "ng/mL",
      ),
      { dose: "0.1 mg", route: "extravascular" },
    );
    const inHours = nca(series(TIMES_H, "h"), series(concMgPerL, "mg/L"), { dose: "100 ug", route: "extravascular" });
    for (const id of [
      "tmax",
      "aucLast",
      "aucInfObs",
      "cl",
      "vz",
      "lambdaZ",
      "halfLife",
      "mrtInfObs",
      "aumcLast",
    ] as const) {
      const a = inMinutes[id] as Unit;
      const b = inHours[id] as Unit;
      const u = b.formatUnits();
      expect(relativeError(a.toNumber(u), b.toNumber(u)), id).toBeLessThan(1e-12);
    }
  });

  it("takes an array of quantity strings as a series, each read in the unit of the first", () => {
    const r = nca(["0 h", "30 min", "1 h", "2 h"], ["0 pg/mL", "4 pg/mL", "2 pg/mL", "0.5 pg/mL"], {
      dose: "1 ng",
      route: "extravascular",
    });
    const n = nca([0, 0.5, 1, 2], [0, 4, 2, 0.5], { dose: 1, route: "extravascular" });
    expect(r.aucLast?.toNumber("pg*h/mL")).toBeCloseTo(n.aucLast as number, 14);
    expect(r.tmax?.toNumber("h")).toBe(0.5);
  });

  it("reads a molar profile (nM) with a dose in nmol: CL in L/h, V in L", () => {
    const molar = nca(series(TIMES_H, "h"), series(concMgPerL, "nM"), { dose: "100 nmol", route: "extravascular" });
    const n = nca(TIMES_H, concMgPerL, { dose: 100, route: "extravascular" }) as NcaResult;
    expect(molar.cl?.toNumber("L/h")).toBeCloseTo(n.cl as number, 10);
    expect(molar.cmax?.toNumber("nM")).toBeCloseTo(n.cmax as number, 14);
  });

  it("converts quantity options (lloq, λz window, partial AUCs, infusion duration) into the profile's units", () => {
    const r = nca(series(TIMES_H, "h"), series(concPgPerMl, "pg/mL"), {
      dose: "100 ug",
      route: "extravascular",
      lambdaZWindow: { start: "360 min", end: "2 day" },
      partialAucs: [{ start: "0 h", end: "720 min" }],
    });
    const n = nca(TIMES_H, concPgPerMl, {
      dose: 100e3,
      route: "extravascular",
      lambdaZWindow: { start: 6, end: 48 },
      partialAucs: [{ start: 0, end: 12 }],
    });
    expect(r.lambdaZ?.toNumber("h^-1")).toBeCloseTo(n.lambdaZ as number, 14);
    expect(r.lambdaZTimes.values).toEqual(n.lambdaZTimes);
    expect(r.lambdaZTimes.unit).toBe("h");
    expect(r.partialAucs[0].end.toNumber("h")).toBe(12);
    expect(r.partialAucs[0].auc?.toNumber("pg*h/mL")).toBeCloseTo(n.partialAucs[0].auc as number, 9);
  });
});

describe("nca with units: clear errors, never a silent conversion", () => {
  const time = series([0, 1, 2, 4], "h");
  const conc = series([0, 8, 4, 1], "ng/mL");

  it("rejects numbers for one array when the other carries units", () => {
    expect(() => nca(time, [0, 8, 4, 1] as never, { dose: "1 mg", route: "extravascular" })).toThrow(
      'nca: conc must carry units like the other inputs, e.g. series([1.2, 3.4, 2.1], "ng/mL")',
    );
  });

  it("rejects a concentration series in a unit that is not a concentration", () => {
    expect(() => nca(time, series([0, 8, 4, 1], "mg"), { dose: "1 mg", route: "extravascular" })).toThrow(
      /nca: conc expected a mass concentration or a molar concentration \(e\.g\. "0\.5 pg\/mL"\)/,
    );
  });

  it("rejects a time series that is not a time", () => {
    expect(() => nca(series([0, 1, 2, 4], "L"), conc, { dose: "1 mg", route: "extravascular" })).toThrow(
      /nca: time expected a time/,
    );
  });

  it("rejects a dose that does not match the concentration (an amount with a mass concentration)", () => {
    expect(() => nca(time, conc, { dose: "5 nmol", route: "extravascular" })).toThrow(
      /nca: options\.dose expected a mass/,
    );
  });

  it("rejects a series whose items have different dimensions", () => {
    expect(() =>
      nca(["0 h", "1 h", "2 mg"], ["0 ng/mL", "1 ng/mL", "2 ng/mL"], { dose: "1 mg", route: "extravascular" }),
    ).toThrow(/nca: time\[2\] must have the dimension of time\[0\] \(h\)/);
  });

  it("rejects a plain number where an option needs a unit", () => {
    expect(() => nca(time, conc, { dose: 1 as never, route: "extravascular" })).toThrow(/nca: options\.dose/);
  });
});
