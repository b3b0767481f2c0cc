import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Notebook } from "../../src/core/nbformat";
import { createNotebookEngine, serializeNotebook } from "../../src/course/execute";
import { leanBuilderPrograms, useLeanBuilder } from "../../src/course/execute/tslab-session";
import { codeNotebook } from "./notebook-fixtures";

/**
 * The embedded engine gives tslab's converter a lean builder program (lean-builder-program.ts)
 * instead of TypeScript's incremental one. Executed notebooks must not change: the same
 * notebook through the stock builder and the lean one gives byte-identical files.
 */
const root = resolve(__dirname, "../..");
let scratch: string;

beforeAll(() => {
  // inside the project, so that "microdosing-workbook" resolves as from notebooks/
  scratch = mkdtempSync(join(root, ".cache", "lean-builder-"));
  writeFileSync(
    join(scratch, "helper.ts"),
    "export const helperValue: number = 41;\nexport function plusOne(x: number): number {\n  return x + 1;\n}\n",
  );
  // a type error in an imported module is reported in the importing cell, found through the cell's dependencies
  writeFileSync(join(scratch, "broken.ts"), 'export const broken: number = "not a number";\n');
});
afterAll(() => {
  useLeanBuilder(true);
  rmSync(scratch, { recursive: true, force: true });
});

async function executeWith(lean: boolean, notebook: Notebook, cwd: string): Promise<string> {
  useLeanBuilder(lean);
  const engine = createNotebookEngine(); // converters are created (and pick their builder) on first use
  try {
    return serializeNotebook((await engine.execute(notebook, { cwd, stopOnError: false })).notebook);
  } finally {
    engine.close();
  }
}

/** Cells that walk every path of tslab's converter: imports, locals, side modules, errors. */
const everyPath = codeNotebook(
  'import { nca, axisTitle, concentrationTimeChart, show } from "microdosing-workbook";',
  'const times = [0, 1, 2, 4, 8];\nconst conc = [0, 8, 6, 3, 1];\nnca(times, conc, { dose: 1, route: "extravascular" }).aucLast;',
  'import { helperValue, plusOne } from "./helper";\nconsole.log(plusOne(helperValue));',
  'interface Dose { mg: number }\ntype Route = "iv" | "oral";\nconst dose: Dose = { mg: 0.1 };\nconst route: Route = "oral";',
  'console.log(dose.mg, route, axisTitle("Dose", "mg"));',
  'const wrong: number = axisTitle("Time", "h");',
  "await new Promise((r) => setTimeout(r, 1));\nconst later = 2;",
  { source: 'throw new Error("expected in this cell");', tags: ["raises-exception"] },
  "function twice(x: number): number {\n  return 2 * x;\n}\nclass Counter {\n  n = 0;\n  add(): number {\n    return ++this.n;\n  }\n}\nnew Counter().add() + twice(later);",
  'import { check } from "microdosing-workbook/workbook";\nconst { maxMicrodose } = await import("microdosing-workbook");\nconsole.log(typeof check, typeof maxMicrodose);',
  'await show(concentrationTimeChart({ profiles: [{ name: "A", time: times, conc: conc }], timeUnit: "h", concUnit: "ng/mL" }));',
  "undefinedName + 1;",
  'import { broken } from "./broken";\nconsole.log(broken);',
  "plusOne(later);",
);

describe("the lean builder program", () => {
  it("compiles every kind of cell exactly as TypeScript's builder does: byte-identical executed notebooks", async () => {
    const before = leanBuilderPrograms();
    const stock = await executeWith(false, everyPath, scratch);
    expect(leanBuilderPrograms()).toBe(before); // the stock run really used TypeScript's builder
    const lean = await executeWith(true, everyPath, scratch);
    expect(leanBuilderPrograms()).toBeGreaterThan(before); // and the lean run the lean one
    expect(lean).toBe(stock);
    // the notebook did reach every path: a side module, a type error, an expected and an unexpected error
    expect(lean).toContain("42");
    expect(lean).toContain("TypeScriptError");
    expect(lean).toContain("expected in this cell");
    expect(lean).toContain("image/svg+xml");
    expect(lean).toContain("Cannot find name 'undefinedName'");
    expect(lean).toContain("broken.ts 1:14 - Type 'string' is not assignable to type 'number'");
  });

  it("gives byte-identical results for a course chapter", async () => {
    const chapter = resolve(root, "notebooks", "01-introduction.ipynb");
    const { readNotebookFile } = await import("../../src/course/execute");
    const notebook = readNotebookFile("test", chapter);
    const cwd = resolve(root, "notebooks");
    expect(await executeWith(true, notebook, cwd)).toBe(await executeWith(false, notebook, cwd));
  });
});
