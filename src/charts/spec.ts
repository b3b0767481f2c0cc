import type { TopLevelSpec } from "vega-lite";
import type { Field } from "vega-lite/build/src/channeldef";
import type { LayerSpec, UnitSpec } from "vega-lite/build/src/spec";
import { chartSize, chartTheme } from "./theme";

/** A complete vega-lite v5 specification, as every chart builder returns it. */
export type ChartSpec = TopLevelSpec;

/** One layer of a layered view: a single mark with its own data and encoding. */
export type ChartLayer = UnitSpec<Field>;

/** A view made of layers that share their x and y scales. */
export type LayeredView = LayerSpec<Field>;

/** The vega-lite v5 JSON schema every spec declares, so renderers know the version. */
export const vegaLiteSchema = "https://vega.github.io/schema/vega-lite/v5.json";

/** Title and subtitle as vega-lite takes them. */
export interface ChartTitle {
  text: string;
  subtitle?: string;
}

/**
 * Wraps layers into a top-level spec with the course theme, a title and the accessible
 * description (used as alt text on the site and as the text/plain fallback in notebooks).
 */
export function layeredChart(title: ChartTitle, description: string, layers: ChartLayer[]): ChartSpec {
  return {
    $schema: vegaLiteSchema,
    title: title.subtitle ? { text: title.text, subtitle: title.subtitle } : title.text,
    description,
    width: chartSize.width,
    height: chartSize.height,
    config: chartTheme,
    layer: layers,
  };
}

/** Places views side by side with one title and description (e.g. linear next to semi-log). */
export function sideBySide(title: ChartTitle, description: string, views: LayeredView[]): ChartSpec {
  return {
    $schema: vegaLiteSchema,
    title: title.subtitle ? { text: title.text, subtitle: title.subtitle } : title.text,
    description,
    config: chartTheme,
    hconcat: views,
    resolve: { scale: { color: "shared" } },
  };
}

/** The accessible description of a chart built here; the text/plain fallback of show(). */
export function chartDescription(spec: ChartSpec): string {
  return typeof spec.description === "string" ? spec.description : "";
}

/** The chart's title as plain text. */
export function chartTitle(spec: ChartSpec): string {
  const title = spec.title;
  if (typeof title === "string") return title;
  if (title && typeof title === "object" && "text" in title) {
    const text = title.text;
    return Array.isArray(text) ? text.join(" ") : String(text);
  }
  return "";
}
