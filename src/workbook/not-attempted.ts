/**
 * The "not attempted" sentinel. A generated stub returns `notAttempted("ex-2.3")` instead
 * of an answer, so a checker can tell an untouched exercise (no points, no penalty, no
 * hint) from a wrong answer. The sentinel is a plain frozen object branded with a
 * registered symbol and a string key, so it is recognised across module instances and
 * survives a JSON round trip (the grader calls student code in a child process).
 *
 * This file has no imports on purpose: every stub file imports it, and a student's
 * exercises file must load even when the rest of the library is broken.
 */

/** Registered symbol shared by every copy of this module. */
export const NOT_ATTEMPTED: unique symbol = Symbol.for("microdosing-workbook/not-attempted") as never;

/** The JSON-visible key of the sentinel (symbols do not survive serialisation). */
export const NOT_ATTEMPTED_KEY = "__microdosingWorkbookNotAttempted__";

/** What a stub hands back instead of an answer. */
export interface NotAttemptedMarker {
  readonly [NOT_ATTEMPTED_KEY]: string;
}

/**
 * The stub's placeholder answer. Typed as whatever the exercise expects, so a stub file
 * type-checks exactly like a finished one; replace the call with your answer.
 * @param exerciseId the exercise id, e.g. "ex-2.3"
 * @example export const ex2_1_maxMicrodoseUg: number = notAttempted("ex-2.1");
 */
export function notAttempted<T = never>(exerciseId: string): T {
  const marker = { [NOT_ATTEMPTED_KEY]: exerciseId } as Record<string | symbol, unknown>;
  marker[NOT_ATTEMPTED] = exerciseId;
  return Object.freeze(marker) as T;
}

/**
 * True when a value (or a thrown value) is the not-attempted sentinel, from any copy of this
 * module or after a JSON round trip.
 */
export function isNotAttempted(value: unknown): value is NotAttemptedMarker {
  if (typeof value !== "object" || value === null) return false;
  return NOT_ATTEMPTED in value || Object.prototype.hasOwnProperty.call(value, NOT_ATTEMPTED_KEY);
}
