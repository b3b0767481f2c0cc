// The late policy: a deadline, a penalty per started day, a cap and a grace period.
import { InputError } from "../../../core/errors";
import { roundPoints } from "../../../workbook/credit";

/**
 * The penalty is a fraction of the exercise set's MAXIMUM per late day (as Canvas's late
 * policies deduct a percentage of the points possible): two students who are equally late lose
 * the same points, whatever they earned. Days are started 24-hour periods after the deadline
 * plus the grace period: 1 second after (deadline + grace) is 1 day, 24 h 0 min 1 s after is 2.
 * The deduction is capped at `cap` of the maximum and never takes a total below 0.
 */
export interface LatePolicy {
  /** Fraction of the maximum deducted per started late day, in [0, 1]. */
  perDay: number;
  /** Largest total deduction, as a fraction of the maximum, in [0, 1]. */
  cap: number;
  /** Minutes after the deadline that still count as on time (≥ 0). */
  graceMinutes: number;
}

const DAY_MS = 86_400_000;

/**
 * An ISO 8601 time with a date, a time and a zone ("2026-12-01T23:59:00Z" or "…+01:00"); a time
 * without a zone is refused: its meaning would depend on the grading machine's clock settings.
 * @throws {InputError} for anything else
 */
export function parseInstant(fn: string, arg: string, value: string): number {
  const ok =
    typeof value === "string" &&
    /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim());
  const t = ok ? Date.parse(value.trim().replace(" ", "T")) : NaN;
  if (!Number.isFinite(t))
    throw new InputError(fn, arg, 'must be an ISO 8601 time with a zone, e.g. "2026-12-01T23:59:00Z"', value);
  return t;
}

const percent = (fn: string, what: string, text: string): number => {
  const m = /^(\d+(?:\.\d+)?)\s*%$/.exec(text.trim());
  const v = m ? Number(m[1]) / 100 : NaN;
  if (!(v >= 0 && v <= 1)) throw new InputError(fn, "policy", `${what} must be a percentage between 0% and 100%`, text);
  return v;
};

/**
 * Reads "10%/day,cap=50%,grace=15m" (the parts in any order; grace in m or h; cap defaults to
 * 100 %, grace to 0 — each stated in the policy text, e.g. "5%/day" alone caps at 100 %).
 * @example parseLatePolicy("10%/day,cap=50%,grace=15m").graceMinutes // => 15
 * @throws {InputError} for an unknown part, a missing "%/day" part, or a value out of range
 */
export function parseLatePolicy(text: string): LatePolicy {
  const fn = "parseLatePolicy";
  if (typeof text !== "string" || text.trim() === "")
    throw new InputError(fn, "policy", 'must read like "10%/day,cap=50%,grace=15m"', text);
  let perDay: number | undefined;
  let cap = 1;
  let graceMinutes = 0;
  for (const raw of text.split(",")) {
    const part = raw.trim();
    const day = /^(.+%)\s*\/\s*day$/i.exec(part);
    const kv = /^(cap|grace)\s*=\s*(.+)$/i.exec(part);
    if (day) perDay = percent(fn, "the penalty per day", day[1]);
    else if (kv && kv[1].toLowerCase() === "cap") cap = percent(fn, "cap", kv[2]);
    else if (kv) {
      const g = /^(\d+(?:\.\d+)?)\s*(m|min|h)$/i.exec(kv[2].trim());
      if (!g) throw new InputError(fn, "policy", 'grace must be minutes or hours, e.g. "15m" or "2h"', kv[2]);
      graceMinutes = Number(g[1]) * (g[2].toLowerCase() === "h" ? 60 : 1);
    } else
      throw new InputError(
        fn,
        "policy",
        'must be parts like "10%/day", "cap=50%", "grace=15m" separated by commas',
        part,
      );
  }
  if (perDay === undefined) throw new InputError(fn, "policy", 'must state the penalty per day, e.g. "10%/day"', text);
  return { perDay, cap, graceMinutes };
}

/**
 * Checks a policy given as an object (e.g. from tests or course.json after parsing).
 * @throws {InputError} for a fraction outside [0, 1] or a negative grace
 */
export function assertLatePolicy(fn: string, policy: LatePolicy): void {
  for (const k of ["perDay", "cap"] as const)
    if (!(typeof policy?.[k] === "number" && policy[k] >= 0 && policy[k] <= 1))
      throw new InputError(fn, `latePolicy.${k}`, "must be a fraction in [0, 1]", policy?.[k]);
  if (!(typeof policy.graceMinutes === "number" && Number.isFinite(policy.graceMinutes) && policy.graceMinutes >= 0))
    throw new InputError(fn, "latePolicy.graceMinutes", "must be a number of minutes ≥ 0", policy.graceMinutes);
}

/**
 * Started 24-hour periods between (deadline + grace) and the submission; 0 when on time.
 * @example daysLate(0, 86_401_000, 0) // => 2
 */
export function daysLate(deadlineMs: number, submittedMs: number, graceMinutes: number): number {
  for (const [arg, v] of [
    ["deadlineMs", deadlineMs],
    ["submittedMs", submittedMs],
    ["graceMinutes", graceMinutes],
  ] as const)
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new InputError("daysLate", arg, "must be a finite number", v);
  const after = submittedMs - (deadlineMs + graceMinutes * 60_000);
  return after > 0 ? Math.ceil(after / DAY_MS) : 0;
}

/**
 * The deduction for `days` late days out of a maximum of `max` points, before limiting it to the
 * points earned: min(cap, perDay × days) × max, rounded to 0.01.
 * @example latePenalty({ perDay: 0.1, cap: 0.5, graceMinutes: 0 }, 7, 20).points // => 10
 */
export function latePenalty(policy: LatePolicy, days: number, max: number): { fraction: number; points: number } {
  assertLatePolicy("latePenalty", policy);
  if (!(Number.isInteger(days) && days >= 0))
    throw new InputError("latePenalty", "days", "must be an integer ≥ 0", days);
  if (!(typeof max === "number" && Number.isFinite(max) && max >= 0))
    throw new InputError("latePenalty", "max", "must be a finite number ≥ 0", max);
  // In integer percent-hundredths where possible, so 3 × 10 % is exactly 30 %.
  const fraction = Math.min(policy.cap, Math.round(policy.perDay * days * 1e9) / 1e9);
  return { fraction, points: roundPoints(fraction * max) };
}

export const DAY = DAY_MS;
