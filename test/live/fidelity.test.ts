import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinText, type CodeCell } from "../../src/core/nbformat";
import { serveDirectory } from "../site/serve";
import type { CellCheck } from "../../src/course/live/checker/type-checker";
import {
  chromiumAvailable,
  CHROMIUM,
  executedNotebooks,
  launchChromium,
  outputText,
  prepareRuntimeSite,
  TEST_PAGE,
  type CellRun,
} from "./runtime-harness";
import { tslabReference, TYPE_CHECK_CELLS } from "./type-check-reference";

/**
 * The live runtime against the executed notebooks, in real Chromium: every chapter the
 * build executed is run top to bottom in the browser kernel (a fresh kernel per chapter,
 * through a tiny page that loads only the built assets, with every cell type-checked first
 * as tslab does), and every cell's text output —
 * stdout, stderr, each display's text/plain — must equal the notebook's. Deliberate
 * differences would be listed in DELIBERATE_DIFFERENCES with their reason; there are none.
 * Skipped with a message when Chromium or the build's executed notebooks are missing,
 * except in CI, where that is a failure.
 */
const notebooks = executedNotebooks();
const runnable = chromiumAvailable && notebooks.size > 0;
if (!runnable && !process.env.CI) {
  console.warn(
    `test/live/fidelity.test.ts skipped: ${chromiumAvailable ? "no executed notebooks in .cache/site/embedded (run npm run build)" : `no Chromium at ${CHROMIUM}`}. In CI this is a failure.`,
  );
}

/** chapter → code cell number (1-based) → why its text may differ. Empty: no deliberate difference. */
const DELIBERATE_DIFFERENCES: Record<string, Record<number, string>> = {};

/** Markers that must never reach the student bundle (hidden checks, solutions). */
const FORBIDDEN_IN_ASSETS = [
  /BEGIN SOLUTION/,
  /END SOLUTION/,
  /src\/workbook\/instructor/,
  /solutions\/ch0\d/,
  /WORKBOOK_HIDDEN_SEED/,
  /referenceAnswer/,
  /isMistakeFor/,
];

