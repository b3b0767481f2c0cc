import type { CalculateTransform } from "vega-lite/build/src/transform";
import type { ChartLayer } from "./spec";

/**
 * The curve of a what-if chart on a log x axis. vega generates the x values — `points` of
 * them, evenly spaced in log10 over [lo, hi] — and `transform` computes y from each x and the
 * slider parameters, so the curve redraws as a slider moves with no code running.
 * @param range [lo, hi] of the x axis, both > 0
 * @param x the field the x values are written to
 * @param layer the transforms after x (y from the sliders) and the layer's encoding
 */
export function logSpacedCurve(
  [lo, hi]: readonly [number, number],
  points: number,
  x: string,
  layer: { transform: CalculateTransform[]; encoding: ChartLayer["encoding"] },
): ChartLayer {
  const [u0, u1] = [Math.log10(lo), Math.log10(hi)];
  const step = (u1 - u0) / (points - 1);
  return {
    name: "curve",
    // half a step past the end: vega's sequence excludes its stop
    data: { sequence: { start: u0, stop: u1 + step / 2, step, as: "u" } },
    transform: [{ calculate: "pow(10, datum.u)", as: x }, ...layer.transform],
    mark: "line",
    encoding: layer.encoding,
  };
}
