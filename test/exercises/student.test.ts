import { describe, expect, it } from "vitest";
import { checkExercises, EXERCISES, renderVerdictText } from "../../src/workbook";

/**
 * Your exercises, checked by vitest: an exercise you have not attempted is listed as a todo;
 * once you write an answer in exercises/chNN.ts, its public checks must pass.
 * (`ANSWERS=<folder>` checks another folder.)
 */
const verdicts = checkExercises(EXERCISES.map((e) => e.id));

describe("exercises", () => {
  for (const v of verdicts) {
    if (v.status === "not-attempted") it.todo(`${v.id} ${v.title} (not attempted)`);
    else it(`${v.id} ${v.title}`, () => expect(v.status, renderVerdictText(v)).toBe("pass"));
  }
});