describe.skipIf(!runnable && !process.env.CI)("the live runtime reproduces the executed notebooks", () => {
  let context: BrowserContext;
  let site: { url: string; close: () => Promise<void> };
  let dir: string;
  const foreign: string[] = [];
  /** What tslab itself says of TYPE_CHECK_CELLS (its converter on the real files, in Node). */
  let tslabVerdicts: CellCheck[];

  beforeAll(async () => {
    [{ dir }, tslabVerdicts] = await Promise.all([
      prepareRuntimeSite(),
      tslabReference(join(__dirname, "..", ".."), TYPE_CHECK_CELLS),
    ]);
    site = await serveDirectory(dir);
    context = await launchChromium();
    // Every request must stay on the site's own host: anything else is recorded and aborted.
    const own = new URL(site.url).host;
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === "blob:" || url.protocol === "data:" || url.protocol === "file:" || url.host === own)
        return route.continue();
      foreign.push(url.href);
      return route.abort();
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await site?.close();
  });

  async function freshPage(): Promise<Page> {
    const page = await context.newPage();
    await page.goto(site.url + TEST_PAGE);
    return page;
  }

  function run(page: Page, cells: string[]): Promise<CellRun[]> {
    return page.evaluate(
      (cs) => (window as unknown as { liveRun(c: string[]): Promise<CellRun[]> }).liveRun(cs),
      cells,
    );
  }

  /** One page whose kernel type-checks every cell (the checker loads once; each chapter restarts the kernel). */
  let typed: Page | undefined;
  async function typedKernel(): Promise<Page> {
    if (typed) {
      await typed.evaluate(() => (window as unknown as { liveRestart(): void }).liveRestart());
      return typed;
    }
    typed = await freshPage();
    await typed.evaluate(() =>
      (window as unknown as { liveKernel(t: number, typed: boolean): boolean }).liveKernel(30_000, true),
    );
    await run(typed, [""]); // the first run loads the checker
    await typed.waitForFunction(
      () => (window as unknown as { liveTypeChecking(): string }).liveTypeChecking() !== "loading",
      undefined,
      { timeout: 120_000 },
    );
    expect(await typed.evaluate(() => (window as unknown as { liveTypeChecking(): string }).liveTypeChecking())).toBe(
      "ready",
    );
    return typed;
  }

  for (const [chapter, notebook] of notebooks) {
    it(`${chapter}: every cell type-checked and run top to bottom prints what the executed notebook printed`, async () => {
      const cells = notebook.cells.filter((c): c is CodeCell => c.cell_type === "code");
      const page = await typedKernel();
      const results = await run(
        page,
        cells.map((c) => joinText(c.source)),
      );
      const allowed = DELIBERATE_DIFFERENCES[chapter] ?? {};
      const differences: string[] = [];
      const errors: string[] = [];
      results.forEach((result, i) => {
        if (result.status !== "ok" || result.outputs.some((o) => o.output_type === "error"))
          errors.push(`cell ${i + 1}: ${result.status} ${JSON.stringify(outputText(result.outputs))}`);
        const got = outputText(result.outputs);
        const expected = outputText(cells[i].outputs);
        if (JSON.stringify(got) !== JSON.stringify(expected) && !(i + 1 in allowed))
          differences.push(
            `cell ${i + 1}:\n  live:     ${JSON.stringify(got)}\n  notebook: ${JSON.stringify(expected)}`,
          );
      });
      expect(errors).toEqual([]);
      expect(differences).toEqual([]);
      // A chart cell gives the vega-lite spec the page draws, as in the notebook.
      const charts = cells.filter((c) =>
        c.outputs.some((o) => o.output_type === "display_data" && "application/vnd.vegalite.v5+json" in o.data),
      ).length;
      const liveCharts = results.filter((r) =>
        r.outputs.some((o) => o.output_type === "display_data" && "application/vnd.vegalite.v5+json" in o.data),
      ).length;
      expect(liveCharts).toBe(charts);
    }, 180_000);
  }

  it("reports a syntax error and a runtime error each with its cell and line, and keeps going", async () => {
    const page = await freshPage();
    const results = await run(page, [
      "const a = 1;\nconst b = ;",
      "const n: number = 2;\n\nnull!.toString();",
      'function boom(): never {\n  throw new RangeError("bad dose");\n}',
      "boom()",
      "console.log(n + 1)",
    ]);
    await page.close();
    const first = (r: CellRun) => {
      const error = r.outputs.find((o) => o.output_type === "error");
      return error && error.output_type === "error" ? error.traceback[0] : undefined;
    };
    expect(results.map((r) => r.status)).toEqual(["error", "error", "ok", "error", "ok"]);
    expect(first(results[0])).toBe("Cell 1, line 2: SyntaxError: Unexpected token");
    expect(first(results[1])).toMatch(/^Cell 2, line 3: TypeError: Cannot read properties of null/);
    // The error is located where it was thrown (cell 3's function), called from cell 4.
    expect(first(results[3])).toBe("Cell 3, line 2: RangeError: bad dose");
    expect(outputText(results[4].outputs)).toEqual(["[stdout] 3\n"]);
  }, 60_000);

  it("stops an endless loop with stop() and with the timeout, without freezing the page, and starts afresh", async () => {
    const page = await freshPage();
    const stopped = await page.evaluate(async () => {
      const w = window as unknown as { liveRun(c: string[]): Promise<CellRun[]>; liveStopAfter(ms: number): void };
      await w.liveRun(["const kept = 1;"]);
      w.liveStopAfter(500);
      let ticks = 0;
      const timer = setInterval(() => ticks++, 50);
      const [loop] = await w.liveRun(["while (true) {}"]);
      clearInterval(timer);
      const [after] = await w.liveRun(["typeof kept"]);
      return { loop: loop.status, ticks, after: after.outputs };
    });
    expect(stopped.loop).toBe("stopped");
    expect(stopped.ticks).toBeGreaterThan(3); // the page kept running while the worker looped
    expect(outputText(stopped.after)).toEqual(["[stdout] undefined\n"]);
    const timedOut = await page.evaluate(async () => {
      const w = window as unknown as { liveKernel(ms: number): boolean; liveRun(c: string[]): Promise<CellRun[]> };
      w.liveKernel(1500);
      const [loop] = await w.liveRun(["for (;;) {}"]);
      const [after] = await w.liveRun(["1 + 1"]);
      return { loop, after: after.outputs };
    });
    await page.close();
    expect(timedOut.loop.status).toBe("timeout");
    expect(outputText(timedOut.loop.outputs)[0]).toMatch(/^\[error\] Timeout: Cell 1 did not finish within 1\.5 s/);
    expect(outputText(timedOut.after)).toEqual(["[stdout] 2\n"]);
  }, 60_000);

  it("judges an exercise from the cells' exports with the notebook's verdict texts", async () => {
    const page = await freshPage();
    const results = await run(page, [
      'import { check } from "microdosing-workbook/workbook";',
      'check("ex-2.1")',
      "export const ex2_1_maxMicrodoseUg = 4500;",
      'check("ex-2.1")',
      'export const ex2_1_maxMicrodoseUg = unit("45 ug");\nimport { unit } from "microdosing-workbook";',
      'check("ex-2.1")',
    ]);
    await page.close();
    const verdict = (r: CellRun) => outputText(r.outputs).join("");
    expect(verdict(results[1])).toContain("○ ex-2.1 not attempted — 0/2 points");
    expect(verdict(results[3])).toContain("✘ ex-2.1 not yet right — 0/2 points");
    expect(
      results[3].outputs[0].output_type === "display_data" && String(results[3].outputs[0].data["text/html"]),
    ).toContain('class="check-result fail"');
    expect(verdict(results[5])).toContain(
      "✔ ex-2.1 public checks passed — hidden checks run when graded — 2/2 points on the public checks",
    );
  }, 60_000);

  it("runs from disk (file://), where Chromium refuses a worker URL, through a Blob worker", async () => {
    const page = await context.newPage();
    await page.goto(`file://${join(dir, TEST_PAGE)}`);
    const [result] = await run(page, [
      'import { unit, formatQuantity } from "microdosing-workbook";\nformatQuantity(unit("20 mg"), "ug")',
    ]);
    await page.close();
    expect(result.status).toBe("ok");
    expect(outputText(result.outputs)).toEqual(["[stdout] 20000 ug\n"]);
  }, 60_000);

  const typeErrorOf = (r: CellRun): string => {
    const error = r.outputs.find((o) => o.output_type === "error" && o.ename === "TypeScriptError");
    return error && error.output_type === "error" ? error.traceback.slice(1).join("\n") : `ran: ${r.status}`;
  };

  it("refuses the cells tslab refuses, with tslab's diagnostics, and runs the others", async () => {
    const results = await run(await typedKernel(), [...TYPE_CHECK_CELLS]);
    expect(results.map(typeErrorOf)).toEqual(tslabVerdicts.map((v) => (v.ok ? "ran: ok" : v.diagnostics.join("\n"))));
  }, 120_000);

  it("from disk too: the checker loads after the first run, then checks the cells that ran before it", async () => {
    const page = await context.newPage();
    await page.goto(`file://${join(dir, TEST_PAGE)}`);
    await page.evaluate(() =>
      (window as unknown as { liveKernel(t: number, typed: boolean): boolean }).liveKernel(30_000, true),
    );
    expect((await run(page, ['const early: number = "not a number";']))[0].status).toBe("ok");
    const lastResults = () => (window as unknown as { liveLastResults: CellRun[] }).liveLastResults;
    await page.waitForFunction(
      () =>
        (window as unknown as { liveLastResults: CellRun[] }).liveLastResults[0].outputs.some(
          (o) => o.output_type === "error" && o.ename === "TypeScriptError",
        ),
      undefined,
      { timeout: 120_000 },
    );
    const [late] = await page.evaluate(lastResults);
    expect(late.outputs.at(-1)).toMatchObject({
      ename: "TypeScriptError",
      evalue: "1:7 - Type 'string' is not assignable to type 'number'.",
    });
    // As in tslab, which would not have run that cell: later cells' checks do not know its name.
    const [next] = await run(page, ["early.length;"]);
    await page.close();
    expect(next.outputs).toMatchObject([{ ename: "TypeScriptError", evalue: "1:1 - Cannot find name 'early'." }]);
  }, 180_000);

  it("made no request to any host but the site's own", () => {
    expect(foreign).toEqual([]);
  });

  // A hidden case's value is looked for by test/live/instructor/runtime-hidden.test.ts (instructor-only: it reads the hidden checks).
  it("ships no hidden check and no solution in the student assets", () => {
    const files = readdirSync(join(dir, "assets", "live")).map((f) => join(dir, "assets", "live", f));
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const marker of FORBIDDEN_IN_ASSETS)
        expect({ file, marker: String(marker), leaked: marker.test(text) }).toEqual({
          file,
          marker: String(marker),
          leaked: false,
        });
    }
  });
});
