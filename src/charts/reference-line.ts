import type { Encoding } from "vega-lite/build/src/encoding";
import type { Field } from "vega-lite/build/src/channeldef";
import type { CalculateTransform } from "vega-lite/build/src/transform";
import type { ChartLayer } from "./spec";
import { chartSize, referenceColor } from "./theme";

/** Dashed and grey, so a reference never reads as data. A fresh object each time: specs share no parts. */
function ruleMark() {
  return { type: "rule" as const, strokeDash: [6, 4], color: referenceColor };
}

/** The label of a vertical line: at the top of the plot, just right of the line, clear of the data below. */
function verticalLabelMark() {
  return {
    type: "text" as const,
    align: "left" as const,
    baseline: "top" as const,
    dx: 4,
    dy: 4,
    color: referenceColor,
    fontSize: 11,
  };
}

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
  const rule: ChartLayer = { data: single, mark: ruleMark(), encoding: { [axis]: at } };
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
      : { data: single, mark: verticalLabelMark(), encoding: { x: at, y: { value: 0 }, text: { value: text } } };
  return [rule, label];
}

/**
 * The vertical rule of a line whose value a what-if slider sets: `reference` calculates one
 * row from the slider parameters (the x field, and whatever its label needs), so the line
 * moves with the slider while vega redraws — no code runs.
 * @param x the chart's x encoding, so the rule sits on the same scale as the curve
 * @param reference calculate transforms producing x's field from the slider parameters
 */
export function sliderReferenceRule(x: Encoding<Field>["x"], reference: CalculateTransform[]): ChartLayer {
  return { data: { values: [{}] }, transform: reference, mark: ruleMark(), encoding: { x } };
}

/**
 * A slider-driven vertical reference line with its label at the top, as referenceLine draws
 * a fixed one: `reference` must also calculate the text, as the field "label".
 */
export function sliderReferenceLine(x: Encoding<Field>["x"], reference: CalculateTransform[]): ChartLayer[] {
  return [
    sliderReferenceRule(x, reference),
    {
      data: { values: [{}] },
      transform: reference,
      mark: verticalLabelMark(),
      encoding: { x, y: { value: 0 }, text: { field: "label" } },
    },
  ];
}
