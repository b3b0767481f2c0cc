import { isNotAttempted } from "./not-attempted";
import type { AnswerSpec, JsonValue, Outcome } from "./types";

/** Duck type of a mathjs Unit (a student may return one from another mathjs instance). */
interface UnitLike {
  toNumber(unit: string): number;
  equalBase(other: unknown): boolean;
  format?(): string;
}

function isUnitLike(value: unknown): value is UnitLike {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { type?: unknown }).type === "Unit" &&
    typeof (value as UnitLike).toNumber === "function"
  );
}

/** Short text of a received value for messages (never the expected one). */
export function showReceived(value: unknown): string {
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  if (isUnitLike(value) && typeof value.format === "function") return value.format();
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : String(value);
}

/**
 * Turn whatever a student's export produced into an Outcome: the not-attempted sentinel, a
 * finite number in the exercise's unit (a mathjs Unit is converted; a dimension mismatch is
 * explained), a boolean, or an "invalid" outcome that says what was expected. Runs next to
 * the student code (in-process in a notebook, in the child process when grading); the
 * trusted side re-checks the JSON it receives with `validateOutcome`.
 */
export function normalizeAnswer(raw: unknown, spec: AnswerSpec): Outcome {
  if (isNotAttempted(raw)) return { kind: "not-attempted" };
  if (spec.type === "boolean") {
    return typeof raw === "boolean"
      ? { kind: "answer", value: raw }
      : { kind: "invalid", message: `expected true or false; received ${showReceived(raw)}` };
  }
  const unitText = spec.unit ? ` in ${spec.unit}` : "";
  if (isUnitLike(raw)) {
    if (!spec.unit)
      return {
        kind: "invalid",
        message: `expected a plain number (dimensionless); received the quantity ${showReceived(raw)}`,
      };
    let value: number;
    try {
      value = raw.toNumber(spec.unit);
    } catch {
      return {
        kind: "invalid",
        message: `expected a quantity convertible to ${spec.unit}; received ${showReceived(raw)} (wrong dimension)`,
      };
    }
    return Number.isFinite(value)
      ? { kind: "answer", value }
      : { kind: "invalid", message: `expected a finite number${unitText}; received ${showReceived(raw)}` };
  }
  if (typeof raw === "number") {
    return Number.isFinite(raw)
      ? { kind: "answer", value: raw }
      : { kind: "invalid", message: `expected a finite number${unitText}; received ${raw}` };
  }
  return { kind: "invalid", message: `expected a number${unitText}; received ${showReceived(raw)}` };
}

/**
 * Re-check an Outcome that arrived as JSON from an untrusted process: only the five shapes,
 * only finite numbers or booleans, only short strings. Anything else becomes "invalid".
 */
export function validateOutcome(value: unknown): Outcome {
  const bad: Outcome = { kind: "invalid", message: "the answer could not be read" };
  if (typeof value !== "object" || value === null || Array.isArray(value)) return bad;
  const o = value as { [k: string]: JsonValue | undefined };
  const text = (m: unknown): string => (typeof m === "string" ? m.slice(0, 500) : "");
  switch (o.kind) {
    case "answer":
      if (typeof o.value === "boolean" || (typeof o.value === "number" && Number.isFinite(o.value)))
        return { kind: "answer", value: o.value };
      return bad;
    case "not-attempted":
      return { kind: "not-attempted" };
    case "missing":
    case "invalid":
    case "error":
      return { kind: o.kind, message: text(o.message) };
    default:
      return bad;
  }
}
