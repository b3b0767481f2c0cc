import type { SeriesInput } from "../core/series";
import type { QuantityInput } from "../core/units";
import { finiteNumber, oneOf, plainObject, positiveNumber, sameLength } from "../core/validate";
import { countText, formatNumber, listText, rangeText } from "./describe";
import { chartAxis, type ChartAxis } from "./series-input";
import { layeredChart, sideBySide, type ChartLayer, type ChartSpec, type LayeredView } from "./spec";
import { seriesLayer } from "./series-layer";
import { axisTitle, chartSize, referenceColor } from "./theme";
import { label, nonEmptyList, optionalLabel, optionalList, uniqueNames } from "./validate-inputs";

/** One concentration–time profile, e.g. one subject, one dose level or one model. */
export interface ChartConcentrationProfile {
  /** Legend name, unique within the chart. */
  name: string;
  /** Sampling times: numbers [timeUnit], or times with a unit (a Series, or quantities such as ["0.5 h", "30 min"]). */
  time: readonly number[] | SeriesInput;
  /** Concentrations at those times: numbers [concUnit], or concentrations with a unit (mass or molar). */
  conc: readonly number[] | SeriesInput;
}

/** A horizontal reference concentration, e.g. a target trough or a toxic threshold. */
export interface ChartReferenceLine {
  /** Concentration [concUnit] or a quantity ("80 ng/mL"), > 0 so that it can sit on a semi-log axis too. */
  value: number | QuantityInput;
  /** What the line means, e.g. "Target trough"; shown next to the line, with the value and unit appended unless it already states the value. */
  label: string;
}

/** A dose to mark on the time axis. */
export interface ChartDoseMark {
  /** Time of administration [timeUnit] or a quantity ("12 h"). */
  time: number | QuantityInput;
  /** Short label, e.g. "100 µg iv"; defaults to "Dose". */
  label?: string;
}

export interface ConcentrationTimeChartOptions {
  profiles: readonly ChartConcentrationProfile[];
  /** Unit of the time axis, e.g. "h": the unit of plain-number times, or the unit times with units are shown in. Optional when the times carry units. */
  timeUnit?: string;
  /** Unit of the concentration axis, e.g. "pg/mL"; as timeUnit. Optional when the concentrations carry units. */
  concUnit?: string;
  /** "linear", "log" (semi-log: log concentration, linear time) or "both" side by side. Default "linear". */
  scale?: "linear" | "log" | "both";
  /** Lower limit of quantification [concUnit] or a quantity ("1 pg/mL"), drawn as a dashed line. */
  lloq?: number | QuantityInput;
  /** Other horizontal reference concentrations (targets, thresholds), drawn as dashed lines with their labels. */
  referenceLines?: readonly ChartReferenceLine[];
  /** Doses marked as vertical dashed rules. */
  doses?: readonly ChartDoseMark[];
  title?: string;
  subtitle?: string;
}

const FN = "concentrationTimeChart";

/**
 * Concentration–time profiles on linear and/or semi-log axes, with the LLOQ and the
 * dosing times marked (each dose labelled above the plot frame, clear of the data), and any
 * reference concentration (a target trough, a threshold) as a labelled dashed line. The
 * semi-log view is the one pharmacokineticists read: a mono-exponential decline is a straight
 * line whose slope is −λz/ln 10, so a change of slope reveals a second phase or non-linear
 * elimination. Concentrations ≤ 0 (e.g. pre-dose samples) cannot sit on a log axis; the
 * semi-log view leaves them out and says so in the description.
 * Data may carry their units (a Series, or quantities such as "30 min"; the LLOQ, reference
 * values and dose times as quantities): the axes are then labelled with the data's units, or,
 * when `timeUnit`/`concUnit` are given, the data are converted to them — so profiles measured
 * in ng/mL and in pg/mL share one axis. Plain numbers need the unit options.
 * @param options.profiles one or more profiles with time [timeUnit] and conc [concUnit], or with units
 * @returns a vega-lite v5 spec with a title and an accessible description
 * @throws {InputError} when a profile's arrays differ in length or hold non-finite numbers,
 *   names repeat, units are empty or missing for plain numbers, data with units are not a time
 *   or a concentration or have another dimension than their axis (mass vs molar), the LLOQ or
 *   a reference value is not positive, a reference label is empty, or `scale` is unknown
 * @example concentrationTimeChart({ profiles: [{ name: "Microdose", time: [0, 1, 2], conc: [0, 10, 5] }], timeUnit: "h", concUnit: "pg/mL" }).description
 * // => "Concentration–time chart on a linear axis of Microdose: time 0–2 h, concentration 0–10 pg/mL."
 * @example concentrationTimeChart({ profiles: [{ name: "IR", time: [0, 12, 24], conc: [80, 400, 80] }], timeUnit: "h", concUnit: "ng/mL", referenceLines: [{ value: 80, label: "Target trough" }] }).description
 * // => "Concentration–time chart on a linear axis of IR: time 0–24 h, concentration 80–400 ng/mL. Dashed line: Target trough 80 ng/mL."
 * @example concentrationTimeChart({ profiles: [{ name: "Microdose", time: ["0 h", "30 min", "2 h"], conc: series([0, 12, 4], "pg/mL") }], lloq: "1 pg/mL" }).description
 * // => "Concentration–time chart on a linear axis of Microdose: time 0–2 h, concentration 0–12 pg/mL. Dashed line: LLOQ 1 pg/mL."
 * @example concentrationTimeChart({ profiles: [{ name: "A", time: series([0, 1], "h"), conc: series([0.012, 0.004], "ng/mL") }], concUnit: "pg/mL" }).description
 * // => "Concentration–time chart on a linear axis of A: time 0–1 h, concentration 4–12 pg/mL."
 * @see 001_079d5926d130f870.txt, "Microdosing for Basic Pharmacokinetics"
 */
