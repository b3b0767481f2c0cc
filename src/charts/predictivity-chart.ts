import { InputError } from "../core/errors";
import type { QuantityInput } from "../core/units";
import { finiteNumber, plainObject } from "../core/validate";
import { countText, rangeText } from "./describe";
import { chartAxis, type ChartAxis } from "./series-input";
import { layeredChart, type ChartLayer, type ChartSpec } from "./spec";
import { axisTitle, modelColor, okabeIto, referenceColor } from "./theme";
import { label, nonEmptyList, optionalLabel, uniqueNames } from "./validate-inputs";

/** One compound: the value a microdose predicted and the value observed at the therapeutic dose. */
export interface PredictivityChartCompound {
  /** Short name shown next to the point, unique within the chart. */
  name: string;
  /** Predicted from the microdose: a number [unit] or a quantity ("12 L/h"), > 0. */
  predicted: number | QuantityInput;
  /** Observed at the therapeutic dose: a number [unit] or a quantity, > 0. */
  observed: number | QuantityInput;
}

export interface PredictivityChartOptions {
  compounds: readonly PredictivityChartCompound[];
  /** Unit of both axes, e.g. "L/h"; optional when the values are quantities (then they are shown in it if given). */
  unit?: string;
  /** What is compared, e.g. "CL/F" or "AUC/dose". Default "Value". */
  quantity?: string;
  /** Also shade the 3-fold band. Default false. */
  threeFold?: boolean;
  title?: string;
  subtitle?: string;
}

const FN = "predictivityChart";
/** A square plot, so that the line of unity runs at 45°. */
const SIDE = 360;
const WITHIN = "Within 2-fold";
const OUTSIDE = "Outside 2-fold";

/**
 * Predicted against observed on log–log axes, the standard picture of how well microdoses
 * predict therapeutic pharmacokinetics. The solid line is unity (prediction = observation);
 * the shaded band holds predictions within 2-fold (observed/2 ≤ predicted ≤ 2·observed),
 * the usual success criterion, optionally with a lighter 3-fold band. On log axes a fold
 * error is a fixed distance from the diagonal, so over- and under-prediction look alike.
 * @param options.compounds predicted and observed values [unit], all > 0
 * @param options.threeFold shade the 3-fold band too
 * @throws {InputError} when compounds is empty, a name is empty or repeated, a value is not a
 *   positive finite number, the unit is empty, or threeFold is not a boolean
 * @example predictivityChart({ compounds: [{ name: "A", predicted: 12, observed: 10 }, { name: "B", predicted: 30, observed: 95 }], unit: "L/h", quantity: "CL/F" }).description
 * // => "Predicted (microdose) against observed (therapeutic dose) CL/F on log–log axes for 2 compounds (10–95 L/h), with the line of unity and the 2-fold band: 1 of 2 within 2-fold (A), outside: B."
 * @see 001_079d5926d130f870.txt, "Dose-Proportionality and Extrapolation"
 */
