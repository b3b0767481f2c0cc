import { magnitude } from "../core/units";

/**
 * A validated first-order rate constant as a number in 1/h (internal; shared by studies and
 * translation), e.g. "0.17 h^-1" or "0.17 / h".
 */
export function rateConstantPerHour(fn: string, arg: string, value: unknown, { allowZero = true } = {}): number {
  return magnitude(fn, arg, value, "rateConstant", "h^-1", { allowZero });
}
