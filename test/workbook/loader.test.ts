import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkExercise, createAnswerLoader, findProjectRoot, LoadError } from "../../src/workbook";
import * as library from "../../src";

/** A scratch project that shares this one's src/ and node_modules/ through symlinks. */
const project = findProjectRoot();
const root = mkdtempSync(join(tmpdir(), "workbook-loader-"));
symlinkSync(join(project, "src"), join(root, "src"));
symlinkSync(join(project, "node_modules"), join(root, "node_modules"));
writeFileSync(join(root, "package.json"), "{}");
mkdirSync(join(root, "exercises"));
const file = join(root, "exercises", "ch02.ts");
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("createAnswerLoader(...).load(file) reads the file fresh every time", () => {
  const loader = createAnswerLoader({ root, timeoutMs: 500 });

  it("sees an edit made after the first load, without any restart", () => {
    writeFileSync(file, "export const x: number = 1;\n");
    expect(loader.load(file).x).toBe(1);
    writeFileSync(file, "export const x: number = 2;\n");
    expect(loader.load(file).x).toBe(2);
  });

  it("gives imports of ../src the library instance already loaded (same mathjs)", () => {
    writeFileSync(
      file,
      'import { math, maxMicrodose } from "../src";\nexport const same = math;\nexport const limit = maxMicrodose("20 mg").toNumber("ug");\n',
    );
    const mod = loader.load(file);
    expect(mod.same).toBe(library.math);
    expect(mod.limit).toBe(100);
  });

  it("loads a student's helper next to the exercises fresh as well", () => {
    writeFileSync(join(root, "exercises", "helper.ts"), "export const k = 3;\n");
    writeFileSync(file, 'import { k } from "./helper";\nexport const y = k * 2;\n');
    expect(loader.load(file).y).toBe(6);
    writeFileSync(join(root, "exercises", "helper.ts"), "export const k = 5;\n");
    expect(loader.load(file).y).toBe(10);
  });

  it("reports a syntax error with file, line and column", () => {
    writeFileSync(file, "export const x = ;\n");
    expect(() => loader.load(file)).toThrow(LoadError);
    expect(() => loader.load(file)).toThrow(/ch02\.ts:1:18: Expression expected/);
  });

  it("stops an endless loop at the top level of the file", () => {
    writeFileSync(file, "while (true) {}\nexport const x = 1;\n");
    expect(() => loader.load(file)).toThrow(/did not finish within 0.5 s/);
  });

  it("checkExercise turns a file that does not load into a failed verdict with the reason", () => {
    writeFileSync(file, "export const ex2_1_maxMicrodoseUg: number = ;\n");
    const v = checkExercise("ex-2.1", { root, answers: "exercises" });
    expect(v.status).toBe("fail");
    expect(v.loadError).toMatch(/Expression expected/);
  });
});
