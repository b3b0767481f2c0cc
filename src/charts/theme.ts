import type { Config } from "vega-lite/build/src/config";

/**
 * The one visual theme every course chart shares, so that chapters look alike and a
 * reader learns the conventions once: a colour-blind-safe palette (Okabe–Ito), axis
 * titles that always carry a unit, light grids, and fonts large enough for a projector.
 * Builders attach it as the spec's `config`, so a spec renders the same in JupyterLab,
 * in the server-side SVG and on the static site.
 */
export const chartTheme: Config = {
  font: "DejaVu Sans, Helvetica, Arial, sans-serif",
  background: "white",
  padding: 8,
  view: { stroke: null },
  title: { fontSize: 15, fontWeight: "bold", subtitleFontSize: 12, subtitleColor: "#444", anchor: "start", offset: 10 },
  axis: {
    labelFontSize: 12,
    titleFontSize: 13,
    titleFontWeight: "normal",
    titleColor: "#222",
    labelColor: "#333",
    gridColor: "#ddd",
    gridOpacity: 0.8,
    domainColor: "#888",
    tickColor: "#888",
  },
  // labelLimit: room for ~44 characters at 12 px even where text widths are estimated
  // (server-side SVG: 0.8 em per character), so legends such as
  // "Midazolam 100 µg + strong CYP3A inhibitor" are not cut off.
  legend: {
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: "normal",
    symbolStrokeWidth: 2,
    orient: "right",
    labelLimit: 420,
  },
  range: { category: [...okabeIto()] },
  line: { strokeWidth: 2 },
  point: { size: 45, filled: true },
  rule: { strokeWidth: 1.5 },
};

/** Default plotting area [px]; wide enough for readable log axes, small enough for a notebook. */
export const chartSize = { width: 460, height: 290 } as const;

/** Colour for reference lines (LLOQ, Km, targets): grey, so data stays in front. */
export const referenceColor = "#666";

/** Colour for the "ideal" or model line drawn against observed points. */
export const modelColor = "#D55E00";

/**
 * Okabe & Ito's palette, distinguishable under the common colour-vision deficiencies.
 * Black is last so it is only reached when a chart has many series.
 */
export function okabeIto(): readonly string[] {
  return ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
}

/**
 * The colour scale for a chart with `count` named series. Up to eight series keep the theme's
 * Okabe–Ito palette; beyond that its colours would repeat, so vega's "tableau20" scheme
 * (twenty distinct colours, e.g. the 12 subjects of the Theoph study) takes over.
 * @param count number of distinct series coloured in the chart
 * @example seriesColorScale(3) // => {}
 * @example seriesColorScale(12) // => { scheme: "tableau20" }
 */
export function seriesColorScale(count: number): { scheme?: "tableau20" } {
  return count > okabeIto().length ? { scheme: "tableau20" } : {};
}

/**
 * An axis title with its unit in parentheses, the convention of every course chart.
 * @param quantity what is plotted, e.g. "Plasma concentration"
 * @param unit the unit of the plotted numbers, e.g. "ng/mL"; "%" for fractions shown as percent
 * @example axisTitle("Time", "h") // => "Time (h)"
 */
export function axisTitle(quantity: string, unit: string): string {
  return `${quantity} (${unit})`;
}
