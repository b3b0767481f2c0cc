import type { AucMethod } from "./types";

/**
 * The integration rules between two samples. Internal: callers have validated the inputs
 * (t1 < t2, concentrations ≥ 0).
 *
 * Linear trapezoid:      AUC = Δt (C1 + C2)/2,          AUMC = Δt (t1C1 + t2C2)/2
 * Log trapezoid (C1 > C2 > 0), with k = ln(C1/C2)/Δt:
 *                        AUC = (C1 − C2)/k,              AUMC = (t1C1 − t2C2)/k + (C1 − C2)/k²
 *                        (AUMC evaluated in a form that stays accurate as C2 → C1)
 * The log rule is exact for C(t) = C1·e^(−k(t − t1)).
 */

/** True when the segment (c1 → c2) is integrated log-linearly under `method`. */
export function isLogSegment(method: AucMethod, c1: number, c2: number): boolean {
  return method === "linear-up-log-down" && c2 > 0 && c2 < c1;
}

/** ln(c1/c2) for c1 > c2 > 0, accurate when the ratio is close to 1. */
function logRatio(c1: number, c2: number): number {
  return Math.log1p((c1 - c2) / c2);
}

/** Area under C(t) over [t1, t2]. */
export function segmentAuc(method: AucMethod, t1: number, c1: number, t2: number, c2: number): number {
  const dt = t2 - t1;
  if (isLogSegment(method, c1, c2)) return (dt * (c1 - c2)) / logRatio(c1, c2);
  return (dt * (c1 + c2)) / 2;
}

/**
 * Area under t·C(t) over [t1, t2]. On a log segment it is written as
 * t1·AUC + C1·Δt²·g(x) with x = ln(C1/C2) and g(x) = (1 − e^(−x)(1 + x))/x², which equals
 * the textbook (t1C1 − t2C2)/k + (C1 − C2)/k² but does not cancel catastrophically when
 * C1 ≈ C2 (k → 0).
 */
export function segmentAumc(method: AucMethod, t1: number, c1: number, t2: number, c2: number): number {
  const dt = t2 - t1;
  if (isLogSegment(method, c1, c2)) {
    const x = logRatio(c1, c2);
    return t1 * segmentAuc(method, t1, c1, t2, c2) + c1 * dt * dt * firstMomentFactor(x);
  }
  return (dt * (t1 * c1 + t2 * c2)) / 2;
}

/** g(x) = (1 − e^(−x)(1 + x))/x² = Σ_{m≥2} (−1)^m (m − 1)/m! · x^(m−2); series below 0.01. */
function firstMomentFactor(x: number): number {
  if (x >= 0.01) return (-Math.expm1(-x) - x * Math.exp(-x)) / (x * x);
  let term = 1; // (−x)^(m−2)
  let factorial = 2;
  let sum = 0;
  for (let m = 2; m < 12; m++) {
    if (m > 2) factorial *= m;
    sum += ((m - 1) * term) / factorial;
    term *= -x;
  }
  return sum;
}

/**
 * Concentration at t inside the segment [t1, t2], interpolated the way the segment is
 * integrated (log-linear on a log segment, else linear), so that splitting a segment at an
 * interpolated point leaves its area unchanged.
 */
export function interpolate(method: AucMethod, t1: number, c1: number, t2: number, c2: number, t: number): number {
  if (t <= t1) return c1;
  if (t >= t2) return c2;
  const f = (t - t1) / (t2 - t1);
  if (isLogSegment(method, c1, c2)) return c1 * Math.exp(-f * logRatio(c1, c2));
  return c1 + f * (c2 - c1);
}

/** Sum of segment areas of (time, conc) from index 0 to index `last` (inclusive). */
export function areaTo(
  method: AucMethod,
  time: readonly number[],
  conc: readonly number[],
  last: number,
  moment: boolean,
): number {
  let total = 0;
  const rule = moment ? segmentAumc : segmentAuc;
  for (let i = 0; i < last; i++) total += rule(method, time[i], conc[i], time[i + 1], conc[i + 1]);
  return total;
}

/**
 * Area under C(t) over [start, end] for a profile starting at the dose time, interpolating
 * inside the samples and, beyond the last sample, extrapolating C(t) = Clast·e^(−λz(t − tlast)).
 * Returns null when extrapolation is needed but `lambdaZ` is null.
 */
export function areaBetween(
  method: AucMethod,
  time: readonly number[],
  conc: readonly number[],
  start: number,
  end: number,
  lambdaZ: number | null,
): number | null {
  const n = time.length;
  let total = 0;
  for (let i = 0; i + 1 < n; i++) {
    const t1 = time[i];
    const t2 = time[i + 1];
    const a = Math.max(start, t1);
    const b = Math.min(end, t2);
    if (b <= a) continue;
    const ca = interpolate(method, t1, conc[i], t2, conc[i + 1], a);
    const cb = interpolate(method, t1, conc[i], t2, conc[i + 1], b);
    // Sub-segments of a log segment are log segments of the same exponential.
    total +=
      isLogSegment(method, conc[i], conc[i + 1]) && cb < ca
        ? segmentAuc(method, a, ca, b, cb)
        : ((b - a) * (ca + cb)) / 2;
  }
  const tEnd = time[n - 1];
  if (end > tEnd) {
    const cEnd = conc[n - 1];
    if (cEnd === 0) return total;
    if (lambdaZ === null) return null;
    const a = Math.max(start, tEnd);
    total += (cEnd / lambdaZ) * (Math.exp(-lambdaZ * (a - tEnd)) - Math.exp(-lambdaZ * (end - tEnd)));
  }
  return total;
}
