import { InputError } from "../core/errors";
import { concentration, math, type QuantityInput, type Unit } from "../core/units";
import { fraction } from "../core/validate";

/**
 * Unbound (free) concentration from a total plasma concentration: C_u = f_u · C_total.
 * Only unbound drug reaches and binds the target, so occupancy is computed from C_u.
 *
 * @param total total plasma concentration [mass or molar concentration]
 * @param fu fraction unbound in plasma, in (0, 1]
 * @returns the unbound concentration, a Unit in the same units as `total`
 * @throws {InputError} when total is not a non-negative concentration or fu is outside (0, 1]
 * @example unboundConcentration("100 nM", 0.1).toString() // => "10 nM"
 * @see 001_079d5926d130f870.txt, "The Pharmacokinetic-Pharmacodynamic Disconnect"
 */
export function unboundConcentration(total: QuantityInput, fu: number): Unit {
  const { q } = concentration("unboundConcentration", "total", total);
  fraction("unboundConcentration", "fu", fu);
  if (fu === 0)
    throw new InputError(
      "unboundConcentration",
      "fu",
      "must be greater than 0 (a drug with no free fraction never reaches its target)",
      fu,
    );
  return math.multiply(q, fu) as Unit;
}
