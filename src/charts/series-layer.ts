import type { Field } from "vega-lite/build/src/channeldef";
import type { Encoding } from "vega-lite/build/src/encoding";
import type { ChartLayer } from "./spec";
import { seriesColorScale } from "./theme";

type TooltipEntry = { field: string; type: "quantitative" | "nominal"; title: string; format?: string };

/** What a series layer takes from its chart: the mark, x, y and the tooltip entries after the series name. */
export interface SeriesEncoding {
  /** e.g. "line", or { type: "point", size: 80 } */
  mark: ChartLayer["mark"];
  x: Encoding<Field>["x"];
  y: Encoding<Field>["y"];
  tooltip: readonly TooltipEntry[];
  /** The rows' field holding the series name; default "series". */
  field?: string;
}

/**
 * Colour by named series: the legend lists them in the order the caller gave (vega would
 * sort them alphabetically), in the course palette or, for many series, tableau20.
 * @param legend the legend title, e.g. "Regimen"
 * @param names every series name, in the order given
 * @param field the rows' field holding the name
 */
export function seriesColor(legend: string, names: readonly string[], field = "series") {
  return { field, type: "nominal" as const, title: legend, sort: [...names], scale: seriesColorScale(names.length) };
}

/**
 * One layer drawing named series (rows such as readSeries returns) in their series colours;
 * the tooltip leads with the series name under the legend's title.
 * @param rows the data, one row a point, the name in `field`
 * @param names every series name, in legend order
 * @param legend the legend title
 */
export function seriesLayer(
  rows: readonly object[],
  names: readonly string[],
  legend: string,
  { mark, x, y, tooltip, field = "series" }: SeriesEncoding,
): ChartLayer {
  return {
    data: { values: [...rows] },
    mark,
    encoding: {
      x,
      y,
      color: seriesColor(legend, names, field),
      tooltip: [{ field, type: "nominal", title: legend }, ...tooltip],
    },
  };
}
