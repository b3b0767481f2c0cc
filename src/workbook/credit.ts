import { InputError } from "../core/errors";
import type { CaseCount, CheckResult, CreditPolicy } from "./types";

/**
 * Partial credit: an exercise's points from its check cases, under the exercise's policy.
 * Points are rounded to 0.01 point, and every total is the exact sum of the rounded parts
 * (summed in integer hundredths), so a gradebook's columns always add up.
 */

/**
 * A number of points rounded to 0.01 (half away from zero, in integer hundredths).
 * @example roundPoints(2.6666666) // => 2.67
 * @throws {InputError} when points is not a finite number
 */
export function roundPoints(points: number): number {
  if (typeof points !== "number" || !Number.isFinite(points))
    throw new InputError("roundPoints", "points", "must be a finite number", points);
  return (Math.sign(points) * Math.round(Math.abs(points) * 100)) / 100;
}

/**
 * The exact sum of points already rounded to 0.01 (no binary-fraction drift: 0.1 + 0.2 is 0.3).
 * @example sumPoints([0.1, 0.2]) // => 0.3
 * @throws {InputError} when a part is not a finite number
 */
export function sumPoints(parts: readonly number[]): number {
  if (!Array.isArray(parts as unknown))
    throw new InputError("sumPoints", "parts", "must be an array of numbers", parts);
  let hundredths = 0;
  for (const p of parts) {
    if (typeof p !== "number" || !Number.isFinite(p))
      throw new InputError("sumPoints", "parts", "must hold finite numbers only", parts);
    hundredths += Math.round(p * 100);
  }
  return hundredths / 100;
}

/** The cases of a check result: its own count, or 1 of 1 / 0 of 1 for a single-case check. */
export function casesOf(check: CheckResult): CaseCount {
  return check.cases ?? { passed: check.passed ? 1 : 0, total: 1 };
}

function weightOf(policy: { weights: Readonly<Record<string, number>> }, check: CheckResult): number {
  const w = Object.hasOwn(policy.weights, check.name) ? policy.weights[check.name] : policy.weights[check.visibility];
  if (typeof w !== "number" || !Number.isFinite(w) || w < 0)
    throw new InputError(
      "creditPoints",
      "policy.weights",
      `must give check "${check.name}" (or every ${check.visibility} check) a finite weight ≥ 0`,
      policy.weights,
    );
  return w;
}

/**
 * Points earned out of `maxPoints` by these check results under `policy` (absent: proportional),
 * rounded to 0.01. Proportional counts only the cases that compare with an expected answer
 * (examples, hashed values, hidden comparisons); sanity checks (ranges, properties) do not pay,
 * as a constant answer can pass them. No checks, or only sanity checks, earn 0.
 * @example creditPoints(3, [{ name: "a", visibility: "hidden", passed: false, cases: { passed: 22, total: 25 } }]) // => 2.64
 * @throws {InputError} for a negative or non-finite maxPoints, an invalid case count, or weights that miss a check or sum to 0
 */
export function creditPoints(maxPoints: number, checks: readonly CheckResult[], policy?: CreditPolicy): number {
  if (typeof maxPoints !== "number" || !Number.isFinite(maxPoints) || maxPoints < 0)
    throw new InputError("creditPoints", "maxPoints", "must be a finite number ≥ 0", maxPoints);
  for (const c of checks) {
    const { passed, total } = casesOf(c);
    if (!Number.isInteger(total) || total < 1 || !Number.isInteger(passed) || passed < 0 || passed > total)
      throw new InputError(
        "creditPoints",
        `checks["${c.name}"].cases`,
        "must be integers with 0 ≤ passed ≤ total, total ≥ 1",
        c.cases,
      );
  }
  if (checks.length === 0) return 0;
  const kind = policy?.kind ?? "proportional";
  if (kind === "all-or-nothing") return checks.every((c) => c.passed) ? roundPoints(maxPoints) : 0;
  if (policy?.kind === "weights") {
    const weights = checks.map((c) => weightOf(policy, c));
    const sum = weights.reduce((s, w) => s + w, 0);
    if (!(sum > 0))
      throw new InputError(
        "creditPoints",
        "policy.weights",
        "must sum to more than 0 over the checks judged",
        policy.weights,
      );
    const earned = checks.reduce((s, c, i) => {
      const { passed, total } = casesOf(c);
      return s + (weights[i] * passed) / total;
    }, 0);
    return roundPoints((maxPoints * earned) / sum);
  }
  if (kind !== "proportional")
    throw new InputError("creditPoints", "policy.kind", 'must be "all-or-nothing", "proportional" or "weights"', kind);
  // Sanity checks (ranges, properties) pass for many wrong answers: only answer-comparing cases pay.
  let passed = 0;
  let total = 0;
  for (const c of checks.filter((x) => !x.sanity)) {
    const n = casesOf(c);
    passed += n.passed;
    total += n.total;
  }
  return total > 0 ? roundPoints((maxPoints * passed) / total) : 0;
}
