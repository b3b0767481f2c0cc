import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { memorySystem } from "../../src/course/live/checker/memory-system";
import { TslabTypeChecker, type CellCheck } from "../../src/course/live/checker/type-checker";
import { recordTypeFiles, withoutDocComments } from "../../src/course/live/checker/type-files";
import { tslabReference, TYPE_CHECK_CELLS } from "./type-check-reference";

const ROOT = join(__dirname, "..", "..");

/**
 * The live type checker is tslab's own converter over files held in memory. Here it runs
 * in Node on the recorded files and must print exactly what tslab's converter prints on the
 * real file system for the same cells (run in another thread, with the real `sys`).
 */
describe("the live type checker reports what tslab reports", () => {
  let files: Awaited<ReturnType<typeof recordTypeFiles>>;
  let expected: CellCheck[];
  beforeAll(async () => {
    files = await recordTypeFiles(ROOT);
    expected = await tslabReference(ROOT, TYPE_CHECK_CELLS);
  }, 120_000);

  it("embeds the declarations tslab reads and never a hidden check or a solution", () => {
    const paths = Object.keys(files);
    expect(paths).toContain("/course/node_modules/microdosing-workbook/index.d.ts");
    expect(paths.some((p) => p.startsWith("/course/node_modules/@types/node/"))).toBe(true);
    expect(paths.some((p) => p.endsWith("/lib.es2022.d.ts"))).toBe(true);
    expect(paths.filter((p) => /\/(solutions|workbook\/instructor)\//.test(p))).toEqual([]);
  });

  it("gives the same diagnostics, cell by cell, as tslab on the real files", () => {
    const checker = new TslabTypeChecker(files);
    const actual = TYPE_CHECK_CELLS.map((code) => {
      const result = checker.check(code);
      if (result.ok) checker.commit(result.declarations);
      return result;
    });
    expect(actual.map(verdict)).toEqual(expected.map(verdict));
    // The cells were chosen so that both kinds of verdict occur.
    expect(actual.filter((r) => !r.ok).length).toBeGreaterThanOrEqual(4);
    expect(actual.filter((r) => r.ok).length).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it("forgets every earlier cell on reset, as a kernel restart does", () => {
    const checker = new TslabTypeChecker(files);
    const first = checker.check("const doseMg = 100;");
    if (!first.ok) throw new Error(first.diagnostics.join("\n"));
    checker.commit(first.declarations);
    expect(checker.check("doseMg.toFixed(1);").ok).toBe(true);
    checker.reset();
    expect(checker.check("doseMg.toFixed(1);")).toEqual({
      ok: false,
      diagnostics: ["1:1 - Cannot find name 'doseMg'."],
    });
  }, 60_000);

  it("embeds declaration files without their doc comments, and nothing else removed", () => {
    const text =
      '/// <reference types="node" />\n/** doc `x` */\nexport declare const a: "/** not */"; // keep\n/* keep */ type T = `a${`n${string}/**x*/`}/**b*/${number}c` | { a: 1 };\n/** last */';
    expect(withoutDocComments(text)).toBe(
      '/// <reference types="node" />\n\nexport declare const a: "/** not */"; // keep\n/* keep */ type T = `a${`n${string}/**x*/`}/**b*/${number}c` | { a: 1 };\n',
    );
    expect(Object.values(files).some((t) => t.includes("BEGIN SOLUTION"))).toBe(false);
  });

  it("lets a cell export, as the live kernel does: an exercise's work cell re-run with a new answer checks, and its types are still checked", () => {
    const checker = new TslabTypeChecker(files);
    const work = (answer: string): string =>
      `import { type Unit } from "microdosing-workbook";\nexport const ex2_1_maxMicrodoseUg: number | Unit = ${answer};\n`;
    for (const answer of ["450", "45"]) {
      const result = checker.check(work(answer));
      expect(result).toMatchObject({ ok: true });
      if (result.ok) checker.commit(result.declarations);
    }
    expect(checker.check("ex2_1_maxMicrodoseUg;").ok).toBe(true); // later cells see the name
    const listed = checker.check("const a = 1;\nexport { a };\nexport function f(): number { return a; }");
    expect(listed.ok).toBe(true);
    // a type error keeps its line and column (the blanked `export ` shifts nothing)
    expect(checker.check('const b = 2;\nexport const wrong: number = "5 mg";')).toEqual({
      ok: false,
      diagnostics: ["2:14 - Type 'string' is not assignable to type 'number'."],
    });
  }, 60_000);

  it("rejects bad input by name", () => {
    const checker = new TslabTypeChecker(files);
    expect(() => checker.check(42 as unknown as string)).toThrow(/TslabTypeChecker\.check.*code.*must be a string.*42/);
    expect(() => checker.commit(undefined as unknown as string)).toThrow(/TslabTypeChecker\.commit.*declarations/);
    expect(() =>
      memorySystem({ "relative.d.ts": "" }, { currentDirectory: "/a", executingFilePath: "/a/ts.js" }),
    ).toThrow(/memorySystem.*absolute/);
  });
});

function verdict(result: CellCheck): string {
  return result.ok ? "ok" : result.diagnostics.join("\n");
}
