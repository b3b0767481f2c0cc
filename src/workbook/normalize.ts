import { math, mathjsUnitText } from "../core/units";
import { isNotAttempted } from "./not-attempted";
import type { AnswerSpec, JsonValue, Outcome } from "./types";

/** Duck type of a mathjs Unit (a student may return one from another mathjs instance). */
interface UnitLike {
  toNumber(unit: string): number;
  equalBase(other: unknown): boolean;
  format?(options?: { precision?: number }): string;
  dimensions?: readonly number[];
}

/** mathjs's base dimensions, in its order, as a pharmacology student names them. */
const BASE_DIMENSIONS = ["mass", "length", "time", "current", "temperature", "luminosity", "amount", "angle", "bits"];

/**
 * A dimension in words, e.g. "mass·time/volume" for mg·h/L or "amount/volume" for nM, so a
 * wrong-dimension message says what the formula produced; undefined when unknown.
 */
export function dimensionText(dimensions: readonly number[] | undefined): string | undefined {
  if (!Array.isArray(dimensions) || dimensions.length !== BASE_DIMENSIONS.length) return undefined;
  const part = (i: number, e: number): string =>
    i === 1 && e === 3 ? "volume" : e === 1 ? BASE_DIMENSIONS[i] : `${BASE_DIMENSIONS[i]}^${e}`;
  const up = dimensions.flatMap((e, i) => (e > 0 ? [part(i, e)] : []));
  const down = dimensions.flatMap((e, i) => (e < 0 ? [part(i, -e)] : []));
  if (up.length === 0 && down.length === 0) return "dimensionless";
  return `${up.length > 0 ? up.join("·") : "1"}${down.length > 0 ? `/${down.join("·")}` : ""}`;
}

/** The dimension of a unit mathjs parses, in words (see dimensionText). */
function dimensionOf(unitName: string): string | undefined {
  try {
    return dimensionText(math.unit(mathjsUnitText(unitName)).dimensions);
  } catch {
    return undefined;
  }
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
  if (isUnitLike(value) && typeof value.format === "function") return value.format({ precision: 6 });
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
      const want = dimensionOf(spec.unit);
      const got = dimensionText(raw.dimensions);
      return {
        kind: "invalid",
        message:
          `expected a quantity convertible to ${spec.unit}${want ? ` (a ${want})` : ""}; ` +
          `received ${showReceived(raw)}${got ? `, a ${got}` : ""} (wrong dimension: a factor of the formula is missing or inverted)`,
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
