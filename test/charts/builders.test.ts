import fc from "fast-check";
import { assertProperty } from "../support/properties";
import { describe, expect, it } from "vitest";
import {
  amsPrecisionChart,
  clearanceConcentrationChart,
  clearanceTimeChart,
  compileChart,
  concentrationTimeChart,
  doseProportionalityChart,
  occupancyChart,
  populationChart,
  troughOccupancyChart,
  type ChartSpec,
} from "../../src";

describe("doc-comment examples", () => {
  it("concentrationTimeChart({ profiles, timeUnit, concUnit }).description names the profiles and ranges with units", () => {
    expect(
      concentrationTimeChart({
        profiles: [{ name: "Microdose", time: [0, 1, 2], conc: [0, 10, 5] }],
        timeUnit: "h",
        concUnit: "pg/mL",
      }).description,
    ).toBe("Concentration–time chart on a linear axis of Microdose: time 0–2 h, concentration 0–10 pg/mL.");
  });
  it("occupancyChart({ curves, concUnit, kd }).description gives the occupancy in percent and the Kd", () => {
    expect(
      occupancyChart({
        curves: [{ name: "Kd 5 nM", conc: [0.5, 5, 50], occupancy: [0.0909, 0.5, 0.909] }],
        concUnit: "nM",
        kd: 5,
      }).description,
    ).toBe(
      "Receptor occupancy against unbound concentration (log axis) for Kd 5 nM: concentration 0.5–50 nM, occupancy 9.09–90.9 %. Dashed line: Kd 5 nM (50 % occupancy).",
    );
  });
  it("doseProportionalityChart({ dose, exposure, fit }).description reports b", () => {
    expect(
      doseProportionalityChart({
        dose: [0.1, 1, 10, 100],
        exposure: [2, 20, 200, 2000],
        doseUnit: "mg",
        exposureUnit: "ng·h/mL",
        fit: { coefficient: 20, exponent: 1 },
      }).description,
    ).toBe(
      "Dose-proportionality on log–log axes: Exposure 2–2000 ng·h/mL against dose 0.1–100 mg, 4 points, with the power model (b = 1) and the line of exact proportionality.",
    );
  });

  it('doseProportionalityChart({ …, proportionalThrough: "lowest-dose" }).description names the anchor', () => {
    expect(
      doseProportionalityChart({
        dose: [0.1, 1, 10, 100],
        exposure: [2, 25, 300, 4000],
        doseUnit: "mg",
        exposureUnit: "ng·h/mL",
        proportionalThrough: "lowest-dose",
      }).description,
    ).toBe(
      "Dose-proportionality on log–log axes: Exposure 2–4000 ng·h/mL against dose 0.1–100 mg, 4 points, with the power model fitted by least squares on the logs and the line of exact proportionality through the lowest dose.",
    );
  });
  it("clearanceConcentrationChart({ curves, km }).description", () => {
    expect(
      clearanceConcentrationChart({
        curves: [{ name: "MM", conc: [0.1, 10, 1000], clearance: [9.99, 5, 0.099] }],
        concUnit: "mg/L",
        clearanceUnit: "L/h",
        km: 10,
      }).description,
    ).toBe(
      "Clearance against concentration (log axis) for MM: concentration 0.1–1000 mg/L, clearance 0.099–9.99 L/h. Dashed line: Km 10 mg/L.",
    );
  });
  it("clearanceTimeChart({ series }).description", () => {
    expect(
      clearanceTimeChart({
        series: [{ name: "MBI", time: [0, 12, 24], clearance: [20, 12, 10] }],
        timeUnit: "h",
        clearanceUnit: "L/h",
      }).description,
    ).toBe("Clearance over time for MBI: time 0–24 h, clearance 10–20 L/h.");
  });
  it("amsPrecisionChart({ series, target }).description", () => {
    expect(
      amsPrecisionChart({
        series: [{ name: "Poisson 1/√N", counts: [100, 10000], relativeSd: [0.1, 0.01] }],
        target: 0.02,
      }).description,
    ).toBe(
      "AMS counting precision on log–log axes for Poisson 1/√N: 100–10000 counts, relative SD 1–10 %. Dashed line: target 2 %.",
    );
  });
  it("troughOccupancyChart({ series, target }).description", () => {
    expect(
      troughOccupancyChart({
        series: [{ name: "Once daily", dose: [1, 10, 100], occupancy: [0.1, 0.5, 0.9] }],
        doseUnit: "mg/day",
        target: 0.8,
      }).description,
    ).toBe(
      "Trough receptor occupancy against daily dose (log axis) for Once daily: dose 1–100 mg/day, occupancy 10–90 %. Dashed line: target 80 %.",
    );
  });
  it("populationChart({ time, individuals }).description", () => {
    expect(
      populationChart({
        time: [0, 1, 2],
        individuals: [
          [0, 10, 5],
          [0, 20, 8],
          [0, 15, 6],
        ],
        timeUnit: "h",
        concUnit: "ng/mL",
      }).description,
    ).toBe(
      "Population concentration–time plot of 3 individuals: time 0–2 h, concentration 0–20 ng/mL; median line and 5th–95th percentile band.",
    );
  });
});

