import type { ChartLayer } from "./spec";
import { chartSize, referenceColor } from "./theme";

/**
 * A dashed reference line across the plot with a short label (a limit, a target, a
 * threshold): two layers, the rule and its text. A reference has no data of its own, so
 * one empty row makes vega-lite draw it once; `datum` puts it on the data scale, so a log
 * axis places it correctly and the value widens the axis domain if needed.
 * @param axis "y" for a horizontal line at a value of y, "x" for a vertical one
 * @param value where the line sits, in the axis's data units
 * @param text the label drawn next to the line
 * @param place.left label a horizontal line at its left end (default: right end), where the data leave room
 */
export function referenceLine(
  axis: "x" | "y",
  value: number,
  text: string,
  place: { left?: boolean } = {},
): ChartLayer[] {
  const single = { values: [{}] };
  const at = { datum: value, type: "quantitative" as const };
  const rule: ChartLayer = {
    data: single,
    mark: { type: "rule", strokeDash: [6, 4], color: referenceColor },
    encoding: { [axis]: at },
  };
  const label: ChartLayer =
    axis === "y"
      ? {
          data: single,
          mark: {
            type: "text",
            align: place.left ? "left" : "right",
            baseline: "bottom",
            dx: place.left ? 4 : 0,
            dy: -3,
            color: referenceColor,
            fontSize: 11,
          },
          encoding: { x: { value: place.left ? 0 : chartSize.width }, y: at, text: { value: text } },
        }
      : {
          data: single,
          mark: { type: "text", align: "left", baseline: "top", dx: 4, dy: 4, color: referenceColor, fontSize: 11 },
          encoding: { x: at, y: { value: 0 }, text: { value: text } },
        };
  return [rule, label];
}
