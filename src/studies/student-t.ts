import { InputError } from "../core/errors";
import { math } from "../core/units";
import { finiteNumber, fraction, positiveNumber } from "../core/validate";

/**
 * Student's t distribution: the CDF through the regularized incomplete beta function and
 * the quantile by safeguarded Newton iteration. mathjs has no t quantile, so it lives here;
 * it is checked against closed forms (df = 1, 2) and tabulated values in the tests.
 */

/**
 * Regularized incomplete beta I_x(a, b) by the continued fraction of Numerical Recipes
 * (modified Lentz), using the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) where it converges faster.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/**
 * CDF of Student's t with `df` degrees of freedom: P(T <= t).
 * @param t any finite value
 * @param df degrees of freedom, > 0 (need not be an integer)
 * @throws {InputError} when t is not finite or df is not positive
 * @example studentTCdf(0, 5) // => 0.5
 */
export function studentTCdf(t: number, df: number): number {
  finiteNumber("studentTCdf", "t", t);
  positiveNumber("studentTCdf", "df", df);
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

function studentTPdf(t: number, df: number): number {
  const lnC = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(lnC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * Quantile (inverse CDF) of Student's t: the t with P(T <= t) = p. Used for confidence
 * intervals, e.g. a two-sided 90 % interval uses p = 0.95.
 * Newton steps on the CDF, kept inside a shrinking bisection bracket so it cannot diverge.
 *
 * @param p probability in (0, 1)
 * @param df degrees of freedom, > 0
 * @returns the quantile t_p,df
 * @throws {InputError} when p is outside (0, 1) or df is not positive
 * @example studentTQuantile(0.95, 10) // => 1.812461
 * @example studentTQuantile(0.975, 1) // => 12.7062 (tan(π·0.475), the Cauchy quantile)
 */
export function studentTQuantile(p: number, df: number): number {
  fraction("studentTQuantile", "p", p, { open: true });
  positiveNumber("studentTQuantile", "df", df);
  if (p === 0.5) return 0;
  // Symmetry: solve in the upper half for accuracy.
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi))
      throw new InputError("studentTQuantile", "p", "is too close to 1 for a finite quantile", p);
  }
  let t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const f = studentTCdf(t, df) - p;
    if (f > 0) hi = t;
    else lo = t;
    const step = f / studentTPdf(t, df);
    let next = t - step;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-14 * Math.max(1, Math.abs(t))) return next;
    t = next;
  }
  return t;
}
