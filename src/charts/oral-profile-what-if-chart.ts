import { InputError } from "../core/errors";
import { inUnit, unit, type QuantityInput } from "../core/units";
import { plainObject, positiveNumber } from "../core/validate";
import { formatNumber } from "./describe";
import { chartAxis } from "./series-input";
import { layeredChart, type ChartSpec } from "./spec";
import { axisTitle } from "./theme";
import { label, optionalLabel } from "./validate-inputs";
import { sliderParam, sliderText, type WhatIfSlider } from "./what-if-slider";

export interface OralProfileWhatIfChartOptions {
  /** Oral dose [mg] as a slider. */
  dose: WhatIfSlider;
  /** Bioavailable fraction F as a slider, within (0, 1]. */
  f: WhatIfSlider;
  /** Absorption rate constant k_a [1/h] as a slider, > 0. */
  ka: WhatIfSlider;
  /** Elimination rate constant k_e [1/h] as a slider, > 0. */
  ke: WhatIfSlider;
  /** Volume of distribution V [L] or a quantity ("70 L"), > 0 (fixed). */
  volume: number | QuantityInput;
  /** The time axis runs from 0 to timeMax [h] or a quantity ("1 day"), > 0. */
  timeMax: number | QuantityInput;
  /** The unit the concentration is shown in, e.g. "ng/mL" (a mass concentration). */
  concUnit: string;
  title?: string;
  subtitle?: string;
}

const FN = "oralProfileWhatIfChart";
const CURVE_POINTS = 241;

/**
 * The Bateman expression in vega's expression language, the same stable form as the
 * library's oralConcentration (e^{−min(ka,ke)·t} · (1 − e^{−|ka−ke|·t}) / |ka−ke|, whose
 * ka = ke limit is t·e^{−k·t}), scaled from mg/L to the shown unit.
 */
function batemanExpression(scale: number, volume: number): string {
  const d = "abs(ka - ke)";
  return `${scale} * F * dose * ka / ${volume} * exp(-min(ka, ke) * datum.t) * (${d} == 0 ? datum.t : (1 - exp(-${d} * datum.t)) / ${d})`;
}

/**
 * What-if chart of a one-compartment oral profile (the Bateman function)
 *   C(t) = F·Dose·ka / (V·(ka − ke)) · (e^{−ke·t} − e^{−ka·t})
 * with sliders for the dose, F, ka and ke; V is fixed. vega computes the curve from the
 * sliders, so it redraws in JupyterLab and on the site with no code running (other front
 * ends show the profile at the default values). It shows what oral data alone cannot
 * separate: the curve depends on F only through F·Dose, so a lower F looks exactly like
 * a lower dose, and ke alone sets the terminal half-life ln 2 / ke.
 * @param options.dose dose slider [mg], min > 0
 * @param options.f bioavailability slider, min > 0, max ≤ 1
 * @param options.ka absorption rate slider [1/h], min > 0
 * @param options.ke elimination rate slider [1/h], min > 0
 * @param options.volume V [L], > 0
 * @param options.timeMax end of the time axis [h], > 0
 * @param options.concUnit a mass concentration unit, e.g. "ng/mL"
 * @returns a vega-lite v5 spec with parameters dose, F, ka and ke bound to range inputs
 * @throws {InputError} for an invalid slider, a non-positive volume or timeMax, or a
 *   concUnit that is not a mass concentration
 * @example oralProfileWhatIfChart({ dose: { value: 0.1, min: 0.01, max: 1, step: 0.01 }, f: { value: 0.5, min: 0.05, max: 1, step: 0.05 }, ka: { value: 1.2, min: 0.1, max: 5, step: 0.1 }, ke: { value: 0.17, min: 0.02, max: 1, step: 0.01 }, volume: 70, timeMax: 24, concUnit: "ng/mL" }).params?.map((p) => p.name)
 * // => ["dose", "F", "ka", "ke"]
 * @see 001_079d5926d130f870.txt, "Microdosing for Basic Pharmacokinetics"
 */
export function oralProfileWhatIfChart(options: OralProfileWhatIfChartOptions): ChartSpec {
  const opts = plainObject(FN, "options", options);
  const concUnit = label(FN, "concUnit", opts.concUnit);
  let scale: number;
  try {
    scale = inUnit(unit(1, "mg/L"), concUnit);
  } catch {
    throw new InputError(FN, "concUnit", "must be a mass concentration unit such as ng/mL", concUnit);
  }
  const dose = sliderParam(FN, "dose", "Dose (mg)", opts.dose, { above: 0 });
  const f = sliderParam(FN, "F", "F (bioavailability)", opts.f, { above: 0, atMost: 1 });
  const ka = sliderParam(FN, "ka", "ka (1/h)", opts.ka, { above: 0 });
  const ke = sliderParam(FN, "ke", "ke (1/h)", opts.ke, { above: 0 });
  // The sliders are in mg and 1/h, so V is read in L and the time axis in h.
  const volume = chartAxis(FN, "volume", "L", ["volume"]).scalar("volume", opts.volume, positiveNumber);
  const timeMax = chartAxis(FN, "timeMax", "h", ["time"]).scalar("timeMax", opts.timeMax, positiveNumber);
  const title =
    optionalLabel(FN, "title", opts.title) ?? "Oral concentration–time profile: what if dose, F, ka or ke change?";
  const subtitle =
    optionalLabel(FN, "subtitle", opts.subtitle) ??
    `One compartment, V = ${formatNumber(volume)} L. Move the sliders below the chart`;
  const step = timeMax / (CURVE_POINTS - 1);
  const tooltip = [
    { field: "t", type: "quantitative" as const, title: axisTitle("Time", "h"), format: ".3g" },
    { field: "conc", type: "quantitative" as const, title: axisTitle("Concentration", concUnit), format: ".3g" },
  ];
  const description =
    `What-if chart: one-compartment oral concentration–time profile (Bateman function, V ${formatNumber(volume)} L) over 0–${formatNumber(timeMax)} h, ` +
    `with sliders for ${[dose, f, ka, ke].map(sliderText).join("; ")}. At those values the half-life is ${formatNumber(Math.LN2 / ke.value)} h.`;
  return {
    ...layeredChart({ text: title, subtitle }, description, [
      {
        name: "curve",
        data: { sequence: { start: 0, stop: timeMax + step / 2, step, as: "t" } },
        transform: [{ calculate: batemanExpression(scale, volume), as: "conc" }],
        mark: "line",
        encoding: {
          x: { field: "t", type: "quantitative", title: axisTitle("Time", "h"), scale: { domain: [0, timeMax] } },
          y: { field: "conc", type: "quantitative", title: axisTitle("Plasma concentration", concUnit) },
          tooltip,
        },
      },
    ]),
    params: [dose, f, ka, ke],
  };
}
