import { InputError } from "../core/errors";
import type { SeriesInput } from "../core/series";
import { nonNegativeArray, plainObject, sameLength, strictlyIncreasing } from "../core/validate";
import { formatNumber } from "./describe";
import { referenceLine } from "./reference-line";
import { chartAxis } from "./series-input";
import { layeredChart, type ChartSpec } from "./spec";
import { axisTitle, okabeIto } from "./theme";
import { optionalLabel } from "./validate-inputs";

export interface MassBalanceChartOptions {
  /** End of each excreta collection interval: numbers [timeUnit] or times with a unit ("24 h"), strictly increasing, > 0; the first interval starts at dosing (0). */
  collectionEnd: readonly number[] | SeriesInput;
  /** Share of the administered radioactivity found in the urine of each interval [% of dose], ≥ 0. */
  urine: readonly number[];
  /** Share of the administered radioactivity found in the faeces of each interval [% of dose], ≥ 0. */
  faeces: readonly number[];
  /** Unit of the time axis, e.g. "h"; optional when the times carry units (then they are shown in it if given). */
  timeUnit?: string;
  /** Recovery at which the balance counts as complete, drawn as a dashed line [% of dose]. Default 90. */
  completeAt?: number;
  title?: string;
  subtitle?: string;
}

const FN = "massBalanceChart";
const URINE = "Urine";
const FAECES = "Faeces";
const TOTAL = "Total (urine + faeces)";

/**
 * Cumulative recovery of an administered ¹⁴C dose in excreta over time — the picture of a
 * human mass-balance (ADME) study. The chart adds up each collection interval's recovery,
 * starting from 0 % at dosing, for urine, faeces and their total; a dashed line marks the
 * recovery usually taken as a complete balance (90 %). The plateau of the total shows when
 * collections can stop; the urine/faeces split shows how the drug leaves the body.
 * @param options.collectionEnd interval end times [timeUnit]
 * @param options.urine, options.faeces recovery per interval [% of dose]
 * @param options.completeAt the completeness threshold [% of dose], in (0, 100]
 * @throws {InputError} when times are not strictly increasing or not positive, recoveries are
 *   negative or of another length than the times, the unit is empty, or completeAt is outside (0, 100]
 * @example massBalanceChart({ collectionEnd: [24, 48], urine: [40, 10], faeces: [20, 25], timeUnit: "h" }).description
 * // => "Cumulative recovery of the radioactive dose over 0–48 h: urine 50 %, faeces 45 %, total 95 % of the dose. Dashed line: 90 % (complete mass balance)."
 * @see 000_0e59da50f18e1b01.txt, "Microdosing and Microtracing in Drug Development"
 */
export function massBalanceChart(options: MassBalanceChartOptions): ChartSpec {
  const opts = plainObject(FN, "options", options);
  const timeAxis = chartAxis(FN, "timeUnit", opts.timeUnit, ["time"]);
  const ends = strictlyIncreasing(FN, "collectionEnd", timeAxis.values("collectionEnd", opts.collectionEnd));
  if (ends[0] <= 0) throw new InputError(FN, "collectionEnd", "must be after dosing (all times > 0)", ends);
  const urine = nonNegativeArray(FN, "urine", opts.urine);
  const faeces = nonNegativeArray(FN, "faeces", opts.faeces);
  sameLength(FN, "collectionEnd", ends, "urine", urine);
  sameLength(FN, "collectionEnd", ends, "faeces", faeces);
  const timeUnit = timeAxis.unit();
  const completeAt = readCompleteAt(opts.completeAt);
  const title = optionalLabel(FN, "title", opts.title) ?? "Mass balance: cumulative recovery of the dose";
  const subtitle = optionalLabel(FN, "subtitle", opts.subtitle);

  const cumulative = (perInterval: readonly number[]) => [0, ...perInterval.map(running())];
  const time = [0, ...ends];
  const curves = {
    [URINE]: cumulative(urine),
    [FAECES]: cumulative(faeces),
    [TOTAL]: cumulative(urine.map((u, i) => u + faeces[i])),
  };
  const rows = Object.entries(curves).flatMap(([route, values]) =>
    values.map((recovery, i) => ({ route, time: time[i], recovery })),
  );
  const last = (route: keyof typeof curves) => curves[route][ends.length];
  const highest = Math.max(100, ...rows.map((r) => r.recovery));
  const description =
    `Cumulative recovery of the radioactive dose over 0–${formatNumber(ends[ends.length - 1])} ${timeUnit}: ` +
    `urine ${formatNumber(last(URINE))} %, faeces ${formatNumber(last(FAECES))} %, total ${formatNumber(last(TOTAL))} % of the dose. ` +
    `Dashed line: ${formatNumber(completeAt)} % (complete mass balance).`;
  const [blue, orange] = okabeIto();
  return layeredChart({ text: title, subtitle }, description, [
    {
      data: { values: rows },
      mark: { type: "line", point: true },
      encoding: {
        x: { field: "time", type: "quantitative", title: axisTitle("Time after dose", timeUnit) },
        y: {
          field: "recovery",
          type: "quantitative",
          title: axisTitle("Cumulative recovery", "% of dose"),
          scale: { domain: [0, Math.ceil(highest / 10) * 10] },
        },
        color: {
          field: "route",
          type: "nominal",
          title: "Excreta",
          scale: { domain: [URINE, FAECES, TOTAL], range: [blue, orange, "#222222"] },
        },
        tooltip: [
          { field: "route", type: "nominal", title: "Excreta" },
          { field: "time", type: "quantitative", title: axisTitle("Time after dose", timeUnit), format: ".3g" },
          {
            field: "recovery",
            type: "quantitative",
            title: axisTitle("Cumulative recovery", "% of dose"),
            format: ".1f",
          },
        ],
      },
    },
    // Labelled at the left, above the line: the total only approaches it late.
    ...referenceLine("y", completeAt, `${formatNumber(completeAt)} %: complete balance`, { left: true }),
  ]);
}

/** A running sum, for Array.map. */
function running(): (value: number) => number {
  let sum = 0;
  return (value) => (sum += value);
}

function readCompleteAt(value: unknown): number {
  if (value === undefined) return 90;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value > 100)
    throw new InputError(FN, "completeAt", "must be a percentage in (0, 100]", value);
  return value;
}
