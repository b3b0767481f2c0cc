// @instructor-only — one syntax-only transpile for the notebook loader and the grader.
import { describe, expect, it } from "vitest";
import { transpileStudentFile } from "../../src/course/grade";
import { transpileTypeScript } from "../../src/workbook/loader";

describe("transpileTypeScript(file, source)", () => {
  it('transpileTypeScript("a.ts", "export const x: number = 1;").ok is true', () => {
    expect(transpileTypeScript("a.ts", "export const x: number = 1;").ok).toBe(true);
  });
  it("reports the first syntax error at its line and column, and how many there were", () => {
    expect(transpileTypeScript("a.ts", "const a = 1;\nexport const = ;\nexport const = ;")).toEqual({ ok: false, message: expect.stringMatching(/^a\.ts:2:14: /), errorCount: expect.any(Number) });
  });
  it("lets type errors through (syntax only)", () => {
    const out = transpileTypeScript("a.ts", 'export const x: number = "not a number";');
    expect(out).toEqual({ ok: true, js: expect.stringContaining('exports.x = "not a number"') });
  });
});

describe("transpileStudentFile(label, source)", () => {
  it("gives the loader's JavaScript for a file that compiles", () => {
    const source = "export function f(x: number): number { return x * 2; }";
    expect(transpileStudentFile("exercises/ch01.ts", source)).toEqual(transpileTypeScript("exercises/ch01.ts", source));
  });
  it("adds how many more errors there are to the loader's message", () => {
    const source = "export const = ;\nexport const = ;\n";
    const loader = transpileTypeScript("exercises/ch02.ts", source);
    if (loader.ok) throw new Error("expected a syntax error");
    expect(loader.errorCount).toBeGreaterThan(1);
    expect(transpileStudentFile("exercises/ch02.ts", source)).toEqual({ ok: false, message: `${loader.message} (and ${loader.errorCount - 1} more)` });
  });
});
