// One syntax-only transpile for the notebook loader and the grader; the grader's runs in a worker thread.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { StudentTranspiler, transpileStudentFile } from "../../src/course/grade";
import { transpileTypeScript } from "../../src/workbook/loader";
import { ROOT, solution } from "./fixtures";

/** A correct chapter file followed by an n-branch `if (x === i) return …; else …` chain. */
export const longChain = (n: number): string => {
  let s = "export function lookup(x: number): string {\n  ";
  for (let i = 0; i < n; i++) s += `if (x === ${i}) return "v${i}"; else `;
  return `${s}return "none";\n}\n`;
};

describe("transpileTypeScript(file, source)", () => {
  it('transpileTypeScript("a.ts", "export const x: number = 1;").ok is true', () => {
    expect(transpileTypeScript("a.ts", "export const x: number = 1;").ok).toBe(true);
  });
  it("reports the first syntax error at its line and column, and how many there were", () => {
    expect(transpileTypeScript("a.ts", "const a = 1;\nexport const = ;\nexport const = ;")).toEqual({
      ok: false,
      message: expect.stringMatching(/^a\.ts:2:14: /),
      errorCount: expect.any(Number),
    });
  });
  it("lets type errors through (syntax only)", () => {
    const out = transpileTypeScript("a.ts", 'export const x: number = "not a number";');
    expect(out).toEqual({ ok: true, js: expect.stringContaining('exports.x = "not a number"') });
  });
  it("overflows the stack of the thread it runs on for 1,000 nested parentheses (why the grader uses a worker)", () => {
    expect(() => transpileTypeScript("a.ts", `export const y = ${"(".repeat(1000)}1${")".repeat(1000)};`)).toThrow(
      /Maximum call stack size exceeded/,
    );
  });
});

describe("one syntax-only transpile for the notebook loader and the grader", () => {
  it("the loader and the grader's worker both run transpile-typescript.ts's transpileWith; neither calls transpileModule itself", () => {
    for (const rel of ["src/workbook/loader.ts", "src/course/grade/transpile-worker.ts"]) {
      const text = readFileSync(join(ROOT, rel), "utf8");
      expect(text, rel).toMatch(/from "[./]+(workbook\/)?transpile-typescript"/);
      expect(text, rel).toContain("transpileWith(");
      expect(text, rel).not.toContain("transpileModule(");
    }
  });
});

describe("transpileStudentFile(label, source)", () => {
  it("gives the loader's JavaScript for a file that compiles", async () => {
    for (const source of ["export function f(x: number): number { return x * 2; }", solution("ch06")]) {
      expect(await transpileStudentFile("exercises/ch01.ts", source)).toEqual(
        transpileTypeScript("exercises/ch01.ts", source),
      );
    }
  });
  it("adds how many more errors there are to the loader's message", async () => {
    const source = "export const = ;\nexport const = ;\n";
    const loader = transpileTypeScript("exercises/ch02.ts", source);
    if (loader.ok) throw new Error("expected a syntax error");
    expect(loader.errorCount).toBeGreaterThan(1);
    expect(await transpileStudentFile("exercises/ch02.ts", source)).toEqual({
      ok: false,
      message: `${loader.message} (and ${loader.errorCount - 1} more)`,
    });
  });
});

describe("new StudentTranspiler(limits).transpile(label, source) contains what breaks TypeScript", () => {
  const transpiler = new StudentTranspiler();
  afterAll(() => transpiler.close());

  it("transpiles a correct file followed by a 1,500-branch if/else chain (the grader's stack overflowed on it)", async () => {
    const source = `${solution("ch06")}\n${longChain(1500)}`;
    expect(source.length).toBeGreaterThan(55_000);
    const out = await transpiler.transpile("exercises/ch06.ts", source);
    expect(out.ok && out.js).toMatch(/exports\.lookup = lookup/);
  });
  it("transpiles 1,000 nested parentheses and 800 nested array brackets", async () => {
    expect(
      (await transpiler.transpile("exercises/ch01.ts", `export const y = ${"(".repeat(1000)}1${")".repeat(1000)};`)).ok,
    ).toBe(true);
    expect(
      (await transpiler.transpile("exercises/ch01.ts", `export const y = ${"[".repeat(800)}1${"]".repeat(800)};`)).ok,
    ).toBe(true);
  });
  it("turns a stack overflow into a message naming the file and the cause, and keeps working", async () => {
    expect(
      await transpiler.transpile("exercises/ch03.ts", `export const y = ${"[".repeat(30_000)}1${"]".repeat(30_000)};`),
    ).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^exercises\/ch03\.ts: TypeScript could not read this file: its code is nested too deeply \(RangeError: Maximum call stack size exceeded\)/,
      ),
    });
    expect(await transpiler.transpile("exercises/ch01.ts", "export const x: number = 1;")).toEqual({
      ok: true,
      js: expect.stringContaining("exports.x = 1"),
    });
  });
  it("reports binary garbage as a syntax error", async () => {
    const out = await transpiler.transpile("exercises/ch04.ts", randomBytes(200_000).toString("latin1"));
    expect(out).toEqual({ ok: false, message: expect.stringMatching(/^exercises\/ch04\.ts:\d+:\d+: /) });
  });
  it("transpiles a huge literal (a 900 KB string, a 150,000-element array)", async () => {
    expect(
      (await transpiler.transpile("exercises/ch05.ts", `export const s = ${JSON.stringify("x".repeat(900_000))};`)).ok,
    ).toBe(true);
    expect(
      (
        await transpiler.transpile(
          "exercises/ch05.ts",
          `export const a = [${Array.from({ length: 150_000 }, (_, i) => i).join(",")}];`,
        )
      ).ok,
    ).toBe(true);
  });
  it("gives up on a file that takes longer than its limit, naming the file and the limit", async () => {
    // 0.05 s cannot be enough for 6,000 branches (several seconds of TypeScript): the assertion only gets truer on a busy machine.
    const hurried = new StudentTranspiler({ timeoutMs: 50 });
    try {
      expect(await hurried.transpile("exercises/ch02.ts", longChain(6000))).toEqual({
        ok: false,
        message: expect.stringMatching(
          /^exercises\/ch02\.ts: TypeScript did not finish reading this \d+ KB file within 0\.05 s/,
        ),
      });
    } finally {
      await hurried.close();
    }
  });
  it("survives its worker running out of memory: a message for that file, a fresh worker for the next", async () => {
    const small = new StudentTranspiler({ heapMb: 32, timeoutMs: 120_000 });
    try {
      expect((await small.transpile("exercises/ch01.ts", "export const x = 1;")).ok).toBe(true);
      expect(
        await small.transpile(
          "exercises/ch05.ts",
          `export const a = [${Array.from({ length: 150_000 }, (_, i) => i).join(",")}];`,
        ),
      ).toEqual({
        ok: false,
        message: expect.stringMatching(
          /^exercises\/ch05\.ts: TypeScript ran out of memory \(limit 32 MB\) on this 917 KB file/,
        ),
      });
      expect((await small.transpile("exercises/ch01.ts", "export const x = 2;")).ok).toBe(true);
    } finally {
      await small.close();
    }
  });
  it("validates its limits", () => {
    expect(() => new StudentTranspiler({ timeoutMs: 0 })).toThrow(
      "StudentTranspiler: limits.timeoutMs must be a positive number; received 0",
    );
  });
});