export function predictivityChart(options: PredictivityChartOptions): ChartSpec {
  const opts = plainObject(FN, "options", options);
  const axis = chartAxis(FN, "unit", opts.unit);
  const quantity = optionalLabel(FN, "quantity", opts.quantity) ?? "Value";
  if (opts.threeFold !== undefined && typeof opts.threeFold !== "boolean")
    throw new InputError(FN, "threeFold", "must be true or false", opts.threeFold);
  const threeFold = opts.threeFold === true;
  const compounds = nonEmptyList(FN, "compounds", opts.compounds).map((c, i) => ({
    name: label(FN, `compounds[${i}].name`, c.name),
    predicted: positive(axis, `compounds[${i}].predicted`, c.predicted),
    observed: positive(axis, `compounds[${i}].observed`, c.observed),
  }));
  const unit = axis.unit();
  uniqueNames(
    FN,
    "compounds",
    compounds.map((c) => c.name),
  );
  const title =
    optionalLabel(FN, "title", opts.title) ?? `Microdose prediction vs therapeutic observation: ${quantity}`;
  const subtitle = optionalLabel(FN, "subtitle", opts.subtitle);

  const rows = compounds.map((c) => {
    const foldError = Math.max(c.predicted / c.observed, c.observed / c.predicted);
    // The same tiny tolerance as predictivity(): exactly 2-fold counts as within despite rounding.
    return { ...c, foldError, verdict: foldError <= 2 * (1 + 1e-12) ? WITHIN : OUTSIDE };
  });
  const all = rows.flatMap((r) => [r.predicted, r.observed]);
  const outerFold = threeFold ? 3 : 2;
  const domain: [number, number] = [Math.min(...all) / (outerFold * 1.25), Math.max(...all) * outerFold * 1.25];
  const scale = { type: "log" as const, domain, nice: false };
  const x = {
    field: "observed",
    type: "quantitative" as const,
    title: axisTitle(`Observed ${quantity}, log scale`, unit),
    scale,
  };
  const y = {
    field: "predicted",
    type: "quantitative" as const,
    title: axisTitle(`Predicted ${quantity}, log scale`, unit),
    scale,
  };
  // The band observed/fold ≤ predicted ≤ observed·fold, cut to the plot: its edges are straight
  // on log–log axes, so the corners where an edge meets the border are all the points needed.
  const [lo, hi] = domain;
  const band = (fold: number) =>
    [lo, lo * fold, hi / fold, hi].map((o) => ({
      observed: o,
      predicted: Math.max(o / fold, lo),
      upper: Math.min(o * fold, hi),
    }));
  const bandLayer = (fold: number, opacity: number): ChartLayer => ({
    data: { values: band(fold) },
    mark: { type: "area", color: referenceColor, opacity },
    encoding: { x, y, y2: { field: "upper" } },
  });
  // Each band is named where its lower edge (predicted = observed / fold) nears the right border.
  const bandLabel = (fold: number): ChartLayer => ({
    data: { values: [{ observed: domain[1] / 1.1, predicted: domain[1] / (1.1 * fold) }] },
    mark: { type: "text", align: "right", baseline: "top", dx: -2, dy: 2, color: referenceColor, fontSize: 11 },
    encoding: { x, y, text: { value: `${fold}-fold` } },
  });
  const layers: ChartLayer[] = [
    ...(threeFold ? [bandLayer(3, 0.1)] : []),
    bandLayer(2, 0.18),
    {
      data: { values: domain.map((o) => ({ observed: o, predicted: o })) },
      mark: { type: "line", color: referenceColor, strokeWidth: 1.5 },
      encoding: { x, y },
    },
    ...(threeFold ? [bandLabel(3)] : []),
    bandLabel(2),
    {
      data: { values: rows },
      mark: { type: "point", size: 80 },
      encoding: {
        x,
        y,
        color: {
          field: "verdict",
          type: "nominal",
          title: "Prediction",
          scale: { domain: [WITHIN, OUTSIDE], range: [okabeIto()[0], modelColor] },
        },
        shape: {
          field: "verdict",
          type: "nominal",
          title: "Prediction",
          scale: { domain: [WITHIN, OUTSIDE], range: ["circle", "triangle-up"] },
        },
        tooltip: [
          { field: "name", type: "nominal", title: "Compound" },
          { field: "predicted", type: "quantitative", title: axisTitle(`Predicted ${quantity}`, unit), format: ".3g" },
          { field: "observed", type: "quantitative", title: axisTitle(`Observed ${quantity}`, unit), format: ".3g" },
          { field: "foldError", type: "quantitative", title: "Fold error", format: ".2f" },
        ],
      },
    },
    {
      data: { values: rows },
      mark: { type: "text", align: "left", baseline: "middle", dx: 7, fontSize: 11, color: "#222" },
      encoding: { x, y, text: { field: "name", type: "nominal" } },
    },
  ];
  const within = rows.filter((r) => r.verdict === WITHIN).map((r) => r.name);
  const outside = rows.filter((r) => r.verdict === OUTSIDE).map((r) => r.name);
  const description =
    `Predicted (microdose) against observed (therapeutic dose) ${quantity} on log–log axes for ${countText(rows.length, "compound")} (${rangeText(all, unit)}), ` +
    `with the line of unity and the 2-fold band${threeFold ? " (and the 3-fold band)" : ""}: ` +
    `${within.length} of ${rows.length} within 2-fold${within.length > 0 ? ` (${within.join(", ")})` : ""}` +
    (outside.length > 0 ? `, outside: ${outside.join(", ")}.` : ".");
  return { ...layeredChart({ text: title, subtitle }, description, layers), width: SIDE, height: SIDE };
}

/** A value on the shared axis, > 0 (log axes). */
function positive(axis: ChartAxis, arg: string, value: unknown): number {
  return axis.scalar(arg, value, (fn, at, n) => {
    const v = finiteNumber(fn, at, n);
    if (v <= 0) throw new InputError(fn, at, "must be greater than 0 (the axes are logarithmic)", v);
    return v;
  });
}
