import { magnitude, type QuantityInput } from "../core/units";

/**
 * Receptor occupancy for reversible 1:1 binding at equilibrium: ρ = C_u / (C_u + K_d).
 * K_d is the unbound concentration that occupies half the receptors. When C_u << K_d the
 * curve is linear, ρ ≈ C_u / K_d — which is why a microdose engages almost no target.
 *
 * @param cu unbound concentration at the target [any molar unit, e.g. "10 nM"]
 * @param kd dissociation constant [any molar unit], greater than zero
 * @returns fraction of receptors occupied, a plain number in [0, 1)
 * @throws {InputError} when either value is not a molar concentration, cu is negative, or kd is not positive
 * @example receptorOccupancy("10 nM", "5 nM") // => 0.6667 (therapeutic peak: 67 %)
 * @example receptorOccupancy("0.005 nM", "5 nM") // => 0.0009990 (microdose peak: 0.1 %)
 * @see 001_079d5926d130f870.txt, "The Pharmacokinetic-Pharmacodynamic Disconnect"
 */
export function receptorOccupancy(cu: QuantityInput, kd: QuantityInput): number {
  const c = magnitude("receptorOccupancy", "cu", cu, "molarConcentration", "nM");
  const k = magnitude("receptorOccupancy", "kd", kd, "molarConcentration", "nM", { allowZero: false });
  return c / (c + k);
}
