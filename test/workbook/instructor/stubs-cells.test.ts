import { describe, expect, it } from "vitest";
import { declarationOf, EXERCISES, getExercise, type ValueExercise } from "../../../src/workbook";
import { joinText } from "../../../src/core/nbformat";
import { exerciseCells, YOUR_NUMBERS_BELOW } from "../../../src/workbook/instructor/cells";
import { exerciseDisplay } from "../../../src/workbook/variants/exercise-display";
import { generateStubSource, parseSolutionBlocks, StubError } from "../../../src/workbook/instructor/stub-source";

const ex: ValueExercise = {
  kind: "value",
  id: "ex-0.1",
  chapter: 1,
  file: "ch01",
  points: 2,
  title: "demo",
  prompt: "Produce `demo`: a mass in **µg**.",
  exportName: "demo",
  answer: { type: "number", unit: "ug" },
  tsType: "number",
  tolerance: { rel: 5e-3 },
  sigFigs: 3,
  checks: [],
  hints: [],
};
const solution = [
  'import { notAttempted } from "../src/workbook/not-attempted";',
  "",
  "// BEGIN SOLUTION ex-0.1",
  "const secret = 42;",
  "export const demo: number = secret + 3;",
  "// END SOLUTION",
  "",
].join("\n");

describe("generateStubSource(solution, file, exercises)", () => {
  it("replaces each solution block by the prompt and a notAttempted declaration, keeping the rest", () => {
    const stub = generateStubSource(solution, "solutions/ch01.ts", [ex]);
    expect(stub).toContain('export const demo: number = notAttempted("ex-0.1");');
    expect(stub).toContain(" * ex-0.1 (2 points) — demo");
    expect(stub).toContain('import { notAttempted } from "../src/workbook/not-attempted";');
    expect(stub).not.toContain("secret");
  });
  it("rejects unbalanced, nested or malformed markers with the line number", () => {
    expect(() => parseSolutionBlocks("// BEGIN SOLUTION ex-0.1\n", "f.ts")).toThrow(
      /f\.ts:1: BEGIN SOLUTION ex-0.1 is never closed/,
    );
    expect(() => parseSolutionBlocks("// END SOLUTION\n", "f.ts")).toThrow(/END SOLUTION without BEGIN/);
    expect(() => parseSolutionBlocks("// BEGIN SOLUTION ex-0.1\n// BEGIN SOLUTION ex-0.2\n", "f.ts")).toThrow(
      /inside the block of ex-0.1/,
    );
    expect(() => parseSolutionBlocks("// BEGIN SOLUTION\n", "f.ts")).toThrow(/malformed marker/);
  });
  it("rejects a block whose declaration differs from the catalog", () => {
    expect(() => generateStubSource(solution.replace("demo: number", "demo: string"), "s.ts", [ex])).toThrow(StubError);
  });
  it("accepts a declaration Prettier broke over lines, and still rejects a changed one", () => {
    const fn = EXERCISES.find((e) => e.id === "ex-4.1")!;
    // The one-line catalog declaration, laid out the way Prettier prints a long parameter type.
    const oneLine = declarationOf(fn);
    const formatted = oneLine.replace("(p: { ", "(p: {\n  ").replaceAll("; ", ";\n  ").replace(" }):", ";\n}):");
    expect(formatted.split("\n").length).toBeGreaterThan(5);
    const block = (declaration: string) =>
      `// BEGIN SOLUTION ex-4.1\n${declaration}\n  return 1;\n}\n// END SOLUTION\n`;
    expect(generateStubSource(block(formatted), "s.ts", [fn])).toContain('notAttempted("ex-4.1")');
    expect(() => generateStubSource(block(formatted.replace("tau: Unit", "tau: string")), "s.ts", [fn])).toThrow(
      StubError,
    );
  });
});

describe("exerciseCells(id)", () => {
  it('gives the prompt, a work cell and the check cell check("ex-2.3")', () => {
    const [prompt, work, checkCell, ...more] = exerciseCells("ex-2.3");
    expect(more).toEqual([]);
    expect(prompt.cell_type).toBe("markdown");
    expect(joinText(prompt.source)).toMatch(/^### Exercise ex-2\.3 · \d+ points? — /);
    expect(joinText(prompt.source)).toContain(getExercise("ex-2.3").prompt);
    expect(joinText(prompt.source)).toContain("exercises/ch02.ts");
    expect(joinText(work.source)).toContain("exercises/ch02.ts");
    expect(checkCell.source).toEqual(['check("ex-2.3")']);
    expect(checkCell.metadata.tags).toContain("exercise-check");
  });
  it("a varied exercise's markdown states no numbers: a display cell under it shows them, stored with the published ones", () => {
    const exportName = getExercise("ex-2.1").exportName;
    const [prompt, display, work, checkCell] = exerciseCells("ex-2.1");
    expect(joinText(prompt.source)).toContain(YOUR_NUMBERS_BELOW);
    expect(joinText(prompt.source)).not.toContain("4.5 mg");
    expect(joinText(prompt.source)).toContain("exercises/ch02.ts");
    expect(display.cell_type).toBe("code");
    expect(display.metadata.tags).toEqual(["exercise-display", "ex-2.1"]);
    expect(joinText(display.source)).toBe('exercise("ex-2.1")');
    if (display.cell_type !== "code") throw new Error("the display cell is a code cell");
    const [output] = display.outputs;
    if (output?.output_type !== "display_data") throw new Error("the display cell stores a display_data output");
    const published = exerciseDisplay("ex-2.1", undefined);
    expect(joinText(output.data["text/html"] as string[])).toBe(published.html);
    expect(joinText(output.data["text/plain"] as string[])).toBe(published.text);
    expect(published.text).toContain("D_min = 4.5 mg");
    expect(published.text).toContain(exportName);
    expect(joinText(work.source)).toContain("exercises/ch02.ts");
    expect(checkCell.source).toEqual(['check("ex-2.1")']);
  });
  it("every exercise's prompt names its export, and its unit when it has one", () => {
    for (const e of EXERCISES) {
      expect(e.prompt, e.id).toContain(e.exportName);
      if (e.answer.type === "number" && e.answer.unit)
        expect(joinText(exerciseCells(e.id)[0].source), e.id).toContain(`Answer unit: **${e.answer.unit}**`);
    }
  });
  it("ids are unique and of the form ex-<chapter>.<n>", () => {
    expect(new Set(EXERCISES.map((e) => e.id)).size).toBe(EXERCISES.length);
    for (const e of EXERCISES) expect(e.id).toMatch(new RegExp(`^ex-${e.chapter}\\.\\d+$`));
  });
});
