import type { Random } from "../core";
import { quantityArg, seriesArg } from "./probe-args";
import type { JsonValue } from "./types";

/**
 * Seeded argument generators for function exercises: the hidden checks compare a student's
 * function with the reference on these inputs, and public properties sample them with a
 * public seed. Values are rounded to 4 significant figures so they read like lab data and
 * survive JSON exactly.
 */

/** Round to 4 significant figures. */
export function sig4(x: number): number {
  return Number(x.toPrecision(4));
}

/**
 * A quantity argument (probe-args.ts) of `value` [unitName] or, with equal chance, the same
 * quantity restated in one of `alternatives` (unit name → factor from unitName), at 4
 * significant figures: the hidden cases then tell a function that reads its arguments' units
 * from one that assumes them.
 */
export function quantityOf(
  rng: Random,
  value: number,
  unitName: string,
  alternatives: Readonly<Record<string, number>> = {},
): JsonValue {
  const [name, factor] = pickUnit(rng, unitName, alternatives);
  return quantityArg(sig4(value * factor), name);
}

/**
 * A series argument (probe-args.ts) of `values` [unitName] or, with equal chance, the same
 * values restated in one of `alternatives` (unit name → factor from unitName), at 4
 * significant figures.
 */
export function seriesOf(
  rng: Random,
  values: readonly number[],
  unitName: string,
  alternatives: Readonly<Record<string, number>> = {},
): JsonValue {
  const [name, factor] = pickUnit(rng, unitName, alternatives);
  return seriesArg(
    values.map((v) => sig4(v * factor)),
    name,
  );
}

/** The stated unit or one of the alternatives, with equal chance; no draw when there is no choice. */
function pickUnit(rng: Random, unitName: string, alternatives: Readonly<Record<string, number>>): [string, number] {
  const options: Array<[string, number]> = [[unitName, 1], ...Object.entries(alternatives)];
  if (options.length === 1) return options[0];
  return options[Math.min(options.length - 1, Math.floor(rng.uniform() * options.length))];
}

/** Log-uniform on [lo, hi]. */
export function logUniform(rng: Random, lo: number, hi: number): number {
  return lo * Math.exp(rng.uniform() * Math.log(hi / lo));
}

/** Uniform on [lo, hi]. */
export function uniformIn(rng: Random, lo: number, hi: number): number {
  return lo + rng.uniform() * (hi - lo);
}

/** A typical sampling schedule [h] with n points after zero, spanning about 4 half-lives or more. */
export function samplingTimes(rng: Random, halfLifeH: number, n: number, includeZero: boolean): number[] {
  const end = halfLifeH * uniformIn(rng, 4, 7);
  const first = Math.min(0.25, end / (4 * n));
  const times = new Set<number>();
  for (let i = 0; i < n; i++) times.add(sig4(first * Math.pow(end / first, i / (n - 1))));
  const sorted = [...times].sort((a, b) => a - b);
  return includeZero ? [0, ...sorted] : sorted;
}

export interface ProfileSample {
  time: number[];
  conc: number[];
  halfLifeH: number;
}

/**
 * An extravascular concentration–time profile (one compartment, first-order absorption)
 * with 10 % log-normal noise, rounded to 4 figures; predose sample 0 at t = 0 when asked.
 * @param scale typical Cmax in the caller's concentration unit
 */
export function oralProfile(
  rng: Random,
  scale: number,
  opts: { includeZero?: boolean; n?: number } = {},
): ProfileSample {
  const halfLifeH = logUniform(rng, 2, 24);
  const k = Math.LN2 / halfLifeH;
  const ka = k * uniformIn(rng, 3, 12);
  const n = opts.n ?? rng.integer(7, 12);
  const time = samplingTimes(rng, halfLifeH, n, opts.includeZero ?? true);
  const tmax = Math.log(ka / k) / (ka - k);
  const peak = Math.exp(-k * tmax) - Math.exp(-ka * tmax);
  const amplitude = scale * logUniform(rng, 0.3, 3);
  const conc = time.map((t) =>
    t === 0 ? 0 : sig4(((amplitude * (Math.exp(-k * t) - Math.exp(-ka * t))) / peak) * Math.exp(0.1 * rng.normal())),
  );
  return { time, conc, halfLifeH };
}

/** A declining (IV bolus) profile without a zero time, 5 % noise. */
export function ivProfile(rng: Random, scale: number): ProfileSample {
  const halfLifeH = logUniform(rng, 1, 30);
  const k = Math.LN2 / halfLifeH;
  const time = samplingTimes(rng, halfLifeH, rng.integer(6, 10), false);
  const c0 = scale * logUniform(rng, 0.3, 3);
  return { time, conc: time.map((t) => sig4(c0 * Math.exp(-k * t) * Math.exp(0.05 * rng.normal()))), halfLifeH };
}

/** A vector of n positive values, log-normally scattered around a median. */
export function positiveVector(rng: Random, n: number, median: number, omega: number): number[] {
  return Array.from({ length: n }, () => sig4(rng.logNormal(median, omega)));
}
