import { InputError } from "../core/errors";
import { finiteNumber } from "../core/validate";

const MINUS_ONE_OVER_E = -Math.exp(-1);

/**
 * Principal branch W0 of the Lambert W function: the w >= −1 with w·e^w = x.
 * It gives the Michaelis–Menten closed form (michaelisMentenConcentration).
 * Method: a starting value (branch-point series near −1/e, Winitzki's approximation
 * elsewhere), then Halley iterations on w·e^w − x, which converge cubically; for
 * x > 1e300 (where w·e^w would overflow in the iteration) the equivalent w + ln w = ln x is
 * solved instead. Accurate to a few ulp (~1e-15 relative) on [−1/e, ∞).
 * @param x real argument, x >= −1/e (x = Infinity is rejected: it is not finite)
 * @returns W0(x), >= −1
 * @throws {InputError} when x is not a finite number or is below −1/e
 * @example lambertW0(1) // => 0.5671432904097838 (the omega constant)
 * @example lambertW0(Math.E) // => 1
 */
export function lambertW0(x: number): number {
  finiteNumber("lambertW0", "x", x);
  if (x < MINUS_ONE_OVER_E) throw new InputError("lambertW0", "x", `must be at least −1/e (${MINUS_ONE_OVER_E})`, x);
  return lambertW0Unchecked(x);
}

/** W0 without validation (internal). */
export function lambertW0Unchecked(x: number): number {
  if (x === 0) return 0;
  if (x > 1e300) return lambertW0OfExp(Math.log(x));
  const p2 = 2 * (Math.E * x + 1);
  if (p2 < 1e-4) {
    // Series about the branch point in p = sqrt(2(e·x + 1)); for p < 0.01 the truncation
    // error (~p^8/100) is below 1e-18, and Halley would be ill-conditioned (the derivative → 0).
    const p = Math.sqrt(Math.max(p2, 0));
    return (
      -1 +
      p *
        (1 +
          p *
            (-1 / 3 +
              p * (11 / 72 + p * (-43 / 540 + p * (769 / 17280 + p * (-221 / 8505 + p * (680863 / 43545600)))))))
    );
  }
  let w: number;
  if (x < -0.25) {
    const p = Math.sqrt(p2);
    w = -1 + p * (1 + p * (-1 / 3 + p * (11 / 72)));
  } else {
    w = winitzki(x);
  }
  for (let i = 0; i < 20; i++) {
    const ew = Math.exp(w);
    const f = w * ew - x;
    const wp1 = w + 1;
    const step = f / (ew * wp1 - ((w + 2) * f) / (2 * wp1));
    w -= step;
    if (Math.abs(step) <= 4e-16 * Math.abs(w) || f === 0) break;
  }
  return w;
}

/** Winitzki's uniform approximation of W0(x) for x >= −1/4 (~2 % relative error). */
function winitzki(x: number): number {
  const l = Math.log1p(x);
  return l * (1 - Math.log1p(l) / (2 + l));
}

/**
 * W0(e^a) — the solution of w + ln w = a — without forming e^a, so it neither overflows for
 * large a nor loses relative accuracy for very negative a (internal; used where the argument
 * of W is an exponential, as in the Michaelis–Menten solution). Newton–Halley on
 * f(w) = w + ln w − a, started from the asymptotic series a − ln a + ln a / a for large a and
 * from Winitzki's approximation otherwise.
 */
export function lambertW0OfExp(a: number): number {
  if (a === Infinity) return Infinity;
  if (a < -745) return 0; // e^a underflows: W0(e^a) = e^a(1 − e^a + …) is below the smallest double.
  let w: number;
  if (a > 30) {
    const la = Math.log(a);
    w = a - la + la / a;
  } else if (a < -30) {
    w = Math.exp(a);
  } else {
    w = winitzki(Math.exp(a));
  }
  for (let i = 0; i < 20; i++) {
    const f = w + Math.log(w) - a;
    // Halley with f' = (w + 1)/w and f'' = −1/w², multiplied through by w so nothing overflows:
    // step = (f·w/(w + 1)) / (1 + f/(2(w + 1)²)). (Written with 1/w² it overflowed once w < 1e-154,
    // and the guard below then halved w: C was 1.3 % low in deep Michaelis–Menten tails.)
    const wp1 = w + 1;
    const step = (f * w) / wp1 / (1 + f / (2 * wp1 * wp1));
    const next = w - step;
    // Halley keeps w > 0 from these starting values; guard anyway (w is a concentration ratio).
    w = next > 0 ? next : w / 2;
    if (Math.abs(step) <= 4e-16 * w || f === 0) break;
  }
  return w;
}
