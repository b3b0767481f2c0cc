import { InputError } from "./errors";

/**
 * Boundary validators. Each names the calling function and argument so the thrown
 * InputError reads as a lesson: what was wrong, where, and what was received.
 * They return the validated value so call sites stay one line.
 */

export function finiteNumber(fn: string, arg: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new InputError(fn, arg, "must be a finite number", value);
  return value;
}

export function positiveNumber(fn: string, arg: string, value: unknown): number {
  finiteNumber(fn, arg, value);
  if ((value as number) <= 0) throw new InputError(fn, arg, "must be greater than 0", value);
  return value as number;
}

export function nonNegativeNumber(fn: string, arg: string, value: unknown): number {
  finiteNumber(fn, arg, value);
  if ((value as number) < 0) throw new InputError(fn, arg, "must be 0 or greater", value);
  return value as number;
}

export function fraction(fn: string, arg: string, value: unknown, { open = false } = {}): number {
  finiteNumber(fn, arg, value);
  const v = value as number;
  if (open ? v <= 0 || v >= 1 : v < 0 || v > 1)
    throw new InputError(fn, arg, open ? "must be between 0 and 1 (exclusive)" : "must be between 0 and 1", value);
  return v;
}

export function integerAtLeast(fn: string, arg: string, value: unknown, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min)
    throw new InputError(fn, arg, `must be an integer >= ${min}`, value);
  return value;
}

export function numberArray(fn: string, arg: string, value: unknown, { minLength = 1 } = {}): readonly number[] {
  if (!Array.isArray(value) && !(value instanceof Float64Array))
    throw new InputError(fn, arg, "must be an array of numbers", value);
  const arr = value as ArrayLike<unknown>;
  if (arr.length < minLength)
    throw new InputError(
      fn,
      arg,
      minLength === 1 ? "must not be empty" : `must have at least ${minLength} values`,
      value,
    );
  for (let i = 0; i < arr.length; i++) {
    const x = arr[i];
    if (typeof x !== "number" || !Number.isFinite(x))
      throw new InputError(fn, arg, `must contain only finite numbers (index ${i} is ${String(x)})`, value);
  }
  return arr as readonly number[];
}

export function nonNegativeArray(
  fn: string,
  arg: string,
  value: unknown,
  opts?: { minLength?: number },
): readonly number[] {
  const arr = numberArray(fn, arg, value, opts);
  const i = arr.findIndex((x) => x < 0);
  if (i >= 0) throw new InputError(fn, arg, `must not contain negative values (index ${i} is ${arr[i]})`, value);
  return arr;
}

export function strictlyIncreasing(
  fn: string,
  arg: string,
  value: unknown,
  opts?: { minLength?: number },
): readonly number[] {
  const arr = numberArray(fn, arg, value, opts);
  for (let i = 1; i < arr.length; i++) {
    if (!(arr[i] > arr[i - 1]))
      throw new InputError(fn, arg, `must be strictly increasing (index ${i}: ${arr[i - 1]} then ${arr[i]})`, value);
  }
  return arr;
}

export function sameLength(fn: string, argA: string, a: ArrayLike<unknown>, argB: string, b: ArrayLike<unknown>): void {
  if (a.length !== b.length)
    throw new InputError(fn, `${argA} and ${argB}`, "must have the same length", `lengths ${a.length} and ${b.length}`);
}

export function oneOf<T extends string>(fn: string, arg: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !allowed.includes(value as T))
    throw new InputError(fn, arg, `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}`, value);
  return value as T;
}

export function plainObject(fn: string, arg: string, value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new InputError(fn, arg, "must be an options object", value);
  return value as Record<string, unknown>;
}
