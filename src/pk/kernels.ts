/**
 * Unvalidated one-compartment building blocks shared by the public models. The public
 * functions validate once and then call these; superposition calls them many times.
 * Time `s` is measured from the dose; every kernel returns 0 before the dose.
 */

/**
 * g(d, s) = (1 − e^{−d·s}) / d, with g(0, s) = s. Computed with expm1 so it is accurate to
 * a few ulp for every d ≥ 0, including d → 0, where the naive difference of exponentials
 * loses all its digits.
 */
export function expDifferenceQuotient(d: number, s: number): number {
  return d === 0 ? s : -Math.expm1(-d * s) / d;
}

/**
 * (e^{−ke·s} − e^{−ka·s}) / (ka − ke) written as e^{−kmin·s} · g(|ka − ke|, s): both factors
 * positive, so there is no cancellation however close ka is to ke, and the ka = ke limit
 * s·e^{−k·s} falls out exactly.
 */
export function batemanShape(ka: number, ke: number, s: number): number {
  const kmin = Math.min(ka, ke);
  return Math.exp(-kmin * s) * expDifferenceQuotient(Math.abs(ka - ke), s);
}

export function bolusKernel(s: number, amount: number, volume: number, ke: number): number {
  return s < 0 ? 0 : (amount / volume) * Math.exp(-ke * s);
}

export function infusionKernel(s: number, amount: number, duration: number, volume: number, ke: number): number {
  if (s <= 0) return 0;
  const plateau = amount / duration / (volume * ke);
  if (s <= duration) return plateau * -Math.expm1(-ke * s);
  return plateau * -Math.expm1(-ke * duration) * Math.exp(-ke * (s - duration));
}

/** Bateman function; `s` is time since the dose, the lag is applied here. */
export function oralKernel(
  s: number,
  amount: number,
  f: number,
  ka: number,
  ke: number,
  volume: number,
  tlag: number,
): number {
  const u = s - tlag;
  if (u <= 0) return 0;
  return ((f * amount * ka) / volume) * batemanShape(ka, ke, u);
}
