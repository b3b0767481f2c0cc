import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkExercises, EXERCISES, findProjectRoot, answerHashesPath } from "../../../src/workbook";
import {
  buildAnswerHashes,
  buildStubFiles,
  formatAnswerHashes,
} from "../../../src/workbook/instructor/build-artifacts";
import { HIDDEN, REFERENCE } from "./planted";

const root = findProjectRoot();

describe("ANSWERS=solutions: the reference passes every check", () => {
  const verdicts = checkExercises(undefined, { root, answers: "solutions", hidden: HIDDEN });
  for (const v of verdicts) {
    it(`${v.id} passes its public and hidden checks`, () => {
      expect(v.checks.filter((c) => !c.passed)).toEqual([]);
      expect(v.status).toBe("pass");
      expect(v.points).toBe(v.maxPoints);
      expect(v.checks.some((c) => c.visibility === "hidden")).toBe(true);
    });
  }
});

describe("the stubs in exercises/", () => {
  it("every exercise comes out not attempted, public and hidden, without a crash", () => {
    const verdicts = checkExercises(undefined, { root, answers: "exercises", hidden: HIDDEN });
    expect(verdicts.map((v) => [v.id, v.status])).toEqual(EXERCISES.map((e) => [e.id, "not-attempted"]));
    expect(verdicts.every((v) => v.points === 0 && v.hints.length === 0)).toBe(true);
  });

  it("are exactly what `npm run stubs` generates from solutions/ (fails when out of date)", () => {
    for (const [rel, content] of buildStubFiles(REFERENCE))
      expect(readFileSync(join(root, rel), "utf8"), `${rel} is out of date: run npm run stubs`).toBe(content);
  });

  it("src/workbook/answer-hashes.json is what `npm run stubs` generates (fails when out of date)", () => {
    expect(readFileSync(answerHashesPath(root), "utf8"), "answer-hashes.json is out of date: run npm run stubs").toBe(
      formatAnswerHashes(buildAnswerHashes(REFERENCE)),
    );
  }, 120_000);
});
