import { describe, expect, it } from "vitest";
import {
  barChart,
  clearanceConcentrationChart,
  clearanceTimeChart,
  clearanceWhatIfChart,
  concentrationTimeChart,
  contentUniformityChart,
  doseProportionalityChart,
  massBalanceChart,
  occupancyChart,
  occupancyWhatIfChart,
  oralProfileWhatIfChart,
  percentiles,
  populationChart,
  predictivityChart,
  series,
  simulatePopulation,
  summarizePopulation,
  troughOccupancyChart,
  unit,
  type ChartSpec,
} from "../../src";

/** The inline data rows of every layer, in order. */
function rows(spec: ChartSpec): Record<string, unknown>[] {
  const layers = (spec as unknown as { layer: { data?: { values?: Record<string, unknown>[] } }[] }).layer;
  return layers.flatMap((l) => l.data?.values ?? []);
}

/** The axis titles of every encoding channel, deduplicated, in order. */
function axisTitles(spec: ChartSpec): string[] {
  const titles = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === "object" && node !== null) {
      const o = node as Record<string, unknown>;
      if (typeof o.title === "string" && typeof o.field === "string" && o.type === "quantitative") titles.add(o.title);
      Object.values(o).forEach(visit);
    }
  };
  visit((spec as unknown as { layer?: unknown; hconcat?: unknown }).layer ?? spec);
  return [...titles];
}

const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("expected an InputError");
};