export function concentrationTimeChart(options: ConcentrationTimeChartOptions): ChartSpec {
  const opts = plainObject(FN, "options", options);
  const timeAxis = chartAxis(FN, "timeUnit", opts.timeUnit, ["time"]);
  const concAxis = chartAxis(FN, "concUnit", opts.concUnit, ["massConcentration", "molarConcentration"]);
  const scale =
    opts.scale === undefined ? "linear" : oneOf(FN, "scale", opts.scale, ["linear", "log", "both"] as const);
  const profiles = nonEmptyList(FN, "profiles", opts.profiles).map((p, i) => {
    const name = label(FN, `profiles[${i}].name`, p.name);
    const time = timeAxis.values(`profiles[${i}].time`, p.time);
    const conc = concAxis.values(`profiles[${i}].conc`, p.conc);
    sameLength(FN, `profiles[${i}].time`, time, `profiles[${i}].conc`, conc);
    return { name, time, conc };
  });
  uniqueNames(
    FN,
    "profiles",
    profiles.map((p) => p.name),
  );
  const lloq = opts.lloq === undefined ? undefined : concAxis.scalar("lloq", opts.lloq, positiveNumber);
  const doses = readDoses(opts.doses, timeAxis);
  const referenceLines = readReferenceLines(opts.referenceLines, concAxis);
  const timeUnit = timeAxis.unit();
  const concUnit = concAxis.unit();
  const title = optionalLabel(FN, "title", opts.title) ?? "Concentration–time profile";
  const subtitle = optionalLabel(FN, "subtitle", opts.subtitle);

  const rows = profiles.flatMap((p) => p.time.map((t, i) => ({ profile: p.name, time: t, conc: p.conc[i] })));
  const names = profiles.map((p) => p.name);
  // A reference label that does not state its value gets it appended: "Target trough" → "Target trough 80 ng/mL".
  const withValue = (r: Reference) =>
    r.label.includes(formatNumber(r.value)) ? r.label : `${r.label} ${formatNumber(r.value)} ${concUnit}`;
  const labelled = referenceLines.map((r) => ({ value: r.value, label: withValue(r) }));
  // The LLOQ is labelled at the right, where a profile's tail nears it and samples turn BLQ; other
  // references (a target trough, a threshold) mid-axis, where the profiles are usually well above them.
  const references = [
    ...(lloq !== undefined
      ? [{ value: lloq, label: `LLOQ ${formatNumber(lloq)} ${concUnit}`, at: "right" as const }]
      : []),
    ...labelled.map((r) => ({ ...r, at: "middle" as const })),
  ];
  const parts = { rows, names, timeUnit, concUnit, references, doses };
  const describe = (axis: string, dropped: number) =>
    `Concentration–time chart on ${axis} of ${listText(names)}: time ${rangeText(
      rows.map((r) => r.time),
      timeUnit,
    )}, ` +
    `concentration ${rangeText(
      rows.map((r) => r.conc),
      concUnit,
    )}.` +
    (lloq !== undefined ? ` Dashed line: LLOQ ${formatNumber(lloq)} ${concUnit}.` : "") +
    (labelled.length > 0
      ? ` Dashed ${labelled.length === 1 ? "line" : "lines"}: ${listText(labelled.map((r) => r.label))}.`
      : "") +
    (doses.length > 0 ? ` ${countText(doses.length, "dose")} marked.` : "") +
    (dropped > 0 ? ` ${countText(dropped, "value")} ≤ 0 not shown on the log axis.` : "");
  const dropped = rows.filter((r) => r.conc <= 0).length;

  if (scale === "both") {
    return sideBySide({ text: title, subtitle }, describe("linear and semi-log axes side by side", dropped), [
      view(parts, "linear", "Linear scale"),
      view(parts, "log", "Semi-log scale"),
    ]);
  }
  const v = view(parts, scale, undefined);
  return layeredChart(
    { text: title, subtitle },
    describe(scale === "log" ? "a semi-log axis" : "a linear axis", scale === "log" ? dropped : 0),
    v.layer as ChartLayer[],
  );
}

