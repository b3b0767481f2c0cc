import { InputError } from "../core/errors";
import type { SeriesInput } from "../core/series";
import { numberArray, oneOf, plainObject, positiveNumber, sameLength } from "../core/validate";
import { formatNumber, listText, rangeText } from "./describe";
import { referenceLine } from "./reference-line";
import { chartAxis, type ChartAxis } from "./series-input";
import { logAxis } from "./axis-encoding";
import { layeredChart, type ChartLayer, type ChartSpec } from "./spec";
import { seriesColor, seriesLayer } from "./series-layer";
import { axisTitle } from "./theme";
import { allFractions, allPositive, label, nonEmptyList, optionalLabel, uniqueNames } from "./validate-inputs";

/** One formulation (e.g. one particle size): a value of the test at each dose. */
export interface ContentUniformityChartSeries {
  name: string;
  /** Label claim per unit: numbers [doseUnit] or doses with a unit ("0.16 ug"), all > 0 (log axis). */
  dose: readonly number[] | SeriesInput;
  /** Acceptance value (≥ 0) or pass rate (fraction in [0, 1]) at each dose, see `measure`. */
  value: readonly number[];
  /** Optional band around `value`, e.g. the 5th and 95th percentile of the simulated batches' AV. */
  lower?: readonly number[];
  upper?: readonly number[];
}

export interface ContentUniformityChartOptions {
  series: readonly ContentUniformityChartSeries[];
  /** Unit of the dose axis, e.g. "µg"; optional when the doses carry units (then they are shown in it if given). */
  doseUnit?: string;
  /** "acceptanceValue" (default): AV with the L1 limit line; "passRate": share of batches passing. */
  measure?: "acceptanceValue" | "passRate";
  /** The AV limit drawn as a dashed line (acceptanceValue only). Default L1 = 15. */
  limit?: number;
  /** Legend text for the band, e.g. "5th–95th percentile of 200 batches". Default "Band". */
  bandLabel?: string;
  title?: string;
  subtitle?: string;
}

const FN = "contentUniformityChart";

/**
 * The content-uniformity test against the dose per unit (log axis): the acceptance value
 * AV = |M − X̄| + k·s of the pharmacopoeial test (with its limit L1 = 15), or the share of
 * batches that pass. When drug particles are scattered at random, a unit holding N of them
 * varies by at least 1/√N, and N falls with the dose: the AV of a coarse blend climbs past
 * L1 as the dose falls to micrograms, while a nanocrystalline drug stays flat — the reason
 * the source's 0.16 µg micro-tablets were granulated from a nanosuspension.
 * @param options.series per formulation: dose [doseUnit], value (AV, or pass rate as a fraction),
 *   optionally a band lower/upper in the same units as value
 * @param options.measure what value holds; options.limit the AV limit (default 15)
 * @throws {InputError} for a dose ≤ 0, an AV < 0, a pass rate outside [0, 1], arrays of different
 *   lengths, a band that does not enclose its value, repeated names, an empty unit, an unknown
 *   measure, a limit ≤ 0 or a limit with measure "passRate"
 * @example contentUniformityChart({ series: [{ name: "20 µm blend", dose: [1000, 1, 0.16], value: [2.1, 9.8, 45] }], doseUnit: "µg" }).description
 * // => "Acceptance value against dose per unit (log axis) for 20 µm blend: dose 0.16–1000 µg, AV 2.1–45. Dashed line: L1 = 15 (a batch passes at or below it)."
 * @see 000_0e59da50f18e1b01.txt, "Manufacturing and Content Uniformity of Microgram Dosage Forms"
 */