describe("a call with quantities gives the same spec as the equivalent call with numbers", () => {
  it("concentrationTimeChart: profiles as a Series and quantity strings, LLOQ, references and doses as quantities", () => {
    const numbers = concentrationTimeChart({
      profiles: [
        { name: "Microdose", time: [0, 0.5, 1, 2, 4], conc: [0, 12, 10, 6, 2] },
        { name: "Tracer", time: [0, 1, 4], conc: [0, 3, 1.5] },
      ],
      timeUnit: "h",
      concUnit: "pg/mL",
      scale: "both",
      lloq: 1,
      referenceLines: [{ value: 8, label: "Target" }],
      doses: [{ time: 0, label: "100 µg" }, { time: 2 }],
    });
    const quantities = concentrationTimeChart({
      profiles: [
        { name: "Microdose", time: series([0, 0.5, 1, 2, 4], "h"), conc: series([0, 12, 10, 6, 2], "pg/mL") },
        { name: "Tracer", time: ["0 h", "60 min", "4 h"], conc: ["0 pg/mL", "3 pg/mL", "1.5 pg/mL"] },
      ],
      scale: "both",
      lloq: "1 pg/mL",
      referenceLines: [{ value: unit(8, "pg/mL"), label: "Target" }],
      doses: [{ time: "0 h", label: "100 µg" }, { time: "120 min" }],
    });
    expect(quantities).toEqual(numbers);
  });

  it("occupancyChart: concentrations and Kd as quantities", () => {
    const grid = [0.5, 5, 50];
    const occupancy = grid.map((c) => c / (c + 5));
    const numbers = occupancyChart({
      curves: [{ name: "Kd 5 nM", conc: grid, occupancy }],
      points: [{ name: "Microdose", conc: [0.005], occupancy: [0.001] }],
      concUnit: "nM",
      kd: 5,
    });
    const quantities = occupancyChart({
      curves: [{ name: "Kd 5 nM", conc: series(grid, "nM"), occupancy }],
      points: [{ name: "Microdose", conc: ["0.005 nM"], occupancy: [0.001] }],
      kd: "5 nM",
    });
    expect(quantities).toEqual(numbers);
  });

  it("doseProportionalityChart: doses and exposures with units, shown in the course's spelling of the unit", () => {
    const numbers = doseProportionalityChart({
      dose: [0.1, 1, 10, 100],
      exposure: [2, 25, 300, 4000],
      doseUnit: "mg",
      exposureUnit: "ng·h/mL",
    });
    const quantities = doseProportionalityChart({
      dose: ["0.1 mg", "1 mg", "10 mg", "100 mg"],
      exposure: ["2 ng*h/mL", "25 ng*h/mL", "300 ng*h/mL", "4000 ng*h/mL"],
    });
    expect(quantities).toEqual(numbers);
    // The unit option is also the label: "ng·h/mL" names the unit the data are converted to.
    expect(
      doseProportionalityChart({
        dose: series([0.1, 1, 10, 100], "mg"),
        exposure: series([2, 25, 300, 4000], "ng*h/mL"),
        exposureUnit: "ng·h/mL",
      }),
    ).toEqual(numbers);
  });

  it("clearanceConcentrationChart: concentrations, clearances and Km with units", () => {
    const numbers = clearanceConcentrationChart({
      curves: [{ name: "MM", conc: [0.1, 10, 1000], clearance: [9.99, 5, 0.099] }],
      points: [{ name: "Observed", conc: [1], clearance: [9] }],
      concUnit: "mg/L",
      clearanceUnit: "L/h",
      km: 10,
    });
    const quantities = clearanceConcentrationChart({
      curves: [{ name: "MM", conc: series([0.1, 10, 1000], "mg/L"), clearance: series([9.99, 5, 0.099], "L/h") }],
      points: [{ name: "Observed", conc: ["1 mg/L"], clearance: ["9 L/h"] }],
      km: "10 mg/L",
    });
    expect(quantities).toEqual(numbers);
  });

  it("clearanceTimeChart: times and clearances with units", () => {
    const numbers = clearanceTimeChart({
      series: [{ name: "MBI", time: [0, 12, 24], clearance: [20, 12, 10] }],
      timeUnit: "h",
      clearanceUnit: "L/h",
    });
    const quantities = clearanceTimeChart({
      series: [{ name: "MBI", time: ["0 h", "12 h", "1 day"], clearance: series([20, 12, 10], "L/h") }],
    });
    expect(quantities).toEqual(numbers);
  });

  it("troughOccupancyChart: daily doses with units", () => {
    const numbers = troughOccupancyChart({
      series: [{ name: "Once daily", dose: [1, 10, 100], occupancy: [0.1, 0.5, 0.9] }],
      doseUnit: "mg/day",
      target: 0.8,
    });
    const quantities = troughOccupancyChart({
      series: [{ name: "Once daily", dose: series([1, 10, 100], "mg/day"), occupancy: [0.1, 0.5, 0.9] }],
      target: 0.8,
    });
    expect(quantities).toEqual(numbers);
  });

  it("populationChart: the time grid and each individual with units", () => {
    const individuals = [
      [0, 10, 5],
      [0, 20, 8],
      [0, 15, 6],
    ];
    const numbers = populationChart({ time: [0, 1, 2], individuals, timeUnit: "h", concUnit: "ng/mL" });
    const quantities = populationChart({
      time: ["0 h", "60 min", "2 h"],
      individuals: individuals.map((row) => series(row, "ng/mL")),
    });
    expect(quantities).toEqual(numbers);
  });

  it("barChart: values and the reference value as quantities", () => {
    const numbers = barChart({
      bars: [
        { label: "Microdose study", value: 0.001 },
        { label: "Annual background", value: 2.4 },
      ],
      valueTitle: "Effective dose",
      unit: "mSv",
      log: true,
      referenceValue: 1,
      referenceLabel: "Public limit",
    });
    const quantities = barChart({
      bars: [
        { label: "Microdose study", value: "0.001 mSv" },
        { label: "Annual background", value: unit(2.4, "mSv") },
      ],
      valueTitle: "Effective dose",
      log: true,
      referenceValue: "1 mSv",
      referenceLabel: "Public limit",
    });
    expect(quantities).toEqual(numbers);
  });

  it("contentUniformityChart: doses with units, shown as the doseUnit label (µg) the course writes", () => {
    const numbers = contentUniformityChart({
      series: [{ name: "20 µm blend", dose: [1000, 1, 0.16], value: [2.1, 9.8, 45] }],
      doseUnit: "µg",
    });
    const quantities = contentUniformityChart({
      series: [{ name: "20 µm blend", dose: series([1, 0.001, 0.00016], "mg"), value: [2.1, 9.8, 45] }],
      doseUnit: "µg",
    });
    expect(quantities).toEqual(numbers);
  });

  it("predictivityChart: predicted and observed as quantities", () => {
    const numbers = predictivityChart({
      compounds: [
        { name: "A", predicted: 12, observed: 10 },
        { name: "B", predicted: 30, observed: 95 },
      ],
      unit: "L/h",
      quantity: "CL/F",
    });
    const quantities = predictivityChart({
      compounds: [
        { name: "A", predicted: "12 L/h", observed: "10 L/h" },
        { name: "B", predicted: unit(30, "L/h"), observed: "95 L/h" },
      ],
      quantity: "CL/F",
    });
    expect(quantities).toEqual(numbers);
  });

  it("massBalanceChart: collection times with units", () => {
    const numbers = massBalanceChart({ collectionEnd: [24, 48], urine: [40, 10], faeces: [20, 25], timeUnit: "h" });
    const quantities = massBalanceChart({
      collectionEnd: ["1 day", "2 day"],
      urine: [40, 10],
      faeces: [20, 25],
      timeUnit: "h",
    });
    expect(quantities).toEqual(numbers);
  });
});

