import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellCheck } from "../../src/course/live/checker/type-checker";
import { serveDirectory } from "../site/serve";
import { chromiumAvailable, launchChromium, prepareRuntimeSite, TEST_PAGE, type CellRun } from "./runtime-harness";
import { tslabReference, TYPE_CHECK_CELLS } from "./type-check-reference";

const ROOT = join(__dirname, "..", "..");

/**
 * Type errors in the browser: the built checker.js (tslab's converter and TypeScript in a
 * Web Worker) in Debian's Chromium must refuse exactly the cells tslab refuses, with
 * tslab's diagnostic lines, and let the others run.
 */
describe.skipIf(!chromiumAvailable)("type checking in the live kernel (Chromium)", () => {
  let site: { url: string; close: () => Promise<void> };
  let context: BrowserContext;
  let expected: CellCheck[];

  beforeAll(async () => {
    const [{ dir }, reference] = await Promise.all([prepareRuntimeSite(), tslabReference(ROOT, TYPE_CHECK_CELLS)]);
    expected = reference;
    site = await serveDirectory(dir);
    context = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await site?.close();
  });

  async function typedPage(): Promise<Page> {
    const page = await context.newPage();
    await page.goto(site.url + TEST_PAGE);
    await page.evaluate(() => (window as unknown as { liveKernel(t: number, typed: boolean): boolean }).liveKernel(30_000, true));
    return page;
  }

  const run = (page: Page, cells: readonly string[]): Promise<CellRun[]> =>
    page.evaluate((cs) => (window as unknown as { liveRun(c: readonly string[]): Promise<CellRun[]> }).liveRun(cs), cells);

  const checkerLoaded = (page: Page): Promise<unknown> =>
    page.waitForFunction(() => ["ready", "failed"].includes((window as unknown as { liveTypeChecking(): string }).liveTypeChecking()), undefined, { timeout: 120_000 });

  it("refuses the cells tslab refuses, with tslab's diagnostics, and runs the others", async () => {
    const page = await typedPage();
    // The first run loads the checker (it is not needed for the first result).
    expect((await run(page, ["1 + 1;"]))[0].status).toBe("ok");
    await checkerLoaded(page);
    expect(await page.evaluate(() => (window as unknown as { liveTypeChecking(): string }).liveTypeChecking())).toBe("ready");
    const results = await run(page, TYPE_CHECK_CELLS);
    const verdicts = results.map((r) => {
      const typeError = r.outputs.find((o) => o.output_type === "error" && o.ename === "TypeScriptError");
      return typeError && typeError.output_type === "error" ? typeError.traceback.slice(1).join("\n") : `ran: ${r.status}`;
    });
    expect(verdicts).toEqual(expected.map((e) => (e.ok ? "ran: ok" : e.diagnostics.join("\n"))));
    await page.close();
  }, 180_000);

  it("checks a cell that ran before the checker had loaded, once it has, and shows what it finds", async () => {
    const page = await typedPage();
    expect((await run(page, ['const early: number = "not a number";']))[0].status).toBe("ok");
    await checkerLoaded(page);
    await page.waitForFunction(
      () => (window as unknown as { liveLastResults: CellRun[] }).liveLastResults[0].outputs.some((o) => o.output_type === "error" && o.ename === "TypeScriptError"),
      undefined,
      { timeout: 60_000 },
    );
    const [late] = await page.evaluate(() => (window as unknown as { liveLastResults: CellRun[] }).liveLastResults);
    expect(late.outputs.at(-1)).toMatchObject({ ename: "TypeScriptError", evalue: "1:7 - Type 'string' is not assignable to type 'number'." });
    // As in tslab, which would not have run that cell: its name is unknown to later cells' checks.
    const [next] = await run(page, ["early.length;"]);
    expect(next.outputs).toMatchObject([{ ename: "TypeScriptError", evalue: "1:1 - Cannot find name 'early'." }]);
    await page.close();
  }, 180_000);
});
