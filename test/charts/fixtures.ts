import {
  amsPrecisionChart,
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
    concentrationTimeChart({ profiles: [{ name: "A", time, conc: time.map((t) => 10 * Math.exp(-0.2 * t)) }], timeUnit: "h", concUnit: "pg/mL", scale: "log", lloq: 0.1 }),
  "concentrationTimeChart (both)": () =>
    concentrationTimeChart({ profiles: [{ name: "A", time, conc: time.map((t) => 10 * Math.exp(-0.2 * t)) }], timeUnit: "h", concUnit: "pg/mL", scale: "both", doses: [{ time: 0 }, { time: 12 }] }),
  occupancyChart: () =>
    occupancyChart({
      curves: [{ name: "ρ = C/(C+Kd)", conc: grid, occupancy: grid.map((c) => c / (c + kd)) }],
      points: [{ name: "Microdose vs therapeutic Cmax,u", conc: [0.005, 10], occupancy: [0.005 / 5.005, 10 / 15] }],
      concUnit: "nM",
      kd,
    }),
  doseProportionalityChart: () =>
    doseProportionalityChart({ dose: [0.1, 1, 10, 100], exposure: [2.1, 19, 230, 2600], doseUnit: "mg", exposureUnit: "ng·h/mL", exposureName: "AUC0–∞", fit: { coefficient: 20.5, exponent: 1.05 } }),
  "doseProportionalityChart (vega-lite fit)": () =>
    doseProportionalityChart({ dose: [0.1, 1, 10, 100], exposure: [2.1, 19, 230, 2600], doseUnit: "mg", exposureUnit: "ng·h/mL" }),
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
    amsPrecisionChart({ series: [{ name: "Poisson 1/√N", counts: [10, 100, 1000, 10000, 100000], relativeSd: [10, 100, 1000, 10000, 100000].map((n) => 1 / Math.sqrt(n)) }], target: 0.02 }),
  troughOccupancyChart: () =>
    troughOccupancyChart({ series: [{ name: "Once daily", dose: [1, 3, 10, 30, 100, 300], occupancy: [0.05, 0.14, 0.35, 0.62, 0.84, 0.94] }], doseUnit: "mg/day", target: 0.8 }),
  populationChart: () =>
    populationChart({
      time,
      individuals: Array.from({ length: 30 }, (_, i) => time.map((t) => (t === 0 ? 0 : (5 + (i % 7)) * Math.exp(-(0.1 + (i % 5) * 0.02) * t)))),
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
