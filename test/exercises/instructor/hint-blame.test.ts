// Every catalogued hint against the mistake it names: the wrong answer that mistake produces gets that hint, and only it.
import { beforeAll, describe, expect, it } from "vitest";
import { registerReferenceAnswers } from "../../../src/course/grade/known-answers";
import {
  checkExercise,
  EXERCISES,
  findProjectRoot,
  getExercise,
  readAnswerHashes,
  type Answer,
  type Exercise,
  type Hint,
  type JsonValue,
} from "../../../src/workbook";
import { mistakenAnswer, SHARED_HINT_MISTAKES } from "../../../src/workbook/instructor/mistakes";
import { referenceAnswer } from "../../../src/workbook/instructor/reference";
import { encodeProbeArg } from "../../../src/workbook/probe-args";
import { HIDDEN, REFERENCE } from "./planted";

/** One way of making the hint's mistake: a label and the module a student making it would write. */
interface PlantedMistake {
  label: string;
  exports: Record<string, unknown>;
}

function planted(ex: Exercise, wrong: (expected: Answer, args?: JsonValue[]) => Answer): Record<string, unknown> {
  if (ex.kind === "value") return { [ex.exportName]: wrong(referenceAnswer(REFERENCE, ex)) };
  // called with decoded arguments (Units, Series), as a student's function is; the reference is asked in JSON
  return {
    [ex.exportName]: (...decoded: unknown[]) => {
      const args = decoded.map(encodeProbeArg);
      return wrong(referenceAnswer(REFERENCE, ex, args), args);
    },
  };
}

/** Every planting of the hint's mistake: each scale factor, the bound exceeded, or the catalogued mistaken answer. */
function mistakesOf(ex: Exercise, hint: Hint): PlantedMistake[] {
  const t = hint.trigger;
  if (t === undefined) return [];
  if (t.kind === "scaled")
    return t.factors.map((f) => ({
      label: `× ${f}`,
      exports: planted(ex, (e) => (typeof e === "number" ? e * f : e)),
    }));
  if (t.kind === "above") return [{ label: `above ${t.bound}`, exports: planted(ex, () => t.bound * 10) }];
  return [
    {
      label: "the catalogued mistaken answer",
      exports: planted(ex, (e, args) => mistakenAnswer(ex, hint.id, args) ?? e),
    },
  ];
}

describe("each hint blames the mistake it was written for", () => {
  // The grader's shortcut: each stored hash proven once against the reference, then compared as text (same verdicts, no 50 ms per candidate).
  beforeAll(async () => {
    await registerReferenceAnswers(REFERENCE, EXERCISES, readAnswerHashes(findProjectRoot()).entries);
  }, 120_000);
  for (const ex of EXERCISES) {
    for (const hint of ex.hints) {
      it(`${ex.id} "${hint.id}": declares how it is recognised`, () => {
        expect(hint.trigger, `${ex.id} ${hint.id} has no trigger`).toBeDefined();
      });
      for (const m of mistakesOf(ex, hint)) {
        it(`${ex.id} "${hint.id}" (${m.label}): the public check shows this hint and no other`, () => {
          const v = checkExercise(ex.id, { exports: m.exports });
          expect(v.status).toBe("fail");
          expect(v.hints).toEqual([hint.message]);
        });
        it(`${ex.id} "${hint.id}" (${m.label}): grading shows this hint and no other`, () => {
          const v = checkExercise(ex.id, { exports: m.exports, hidden: HIDDEN });
          expect(v.status).toBe("fail");
          expect(v.hints).toEqual([hint.message]);
        });
      }
    }
  }

  for (const [id, shared] of Object.entries(SHARED_HINT_MISTAKES)) {
    const ex = getExercise(id);
    for (const m of shared) {
      it(`${id}: "${m.mistake}" shares the "${m.hintId}" hint, which names it, publicly and when graded`, () => {
        const hint = ex.hints.find((h) => h.id === m.hintId);
        expect(hint, `${id} has no hint ${m.hintId}`).toBeDefined();
        expect(hint!.message).toContain(m.mentions);
        const answer = m.answer;
        const exports = planted(ex, (_, args) => (typeof answer === "function" ? answer(args ?? []) : answer));
        expect(checkExercise(id, { exports }).hints).toEqual([hint!.message]);
        expect(checkExercise(id, { exports, hidden: HIDDEN }).hints).toEqual([hint!.message]);
      });
    }
  }
});
