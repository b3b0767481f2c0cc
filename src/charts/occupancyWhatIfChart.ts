import { InputError } from "../core/errors";
import { plainObject, positiveNumber } from "../core/validate";
import { formatNumber, listText } from "./describe";
import { layeredChart, type ChartLayer, type ChartSpec } from "./spec";
import { axisTitle, referenceColor } from "./theme";
import { label, nonEmptyList, optionalLabel, uniqueNames } from "./validateInputs";
import { sliderParam, sliderText, type WhatIfSlider } from "./whatIfSlider";

/** A concentration to mark on the curve, e.g. the unbound C_max of a microdose. */
export interface OccupancyWhatIfMark {
  name: string;
  /** Unbound concentration [concUnit], > 0. */
  conc: number;
}

export interface OccupancyWhatIfChartOptions {
  /** The dissociation constant K_d [concUnit] as a slider. */
  kd: WhatIfSlider;
  /** Unit of concentrations and K_d, e.g. "nM". */
  concUnit: string;
  /** The concentration axis [concUnit]: [lowest, highest], both > 0 (log axis). */
  concRange: readonly [number, number];
  /** Concentrations marked on the curve; their occupancy follows the slider. */
  marks?: readonly OccupancyWhatIfMark[];
  title?: string;
  subtitle?: string;
}

const FN = "occupancyWhatIfChart";
/** Points on the curve: enough for a smooth sigmoid on a log axis. */
const CURVE_POINTS = 160;

/**
 * What-if chart of receptor occupancy ρ = C_u / (C_u + K_d) against unbound concentration
 * (log axis), with a K_d slider: vega computes the curve from the slider's value, so
 * moving it redraws the chart in JupyterLab and on the site with no code running (other
 * front ends show the curve at the default K_d). Marked concentrations — a microdose and
 * a therapeutic C_max,u — slide along the curve and show the PK–PD disconnect: whatever
 * K_d, the microdose sits orders of magnitude lower on the sigmoid.
 * @param options.kd K_d slider [concUnit]; min > 0
 * @param options.concRange the concentration axis [concUnit], lowest < highest, both > 0
 * @param options.marks concentrations to mark [concUnit], each > 0, names unique
 * @returns a vega-lite v5 spec with a `Kd` parameter bound to a range input
 * @throws {InputError} for a slider that is not min ≤ value ≤ max with min > 0, a
 *   non-positive or reversed range, a mark outside (0, ∞), or repeated mark names
 * @example occupancyWhatIfChart({ kd: { value: 5, min: 0.5, max: 50, step: 0.5 }, concUnit: "nM", concRange: [0.001, 1000] }).params?.[0].name
 * // => "Kd"
 * @see 001_079d5926d130f870.txt, "The Pharmacokinetic-Pharmacodynamic Disconnect"
 */
export function occupancyWhatIfChart(options: OccupancyWhatIfChartOptions): ChartSpec {
  const opts = plainObject(FN, "options", options);
  const concUnit = label(FN, "concUnit", opts.concUnit);
  const kd = sliderParam(FN, "Kd", `Kd (${concUnit})`, opts.kd, { above: 0 });
  const range = opts.concRange as unknown;
  if (!Array.isArray(range) || range.length !== 2)
    throw new InputError(FN, "concRange", "must be [lowest, highest]", range);
  const lo = positiveNumber(FN, "concRange[0]", range[0]);
  const hi = positiveNumber(FN, "concRange[1]", range[1]);
  if (!(hi > lo))
    throw new InputError(FN, "concRange[1]", `must be greater than concRange[0] (${formatNumber(lo)})`, hi);
  const marks = (opts.marks === undefined ? [] : nonEmptyList(FN, "marks", opts.marks)).map((m, i) => ({
    name: label(FN, `marks[${i}].name`, m.name),
    conc: positiveNumber(FN, `marks[${i}].conc`, m.conc),
  }));
  uniqueNames(
    FN,
    "marks",
    marks.map((m) => m.name),
  );
  const title =
    optionalLabel(FN, "title", opts.title) ?? "Receptor occupancy vs unbound concentration: what if Kd changes?";
  const subtitle = optionalLabel(FN, "subtitle", opts.subtitle) ?? "Move the Kd slider below the chart";

  const [u0, u1] = [Math.log10(lo), Math.log10(hi)];
  const step = (u1 - u0) / (CURVE_POINTS - 1);
  const x = {
    field: "conc",
    type: "quantitative" as const,
    title: axisTitle("Unbound concentration, log scale", concUnit),
    scale: { type: "log" as const, domain: [lo, hi] },
  };
  const y = {
    field: "occupancy",
    type: "quantitative" as const,
    title: axisTitle("Receptor occupancy", "%"),
    axis: { format: ".0%" },
    scale: { domain: [0, 1] },
  };
  const occupancy = { calculate: "datum.conc / (datum.conc + Kd)", as: "occupancy" };
  const tooltip = [
    { field: "conc", type: "quantitative" as const, title: axisTitle("Concentration", concUnit), format: ".3g" },
    { field: "occupancy", type: "quantitative" as const, title: axisTitle("Occupancy", "%"), format: ".2%" },
  ];
  // one row whose fields follow the slider: the reference line, its point and label
  const reference = [
    { calculate: "Kd", as: "conc" },
    { calculate: "0.5", as: "occupancy" },
    { calculate: `'Kd ' + format(Kd, '.3~g') + ' ${concUnit}'`, as: "label" },
  ];
  const layers: ChartLayer[] = [
    {
      name: "curve",
      // half a step past the end: vega's sequence excludes its stop
      data: { sequence: { start: u0, stop: u1 + step / 2, step, as: "u" } },
      transform: [{ calculate: "pow(10, datum.u)", as: "conc" }, occupancy],
      mark: "line",
      encoding: { x, y, tooltip },
    },
    {
      data: { values: [{}] },
      transform: reference,
      mark: { type: "rule", strokeDash: [6, 4], color: referenceColor },
      encoding: { x },
    },
    {
      data: { values: [{}] },
      transform: reference,
      mark: { type: "text", align: "left", baseline: "top", dx: 4, dy: 4, color: referenceColor, fontSize: 11 },
      encoding: { x, y: { value: 0 }, text: { field: "label" } },
    },
  ];
  if (marks.length > 0) {
    layers.push({
      name: "marks",
      data: { values: marks.map((m) => ({ series: m.name, conc: m.conc })) },
      transform: [occupancy],
      mark: { type: "point", size: 80 },
      encoding: {
        x,
        y,
        color: { field: "series", type: "nominal", title: "Marked", sort: marks.map((m) => m.name) },
        tooltip: [{ field: "series", type: "nominal", title: "Marked" }, ...tooltip],
      },
    });
  }
  const description =
    `What-if chart: receptor occupancy C/(C + Kd) against unbound concentration (log axis, ${formatNumber(lo)}–${formatNumber(hi)} ${concUnit}), ` +
    `with a slider for ${sliderText(kd)} ${concUnit}; at that Kd occupancy is 50 % at ${formatNumber(kd.value)} ${concUnit}.` +
    (marks.length > 0
      ? ` Marked: ${listText(marks.map((m) => `${m.name} at ${formatNumber(m.conc)} ${concUnit} (${formatNumber((100 * m.conc) / (m.conc + kd.value))} %)`))}.`
      : "");
  return { ...layeredChart({ text: title, subtitle }, description, layers), params: [kd] };
}
