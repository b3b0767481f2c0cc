/**
 * Terminal-phase regression: ordinary least squares of ln C on t over a set of points,
 * λz = −slope. Internal: callers pass positive concentrations at strictly increasing times.
 * @see 001_079d5926d130f870.txt, "Microdosing for Basic Pharmacokinetics"
 */

/** One terminal regression. */
export interface LambdaZFit {
  /** −slope of ln C against t [1/h]. */
  readonly lambdaZ: number;
  /** Intercept of ln C at t = 0. */
  readonly intercept: number;
  readonly r2: number;
  /** 1 − (1 − R²)(n − 1)/(n − 2); null for n = 2. */
  readonly r2Adj: number | null;
  /** Pearson correlation of t and ln C. */
  readonly corrXY: number;
  readonly points: number;
  /** Indices (into the arrays passed) of the first and last point used. */
  readonly first: number;
  readonly last: number;
}

/**
 * Fit ln C = a − λz t over the given points of (time, conc) (indices increasing). Sums are
 * accumulated about the last point (shifted x and y) so that R² close to 1 keeps its digits.
 * Returns null when all the concentrations are equal (no defined R²).
 */
export function fitLogLinear(
  time: readonly number[],
  conc: readonly number[],
  indices: readonly number[],
): LambdaZFit | null {
  const last = indices[indices.length - 1];
  const acc = new RegressionSums(time[last], Math.log(conc[last]));
  for (let k = indices.length - 1; k >= 0; k--) acc.add(time[indices[k]], Math.log(conc[indices[k]]));
  return acc.fit(indices[0], last);
}

/** Running sums for adding points one at a time, from the last backwards. */
export class RegressionSums {
  private n = 0;
  private sx = 0;
  private sy = 0;
  private sxx = 0;
  private sxy = 0;
  private syy = 0;
  constructor(
    private readonly x0: number,
    private readonly y0: number,
  ) {}

  add(x: number, y: number): void {
    const dx = x - this.x0;
    const dy = y - this.y0;
    this.n++;
    this.sx += dx;
    this.sy += dy;
    this.sxx += dx * dx;
    this.sxy += dx * dy;
    this.syy += dy * dy;
  }

  fit(first: number, last: number): LambdaZFit | null {
    const n = this.n;
    const sxx = this.sxx - (this.sx * this.sx) / n;
    const sxy = this.sxy - (this.sx * this.sy) / n;
    const syy = this.syy - (this.sy * this.sy) / n;
    if (!(sxx > 0) || !(syy > 0)) return null;
    const slope = sxy / sxx;
    const r2 = Math.min(1, (sxy * sxy) / (sxx * syy));
    const meanX = this.sx / n + this.x0;
    const meanY = this.sy / n + this.y0;
    return {
      lambdaZ: -slope,
      intercept: meanY - slope * meanX,
      r2,
      r2Adj: n > 2 ? 1 - ((1 - r2) * (n - 1)) / (n - 2) : null,
      corrXY: sxy / Math.sqrt(sxx * syy),
      points: n,
      first,
      last,
    };
  }
}

/**
 * Smallest fitted decline of ln C over a window, λz·(t_last − t_first), that counts as declining.
 * Concentrations that are equal but for rounding (0.011 and 0.011000000000000001) give a slope
 * of ±1e-17 whose sign is noise: multiplying the profile by 197 turned "no λz" into λz = 5.6e-18
 * (t½ 1.2e17 h, AUCinf 3.9e17; found by `npm run test:fuzz`). Rounding moves ln C by at most
 * ~1e-13 anywhere in the double range, and no measured decline is anywhere near 1e-12.
 */
export const MIN_TERMINAL_DECLINE = 1e-12;

/** True when the fit declines beyond rounding over its window (λz > 0 in every sense that matters). */
export function isDeclining(fit: LambdaZFit, time: readonly number[]): boolean {
  return fit.lambdaZ * (time[fit.last] - time[fit.first]) > MIN_TERMINAL_DECLINE;
}

/**
 * The best-fit rule of Phoenix WinNonlin and PKNCA. Candidates are the last n of the
 * eligible points (n = minPoints … all). Among fits with λz > 0 (a decline beyond rounding:
 * MIN_TERMINAL_DECLINE), take the largest adjusted R²; among fits whose adjusted R² is within
 * `tolerance` of it, take the one with the most points. Returns the fit, or a reason why there is none.
 * @param eligible indices into (time, conc) of the eligible points, increasing, all conc > 0
 * @param phase words for the reason, e.g. "after tmax"
 */
export function bestFitLambdaZ(
  time: readonly number[],
  conc: readonly number[],
  eligible: readonly number[],
  minPoints: number,
  tolerance: number,
  phase: string,
): { fit: LambdaZFit } | { reason: string } {
  const m = eligible.length;
  if (m < minPoints) return { reason: `fewer than ${minPoints} measurable points ${phase} (${m} available)` };
  const last = eligible[m - 1];
  const sums = new RegressionSums(time[last], Math.log(conc[last]));
  const fits: LambdaZFit[] = [];
  for (let k = m - 1; k >= 0; k--) {
    const i = eligible[k];
    sums.add(time[i], Math.log(conc[i]));
    if (m - k < minPoints) continue;
    const fit = sums.fit(i, last);
    if (fit && isDeclining(fit, time) && fit.r2Adj !== null) fits.push(fit);
  }
  if (fits.length === 0)
    return { reason: `no terminal window of ${minPoints} or more points has a declining log-linear slope (λz > 0)` };
  let best = -Infinity;
  for (const f of fits) best = Math.max(best, f.r2Adj as number);
  let chosen: LambdaZFit | null = null;
  for (const f of fits)
    if ((f.r2Adj as number) >= best - tolerance && (chosen === null || f.points > chosen.points)) chosen = f;
  return { fit: chosen as LambdaZFit };
}
