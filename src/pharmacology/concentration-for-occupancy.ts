import { InputError } from "../core/errors";
import { math, quantity, type QuantityInput, type Unit } from "../core/units";
import { fraction } from "../core/validate";

/**
 * The unbound concentration that gives a target occupancy — the inverse of
 * receptorOccupancy: C_u = K_d · ρ / (1 − ρ). 50 % needs K_d, 80 % needs 4·K_d, 90 % 9·K_d.
 *
 * @param targetOccupancy ρ, a fraction in [0, 1) (full occupancy needs an infinite concentration)
 * @param kd dissociation constant [any molar unit], greater than zero
 * @returns the unbound concentration, a Unit in the units of `kd`
 * @throws {InputError} when targetOccupancy is outside [0, 1) or kd is not a positive molar concentration
 * @example concentrationForOccupancy(0.8, "5 nM").toNumber("nM") // => 20
 * @see 001_079d5926d130f870.txt, "The Strategic Value in Early Decision-Making"
 */
export function concentrationForOccupancy(targetOccupancy: number, kd: QuantityInput): Unit {
  const fn = "concentrationForOccupancy";
  const rho = fraction(fn, "targetOccupancy", targetOccupancy);
  if (rho === 1)
    throw new InputError(
      fn,
      "targetOccupancy",
      "must be less than 1 (full occupancy needs an infinite concentration)",
      rho,
    );
  const k = quantity(fn, "kd", kd, "molarConcentration", { allowZero: false });
  return math.multiply(k, rho / (1 - rho)) as Unit;
}