export function contentUniformityChart(options: ContentUniformityChartOptions): ChartSpec {
  const opts = plainObject(FN, "options", options);
  const doseAxis = chartAxis(FN, "doseUnit", opts.doseUnit, ["mass", "amount"]);
  const measure =
    opts.measure === undefined
      ? "acceptanceValue"
      : oneOf(FN, "measure", opts.measure, ["acceptanceValue", "passRate"] as const);
  const isAv = measure === "acceptanceValue";
  if (!isAv && opts.limit !== undefined)
    throw new InputError(FN, "limit", 'applies only to measure "acceptanceValue"', opts.limit);
  const limit = isAv ? (opts.limit === undefined ? 15 : positiveNumber(FN, "limit", opts.limit)) : undefined;
  const bandLabel = optionalLabel(FN, "bandLabel", opts.bandLabel) ?? "Band";
  const series = nonEmptyList(FN, "series", opts.series).map((s, i) => readSeries(s, i, isAv, doseAxis));
  const doseUnit = doseAxis.unit();
  const names = series.map((s) => s.name);
  uniqueNames(FN, "series", names);
  const title =
    optionalLabel(FN, "title", opts.title) ??
    (isAv ? "Content uniformity: acceptance value vs dose" : "Content uniformity: batches passing vs dose");
  const subtitle = optionalLabel(FN, "subtitle", opts.subtitle);

  const rows = series.flatMap((s) =>
    s.dose.map((d, j) => ({ series: s.name, dose: d, value: s.value[j], lower: s.lower?.[j], upper: s.upper?.[j] })),
  );
  const valueTitle = isAv ? axisTitle("Acceptance value", "% of label claim") : axisTitle("Batches passing", "%");
  const x = logAxis("dose", "Dose per unit", doseUnit);
  const yScale = isAv ? { zero: true } : { domain: [0, 1] };
  const yAxis = isAv ? {} : { format: ".0%" };
  const layers: ChartLayer[] = [];
  const banded = rows.filter((r) => r.lower !== undefined);
  if (banded.length > 0) {
    layers.push({
      data: { values: banded },
      mark: { type: "area", opacity: 0.2 },
      encoding: {
        x,
        y: { field: "lower", type: "quantitative", title: valueTitle, scale: yScale, axis: yAxis },
        y2: { field: "upper" },
        color: seriesColor("Formulation", names),
      },
    });
  }
  layers.push(
    seriesLayer(rows, names, "Formulation", {
      mark: { type: "line", point: true },
      x,
      y: { field: "value", type: "quantitative", title: valueTitle, scale: yScale, axis: yAxis },
      tooltip: [
        { field: "dose", type: "quantitative", title: axisTitle("Dose per unit", doseUnit), format: ".3g" },
        isAv
          ? { field: "value", type: "quantitative", title: "Acceptance value", format: ".1f" }
          : { field: "value", type: "quantitative", title: axisTitle("Batches passing", "%"), format: ".0%" },
      ],
    }),
  );
  if (limit !== undefined) layers.push(...referenceLine("y", limit, `L1 = ${formatNumber(limit)}`));
  const values = rows.map((r) => r.value);
  const description =
    `${isAv ? "Acceptance value" : "Share of batches passing"} against dose per unit (log axis) for ${listText(names)}: ` +
    `dose ${rangeText(
      rows.map((r) => r.dose),
      doseUnit,
    )}, ` +
    (isAv
      ? `AV ${rangeText(values, "").trim()}.`
      : `batches passing ${rangeText(
          values.map((v) => v * 100),
          "%",
        )}.`) +
    (banded.length > 0 ? ` Shaded: ${bandLabel}.` : "") +
    (limit !== undefined ? ` Dashed line: L1 = ${formatNumber(limit)} (a batch passes at or below it).` : "");
  return layeredChart({ text: title, subtitle }, description, layers);
}

interface ReadSeries {
  name: string;
  dose: readonly number[];
  value: readonly number[];
  lower?: readonly number[];
  upper?: readonly number[];
}

function readSeries(s: Record<string, unknown>, i: number, isAv: boolean, doseAxis: ChartAxis): ReadSeries {
  const at = `series[${i}]`;
  const name = label(FN, `${at}.name`, s.name);
  const dose = allPositive(FN, `${at}.dose`, doseAxis.values(`${at}.dose`, s.dose), "(the dose axis is logarithmic)");
  const value = checkMeasure(`${at}.value`, numberArray(FN, `${at}.value`, s.value), isAv);
  sameLength(FN, `${at}.dose`, dose, `${at}.value`, value);
  if (s.lower === undefined && s.upper === undefined) return { name, dose, value };
  if (s.lower === undefined || s.upper === undefined)
    throw new InputError(FN, at, "must give both lower and upper for a band, or neither", name);
  const lower = checkMeasure(`${at}.lower`, numberArray(FN, `${at}.lower`, s.lower), isAv);
  const upper = checkMeasure(`${at}.upper`, numberArray(FN, `${at}.upper`, s.upper), isAv);
  sameLength(FN, `${at}.dose`, dose, `${at}.lower`, lower);
  sameLength(FN, `${at}.dose`, dose, `${at}.upper`, upper);
  const j = value.findIndex((v, k) => !(lower[k] <= v && v <= upper[k]));
  if (j >= 0)
    throw new InputError(
      FN,
      `${at}.lower and upper`,
      `must enclose value (index ${j}: ${lower[j]} ≤ ${value[j]} ≤ ${upper[j]} fails)`,
      name,
    );
  return { name, dose, value, lower, upper };
}

function checkMeasure(arg: string, values: readonly number[], isAv: boolean): readonly number[] {
  if (!isAv) return allFractions(FN, arg, values);
  const i = values.findIndex((v) => v < 0);
  if (i >= 0)
    throw new InputError(FN, arg, `must not contain negative acceptance values (index ${i} is ${values[i]})`, values);
  return values;
}
