import { InputError } from "../core/errors";
import { unit, type QuantityInput, type Unit } from "../core/units";
import { positiveNumber } from "../core/validate";

/**
 * Fold error between a prediction and an observation: max(P/O, O/P) >= 1, the same for
 * an over- and an under-prediction of the same size (symmetric on the log scale). A
 * microdose "predicts" therapeutic PK when the fold error is at most 2.
 *
 * @param predicted predicted value (> 0): a plain number or a Unit
 * @param observed observed value (> 0), the same kind as `predicted` (numbers with numbers, Units of the same dimension)
 * @returns the fold error, a plain number >= 1
 * @throws {InputError} when a value is not positive, or the two are of different kinds or dimensions
 * @example foldError(50, 100) // => 2
 * @example foldError("3 L/h", "2 L/h") // => 1.5
 * @see 001_079d5926d130f870.txt, "Dose-Proportionality and Extrapolation"
 */
export function foldError(predicted: number | QuantityInput, observed: number | QuantityInput): number {
  const fn = "foldError";
  let ratio: number;
  if (typeof predicted === "number" && typeof observed === "number") {
    ratio = positiveNumber(fn, "predicted", predicted) / positiveNumber(fn, "observed", observed);
  } else {
    if (typeof predicted === "number" || typeof observed === "number") {
      throw new InputError(
        fn,
        typeof predicted === "number" ? "predicted" : "observed",
        "must have a unit because the other value has one",
        typeof predicted === "number" ? predicted : observed,
      );
    }
    const p = parse(fn, "predicted", predicted);
    const o = parse(fn, "observed", observed);
    if (!p.equalBase(o))
      throw new InputError(
        fn,
        "observed",
        `must have the same dimension as predicted (${p.formatUnits()})`,
        String(observed),
      );
    // mathjs keeps every Unit's value in SI base units, so the ratio of values is unit-free.
    const pv = p.value ?? NaN;
    const ov = o.value ?? NaN;
    if (!(pv > 0)) throw new InputError(fn, "predicted", "must be greater than 0", String(predicted));
    if (!(ov > 0)) throw new InputError(fn, "observed", "must be greater than 0", String(observed));
    ratio = pv / ov;
  }
  return ratio >= 1 ? ratio : 1 / ratio;
}

function parse(fn: string, arg: string, v: QuantityInput): Unit {
  try {
    return unit(v);
  } catch {
    throw new InputError(fn, arg, "must be a positive number or a quantity with a unit", v);
  }
}
