import type { Answer, Hint } from "./types";

/**
 * Building blocks for targeted hints. Each is a predicate on the received answer relative
 * to the expected one (through `ctx.isExpected`, which is a hash comparison in the public
 * checks and a comparison with the reference when grading) or to a known mistaken answer
 * (`ctx.isMistake`). None of them needs the answer, or the mistaken computation, in clear.
 */

/** Fires when received = expected × factor for one of the factors (e.g. 1000: a µg/mg slip). */
export function scaledBy(id: string, factors: readonly number[], message: string): Hint {
  return {
    id,
    message,
    when: (received, ctx) =>
      typeof received === "number" && received !== 0 && factors.some((f) => ctx.isExpected(received / f)),
    trigger: { kind: "scaled", factors },
  };
}

/** The classic unit slip: off by a factor of 1000 either way (µg vs mg, ng/mL vs pg/mL, mL/h vs L/h). */
export function unitSlip(
  message = "Your answer is off by a factor of 1000: check the units (µg vs mg, ng vs pg, mL vs L).",
): Hint {
  return scaledBy("unit-1000", [1000, 1e-3], message);
}

/** Percent where a fraction was asked, or the reverse. */
export function percentVsFraction(asked: "percent" | "fraction"): Hint {
  return asked === "percent"
    ? scaledBy("percent", [0.01], "This looks like a fraction; the answer is asked in percent (× 100).")
    : scaledBy("fraction", [100], "This looks like a percentage; the answer is asked as a fraction between 0 and 1.");
}

/**
 * A classic mistake whose wrong answer is known only to the instructor edition
 * (src/workbook/instructor/mistakes.ts): publicly it is recognised by a stored hash of the wrong
 * answer for each case, so neither the mistaken computation (often one step from the right
 * one) nor the answer appears in the student edition.
 */
export function mistake(id: string, message: string): Hint {
  return { id, message, when: (received, ctx) => ctx.isMistake(id, received), trigger: { kind: "mistake" } };
}

/** Fires when the received number is above a bound (e.g. a percentage computed on raw masses). */
export function above(id: string, bound: number, message: string): Hint {
  return {
    id,
    message,
    when: (received) => typeof received === "number" && received > bound,
    trigger: { kind: "above", bound },
  };
}

export type { Answer };
