import { rateConstantPerHour } from "./rate-constant";
import { math, type QuantityInput, type Unit } from "../core/units";

/**
 * Terminal half-life from the terminal rate constant: t½ = ln 2 / λz.
 *
 * @param lambdaZ terminal elimination rate constant [1/time, e.g. "0.1733 h^-1" or "0.1733 / h"], > 0
 * @returns t½ as a time Unit in h
 * @throws {InputError} when lambdaZ is not a positive first-order rate constant
 * @example halfLifeFromLambdaZ("0.1733 h^-1").toNumber("h") // => 4.000
 * @see 001_079d5926d130f870.txt, "Microdosing for Basic Pharmacokinetics"
 */
export function halfLifeFromLambdaZ(lambdaZ: QuantityInput): Unit {
  const k = rateConstantPerHour("halfLifeFromLambdaZ", "lambdaZ", lambdaZ, { allowZero: false });
  return math.unit(Math.LN2 / k, "h");
}
