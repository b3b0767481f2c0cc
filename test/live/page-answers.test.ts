import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync, zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import {
  answersZip,
  assembleAnswerFile,
  beginMarker,
  extractAnswers,
  readAnswers,
} from "../../src/course/live/page/answers";
import { liveCourseData } from "../../src/course/live/page/build-data";
import { fileSpecifier, findImports, notebookSpecifier, withoutImports } from "../../src/course/live/page/imports";
import { statementEnd } from "../../src/course/live/page/statement-end";
import { transpileTypeScript } from "../../src/workbook/loader";

const ROOT = join(__dirname, "..", "..");
const course = liveCourseData(ROOT);
const exercise = (id: string) => course.exercises.find((e) => e.id === id)!;

describe("liveCourseData(root): the released stubs, never the solutions", () => {
  it("holds exercises/chNN.ts byte for byte and one entry per catalog exercise", () => {
    for (const [file, source] of Object.entries(course.files))
      expect(source).toBe(readFileSync(join(ROOT, "exercises", `${file}.ts`), "utf8"));
    expect(course.exercises.length).toBeGreaterThan(40);
    expect(JSON.stringify(course)).not.toMatch(/BEGIN SOLUTION|END SOLUTION/);
  });

  it("prefills a work cell with the stub declaration and the notebook-style imports it needs", () => {
    expect(exercise("ex-2.1").prefill).toBe(
      [
        'import { type Unit } from "microdosing-workbook";',
        'import { notAttempted } from "microdosing-workbook/workbook";',
        "",
        "// ex-2.1: replace notAttempted(…) below with your answer, then run the check cell under this one.",
        'export const ex2_1_maxMicrodoseUg: number | Unit = notAttempted("ex-2.1");',
        "",
      ].join("\n"),
    );
    // an exercise on shared data gets the data's declaration too
    expect(exercise("ex-5.1").prefill).toContain('export const ex5_1_data = exerciseData("ex-5.1");');
    expect(exercise("ex-5.1").context).toBe('export const ex5_1_data = exerciseData("ex-5.1");');
  });
});

describe("imports between notebook cells and exercises files", () => {
  it("findImports reads named, type-only, namespace and multi-line imports", () => {
    const found = findImports(
      'import { math, type Unit } from "../src";\nimport type { X } from "./x";\nimport * as wb from "microdosing-workbook";\nimport {\n  a,\n  b as c,\n} from "m";\nconst s = "import { no } from \'x\'";',
    );
    expect(found.map((s) => s.specifier)).toEqual(["../src", "./x", "microdosing-workbook", "m"]);
    expect(found[0].names).toEqual([
      { imported: "math", local: "math", typeOnly: false },
      { imported: "Unit", local: "Unit", typeOnly: true },
    ]);
    expect(found[1].names[0].typeOnly).toBe(true);
    expect(found[2].names[0]).toEqual({ imported: "*", local: "wb", typeOnly: false });
    expect(found[3].names.map((n) => n.local)).toEqual(["a", "c"]);
  });

  it("withoutImports keeps the code and drops the statements", () => {
    expect(withoutImports('import { a } from "x";\n\nconst b = a;\n')).toBe("const b = a;\n");
  });

  it("maps specifiers both ways, names going back where the stubs import them from", () => {
    expect(notebookSpecifier("../src")).toBe("microdosing-workbook");
    expect(notebookSpecifier("../src/workbook/not-attempted")).toBe("microdosing-workbook/workbook");
    const origins = new Map([["notAttempted", "../src/workbook/not-attempted"]]);
    expect(fileSpecifier("microdosing-workbook/workbook", "notAttempted", origins)).toBe(
      "../src/workbook/not-attempted",
    );
    expect(fileSpecifier("microdosing-workbook", "nca", origins)).toBe("../src");
    expect(fileSpecifier("mathjs", "evaluate", origins)).toBe("mathjs");
  });

  it("statementEnd finds the end of a value and of a function with braces in strings and templates", () => {
    const src =
      'export const a = { x: ";" };\nexport function f(p: { q: number }): number {\n  const s = `}${"}"}`;\n  return 1;\n}\nconst after = 1;';
    expect(src.slice(0, statementEnd(src, 0, "value"))).toBe('export const a = { x: ";" };');
    const start = src.indexOf("export function");
    expect(src.slice(start, statementEnd(src, start, "function")).endsWith("return 1;\n}")).toBe(true);
  });
});

