/**
 * Helpers that turn plotted data into the words of an accessible description. Numbers
 * are printed with three significant digits so descriptions are stable and readable.
 */

/**
 * A number with at most three significant digits, without trailing zeros.
 * @example formatNumber(0.012345) // => "0.0123"
 */
export function formatNumber(value: number): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) return value.toExponential(2).replace(/\.?0+e/, "e");
  return String(Number(value.toPrecision(3)));
}

/** "0–24 h": the span of the values with their unit. */
export function rangeText(values: readonly number[], unit: string): string {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = min === max ? formatNumber(min) : `${formatNumber(min)}–${formatNumber(max)}`;
  return unit === "%" ? `${span} %` : `${span} ${unit}`;
}

/** "A, B and C". */
export function listText(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** "3 profiles" / "1 profile". */
export function countText(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
