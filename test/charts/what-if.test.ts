import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  amsPrecisionWhatIfChart,
  clearanceWhatIfChart,
  compileChart,
  countsForPrecision,
  occupancyWhatIfChart,
  oralConcentration,
  oralProfileWhatIfChart,
  poissonRelativePrecision,
  receptorOccupancy,
  renderSvg,
  saturableClearance,
  type ChartSpec,
} from "../../src";

/**
 * What-if charts compute their curves in vega expressions from slider parameters. These
 * tests run the compiled spec in a headless vega View in Node, read the datasets vega
 * computed, and compare them with the library's closed forms — at the default values and
 * after moving a slider (view.signal), the way a reader's slider does.
 */
const vega = createRequire(__filename)("vega") as typeof import("vega");
type Row = Record<string, number | string>;

async function runView(
  spec: ChartSpec,
  signals: Record<string, number> = {},
): Promise<{ rows: (fields: string[]) => Row[][]; finalize: () => void }> {
  const compiled = compileChart(spec);
  expect(compiled.warnings).toEqual([]);
  const view = new vega.View(vega.parse(compiled.vega), { renderer: "none" });
  for (const [name, value] of Object.entries(signals)) view.signal(name, value);
  await view.runAsync();
  const names = (compiled.vega.data ?? []).map((d) => d.name);
  return {
    rows: (fields) =>
      names.map((n) => view.data(n) as Row[]).filter((rows) => rows.length > 0 && fields.every((f) => f in rows[0])),
    finalize: () => view.finalize(),
  };
}

function closeTo(actual: number, expected: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + 1e-300);
}

const occupancyOptions = {
  kd: { value: 5, min: 0.5, max: 50, step: 0.5 },
  concUnit: "nM",
  concRange: [0.001, 1000] as const,
  marks: [
    { name: "Microdose", conc: 0.005 },
    { name: "Therapeutic", conc: 20 },
  ],
};

