import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { renderCheckReport, wrapText } from "../../src/workbook/check-report";
import { inlineMarkdownToHtml, inlineMarkdownToText } from "../../src/workbook/inline-markdown";
import { escapeHtml } from "../../src/core/html";
import { renderVerdictHtml, renderVerdictText } from "../../src/workbook/render";
import { createTranspileCache } from "../../src/workbook/transpile-cache";
import type { Verdict } from "../../src/workbook/types";

const longHint = `The microdose limit applies to the **administered** dose, never to the bioavailable amount: ${"do not multiply or divide by F. ".repeat(4).trim()}`;
const failing: Verdict = {
  id: "ex-2.2",
  title: "Administered, not bioavailable",
  file: "ch02",
  exportName: "ex2_2_maxOralMicrodoseUg",
  status: "fail",
  points: 0,
  maxPoints: 2,
  checks: [
    {
      name: "matches the expected value (3 significant figures)",
      visibility: "public",
      passed: false,
      message: "does not match",
      received: "200 ug",
    },
  ],
  hints: [longHint],
};

describe("renderCheckReport (npm run check)", () => {
  it("prints every hint in full, emphasis as plain text, wrapped without cutting words", () => {
    const text = renderCheckReport([failing], { bold: false, width: 60 });
    expect(text).not.toContain("**");
    expect(text).not.toContain("…");
    expect(text.replace(/\s+/g, " ")).toContain(`Hint: ${longHint.replace(/\*\*/g, "")}`);
    for (const line of text.split("\n").slice(5)) expect(line.length).toBeLessThanOrEqual(60);
    expect(text).toMatch(/^ex-2\.2\s+FAIL\s+0\/2/m);
    expect(text).toContain("received 200 ug");
  });
  it("renders emphasis in terminal bold on a TTY", () => {
    expect(renderCheckReport([failing], { bold: true, width: 200 })).toContain("\u001b[1madministered\u001b[22m");
  });
  it("rejects a width under 40 columns, naming the option", () => {
    expect(() => renderCheckReport([failing], { bold: false, width: 10 })).toThrow(InputError);
    expect(() => renderCheckReport([failing], { bold: false, width: 10 })).toThrow(
      /renderCheckReport: options.width .*received 10/,
    );
  });
  it("wrapText keeps the first and hanging indents", () => {
    expect(wrapText("aa bb cc dd", 8, "> ", "  ")).toEqual(["> aa bb", "  cc dd"]);
  });
});

describe("hints in the notebook's verdicts", () => {
  it("text/plain shows no raw **markdown**; text/html renders it as <strong>", () => {
    expect(renderVerdictText(failing)).not.toContain("**");
    expect(renderVerdictHtml(failing)).toContain("<strong>administered</strong>");
  });
  it("inline Markdown helpers: strong and code, single asterisks left alone, HTML escaped first", () => {
    expect(inlineMarkdownToText("**a** `b` mg*h/L", false)).toBe("a b mg*h/L");
    expect(inlineMarkdownToHtml("**<a>**", escapeHtml)).toBe("<strong>&lt;a&gt;</strong>");
    expect(() => inlineMarkdownToText(3 as unknown as string, false)).toThrow(
      /inlineMarkdownToText: text must be a string; received 3/,
    );
  });
});

describe("createTranspileCache", () => {
  const dir = mkdtempSync(join(tmpdir(), "transpile-cache-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("returns what was put for the same file, source and transpiler, and nothing otherwise", () => {
    const cache = createTranspileCache(dir, "ts 1");
    expect(cache.get("a.ts", "x")).toBeUndefined();
    cache.put("a.ts", "x", "js-of-x");
    expect(cache.get("a.ts", "x")).toBe("js-of-x");
    expect(cache.get("a.ts", "y")).toBeUndefined();
    expect(cache.get("b.ts", "x")).toBeUndefined();
    expect(createTranspileCache(dir, "ts 2").get("a.ts", "x")).toBeUndefined();
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
  it("rejects an empty directory name", () => {
    expect(() => createTranspileCache("", "ts")).toThrow(/createTranspileCache: dir must be a non-empty path/);
  });
});
