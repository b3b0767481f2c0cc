/**
 * Issue 14: fitOccupancyModel takes concentrations with units; EC50 comes back in their unit,
 * and `predict` takes a concentration. The numbers are those of the number call.
 */
import { describe, expect, it } from "vitest";
import { fitOccupancyModel, series, unit } from "../../src";

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
const conc = [0.02, 0.05, 0.1, 0.3, 1, 3];
const occupancy = [0.09, 0.21, 0.33, 0.61, 0.82, 0.95];

describe("fitOccupancyModel with units", () => {
  const numbers = fitOccupancyModel(conc, occupancy);

  it("a series in nM gives the number call's fit, EC50 and its SE in nM", () => {
    const q = fitOccupancyModel(series(conc, "nM"), occupancy);
    expect(q.ec50.formatUnits()).toBe("nM");
    expect(rel(q.ec50.toNumber("nM"), numbers.ec50)).toBeLessThanOrEqual(1e-12);
    expect(rel((q.ec50Se as ReturnType<typeof unit>).toNumber("nM"), numbers.ec50Se as number)).toBeLessThanOrEqual(
      1e-12,
    );
    for (const k of ["emax", "rss"] as const) expect(rel(q[k], numbers[k])).toBeLessThanOrEqual(1e-12);
    expect(q.df).toBe(numbers.df);
    expect(rel(q.predict("0.5 nM"), numbers.predict(0.5))).toBeLessThanOrEqual(1e-12);
  });

  it("microdose scale in pM and mass concentrations: EC50 in the unit given, the same occupancy", () => {
    const q = fitOccupancyModel(
      conc.map((c) => `${c * 1000} pM`),
      occupancy,
    );
    expect(q.ec50.formatUnits()).toBe("pM");
    // Not 1e-12: the fit runs on other numbers (×1000), and a least-squares minimum is flat, so the
    // 1-D search pins EC50 to about sqrt(machine epsilon) ≈ 1e-8 relative in any unit.
    expect(rel(q.ec50.toNumber("nM"), numbers.ec50)).toBeLessThanOrEqual(1e-7);
    expect(rel(q.predict(unit(500, "pM")), numbers.predict(0.5))).toBeLessThanOrEqual(1e-7);
    // A series in pM is read as written: the number call on the same numbers, exactly.
    const inPm = fitOccupancyModel(
      conc.map((c) => c * 1000),
      occupancy,
    );
    const pm = fitOccupancyModel(
      series(
        conc.map((c) => c * 1000),
        "pM",
      ),
      occupancy,
    );
    expect(pm.ec50.toNumber("pM")).toBe(inPm.ec50);
    const m = fitOccupancyModel(series(conc, "ng/mL"), occupancy, { emax: 1 });
    const n = fitOccupancyModel(conc, occupancy, { emax: 1 });
    expect(rel(m.ec50.toNumber("ng/mL"), n.ec50)).toBeLessThanOrEqual(1e-12);
    expect(m.emaxSe).toBeNull();
  });

  it("wrong dimensions and a bare number are refused", () => {
    expect(() => fitOccupancyModel(series(conc, "mg"), occupancy)).toThrow(
      'fitOccupancyModel: conc expected a mass concentration or a molar concentration (e.g. "0.5 pg/mL"); received mg',
    );
    const q = fitOccupancyModel(series(conc, "nM"), occupancy);
    expect(() => q.predict("1 ng/mL")).toThrow(
      "OccupancyFit.predict: c must be a concentration of the kind the fit was made with (nM); received 1 ng/mL",
    );
    expect(() => q.predict(0.5 as never)).toThrow("OccupancyFit.predict: c must be a quantity with a unit");
    expect(() => fitOccupancyModel(series([0, 0, 0], "nM"), [0, 0, 0])).toThrow(
      "fitOccupancyModel: conc must contain at least one concentration above 0",
    );
  });
});