describe("what-if charts: sliders bound to vega-lite params", () => {
  it("occupancyWhatIfChart(options) binds Kd to a labelled range input and describes the slider", () => {
    const spec = occupancyWhatIfChart(occupancyOptions);
    expect(spec.params).toEqual([
      { name: "Kd", value: 5, bind: { input: "range", min: 0.5, max: 50, step: 0.5, name: "Kd (nM) " } },
    ]);
    expect(spec.description).toContain("slider for Kd (nM) 0.5–50, now 5 nM");
    expect(spec.description).toContain("Microdose at 0.005 nM (0.0999 %)");
  });

  it("occupancyWhatIfChart: the curve vega computes is receptorOccupancy(C, Kd) at the default Kd and after moving the slider (1e-9)", async () => {
    for (const kd of [undefined, 37.5]) {
      const run = await runView(occupancyWhatIfChart(occupancyOptions), kd === undefined ? {} : { Kd: kd });
      const [curve] = run.rows(["u", "conc", "occupancy"]);
      expect(curve.length).toBe(160);
      closeTo(Number(curve[0].conc), 0.001, 1e-12);
      closeTo(Number(curve[curve.length - 1].conc), 1000, 1e-12);
      for (const row of curve) closeTo(Number(row.occupancy), receptorOccupancy(`${row.conc} nM`, `${kd ?? 5} nM`));
      const [marks] = run.rows(["series", "occupancy"]);
      expect(marks.map((r) => r.series)).toEqual(["Microdose", "Therapeutic"]);
      for (const row of marks) closeTo(Number(row.occupancy), receptorOccupancy(`${row.conc} nM`, `${kd ?? 5} nM`));
      run.finalize();
    }
  });

  const oralOptions = {
    dose: { value: 0.1, min: 0.01, max: 1, step: 0.01 },
    f: { value: 0.5, min: 0.05, max: 1, step: 0.05 },
    ka: { value: 1.2, min: 0.1, max: 5, step: 0.1 },
    ke: { value: 0.17, min: 0.02, max: 1.2, step: 0.01 },
    volume: 70,
    timeMax: 24,
    concUnit: "ng/mL",
  };

  it("oralProfileWhatIfChart(options) binds dose, F, ka and ke; the curve is oralConcentration at the defaults, after moving sliders and at ka = ke (1e-9)", async () => {
    const spec = oralProfileWhatIfChart(oralOptions);
    expect(spec.params?.map((p) => [p.name, (p as { bind: { name: string } }).bind.name.trim()])).toEqual([
      ["dose", "Dose (mg)"],
      ["F", "F (bioavailability)"],
      ["ka", "ka (1/h)"],
      ["ke", "ke (1/h)"],
    ]);
    const moves: Record<string, number>[] = [{}, { dose: 0.8, F: 0.25, ka: 0.3, ke: 0.9 }, { ka: 0.5, ke: 0.5 }];
    for (const moved of moves) {
      const p = { dose: 0.1, F: 0.5, ka: 1.2, ke: 0.17, ...moved };
      const run = await runView(spec, moved);
      const [curve] = run.rows(["t", "conc"]);
      expect(curve.length).toBe(241);
      closeTo(Number(curve[curve.length - 1].t), 24, 1e-12);
      for (const row of curve) {
        // mg/L from the library, ng/mL on the chart: × 1000
        const expected =
          1000 * oralConcentration(Number(row.t), { dose: p.dose, f: p.F, ka: p.ka, ke: p.ke, volume: 70 });
        closeTo(Number(row.conc), expected);
      }
      run.finalize();
    }
  });

  it("clearanceWhatIfChart(options): the curve is saturableClearance(C, { vmax, km }) at the defaults and after moving the sliders (1e-9)", async () => {
    const spec = clearanceWhatIfChart({
      vmax: { value: 10, min: 1, max: 50, step: 1 },
      km: { value: 1, min: 0.1, max: 10, step: 0.1 },
      concRange: [0.001, 100],
    });
    expect(spec.params?.map((p) => p.name)).toEqual(["Vmax", "Km"]);
    const moves: Record<string, number>[] = [{}, { Vmax: 42, Km: 0.3 }];
    for (const moved of moves) {
      const p = { Vmax: 10, Km: 1, ...moved };
      const run = await runView(spec, moved);
      const [curve] = run.rows(["conc", "clearance"]);
      expect(curve.length).toBe(160);
      for (const row of curve)
        closeTo(
          Number(row.clearance),
          saturableClearance(`${row.conc} mg/L`, { vmax: `${p.Vmax} mg/h`, km: `${p.Km} mg/L` }).toNumber("L/h"),
        );
      run.finalize();
    }
  });

  it("amsPrecisionWhatIfChart(options): the curve is poissonRelativePrecision(N) and the marked counts are countsForPrecision(p) as the slider moves", async () => {
    const spec = amsPrecisionWhatIfChart({
      targetPercent: { value: 3, min: 0.5, max: 20, step: 0.5 },
      countRange: [10, 1e6],
    });
    expect(spec.params).toEqual([
      {
        name: "target",
        value: 3,
        bind: { input: "range", min: 0.5, max: 20, step: 0.5, name: "Precision wanted (relative SD, %) " },
      },
    ]);
    for (const target of [3, 5, 0.5, 20]) {
      const run = await runView(spec, { target });
      const [curve] = run.rows(["u", "counts", "relativeSd"]);
      for (const row of curve) closeTo(Number(row.relativeSd), poissonRelativePrecision(Number(row.counts)));
      const [needed] = run.rows(["label", "counts", "relativeSd"]);
      expect(needed[0].counts).toBe(countsForPrecision(target / 100));
      run.finalize();
    }
  });

  it("the static image (renderSvg) draws each chart at its default values", async () => {
    const svg = await renderSvg(occupancyWhatIfChart(occupancyOptions));
    expect(svg).toContain("Kd 5 nM");
    const ams = await renderSvg(
      amsPrecisionWhatIfChart({ targetPercent: { value: 5, min: 0.5, max: 20, step: 0.5 }, countRange: [10, 1e6] }),
    );
    expect(ams).toContain("400 counts for 5 %");
  });

  it("sliders are validated: min < max, min ≤ value ≤ max, 0 < step, and the model's bounds", () => {
    const kd = occupancyOptions.kd;
    expect(() => occupancyWhatIfChart({ ...occupancyOptions, kd: { ...kd, value: 60 } })).toThrow(
      "occupancyWhatIfChart: Kd.value must lie between Kd.min and Kd.max (0.5–50); received 60",
    );
    expect(() => occupancyWhatIfChart({ ...occupancyOptions, kd: { ...kd, min: 0, value: 5 } })).toThrow(
      "occupancyWhatIfChart: Kd.min must be greater than 0; received 0",
    );
    expect(() => occupancyWhatIfChart({ ...occupancyOptions, kd: { ...kd, step: 0 } })).toThrow(
      "occupancyWhatIfChart: Kd.step must be > 0 and at most max − min (49.5); received 0",
    );
    expect(() => occupancyWhatIfChart({ ...occupancyOptions, kd: undefined as never })).toThrow(
      /occupancyWhatIfChart: Kd must be/,
    );
    expect(() => occupancyWhatIfChart({ ...occupancyOptions, concRange: [10, 1] })).toThrow(
      "occupancyWhatIfChart: concRange[1] must be greater than concRange[0] (10); received 1",
    );
    expect(() => oralProfileWhatIfChart({ ...oralOptions, f: { value: 0.5, min: 0.1, max: 1.5, step: 0.1 } })).toThrow(
      "oralProfileWhatIfChart: F.max must be at most 1; received 1.5",
    );
    expect(() => oralProfileWhatIfChart({ ...oralOptions, concUnit: "nM" })).toThrow(
      "oralProfileWhatIfChart: concUnit must be a mass concentration unit such as ng/mL; received nM",
    );
  });
});