describe("what-if charts take their fixed values as quantities too (the sliders stay numbers in their units)", () => {
  const kd = { value: 5, min: 0.5, max: 50, step: 0.5 };
  it("occupancyWhatIfChart: concRange and marks in concUnit", () => {
    expect(
      occupancyWhatIfChart({
        kd,
        concUnit: "nM",
        concRange: ["0.001 nM", "1 uM"],
        marks: [{ name: "Microdose", conc: "5 pM" }],
      }),
    ).toEqual(
      occupancyWhatIfChart({
        kd,
        concUnit: "nM",
        concRange: [0.001, 1000],
        marks: [{ name: "Microdose", conc: 0.005 }],
      }),
    );
  });
  it("clearanceWhatIfChart: concRange in mg/L; oralProfileWhatIfChart: volume in L and timeMax in h", () => {
    const sliders = { vmax: { value: 10, min: 1, max: 50, step: 1 }, km: { value: 1, min: 0.1, max: 10, step: 0.1 } };
    expect(clearanceWhatIfChart({ ...sliders, concRange: ["1 ug/L", "100 mg/L"] })).toEqual(
      clearanceWhatIfChart({ ...sliders, concRange: [0.001, 100] }),
    );
    const oral = {
      dose: { value: 0.1, min: 0.01, max: 1, step: 0.01 },
      f: { value: 0.5, min: 0.05, max: 1, step: 0.05 },
      ka: { value: 1.2, min: 0.1, max: 5, step: 0.1 },
      ke: { value: 0.17, min: 0.02, max: 1, step: 0.01 },
      concUnit: "ng/mL",
    };
    expect(oralProfileWhatIfChart({ ...oral, volume: "70 L", timeMax: "1 day" })).toEqual(
      oralProfileWhatIfChart({ ...oral, volume: 70, timeMax: 24 }),
    );
    expect(errorOf(() => oralProfileWhatIfChart({ ...oral, volume: "70 kg", timeMax: 24 }))).toBe(
      'oralProfileWhatIfChart: volume expected a volume (e.g. "1 mL"); received 70 kg',
    );
  });
});

