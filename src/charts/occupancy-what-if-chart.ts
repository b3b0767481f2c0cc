import type { QuantityInput } from "../core/units";
import { plainObject, positiveNumber } from "../core/validate";
import { formatNumber, listText } from "./describe";
import { chartAxis } from "./series-input";
import { logAxis, percentAxis } from "./axis-encoding";
import { layeredChart, type ChartLayer, type ChartSpec } from "./spec";
import { axisTitle } from "./theme";
import { sliderReferenceLine } from "./reference-line";
import { axisRange, label, nonEmptyList, optionalLabel, uniqueNames } from "./validate-inputs";
import { logSpacedCurve } from "./what-if-curve";
import { sliderParam, sliderText, type WhatIfSlider } from "./what-if-slider";

/** A concentration to mark on the curve, e.g. the unbound C_max of a microdose. */
export interface OccupancyWhatIfMark {
  name: string;
  /** Unbound concentration [concUnit] or a quantity ("0.005 nM"), > 0. */
  conc: number | QuantityInput;
}

export interface OccupancyWhatIfChartOptions {
  /** The dissociation constant K_d [concUnit] as a slider. */
  kd: WhatIfSlider;
  /** Unit of concentrations and K_d, e.g. "nM". */
  concUnit: string;
  /** The concentration axis: [lowest, highest] in concUnit or as quantities, both > 0 (log axis). */
  concRange: readonly [number | QuantityInput, number | QuantityInput];
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
  // The Kd slider is in concUnit, so concUnit is required and quantities are converted to it.
  const concAxis = chartAxis(FN, "concUnit", concUnit, ["massConcentration", "molarConcentration"]);
  const [lo, hi] = axisRange(FN, "concRange", opts.concRange, "[lowest, highest]", (arg, v) =>
    concAxis.scalar(arg, v, positiveNumber),
  );
  const marks = (opts.marks === undefined ? [] : nonEmptyList(FN, "marks", opts.marks)).map((m, i) => ({
    name: label(FN, `marks[${i}].name`, m.name),
    conc: concAxis.scalar(`marks[${i}].conc`, m.conc, positiveNumber),
  }));
  uniqueNames(
    FN,
    "marks",
    marks.map((m) => m.name),
  );
  const title =
    optionalLabel(FN, "title", opts.title) ?? "Receptor occupancy vs unbound concentration: what if Kd changes?";
  const subtitle = optionalLabel(FN, "subtitle", opts.subtitle) ?? "Move the Kd slider below the chart";

  const x = logAxis("conc", "Unbound concentration", concUnit, [lo, hi]);
  const y = percentAxis("occupancy", "Receptor occupancy");
  const occupancy = { calculate: "datum.conc / (datum.conc + Kd)", as: "occupancy" };
  const tooltip = [
    { field: "conc", type: "quantitative" as const, title: axisTitle("Concentration", concUnit), format: ".3g" },
    { field: "occupancy", type: "quantitative" as const, title: axisTitle("Occupancy", "%"), format: ".2%" },
  ];
  // one row whose fields follow the slider: where the reference line sits, and its label
  const reference = [
    { calculate: "Kd", as: "conc" },
    { calculate: "0.5", as: "occupancy" },
    { calculate: `'Kd ' + format(Kd, '.3~g') + ' ${concUnit}'`, as: "label" },
  ];
  const layers: ChartLayer[] = [
    logSpacedCurve([lo, hi], CURVE_POINTS, "conc", { transform: [occupancy], encoding: { x, y, tooltip } }),
    ...sliderReferenceLine(x, reference),
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
