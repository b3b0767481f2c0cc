import { label, nonEmptyList, pairedArrays, uniqueNames } from "./validateInputs";

/** A validated named series flattened to rows { series, x, y } for vega-lite's inline data. */
export interface SeriesRow {
  series: string;
  x: number;
  y: number;
}

/**
 * Reads `[{ name, [xKey]: number[], [yKey]: number[] }, ...]`, validating every series
 * (non-empty unique names, paired finite arrays) and flattening them to rows.
 */
export function readSeries(
  fn: string,
  arg: string,
  value: unknown,
  xKey: string,
  yKey: string,
): { rows: SeriesRow[]; names: string[] } {
  const list = nonEmptyList(fn, arg, value);
  const names: string[] = [];
  const rows: SeriesRow[] = [];
  list.forEach((s, i) => {
    const name = label(fn, `${arg}[${i}].name`, s.name);
    const { x, y } = pairedArrays(fn, `${arg}[${i}].${xKey}`, s[xKey], `${arg}[${i}].${yKey}`, s[yKey]);
    names.push(name);
    x.forEach((xi, j) => rows.push({ series: name, x: xi, y: y[j] }));
  });
  uniqueNames(fn, arg, names);
  return { rows, names };
}

/** `count` points spaced evenly on a log axis from `min` to `max` (both > 0). */
export function logSpaced(min: number, max: number, count: number): number[] {
  if (min === max) return [min];
  const a = Math.log(min);
  const step = (Math.log(max) - a) / (count - 1);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? max : Math.exp(a + i * step)));
}