describe("the axis unit: from the data, or the unit option the data are converted to", () => {
  it("concentrationTimeChart labels the axes with the data's units when no unit option is given", () => {
    const spec = concentrationTimeChart({
      profiles: [{ name: "A", time: series([0, 30, 90], "min"), conc: ["0 nM", "4 nM", "2 nM"] }],
    });
    expect(axisTitles(spec)).toEqual(["Time (min)", "Concentration (nM)"]);
    expect(spec.description).toBe(
      "Concentration–time chart on a linear axis of A: time 0–90 min, concentration 0–4 nM.",
    );
  });

  it("a unit is written the course's way on the axis (ng·h/mL, not (ng h) / mL or ng*h/mL)", () => {
    const spec = doseProportionalityChart({
      dose: ["1 mg", "10 mg"],
      exposure: [unit(2, "ng*h/mL"), unit(20, "ng*h/mL")],
    });
    expect(axisTitles(spec).slice(0, 2)).toEqual(["Dose, log scale (mg)", "Exposure, log scale (ng·h/mL)"]);
    const written = doseProportionalityChart({
      dose: series([1, 10], "mg"),
      exposure: series([2, 20], "ng*h/mL"),
    });
    expect(axisTitles(written).slice(0, 2)).toEqual(["Dose, log scale (mg)", "Exposure, log scale (ng·h/mL)"]);
  });

  it('concUnit: "pg/mL" with data in mg/L plots pg/mL numbers (the doc example converts ng/mL)', () => {
    const spec = concentrationTimeChart({
      profiles: [{ name: "A", time: series([0, 1, 2], "h"), conc: series([0, 2e-6, 1e-6], "mg/L") }],
      concUnit: "pg/mL",
      lloq: "0.0000005 mg/L",
    });
    expect(rows(spec).flatMap((r) => (typeof r.conc === "number" ? [r.conc] : []))).toEqual([0, 2, 1, 0.5, 0.5]);
    expect(axisTitles(spec)).toContain("Concentration (pg/mL)");
    expect(spec.description).toBe(
      "Concentration–time chart on a linear axis of A: time 0–2 h, concentration 0–2 pg/mL. Dashed line: LLOQ 0.5 pg/mL.",
    );
    expect(
      concentrationTimeChart({
        profiles: [{ name: "A", time: series([0, 1], "h"), conc: series([0.012, 0.004], "ng/mL") }],
        concUnit: "pg/mL",
      }).description,
    ).toBe("Concentration–time chart on a linear axis of A: time 0–1 h, concentration 4–12 pg/mL.");
  });

  it("the doc example with quantities: times in h and min, concentrations as a Series, the LLOQ as a quantity", () => {
    expect(
      concentrationTimeChart({
        profiles: [{ name: "Microdose", time: ["0 h", "30 min", "2 h"], conc: series([0, 12, 4], "pg/mL") }],
        lloq: "1 pg/mL",
      }).description,
    ).toBe(
      "Concentration–time chart on a linear axis of Microdose: time 0–2 h, concentration 0–12 pg/mL. Dashed line: LLOQ 1 pg/mL.",
    );
  });

  it("profiles in different compatible units share the first profile's unit, or the explicit one", () => {
    const profiles = [
      { name: "ng", time: series([0, 1], "h"), conc: series([1, 2], "ng/mL") },
      { name: "pg", time: series([0, 60], "min"), conc: series([500, 1500], "pg/mL") },
    ];
    const first = concentrationTimeChart({ profiles });
    expect(axisTitles(first)).toEqual(["Time (h)", "Concentration (ng/mL)"]);
    expect(rows(first).map((r) => [r.profile, r.time, r.conc])).toEqual([
      ["ng", 0, 1],
      ["ng", 1, 2],
      ["pg", 0, 0.5],
      ["pg", 1, 1.5],
    ]);
    const explicit = concentrationTimeChart({ profiles, timeUnit: "min", concUnit: "pg/mL" });
    expect(axisTitles(explicit)).toEqual(["Time (min)", "Concentration (pg/mL)"]);
    expect(rows(explicit).map((r) => [r.time, r.conc])).toEqual([
      [0, 1000],
      [60, 2000],
      [0, 500],
      [60, 1500],
    ]);
  });

  it("plain numbers and data with units mix on an axis whose unit option is given", () => {
    const spec = occupancyChart({
      curves: [{ name: "nM", conc: [1, 10], occupancy: [0.1, 0.5] }],
      points: [{ name: "µM", conc: series([0.1], "uM"), occupancy: [0.9] }],
      concUnit: "nM",
      kd: "0.01 uM",
    });
    expect(rows(spec).flatMap((r) => (typeof r.x === "number" ? [r.x] : []))).toEqual([1, 10, 100]);
    expect(spec.description).toContain("Dashed line: Kd 10 nM (50 % occupancy).");
  });

  it("clearances in mL/min are shown in the clearanceUnit L/h; barChart takes its axis unit from the first bar", () => {
    const cl = clearanceTimeChart({
      series: [{ name: "s", time: ["0 h", "24 h"], clearance: series([1000, 500], "mL/min") }],
      clearanceUnit: "L/h",
    });
    expect(rows(cl).map((r) => r.y)).toEqual([60, 30]);
    const bars = barChart({
      bars: [
        { label: "Flight", value: "40 uSv" },
        { label: "Background", value: "2.4 mSv" },
      ],
      valueTitle: "Effective dose",
    });
    expect(rows(bars).map((r) => r.value)).toEqual([40, 2400, 40, 2400]);
    expect(axisTitles(bars)).toEqual(["Effective dose (uSv)"]);
  });

  it("populationChart converts each individual to the axis unit and takes its band from the library's percentiles", () => {
    const subjects = simulatePopulation({
      model: "iv-bolus",
      typical: { cl: 5, v: 50 },
      omega: { cl: 0.3, v: 0.2 },
      n: 40,
      times: [0.5, 1, 2, 4, 8],
      dose: 100,
      seed: 7,
    });
    const spec = populationChart({
      time: series([0.5, 1, 2, 4, 8], "h"),
      individuals: subjects.map((s) => series(s.ipred, "mg/L")),
      concUnit: "ug/L",
    });
    const band = (spec as unknown as { layer: { data: { values: Record<string, number>[] } }[] }).layer[0].data.values;
    const summary = summarizePopulation(subjects, [0.05, 0.5, 0.95]);
    // The chart's per-time band is summarizePopulation's (both use percentiles), here in µg/L.
    band.forEach((r, j) => {
      expect(r.lower).toBeCloseTo(summary.ipred[0][j] * 1000, 9);
      expect(r.median).toBeCloseTo(summary.ipred[1][j] * 1000, 9);
      expect(r.upper).toBeCloseTo(summary.ipred[2][j] * 1000, 9);
    });
    expect(axisTitles(spec)).toContain("Concentration (ug/L)");
    // In the subjects' own unit the band is exactly the library's percentiles, time by time.
    const plain = populationChart({
      time: [0.5, 1, 2, 4, 8],
      individuals: subjects.map((s) => s.ipred),
      timeUnit: "h",
      concUnit: "mg/L",
    });
    const plainBand = (plain as unknown as { layer: { data: { values: Record<string, number>[] } }[] }).layer[0].data
      .values;
    expect(plainBand.map((r) => [r.lower, r.median, r.upper])).toEqual(
      [0, 1, 2, 3, 4].map((j) =>
        percentiles(
          subjects.map((s) => s.ipred[j]),
          [0.05, 0.5, 0.95],
        ),
      ),
    );
    expect(plainBand.map((r) => r.median)).toEqual(summary.ipred[1]);
  });
});

