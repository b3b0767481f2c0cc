import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXERCISES } from "../../src/workbook/catalog";
import { checkExercises } from "../../src/workbook/check";
import { checkExercises as checkExercisesInBrowser } from "../../src/workbook/check.browser";
import { createAnswerLoader } from "../../src/workbook/loader";
import { findProjectRoot } from "../../src/workbook/paths";

/**
 * check.ts (Node: the notebook, `npm run check`) and its browser twin check.browser.ts (the live
 * course) differ only in where the module to check comes from; judging it, checking many and
 * displaying a verdict is one module both use, check-common.ts.
 */
const root = findProjectRoot();
const source = (rel: string): string => readFileSync(join(root, rel), "utf8");
const relativeImports = (text: string): string[] => [...text.matchAll(/from "(\.[^"]+)"/g)].map((m) => m[1]);

describe("check-common.ts: what the Node check and its browser twin share", () => {
  it("both checks judge, check many and display through check-common, with no copy of their own", () => {
    for (const rel of ["src/workbook/check.ts", "src/workbook/check.browser.ts"]) {
      const text = source(rel);
      expect(text, rel).toMatch(/from "\.\/check-common"/);
      expect(text, rel).not.toMatch(/\b(judgePlanned|invokeProbe|displayRich|renderVerdictHtml)\b/);
      expect(text, rel).not.toMatch(/new Map<string, ReturnType<typeof invokeProbe>>/);
    }
  });

  it("check-common and the browser twin import no Node built-in, and only modules that are Node-free or have a browser twin", () => {
    for (const rel of ["src/workbook/check-common.ts", "src/workbook/check.browser.ts"]) {
      const text = source(rel);
      expect(text, rel).not.toMatch(/from "node:|require\("node:/);
      for (const spec of relativeImports(text)) {
        const base = join(root, "src", "workbook", spec);
        if (existsSync(`${base}.browser.ts`) || existsSync(join(base, "index.browser.ts")) || spec.endsWith(".json"))
          continue;
        const file = existsSync(`${base}.ts`) ? `${base}.ts` : join(base, "index.ts");
        expect(readFileSync(file, "utf8"), `${rel} imports ${spec}`).not.toMatch(/from "node:/);
      }
    }
  });

  it("the two give the same verdict for every exercise, for the reference answers and for untouched stubs", () => {
    const loader = createAnswerLoader({ root, timeoutMs: 30_000 });
    const files = [...new Set(EXERCISES.map((e) => e.file))];
    const answers = Object.assign({}, ...files.map((f) => loader.load(join(root, "solutions", `${f}.ts`)))) as Record<
      string,
      unknown
    >;
    const node = checkExercises(undefined, { root, exports: answers });
    expect(node.every((v) => v.status === "pass")).toBe(true);
    expect(checkExercisesInBrowser(undefined, { exports: answers })).toEqual(node);
    const untouched = checkExercisesInBrowser(undefined, { exports: {} });
    expect(untouched.map((v) => v.status)).toEqual(EXERCISES.map(() => "not-attempted"));
  }, 60_000);

  it("checkExercises reports progress after each verdict, in order, in both", () => {
    const ids = ["ex-1.1", "ex-2.1"];
    for (const run of [
      (cb: (i: number) => void) => checkExercises(ids, { root, exports: {} }, (_v, i) => cb(i)),
      (cb: (i: number) => void) => checkExercisesInBrowser(ids, { exports: {} }, (_v, i) => cb(i)),
    ]) {
      const seen: number[] = [];
      run((i) => seen.push(i));
      expect(seen).toEqual([1, 2]);
    }
  });
});