/** The inline data rows of the layer whose mark is of the given type. */
function layerRows(spec: ChartSpec, predicate: (layer: Record<string, unknown>) => boolean): Record<string, number>[] {
  const layers = (spec as unknown as { layer: Record<string, unknown>[] }).layer;
  const layer = layers.find(predicate);
  return ((layer?.data as { values?: Record<string, number>[] })?.values ?? []) as Record<string, number>[];
}

describe("what the charts compute", () => {
  it("populationChart computes the median and percentile band per time with R-7 quantiles", () => {
    const individuals = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((v) => [v, 2 * v]);
    const spec = populationChart({ time: [1, 2], individuals, timeUnit: "h", concUnit: "ng/mL" });
    const band = layerRows(spec, (l) => JSON.stringify(l.mark).includes("area"));
    // R-7 on 1..11: p = 0.05 → 1 + 0.05·10 = 1.5; median 6; p = 0.95 → 10.5
    expect(band.map((r) => [r.lower, r.median, r.upper])).toEqual([
      [1.5, 6, 10.5],
      [3, 12, 21],
    ]);
  });

  it("semi-log views leave out concentrations ≤ 0 and say how many", () => {
    const spec = concentrationTimeChart({
      profiles: [{ name: "A", time: [0, 1, 2], conc: [0, 4, 2] }],
      timeUnit: "h",
      concUnit: "ng/mL",
      scale: "log",
    });
    expect(layerRows(spec, () => true).map((r) => r.conc)).toEqual([4, 2]);
    expect(spec.description).toContain("1 value ≤ 0 not shown on the log axis.");
    expect(compileChart(spec).warnings).toEqual([]);
  });

  it("doseProportionalityChart({ proportionalThrough }) anchors exact proportionality at the geometric means or at the lowest dose", () => {
    const dose = [0.1, 0.1, 1, 10, 100];
    const exposure = [1, 4, 25, 300, 4000];
    const proportional = (through?: "geometric-mean" | "lowest-dose") =>
      layerRows(
        doseProportionalityChart({
          dose,
          exposure,
          doseUnit: "mg",
          exposureUnit: "ng·h/mL",
          proportionalThrough: through,
        }),
        (l) => JSON.stringify(l.data).includes("Exact proportionality (b = 1)"),
      );
    // Through the lowest dose: the geometric mean of its replicates (2), scaled linearly.
    const [first, last] = proportional("lowest-dose");
    expect(first.dose).toBe(0.1);
    expect(first.exposure).toBeCloseTo(2, 12);
    expect(last.dose).toBe(100);
    expect(last.exposure).toBeCloseTo(2000, 9);
    const geoMean = (v: number[]) => Math.exp(v.reduce((s, a) => s + Math.log(a), 0) / v.length);
    const [low] = proportional();
    expect(low.exposure).toBeCloseTo((geoMean(exposure) * 0.1) / geoMean(dose), 12);
    expect(() =>
      doseProportionalityChart({
        dose,
        exposure,
        doseUnit: "mg",
        exposureUnit: "ng·h/mL",
        proportionalThrough: "microdose" as "lowest-dose",
      }),
    ).toThrow(/doseProportionalityChart: proportionalThrough/);
  });

  it("doseProportionalityChart draws the given power model over the observed dose range", () => {
    const spec = doseProportionalityChart({
      dose: [1, 100],
      exposure: [10, 1000],
      doseUnit: "mg",
      exposureUnit: "ng·h/mL",
      fit: { coefficient: 10, exponent: 1 },
    });
    const line = layerRows(spec, (l) => JSON.stringify(l.data).includes("Power model fit"));
    expect(line[0]).toMatchObject({ dose: 1, exposure: 10 });
    expect(line.at(-1)).toMatchObject({ dose: 100 });
    expect(line.at(-1)?.exposure).toBeCloseTo(1000, 9);
  });

  it("any valid set of profiles gives a spec that compiles without warnings, on either axis (property)", () => {
    const profile = fc
      .array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 })
      .map((conc) => ({ time: conc.map((_, i) => i * 0.5), conc }));
    assertProperty(
      fc.property(
        fc.array(profile, { minLength: 1, maxLength: 4 }),
        fc.constantFrom("linear" as const, "log" as const),
        (profiles, scale) => {
          const named = profiles.map((p, i) => ({ name: `P${i}`, ...p }));
          const spec = concentrationTimeChart({ profiles: named, timeUnit: "h", concUnit: "ng/mL", scale });
          if (scale === "log" && named.every((p) => p.conc.every((c) => c <= 0))) return; // nothing drawable on a log axis
          expect(compileChart(spec).warnings).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("bad input gets a clear InputError", () => {
  const profile = { name: "A", time: [0, 1, 2], conc: [0, 4, 2] };
  it("concentrationTimeChart rejects mismatched arrays, repeated names, a bad scale and a non-positive LLOQ", () => {
    expect(() =>
      concentrationTimeChart({ profiles: [{ name: "A", time: [0, 1], conc: [1] }], timeUnit: "h", concUnit: "ng/mL" }),
    ).toThrow(
      /concentrationTimeChart: profiles\[0\]\.time and profiles\[0\]\.conc must have the same length; received lengths 2 and 1/,
    );
    expect(() => concentrationTimeChart({ profiles: [profile, profile], timeUnit: "h", concUnit: "ng/mL" })).toThrow(
      /concentrationTimeChart: profiles must have unique names; received A/,
    );
    expect(() =>
      concentrationTimeChart({ profiles: [profile], timeUnit: "h", concUnit: "ng/mL", scale: "loglog" as never }),
    ).toThrow(/concentrationTimeChart: scale must be one of "linear", "log", "both"; received loglog/);
    expect(() => concentrationTimeChart({ profiles: [profile], timeUnit: "h", concUnit: "ng/mL", lloq: 0 })).toThrow(
      /concentrationTimeChart: lloq must be greater than 0; received 0/,
    );
    expect(() => concentrationTimeChart({ profiles: [], timeUnit: "h", concUnit: "ng/mL" })).toThrow(
      /concentrationTimeChart: profiles must be a non-empty array/,
    );
    expect(() => concentrationTimeChart({ profiles: [profile], timeUnit: "", concUnit: "ng/mL" })).toThrow(
      /concentrationTimeChart: timeUnit must be a non-empty string/,
    );
    expect(() =>
      concentrationTimeChart({
        profiles: [{ name: "A", time: [0, NaN], conc: [1, 2] }],
        timeUnit: "h",
        concUnit: "ng/mL",
      }),
    ).toThrow(/must contain only finite numbers \(index 1 is NaN\)/);
  });
  it("log-axis charts reject values ≤ 0 instead of dropping them", () => {
    expect(() =>
      doseProportionalityChart({ dose: [0, 1], exposure: [1, 2], doseUnit: "mg", exposureUnit: "ng·h/mL" }),
    ).toThrow(
      /doseProportionalityChart: dose must contain only positive values \(the axes are logarithmic\) \(index 0 is 0\)/,
    );
    expect(() =>
      occupancyChart({ curves: [{ name: "c", conc: [-1, 1], occupancy: [0, 0.5] }], concUnit: "nM" }),
    ).toThrow(/occupancyChart: conc must contain only positive values/);
    expect(() => amsPrecisionChart({ series: [{ name: "s", counts: [0], relativeSd: [1] }] })).toThrow(
      /amsPrecisionChart: counts must contain only positive values/,
    );
  });
  it("occupancy and targets must be fractions", () => {
    expect(() => occupancyChart({ points: [{ name: "p", conc: [1], occupancy: [1.5] }], concUnit: "nM" })).toThrow(
      /occupancyChart: occupancy must contain only fractions between 0 and 1 \(index 0 is 1.5\)/,
    );
    expect(() =>
      troughOccupancyChart({ series: [{ name: "s", dose: [1], occupancy: [0.5] }], doseUnit: "mg/day", target: 80 }),
    ).toThrow(/troughOccupancyChart: target must be between 0 and 1; received 80/);
    expect(() => occupancyChart({ concUnit: "nM" })).toThrow(
      /occupancyChart: options must give curves or points \(or both\)/,
    );
  });
  it("clearance charts reject negative clearance; population charts check row lengths and the band", () => {
    expect(() =>
      clearanceTimeChart({
        series: [{ name: "s", time: [0, 1], clearance: [1, -1] }],
        timeUnit: "h",
        clearanceUnit: "L/h",
      }),
    ).toThrow(/clearanceTimeChart: clearance must not contain negative values; received -1/);
    expect(() => populationChart({ time: [0, 1], individuals: [[1, 2, 3]], timeUnit: "h", concUnit: "ng/mL" })).toThrow(
      /populationChart: individuals\[0\] must have one value per time \(2\); received length 3/,
    );
    expect(() =>
      populationChart({ time: [0, 1], individuals: [[1, 2]], timeUnit: "h", concUnit: "ng/mL", band: [95, 5] }),
    ).toThrow(/populationChart: band must satisfy 0 <= lower < upper <= 100/);
    expect(() => populationChart({ time: [1, 0], individuals: [[1, 2]], timeUnit: "h", concUnit: "ng/mL" })).toThrow(
      /populationChart: time must be strictly increasing/,
    );
  });
  it("compileChart reports vega-lite warnings for a flawed spec and rejects a non-object", () => {
    const flawed = {
      mark: "point",
      encoding: { x: { field: "a", type: "nominal", scale: { type: "log" } } },
      data: { values: [{ a: "x" }] },
    } as ChartSpec;
    expect(compileChart(flawed).warnings.length).toBeGreaterThan(0);
    expect(() => compileChart(null as never)).toThrow(
      /compileChart: spec must be a vega-lite spec object; received null/,
    );
  });
});
