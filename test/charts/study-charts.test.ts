import fc from "fast-check";
import { assertProperty } from "../support/properties";
import { describe, expect, it } from "vitest";
import {
  barChart,
  chartTheme,
  compileChart,
  concentrationTimeChart,
  contentUniformityChart,
  massBalanceChart,
  predictivity,
  predictivityChart,
  renderSvg,
  seriesColorScale,
  type ChartSpec,
} from "../../src";

/** The inline data rows of the first layer matching the predicate. */
function layerRows(spec: ChartSpec, predicate: (layer: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  const layers = (spec as unknown as { layer: Record<string, unknown>[] }).layer;
  const layer = layers.find(predicate);
  return ((layer?.data as { values?: Record<string, unknown>[] })?.values ?? []) as Record<string, unknown>[];
}
const markType = (layer: Record<string, unknown>): string =>
  typeof layer.mark === "string" ? layer.mark : String((layer.mark as { type: string }).type);
/** The distinct stroke colours of the drawn lines in an SVG. */
const lineColours = (svg: string): Set<string> =>
  new Set([...svg.matchAll(/<path [^>]*stroke="(#[0-9a-fA-F]{6})"[^>]*>/g)].map((m) => m[1].toLowerCase()));

describe("doc-comment examples", () => {
  it("barChart({ bars, valueTitle, unit, log }).description lists every bar with its value and unit", () => {
    expect(
      barChart({
        bars: [
          { label: "Microdose study", value: 0.001 },
          { label: "Annual background", value: 2.4 },
        ],
        valueTitle: "Effective dose",
        unit: "mSv",
        log: true,
      }).description,
    ).toBe("Bar chart of Effective dose on a log scale: Microdose study 0.001 mSv and Annual background 2.4 mSv.");
  });
  it("contentUniformityChart({ series, doseUnit }).description gives the AV range and the L1 limit", () => {
    expect(
      contentUniformityChart({
        series: [{ name: "20 µm blend", dose: [1000, 1, 0.16], value: [2.1, 9.8, 45] }],
        doseUnit: "µg",
      }).description,
    ).toBe(
      "Acceptance value against dose per unit (log axis) for 20 µm blend: dose 0.16–1000 µg, AV 2.1–45. Dashed line: L1 = 15 (a batch passes at or below it).",
    );
  });
  it("predictivityChart({ compounds, unit, quantity }).description counts the compounds within 2-fold and names the others", () => {
    expect(
      predictivityChart({
        compounds: [
          { name: "A", predicted: 12, observed: 10 },
          { name: "B", predicted: 30, observed: 95 },
        ],
        unit: "L/h",
        quantity: "CL/F",
      }).description,
    ).toBe(
      "Predicted (microdose) against observed (therapeutic dose) CL/F on log–log axes for 2 compounds (10–95 L/h), with the line of unity and the 2-fold band: 1 of 2 within 2-fold (A), outside: B.",
    );
  });
  it("massBalanceChart({ collectionEnd, urine, faeces, timeUnit }).description gives the cumulative recoveries at the last collection", () => {
    expect(
      massBalanceChart({ collectionEnd: [24, 48], urine: [40, 10], faeces: [20, 25], timeUnit: "h" }).description,
    ).toBe(
      "Cumulative recovery of the radioactive dose over 0–48 h: urine 50 %, faeces 45 %, total 95 % of the dose. Dashed line: 90 % (complete mass balance).",
    );
  });
  it("concentrationTimeChart({ referenceLines }).description names the reference line with its value", () => {
    expect(
      concentrationTimeChart({
        profiles: [{ name: "IR", time: [0, 12, 24], conc: [80, 400, 80] }],
        timeUnit: "h",
        concUnit: "ng/mL",
        referenceLines: [{ value: 80, label: "Target trough" }],
      }).description,
    ).toBe(
      "Concentration–time chart on a linear axis of IR: time 0–24 h, concentration 80–400 ng/mL. Dashed line: Target trough 80 ng/mL.",
    );
  });
  it("seriesColorScale(count) keeps Okabe–Ito up to 8 series and switches to tableau20 beyond", () => {
    expect(seriesColorScale(3)).toEqual({});
    expect(seriesColorScale(8)).toEqual({});
    expect(seriesColorScale(12)).toEqual({ scheme: "tableau20" });
  });
});

describe("what the new charts compute and draw", () => {
  it("massBalanceChart adds up the intervals from 0 % at dosing, and the total is urine + faeces (property)", () => {
    const interval = fc.array(
      fc.record({
        urine: fc.double({ min: 0, max: 60, noNaN: true }),
        faeces: fc.double({ min: 0, max: 60, noNaN: true }),
      }),
      { minLength: 1, maxLength: 8 },
    );
    assertProperty(
      fc.property(interval, (intervals) => {
        const spec = massBalanceChart({
          collectionEnd: intervals.map((_, i) => 24 * (i + 1)),
          urine: intervals.map((r) => r.urine),
          faeces: intervals.map((r) => r.faeces),
          timeUnit: "h",
        });
        const rows = layerRows(spec, (l) => markType(l) === "line") as {
          route: string;
          time: number;
          recovery: number;
        }[];
        const curve = (route: string) => rows.filter((r) => r.route === route).map((r) => r.recovery);
        for (const route of ["Urine", "Faeces", "Total (urine + faeces)"]) {
          const c = curve(route);
          expect(c[0]).toBe(0);
          expect(c).toHaveLength(intervals.length + 1);
          c.slice(1).forEach((v, i) => expect(v).toBeGreaterThanOrEqual(c[i]));
        }
        const sum = (xs: number[]) => xs.reduce((s, v) => s + v, 0);
        expect(curve("Urine").at(-1)).toBeCloseTo(sum(intervals.map((r) => r.urine)), 9);
        curve("Total (urine + faeces)").forEach((t, i) =>
          expect(t).toBeCloseTo(curve("Urine")[i] + curve("Faeces")[i], 9),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("predictivityChart marks a compound within 2-fold exactly when predictivity() does (property)", () => {
    const value = fc.double({ min: 0.01, max: 1e4, noNaN: true });
    assertProperty(
      fc.property(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 12 }), (pairs) => {
        const spec = predictivityChart({
          compounds: pairs.map(([p, o], i) => ({ name: `C${i}`, predicted: p, observed: o })),
          unit: "L/h",
        });
        const rows = layerRows(spec, (l) => markType(l) === "point") as { verdict: string; foldError: number }[];
        const science = predictivity(
          pairs.map(([p]) => p),
          pairs.map(([, o]) => o),
        );
        expect(rows.map((r) => r.verdict === "Within 2-fold")).toEqual(science.within);
        rows.forEach((r, i) => expect(Math.abs(r.foldError / science.foldErrors[i] - 1)).toBeLessThan(1e-12));
      }),
      { numRuns: 60 },
    );
  });

  it("predictivityChart puts both axes on the same log domain, wide enough for every point and the outer band", () => {
    const spec = predictivityChart({
      compounds: [
        { name: "A", predicted: 3, observed: 2 },
        { name: "B", predicted: 150, observed: 55 },
      ],
      unit: "L/h",
      threeFold: true,
    });
    const text = JSON.stringify(spec);
    const domains = [...text.matchAll(/"domain":\[([\d.e+-]+),([\d.e+-]+)\]/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(new Set(domains.map((d) => d.join()))).toHaveProperty("size", 1);
    const [lo, hi] = domains[0];
    expect(lo).toBeLessThan(2 / 3);
    expect(hi).toBeGreaterThan(150 * 3);
    expect(spec).toMatchObject({ width: 360, height: 360 });
    // the unity line and both bands are drawn
    expect(layerRows(spec, (l) => markType(l) === "line")).toEqual([
      { observed: lo, predicted: lo },
      { observed: hi, predicted: hi },
    ]);
    const bands = (spec as unknown as { layer: Record<string, unknown>[] }).layer.filter((l) => markType(l) === "area");
    expect(bands).toHaveLength(2);
    // each band is cut to the plot, and wherever it is not cut its edges are observed/fold and observed·fold
    bands.forEach((band, k) => {
      const fold = [3, 2][k];
      for (const { observed, predicted, upper } of (
        band.data as { values: { observed: number; predicted: number; upper: number }[] }
      ).values) {
        expect(predicted).toBeGreaterThanOrEqual(lo);
        expect(upper).toBeLessThanOrEqual(hi);
        if (predicted > lo) expect(predicted).toBeCloseTo(observed / fold, 12);
        if (upper < hi) expect(upper).toBeCloseTo(observed * fold, 12);
      }
    });
  });

  it("barChart on a log axis starts every bar at a power of ten below the smallest value, and labels the bars in order", async () => {
    const spec = barChart({
      bars: [
        { label: "Study", value: 0.001 },
        { label: "Flight", value: 0.04 },
        { label: "Background", value: 2.4 },
      ],
      valueTitle: "Effective dose",
      unit: "mSv",
      log: true,
    });
    const text = JSON.stringify(spec);
    expect(text).toContain('"x2":{"datum":0.0001}');
    expect(text).toContain('"domain":[0.0001,10]');
    const svg = await renderSvg(spec);
    const order = ["Study", "Flight", "Background"].map((l) => svg.indexOf(`>${l}<`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const label of ["0.001 mSv", "0.04 mSv", "2.4 mSv"]) expect(svg).toContain(label);
  });

  it("contentUniformityChart draws the L1 limit for AV but no limit for pass rates", () => {
    const av = contentUniformityChart({
      series: [{ name: "s", dose: [1, 10], value: [20, 5] }],
      doseUnit: "µg",
      limit: 20,
    });
    expect(JSON.stringify(av)).toContain('"datum":20');
    expect(av.description).toContain("L1 = 20");
    const pass = contentUniformityChart({
      series: [{ name: "s", dose: [1, 10], value: [0.2, 1] }],
      doseUnit: "µg",
      measure: "passRate",
    });
    expect(JSON.stringify(pass)).not.toContain("L1");
    expect(pass.description).toContain("batches passing 20–100 %");
  });

  it("concentrationTimeChart keeps the LLOQ and adds every reference line, in both side-by-side views", async () => {
    const spec = concentrationTimeChart({
      profiles: [{ name: "A", time: [0, 1, 2], conc: [1, 100, 50] }],
      timeUnit: "h",
      concUnit: "ng/mL",
      scale: "both",
      lloq: 0.5,
      referenceLines: [
        { value: 80, label: "Target trough" },
        { value: 200, label: "Toxic above 200 ng/mL" },
      ],
    });
    const views = (spec as unknown as { hconcat: ChartSpec[] }).hconcat;
    for (const v of views)
      expect(layerRows(v, (l) => markType(l) === "rule").map((r) => r.conc)).toEqual([0.5, 80, 200]);
    expect(spec.description).toContain(
      "Dashed line: LLOQ 0.5 ng/mL. Dashed lines: Target trough 80 ng/mL and Toxic above 200 ng/mL.",
    );
    const svg = await renderSvg(spec);
    for (const text of ["LLOQ 0.5 ng/mL", "Target trough 80 ng/mL", "Toxic above 200 ng/mL"])
      expect(svg.split(`>${text}<`).length - 1).toBe(2);
    expect(compileChart(spec).warnings).toEqual([]);
  });

  it("twelve profiles (the Theoph study) get twelve distinct colours, and the legend has room for 40-character labels", async () => {
    const profiles = Array.from({ length: 12 }, (_, i) => ({
      name: `Subject ${i + 1}`,
      time: [0, 1, 2, 4],
      conc: [0, 5 + i, 4 + i, 2 + i],
    }));
    const svg = await renderSvg(concentrationTimeChart({ profiles, timeUnit: "h", concUnit: "mg/L" }));
    expect(lineColours(svg).size).toBe(12);
    const legend = chartTheme.legend as { labelLimit: number; labelFontSize: number };
    // vega estimates text width as 0.8 em per character when it renders without a browser
    expect(legend.labelLimit).toBeGreaterThanOrEqual(42 * 0.8 * legend.labelFontSize);
    const long = "Midazolam 100 µg + strong CYP3A inhibitor";
    const two = await renderSvg(
      concentrationTimeChart({
        profiles: [
          { name: long, time: [0, 1], conc: [1, 2] },
          { name: "B", time: [0, 1], conc: [2, 1] },
        ],
        timeUnit: "h",
        concUnit: "pg/mL",
      }),
    );
    expect(two).toContain(`>${long}<`);
  });
});

describe("bad input gets a clear InputError", () => {
  it("barChart rejects an empty list, repeated labels, values ≤ 0 on a log axis and a bad reference", () => {
    expect(() => barChart({ bars: [], valueTitle: "Dose", unit: "mSv" })).toThrow(
      /barChart: bars must be a non-empty array/,
    );
    expect(() =>
      barChart({
        bars: [
          { label: "a", value: 1 },
          { label: "a", value: 2 },
        ],
        valueTitle: "Dose",
        unit: "mSv",
      }),
    ).toThrow(/barChart: bars must have unique names; received a/);
    expect(() => barChart({ bars: [{ label: "a", value: 0 }], valueTitle: "Dose", unit: "mSv", log: true })).toThrow(
      /barChart: bars\[0\]\.value must be greater than 0 \(the value axis is logarithmic\); received 0/,
    );
    expect(() => barChart({ bars: [{ label: "a", value: NaN }], valueTitle: "Dose", unit: "mSv" })).toThrow(
      /barChart: bars\[0\]\.value must be a finite number; received NaN/,
    );
    expect(() =>
      barChart({ bars: [{ label: "a", value: 1 }], valueTitle: "Dose", unit: "mSv", log: true, referenceValue: -1 }),
    ).toThrow(/barChart: referenceValue must be greater than 0/);
    expect(() => barChart({ bars: [{ label: "a", value: 1 }], valueTitle: "Dose", unit: "" })).toThrow(
      /barChart: unit must be a non-empty string/,
    );
    expect(() =>
      barChart({ bars: [{ label: "a", value: 1 }], valueTitle: "Dose", unit: "mSv", log: "yes" as never }),
    ).toThrow(/barChart: log must be true or false; received yes/);
  });
  it("contentUniformityChart rejects doses ≤ 0, negative AVs, pass rates above 1, a band that misses its value and a limit for pass rates", () => {
    const base = { doseUnit: "µg" };
    expect(() => contentUniformityChart({ ...base, series: [{ name: "s", dose: [0, 1], value: [5, 5] }] })).toThrow(
      /contentUniformityChart: series\[0\]\.dose must contain only positive values \(the dose axis is logarithmic\) \(index 0 is 0\)/,
    );
    expect(() => contentUniformityChart({ ...base, series: [{ name: "s", dose: [1], value: [-1] }] })).toThrow(
      /contentUniformityChart: series\[0\]\.value must not contain negative acceptance values \(index 0 is -1\)/,
    );
    expect(() =>
      contentUniformityChart({ ...base, measure: "passRate", series: [{ name: "s", dose: [1], value: [1.2] }] }),
    ).toThrow(
      /contentUniformityChart: series\[0\]\.value must contain only fractions between 0 and 1 \(index 0 is 1.2\)/,
    );
    expect(() =>
      contentUniformityChart({ ...base, series: [{ name: "s", dose: [1], value: [5], lower: [6], upper: [7] }] }),
    ).toThrow(/contentUniformityChart: series\[0\]\.lower and upper must enclose value \(index 0: 6 ≤ 5 ≤ 7 fails\)/);
    expect(() =>
      contentUniformityChart({ ...base, series: [{ name: "s", dose: [1], value: [5], lower: [4] }] }),
    ).toThrow(/contentUniformityChart: series\[0\] must give both lower and upper for a band, or neither/);
    expect(() =>
      contentUniformityChart({
        ...base,
        measure: "passRate",
        limit: 15,
        series: [{ name: "s", dose: [1], value: [1] }],
      }),
    ).toThrow(/contentUniformityChart: limit applies only to measure "acceptanceValue"; received 15/);
    expect(() =>
      contentUniformityChart({ ...base, measure: "av" as never, series: [{ name: "s", dose: [1], value: [1] }] }),
    ).toThrow(/contentUniformityChart: measure must be one of "acceptanceValue", "passRate"; received av/);
    expect(() => contentUniformityChart({ ...base, series: [{ name: "s", dose: [1, 2], value: [1] }] })).toThrow(
      /contentUniformityChart: series\[0\]\.dose and series\[0\]\.value must have the same length; received lengths 2 and 1/,
    );
  });
  it("predictivityChart rejects values ≤ 0, repeated names and an empty unit", () => {
    expect(() => predictivityChart({ compounds: [{ name: "A", predicted: 0, observed: 1 }], unit: "L/h" })).toThrow(
      /predictivityChart: compounds\[0\]\.predicted must be greater than 0 \(the axes are logarithmic\); received 0/,
    );
    expect(() =>
      predictivityChart({
        compounds: [
          { name: "A", predicted: 1, observed: 1 },
          { name: "A", predicted: 2, observed: 2 },
        ],
        unit: "L/h",
      }),
    ).toThrow(/predictivityChart: compounds must have unique names; received A/);
    expect(() => predictivityChart({ compounds: [{ name: "A", predicted: 1, observed: 1 }], unit: " " })).toThrow(
      /predictivityChart: unit must be a non-empty string/,
    );
    expect(() =>
      predictivityChart({ compounds: [{ name: "A", predicted: 1, observed: Infinity }], unit: "L/h" }),
    ).toThrow(/predictivityChart: compounds\[0\]\.observed must be a finite number; received Infinity/);
  });
  it("massBalanceChart rejects unordered or non-positive times, negative recoveries, mismatched lengths and a bad threshold", () => {
    const ok = { collectionEnd: [24, 48], urine: [40, 10], faeces: [20, 25], timeUnit: "h" };
    expect(() => massBalanceChart({ ...ok, collectionEnd: [48, 24] })).toThrow(
      /massBalanceChart: collectionEnd must be strictly increasing \(index 1: 48 then 24\)/,
    );
    expect(() => massBalanceChart({ ...ok, collectionEnd: [0, 24] })).toThrow(
      /massBalanceChart: collectionEnd must be after dosing \(all times > 0\)/,
    );
    expect(() => massBalanceChart({ ...ok, urine: [40, -1] })).toThrow(
      /massBalanceChart: urine must not contain negative values \(index 1 is -1\)/,
    );
    expect(() => massBalanceChart({ ...ok, faeces: [20] })).toThrow(
      /massBalanceChart: collectionEnd and faeces must have the same length; received lengths 2 and 1/,
    );
    expect(() => massBalanceChart({ ...ok, completeAt: 0.9 * 200 })).toThrow(
      /massBalanceChart: completeAt must be a percentage in \(0, 100\]; received 180/,
    );
  });
  it("concentrationTimeChart rejects a reference line that is not positive or has no label", () => {
    const profiles = [{ name: "A", time: [0, 1], conc: [1, 2] }];
    expect(() =>
      concentrationTimeChart({
        profiles,
        timeUnit: "h",
        concUnit: "ng/mL",
        referenceLines: [{ value: 0, label: "x" }],
      }),
    ).toThrow(/concentrationTimeChart: referenceLines\[0\]\.value must be greater than 0; received 0/);
    expect(() =>
      concentrationTimeChart({
        profiles,
        timeUnit: "h",
        concUnit: "ng/mL",
        referenceLines: [{ value: 80, label: "" }],
      }),
    ).toThrow(/concentrationTimeChart: referenceLines\[0\]\.label must be a non-empty string/);
    expect(() =>
      concentrationTimeChart({
        profiles,
        timeUnit: "h",
        concUnit: "ng/mL",
        referenceLines: { value: 80, label: "x" } as never,
      }),
    ).toThrow(/concentrationTimeChart: referenceLines must be an array of \{ value, label \}/);
  });
});
