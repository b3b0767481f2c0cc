import type { Answer, Tolerance } from "./types";

/**
 * Hidden-check comparison: |received − expected| ≤ abs + rel · |expected|; booleans must be
 * equal. A number never matches a boolean.
 * @example withinTolerance(100.05, 100, { rel: 1e-3 }) // => true
 */
export function withinTolerance(received: Answer, expected: Answer, tolerance: Tolerance): boolean {
  if (typeof expected === "boolean" || typeof received === "boolean") return received === expected;
  return Math.abs(received - expected) <= (tolerance.abs ?? 0) + tolerance.rel * Math.abs(expected);
}

/** Human-readable tolerance, e.g. "within 0.1 % (relative)". */
export function describeTolerance(tolerance: Tolerance): string {
  if (tolerance.rel === 0 && !tolerance.abs) return "exactly";
  const rel = `${Number((tolerance.rel * 100).toPrecision(3))} % (relative)`;
  return tolerance.abs ? `within ${rel} + ${tolerance.abs} (absolute)` : `within ${rel}`;
}
