import { createRandom } from "../../core";
import { firingHints } from "../public-checks";
import { seedFromText } from "../seeds";
import { describeTolerance, withinTolerance } from "../tolerance";
import type { Answer, Exercise, HiddenCheckSource, JsonValue, PlannedCheck } from "../types";
import { isMistakeFor } from "./mistakes";
import { assertReferenceSolutions, referenceAnswer, type ReferenceSolutions } from "./reference";
import { variantGrading } from "./variants";

/**
 * The grading checks. They compare the student's work with the reference solution on
 * exact parameters (values) and on seeded random inputs (functions), with the tolerance the
 * exercise states. Their inputs and expected values never appear in a verdict: a failed
 * hidden check says how many cases differ, and which classic mistake it looks like.
 *
 * The reference solutions are received (see reference.ts): this file runs only on the
 * trusted side (the instructor's checks and the grader's parent process).
 */

/** Seed of the hidden cases; an instructor may rotate it per term (`WORKBOOK_HIDDEN_SEED`). */
export function hiddenSeed(): number {
  return Number(process.env.WORKBOOK_HIDDEN_SEED ?? 60611);
}

/** The hidden cases of a function exercise: seeded, valid arguments with their reference outputs. */
export function hiddenCases(
  reference: ReferenceSolutions,
  ex: Exercise & { kind: "function" },
  seed = hiddenSeed(),
): Array<{ args: JsonValue[]; expected: Answer }> {
  assertReferenceSolutions("hiddenCases", reference);
  const rng = createRandom(seedFromText(`hidden/${seed}/${ex.id}`));
  const count = ex.hiddenCases ?? 25;
  const cases: Array<{ args: JsonValue[]; expected: Answer }> = [];
  for (let attempt = 0; cases.length < count && attempt < count * 20; attempt++) {
    const args = ex.generate(rng);
    try {
      cases.push({ args, expected: referenceAnswer(reference, ex, args) });
    } catch {
      // the generator produced inputs the reference rejects; draw again
    }
  }
  if (cases.length < count) throw new Error(`${ex.id}: the generator produced too few valid hidden cases`);
  return cases;
}

function valueCheck(reference: ReferenceSolutions, ex: Exercise): PlannedCheck {
  const expected = referenceAnswer(reference, ex);
  const tolerance = describeTolerance(ex.tolerance);
  return {
    name: `equals the reference value ${tolerance}`,
    visibility: "hidden",
    probes: [{ exportName: ex.exportName }],
    judge: ([v]) => {
      const isExpected = (x: Answer) => withinTolerance(x, expected, ex.tolerance);
      if (isExpected(v)) return { passed: true };
      return {
        passed: false,
        message: `differs from the reference value by more than the tolerance (${tolerance})`,
        hints: firingHints(ex.hints, v, { isExpected, isMistake: isMistakeFor(ex) }),
      };
    },
  };
}

function functionCheck(reference: ReferenceSolutions, ex: Exercise & { kind: "function" }): PlannedCheck {
  const cases = hiddenCases(reference, ex);
  return {
    name: `agrees with the reference on ${cases.length} random inputs ${describeTolerance(ex.tolerance)}`,
    visibility: "hidden",
    probes: cases.map((c) => ({ exportName: ex.exportName, args: c.args })),
    cases: cases.length,
    judge: (outputs) => {
      const wrong = cases
        .map((c, i) => ({ c, out: outputs[i] }))
        .filter(({ c, out }) => !withinTolerance(out, c.expected, ex.tolerance));
      const counted = { passed: cases.length - wrong.length, total: cases.length };
      if (wrong.length === 0) return { passed: true, cases: counted };
      const first = wrong[0];
      return {
        passed: false,
        cases: counted,
        message: `${wrong.length} of ${cases.length} hidden cases differ from the reference (${counted.passed} of ${cases.length} agree)`,
        hints: firingHints(ex.hints, first.out, {
          isExpected: (x) => withinTolerance(x, first.c.expected, ex.tolerance),
          isMistake: isMistakeFor(ex, first.c.args),
          args: first.c.args,
        }),
      };
    },
  };
}

/**
 * The hidden checks against these reference solutions, for `checkExercises(…, { hidden })` and
 * the grader's plan.
 * @throws {InputError} when reference is not ReferenceSolutions
 */
export function hiddenChecks(reference: ReferenceSolutions): HiddenCheckSource {
  assertReferenceSolutions("hiddenChecks", reference);
  return {
    checksFor: (ex: Exercise): PlannedCheck[] => [
      ex.kind === "value" ? valueCheck(reference, ex) : functionCheck(reference, ex),
    ],
    // under a student id (`npm run check -- --hidden`), a varied exercise is judged as the grader's --variants judges it
    variantGrading: (ex: Exercise, studentId: string) => variantGrading(reference, ex, studentId),
  };
}