/** A reference concentration or a dose mark as drawn: numbers in the axis unit. */
interface Reference {
  value: number;
  label: string;
}
interface DoseMark {
  time: number;
  label: string;
}

function readDoses(value: unknown, timeAxis: ChartAxis): DoseMark[] {
  return optionalList(FN, "doses", value, "{ time, label? }").map((dose, i) => ({
    time: timeAxis.scalar(`doses[${i}].time`, dose.time, finiteNumber),
    label: optionalLabel(FN, `doses[${i}].label`, dose.label) ?? "Dose",
  }));
}

function readReferenceLines(value: unknown, concAxis: ChartAxis): Reference[] {
  return optionalList(FN, "referenceLines", value, "{ value, label }").map((line, i) => ({
    value: concAxis.scalar(`referenceLines[${i}].value`, line.value, positiveNumber),
    label: label(FN, `referenceLines[${i}].label`, line.label),
  }));
}

interface ViewParts {
  rows: { profile: string; time: number; conc: number }[];
  names: string[];
  timeUnit: string;
  concUnit: string;
  /** LLOQ and other reference concentrations, each drawn as a labelled dashed line. */
  references: (Reference & { at: "right" | "middle" })[];
  doses: DoseMark[];
}

function view(parts: ViewParts, scale: "linear" | "log", viewTitle: string | undefined): LayeredView {
  const { rows, names, timeUnit, concUnit, references, doses } = parts;
  const log = scale === "log";
  const values = log ? rows.filter((r) => r.conc > 0) : rows;
  const y = {
    field: "conc",
    type: "quantitative" as const,
    title: axisTitle(log ? "Concentration, log scale" : "Concentration", concUnit),
    scale: log ? { type: "log" as const } : { zero: true },
  };
  const layers: ChartLayer[] = [
    seriesLayer(values, names, "Profile", {
      field: "profile",
      mark: { type: "line", point: true },
      x: { field: "time", type: "quantitative", title: axisTitle("Time", timeUnit) },
      y,
      tooltip: [
        { field: "time", type: "quantitative", title: axisTitle("Time", timeUnit) },
        { field: "conc", type: "quantitative", title: axisTitle("Concentration", concUnit) },
      ],
    }),
  ];
  if (references.length > 0) {
    const referenceRows = references.map((r) => ({
      conc: r.value,
      label: r.label,
      x: r.at === "right" ? chartSize.width : chartSize.width / 2,
      align: r.at === "right" ? "right" : "center",
    }));
    layers.push(
      {
        data: { values: referenceRows },
        mark: { type: "rule", strokeDash: [6, 4], color: referenceColor },
        encoding: { y: { field: "conc", type: "quantitative", title: y.title } },
      },
      {
        data: { values: referenceRows },
        mark: {
          type: "text",
          align: { expr: "datum.align" },
          baseline: "bottom",
          dy: -3,
          color: referenceColor,
          fontSize: 11,
        },
        encoding: {
          x: { field: "x", type: "quantitative", scale: null },
          y: { field: "conc", type: "quantitative", title: y.title },
          text: { field: "label", type: "nominal" },
        },
      },
    );
  }
  if (doses.length > 0) {
    const doseRows = doses.map((d) => ({ time: d.time, label: d.label ?? "Dose" }));
    layers.push(
      {
        data: { values: doseRows },
        mark: { type: "rule", strokeDash: [2, 3], color: referenceColor },
        encoding: { x: { field: "time", type: "quantitative" } },
      },
      // The label sits just above the plot frame, where no data point can be: inside it, the
      // first samples after a dose (a peak near the top of the axis) would lie under the text.
      {
        data: { values: doseRows },
        mark: { type: "text", align: "left", baseline: "bottom", dy: -4, color: referenceColor, fontSize: 11 },
        encoding: {
          x: { field: "time", type: "quantitative" },
          y: { value: 0 },
          text: { field: "label", type: "nominal" },
        },
      },
    );
  }
  return {
    ...(viewTitle ? { title: viewTitle } : {}),
    width: chartSize.width,
    height: chartSize.height,
    layer: layers,
  };
}
