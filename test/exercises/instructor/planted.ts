// Planted answers: the reference, a wrong answer, and each classic mistake.
import { referenceSolutions } from "../../../src/cli/instructor/reference-solutions";
import {
  findProjectRoot,
  getExercise,
  type Answer,
  type Exercise,
  type Hint,
  type JsonValue,
} from "../../../src/workbook";
import { hiddenChecks } from "../../../src/workbook/instructor/hidden-checks";
import { mistakenAnswer } from "../../../src/workbook/instructor/mistakes";
import { referenceAnswer } from "../../../src/workbook/instructor/reference";
import { encodeProbeArg } from "../../../src/workbook/probe-args";

type Planted = Record<string, unknown>;

/** The reference solutions, received as the instructor programs receive them. */
export const REFERENCE = referenceSolutions(findProjectRoot());
/** The hidden checks against them (what `npm run check -- --hidden` and the grader add). */
export const HIDDEN = hiddenChecks(REFERENCE);

/** A module whose export for this exercise behaves like the reference transformed by `f`. */
export function plant(ex: Exercise, f: (expected: Answer, args?: JsonValue[]) => Answer): Planted {
  if (ex.kind === "value") return { [ex.exportName]: f(referenceAnswer(REFERENCE, ex)) };
  // the planted function receives decoded arguments (Units, Series), as a student's does; the reference is asked in JSON
  return {
    [ex.exportName]: (...decoded: unknown[]) => {
      const args = decoded.map(encodeProbeArg);
      return f(referenceAnswer(REFERENCE, ex, args), args);
    },
  };
}

/** A plainly wrong answer: 10 % off plus one (numbers), or the negation (booleans). */
export function plantWrong(ex: Exercise): Planted {
  return plant(ex, (e) => (typeof e === "boolean" ? !e : e * 1.1 + 1));
}

/** The answer a student making the hint's mistake would give. */
export function plantMistake(ex: Exercise, hint: Hint): Planted | undefined {
  const t = hint.trigger;
  if (!t) return undefined;
  if (t.kind === "scaled") return plant(ex, (e) => (typeof e === "number" ? e * t.factors[0] : e));
  if (t.kind === "above") return plant(ex, () => t.bound * 10);
  if (ex.kind === "value") {
    const wrong = mistakenAnswer(ex, hint.id);
    return wrong === undefined ? undefined : { [ex.exportName]: wrong };
  }
  return {
    [ex.exportName]: (...decoded: unknown[]) => {
      const args = decoded.map(encodeProbeArg);
      const wrong = mistakenAnswer(ex, hint.id, args);
      return wrong === undefined ? referenceAnswer(REFERENCE, ex, args) : wrong;
    },
  };
}

export { getExercise };
