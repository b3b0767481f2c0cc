import type { QuantityInput } from "../core/units";
import { plainObject, positiveNumber } from "../core/validate";
import { formatNumber } from "./describe";
import { chartAxis } from "./series-input";
import { logAxis } from "./axis-encoding";
import { layeredChart, type ChartLayer, type ChartSpec } from "./spec";
import { axisTitle } from "./theme";
import { sliderReferenceLine } from "./reference-line";
import { axisRange, optionalLabel } from "./validate-inputs";
import { logSpacedCurve } from "./what-if-curve";
import { sliderParam, sliderText, type WhatIfSlider } from "./what-if-slider";

export interface ClearanceWhatIfChartOptions {
  /** Maximal elimination rate V_max [mg/h] as a slider, > 0. */
  vmax: WhatIfSlider;
  /** Michaelis constant K_m [mg/L] as a slider, > 0. */
  km: WhatIfSlider;
  /** The concentration axis: [lowest, highest] in mg/L or as quantities ("1 ng/mL"), both > 0 (log axis). */
  concRange: readonly [number | QuantityInput, number | QuantityInput];
  title?: string;
  subtitle?: string;
}

const FN = "clearanceWhatIfChart";
const CURVE_POINTS = 160;

/**
 * What-if chart of Michaelis–Menten clearance against concentration (log axis),
 *   CL(C) = V_max / (K_m + C),
 * with V_max and K_m sliders. vega computes the curve from the sliders, so it redraws in
 * JupyterLab and on the site with no code running (other front ends show the defaults).
 * Below K_m clearance is flat at V_max/K_m — the linear regime a microdose measures; a
 * dashed line marks K_m, where clearance has fallen to half.
 * @param options.vmax V_max slider [mg/h], min > 0
 * @param options.km K_m slider [mg/L], min > 0
 * @param options.concRange the concentration axis [mg/L], lowest < highest, both > 0
 * @returns a vega-lite v5 spec with parameters Vmax and Km bound to range inputs
 * @throws {InputError} for an invalid slider or a non-positive or reversed range
 * @example clearanceWhatIfChart({ vmax: { value: 10, min: 1, max: 50, step: 1 }, km: { value: 1, min: 0.1, max: 10, step: 0.1 }, concRange: [0.001, 100] }).params?.map((p) => p.name)
 * // => ["Vmax", "Km"]
 * @see 001_079d5926d130f870.txt, "The Limits of Linearity: Saturable Processes"
 */
export function clearanceWhatIfChart(options: ClearanceWhatIfChartOptions): ChartSpec {
  const opts = plainObject(FN, "options", options);
  const vmax = sliderParam(FN, "Vmax", "Vmax (mg/h)", opts.vmax, { above: 0 });
  const km = sliderParam(FN, "Km", "Km (mg/L)", opts.km, { above: 0 });
  // The sliders are in mg/h and mg/L, so the axis is in mg/L; quantities are converted to it.
  const concAxis = chartAxis(FN, "concRange", "mg/L", ["massConcentration"]);
  const [lo, hi] = axisRange(FN, "concRange", opts.concRange, "[lowest, highest]", (arg, v) =>
    concAxis.scalar(arg, v, positiveNumber),
  );
  const title =
    optionalLabel(FN, "title", opts.title) ?? "Michaelis–Menten clearance vs concentration: what if Vmax or Km change?";
  const subtitle =
    optionalLabel(FN, "subtitle", opts.subtitle) ?? "CL = Vmax / (Km + C). Move the sliders below the chart";

  const x = logAxis("conc", "Plasma concentration", "mg/L", [lo, hi]);
  const y = { field: "clearance", type: "quantitative" as const, title: axisTitle("Clearance", "L/h") };
  // one row whose fields follow the slider: where the reference line sits, and its label
  const reference = [
    { calculate: "Km", as: "conc" },
    { calculate: "'Km ' + format(Km, '.3~g') + ' mg/L'", as: "label" },
  ];
  const layers: ChartLayer[] = [
    logSpacedCurve([lo, hi], CURVE_POINTS, "conc", {
      transform: [{ calculate: "Vmax / (Km + datum.conc)", as: "clearance" }],
      encoding: {
        x,
        y,
        tooltip: [
          { field: "conc", type: "quantitative", title: axisTitle("Concentration", "mg/L"), format: ".3g" },
          { field: "clearance", type: "quantitative", title: axisTitle("Clearance", "L/h"), format: ".3g" },
        ],
      },
    }),
    ...sliderReferenceLine(x, reference),
  ];
  const description =
    `What-if chart: Michaelis–Menten clearance Vmax/(Km + C) against plasma concentration (log axis, ${formatNumber(lo)}–${formatNumber(hi)} mg/L), ` +
    `with sliders for ${sliderText(vmax)} mg/h and ${sliderText(km)} mg/L. At those values clearance is ${formatNumber(vmax.value / km.value)} L/h at low concentration and half that at Km (dashed line).`;
  return { ...layeredChart({ text: title, subtitle }, description, layers), params: [vmax, km] };
}
