// Exercises/ is generated from solutions/: the same files, and nothing generated committed.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exercisesByFile, findProjectRoot } from "../../../src/workbook";

const root = findProjectRoot();

describe("exercises/ mirrors solutions/", () => {
  it("holds exactly the same file names, one chNN.ts per chapter of the catalog", () => {
    const solutions = readdirSync(join(root, "solutions")).sort();
    const exercises = readdirSync(join(root, "exercises")).sort();
    expect(exercises).toEqual(solutions);
    expect(solutions).toEqual([...exercisesByFile().keys()].map((f) => `${f}.ts`).sort());
  });

  it("git ignores declarations generated next to the chapter files", () => {
    // git check-ignore only reads; exit 0 = ignored. Paths need not exist; --no-index judges by the patterns alone.
    for (const path of ["solutions/ch01.d.ts", "exercises/ch02.d.ts"]) {
      expect(
        () => execFileSync("git", ["check-ignore", "-q", "--no-index", path], { cwd: root }),
        `${path} is not in .gitignore`,
      ).not.toThrow();
    }
  });
});