describe("answers files: assembleAnswerFile, answersZip, extractAnswers, readAnswers", () => {
  const answer21 = exercise("ex-2.1")
    .prefill.replace("import { type Unit }", "import { type Unit, inUnit, maxMicrodose }")
    .replace('= notAttempted("ex-2.1")', '= inUnit(maxMicrodose("4.5 mg"), "ug")');
  const answer23 =
    'import { notAttempted } from "microdosing-workbook/workbook";\n\nconst cap = (mw: number | null) => (mw === null ? 100 : 30e-9 * mw * 1e6);\nexport function maxMicrodoseUg(minActiveDoseMg: number, molecularWeight: number | null): number {\n  return Math.min((minActiveDoseMg * 1000) / 100, cap(molecularWeight));\n}\n';

  it("an unanswered course gives the stub files unchanged", () => {
    for (const file of Object.keys(course.files)) expect(assembleAnswerFile(course, file, {})).toBe(course.files[file]);
    expect(assembleAnswerFile(course, "ch02", { "ex-2.1": exercise("ex-2.1").prefill })).toBe(course.files.ch02);
  });

  it("replaces the answered stubs, adds the library imports the file's way, and compiles", () => {
    const file = assembleAnswerFile(course, "ch02", { "ex-2.1": answer21, "ex-2.3": answer23 });
    expect(file).toContain(`${beginMarker("ex-2.1")}\n`);
    expect(file).toContain('export const ex2_1_maxMicrodoseUg: number | Unit = inUnit(maxMicrodose("4.5 mg"), "ug");');
    expect(file).not.toContain('notAttempted("ex-2.1")');
    expect(file).toContain('notAttempted("ex-2.2")'); // untouched exercises keep their stub
    expect(file).toContain('import { inUnit, maxMicrodose } from "../src";');
    expect(file).not.toContain("microdosing-workbook");
    expect(file.match(/import \{ notAttempted \}/g)).toHaveLength(1);
    expect(transpileTypeScript("exercises/ch02.ts", file).ok).toBe(true);
  });

  it("a zip round trip gives back the work cells", () => {
    const zip = answersZip(course, { "ex-2.1": answer21, "ex-2.3": answer23 });
    const entries = Object.keys(unzipSync(zip)).sort();
    expect(entries).toEqual(
      Object.keys(course.files)
        .sort()
        .map((f) => `exercises/${f}.ts`),
    );
    const { answers, files } = readAnswers(course, "my-answers.zip", zip);
    expect(files).toHaveLength(Object.keys(course.files).length);
    expect(Object.keys(answers).sort()).toEqual(["ex-2.1", "ex-2.3"]);
    expect(answers["ex-2.1"]).toContain(
      'export const ex2_1_maxMicrodoseUg: number | Unit = inUnit(maxMicrodose("4.5 mg"), "ug");',
    );
    expect(answers["ex-2.1"]).toMatch(/^import \{ .*inUnit.* \} from "microdosing-workbook";/m);
    expect(answers["ex-2.3"]).toContain("const cap = (mw: number | null)");
  });

  it("reads a zip with one top folder, and an exercises file edited by hand (no markers)", () => {
    const edited = course.files.ch02.replace('= notAttempted("ex-2.4")', "= 60 * 0.08 / (60 * 0.08 + 3)");
    const zip = zipSync({ "ada/exercises/ch02.ts": strToU8(edited) });
    const { answers } = readAnswers(course, "ada.zip", zip);
    expect(Object.keys(answers)).toEqual(["ex-2.4"]);
    expect(answers["ex-2.4"]).toBe("export const ex2_4_peakOccupancy: number = 60 * 0.08 / (60 * 0.08 + 3);\n");
    expect(extractAnswers(course, "ch02", course.files.ch02)).toEqual({});
    expect(strFromU8(zip).length).toBeGreaterThan(0);
  });

  it("refuses what is not an answers file, naming the function and the value", () => {
    expect(() => readAnswers(course, "notes.txt", strToU8("x"))).toThrow(InputError);
    expect(() => readAnswers(course, "notes.txt", strToU8("x"))).toThrow(/readAnswers.*name.*notes\.txt/);
    expect(() => readAnswers(course, "a.zip", strToU8("not a zip"))).toThrow(/readAnswers.*must be a zip/);
    expect(() => readAnswers(course, "a.zip", zipSync({ "readme.md": strToU8("x") }))).toThrow(
      /must hold exercises\/chNN\.ts/,
    );
    expect(() => assembleAnswerFile(course, "ch99", {})).toThrow(/assembleAnswerFile.*file/);
  });
});