describe("bad units get a clear InputError", () => {
  it("a profile in another dimension than its axis (molar after mass) names the argument, the kind and the value", () => {
    expect(
      errorOf(() =>
        concentrationTimeChart({
          profiles: [
            { name: "A", time: [0, 1], conc: series([1, 2], "ng/mL") },
            { name: "B", time: [0, 1], conc: series([1, 2], "nM") },
          ],
          timeUnit: "h",
        }),
      ),
    ).toBe(
      "concentrationTimeChart: profiles[1].conc expected a mass concentration like the axis (ng/mL); received [1, 2] nM",
    );
    expect(
      errorOf(() =>
        concentrationTimeChart({
          profiles: [{ name: "A", time: ["0 h", "1 h"], conc: ["1 ng/mL", "2 ng/mL"] }],
          concUnit: "nM",
        }),
      ),
    ).toBe(
      "concentrationTimeChart: profiles[0].conc expected a molar concentration like the axis (nM); received [1 ng/mL, 2 ng/mL]",
    );
  });

  it("data of the wrong kind for the axis, and scalars of the wrong kind", () => {
    expect(
      errorOf(() =>
        concentrationTimeChart({ profiles: [{ name: "A", time: ["1 mg", "2 mg"], conc: series([1, 2], "ng/mL") }] }),
      ),
    ).toBe('concentrationTimeChart: profiles[0].time[0] expected a time (e.g. "4 h"); received 1 mg');
    expect(
      errorOf(() =>
        clearanceTimeChart({ series: [{ name: "s", time: series([0, 1], "h"), clearance: series([1, 2], "L") }] }),
      ),
    ).toBe(
      'clearanceTimeChart: series[0].clearance expected a clearance (volume per time) (e.g. "10 L/h"); received L',
    );
    expect(
      errorOf(() =>
        occupancyChart({ curves: [{ name: "c", conc: series([1, 2], "nM"), occupancy: [0.1, 0.2] }], kd: "5 h" }),
      ),
    ).toBe(
      'occupancyChart: kd expected a mass concentration or a molar concentration (e.g. "0.5 pg/mL"); received 5 h',
    );
    expect(
      errorOf(() =>
        predictivityChart({
          compounds: [
            { name: "A", predicted: "12 L/h", observed: "10 L/h" },
            { name: "B", predicted: "3 mg", observed: "10 L/h" },
          ],
        }),
      ),
    ).toBe(
      "predictivityChart: compounds[1].predicted expected a clearance (volume per time) like the axis (L/h); received 3 mg",
    );
  });

  it("plain numbers need the unit option, as before, and say so when other data on the axis carry units", () => {
    expect(
      errorOf(() =>
        clearanceTimeChart({ series: [{ name: "s", time: [0, 1], clearance: [1, 2] }], clearanceUnit: "L/h" }),
      ),
    ).toBe("clearanceTimeChart: timeUnit must be a non-empty string; received undefined");
    expect(
      errorOf(() =>
        concentrationTimeChart({
          profiles: [
            { name: "A", time: [0, 1], conc: series([1, 2], "ng/mL") },
            { name: "B", time: [0, 1], conc: [1, 2] },
          ],
          timeUnit: "h",
        }),
      ),
    ).toBe(
      "concentrationTimeChart: profiles[1].conc must carry units like the other data on this axis (ng/mL), or give concUnit for plain numbers; received [1, 2]",
    );
    expect(
      errorOf(() =>
        concentrationTimeChart({
          profiles: [{ name: "A", time: series([0, 1], "h"), conc: series([1, 2], "ng/mL") }],
          lloq: 0.5,
        }),
      ),
    ).toBe(
      "concentrationTimeChart: lloq must carry units like the other data on this axis (ng/mL), or give concUnit for plain numbers; received 0.5",
    );
  });

  it("a unit option that cannot hold the data, a scalar that breaks the chart's rule, and a string that is no quantity", () => {
    expect(
      errorOf(() =>
        massBalanceChart({
          collectionEnd: series([24, 48], "h"),
          urine: [40, 10],
          faeces: [20, 25],
          timeUnit: "hours?",
        }),
      ),
    ).toBe(
      'massBalanceChart: timeUnit must be a unit mathjs knows (e.g. "h") to show collectionEnd (in h) in it; received hours?',
    );
    expect(
      errorOf(() =>
        concentrationTimeChart({
          profiles: [{ name: "A", time: series([0, 1], "h"), conc: series([1, 2], "ng/mL") }],
          lloq: "-1 ng/mL",
        }),
      ),
    ).toBe("concentrationTimeChart: lloq must be greater than 0; received -1 ng/mL");
    expect(errorOf(() => barChart({ bars: [{ label: "a", value: "lots" }], valueTitle: "Dose", unit: "mSv" }))).toBe(
      'barChart: bars[0].value must be a number or a quantity with a unit such as "1 mg"; received lots',
    );
  });
});
