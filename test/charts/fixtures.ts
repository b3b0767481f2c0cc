import {
  amsPrecisionChart,
  barChart,
  contentUniformityChart,
  massBalanceChart,
  predictivityChart,
  clearanceConcentrationChart,
  clearanceTimeChart,
  concentrationTimeChart,
  doseProportionalityChart,
  occupancyChart,
  populationChart,
  troughOccupancyChart,
  type ChartSpec,
} from "../../src";

/** One realistic call of every chart builder, used by the compile and render tests. */
const time = [0, 0.5, 1, 2, 4, 8, 12, 24];
const kd = 5;
const grid = Array.from({ length: 25 }, (_, i) => 10 ** (-3 + (i * 6) / 24));

export const everyChart: Record<string, () => ChartSpec> = {
  "concentrationTimeChart (linear)": () =>
    concentrationTimeChart({
      profiles: [
        { name: "Microdose 100 µg", time, conc: time.map((t) => (t === 0 ? 0 : 0.4 * Math.exp(-0.1 * t))) },
        { name: "Therapeutic 100 mg", time, conc: time.map((t) => (t === 0 ? 0 : 400 * Math.exp(-0.1 * t))) },
      ],
      timeUnit: "h",
      concUnit: "ng/mL",
      lloq: 0.05,
      doses: [{ time: 0, label: "Dose" }],
    }),
  "concentrationTimeChart (semi-log)": () =>
    concentrationTimeChart({
      profiles: [{ name: "A", time, conc: time.map((t) => 10 * Math.exp(-0.2 * t)) }],
      timeUnit: "h",
      concUnit: "pg/mL",
      scale: "log",
      lloq: 0.1,
    }),
  "concentrationTimeChart (both)": () =>
    concentrationTimeChart({
      profiles: [{ name: "A", time, conc: time.map((t) => 10 * Math.exp(-0.2 * t)) }],
      timeUnit: "h",
      concUnit: "pg/mL",
      scale: "both",
      doses: [{ time: 0 }, { time: 12 }],
    }),
  occupancyChart: () =>
    occupancyChart({
      curves: [{ name: "ρ = C/(C+Kd)", conc: grid, occupancy: grid.map((c) => c / (c + kd)) }],
      points: [{ name: "Microdose vs therapeutic Cmax,u", conc: [0.005, 10], occupancy: [0.005 / 5.005, 10 / 15] }],
      concUnit: "nM",
      kd,
    }),
  doseProportionalityChart: () =>
    doseProportionalityChart({
      dose: [0.1, 1, 10, 100],
      exposure: [2.1, 19, 230, 2600],
      doseUnit: "mg",
      exposureUnit: "ng·h/mL",
      exposureName: "AUC0–∞",
      fit: { coefficient: 20.5, exponent: 1.05 },
    }),
  "doseProportionalityChart (vega-lite fit)": () =>
    doseProportionalityChart({
      dose: [0.1, 1, 10, 100],
      exposure: [2.1, 19, 230, 2600],
      doseUnit: "mg",
      exposureUnit: "ng·h/mL",
    }),
  clearanceConcentrationChart: () =>
    clearanceConcentrationChart({
      curves: [{ name: "CL = Vmax/(Km + C)", conc: grid, clearance: grid.map((c) => 50 / (2 + c)) }],
      points: [{ name: "Microdose", conc: [0.01], clearance: [50 / 2.01] }],
      concUnit: "mg/L",
      clearanceUnit: "L/h",
      km: 2,
    }),
  clearanceTimeChart: () =>
    clearanceTimeChart({
      series: [
        { name: "Mechanism-based inhibition", time, clearance: time.map((t) => 8 + 12 * Math.exp(-0.15 * t)) },
        { name: "Autoinduction", time, clearance: time.map((t) => 20 - 8 * Math.exp(-0.1 * t)) },
      ],
      timeUnit: "h",
      clearanceUnit: "L/h",
    }),
  amsPrecisionChart: () =>
    amsPrecisionChart({
      series: [
        {
          name: "Poisson 1/√N",
          counts: [10, 100, 1000, 10000, 100000],
          relativeSd: [10, 100, 1000, 10000, 100000].map((n) => 1 / Math.sqrt(n)),
        },
      ],
      target: 0.02,
    }),
  troughOccupancyChart: () =>
    troughOccupancyChart({
      series: [{ name: "Once daily", dose: [1, 3, 10, 30, 100, 300], occupancy: [0.05, 0.14, 0.35, 0.62, 0.84, 0.94] }],
      doseUnit: "mg/day",
      target: 0.8,
    }),
  populationChart: () =>
    populationChart({
      time,
      individuals: Array.from({ length: 30 }, (_, i) =>
        time.map((t) => (t === 0 ? 0 : (5 + (i % 7)) * Math.exp(-(0.1 + (i % 5) * 0.02) * t))),
      ),
      timeUnit: "h",
      concUnit: "ng/mL",
    }),
  "populationChart (log)": () =>
    populationChart({
      time,
      individuals: Array.from({ length: 12 }, (_, i) => time.map((t) => (t === 0 ? 0 : (5 + i) * Math.exp(-0.12 * t)))),
      timeUnit: "h",
      concUnit: "ng/mL",
      scale: "log",
      band: [10, 90],
    }),
  "concentrationTimeChart (reference lines, semi-log)": () =>
    concentrationTimeChart({
      profiles: [
        {
          name: "IR, 456 mg once daily",
          time,
          conc: time.map((t) => 80 + 2900 * Math.exp(-0.17 * t) * (1 - Math.exp(-1.5 * t))),
        },
      ],
      timeUnit: "h",
      concUnit: "ng/mL",
      scale: "log",
      lloq: 5,
      referenceLines: [{ value: 80, label: "Target trough" }],
    }),
  "barChart (log)": () =>
    barChart({
      bars: [
        { label: "¹⁴C microtracer study (AMS)", value: 0.001 },
        { label: "Long-haul flight", value: 0.04 },
        { label: "Annual natural background", value: 2.4 },
      ],
      valueTitle: "Effective dose",
      unit: "mSv",
      log: true,
      referenceValue: 1,
      referenceLabel: "Public dose limit",
    }),
  "barChart (linear)": () =>
    barChart({
      bars: [
        { label: "Urine", value: 53.3 },
        { label: "Faeces", value: 41.8 },
      ],
      valueTitle: "Recovery",
      unit: "% of dose",
    }),
  "contentUniformityChart (AV with band)": () =>
    contentUniformityChart({
      series: [
        {
          name: "20 µm dry blend",
          dose: [1000, 100, 10, 1, 0.16],
          value: [4.9, 5.2, 7, 19, 45],
          lower: [3, 3.5, 5, 14, 38],
          upper: [7, 7.5, 9.5, 25, 52],
        },
        { name: "0.3 µm nanocrystals", dose: [1000, 100, 10, 1, 0.16], value: [4.8, 4.8, 4.8, 4.8, 4.9] },
      ],
      doseUnit: "µg",
      bandLabel: "5th–95th percentile of 200 batches",
    }),
  "contentUniformityChart (pass rate)": () =>
    contentUniformityChart({
      series: [{ name: "20 µm dry blend", dose: [1000, 100, 10, 1, 0.16], value: [1, 1, 0.98, 0.4, 0] }],
      doseUnit: "µg",
      measure: "passRate",
    }),
  predictivityChart: () =>
    predictivityChart({
      compounds: [
        { name: "A", predicted: 12, observed: 10.5 },
        { name: "B", predicted: 45, observed: 52 },
        { name: "C", predicted: 3.1, observed: 2.4 },
        { name: "F", predicted: 150, observed: 55 },
        { name: "I", predicted: 30, observed: 95 },
      ],
      unit: "L/h",
      quantity: "CL/F",
      threeFold: true,
    }),
  massBalanceChart: () =>
    massBalanceChart({
      collectionEnd: [24, 48, 96, 168],
      urine: [40.2, 10, 3.2, 0.9],
      faeces: [6.3, 20.1, 13.2, 3.5],
      timeUnit: "h",
    }),
};

/** Every x/y axis title in a spec (layers and side-by-side views included). */
export function axisTitles(spec: unknown): string[] {
  const titles: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    const encoding = record.encoding as Record<string, { title?: unknown }> | undefined;
    for (const channel of ["x", "y"]) {
      const title = encoding?.[channel]?.title;
      if (typeof title === "string") titles.push(title);
    }
    for (const key of ["layer", "hconcat", "vconcat"]) visit(record[key]);
  };
  visit(spec);
  return titles;
}
