import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, parseNotebook } from "../../src/course/site";
import { describeParams, variantParams } from "../../src/workbook/variants/params";
import { serveDirectory } from "../site/serve";
import { tempDir } from "../site/helpers";
import { CHROMIUM, CHROMIUM_ARGS as ARGS, chromiumAvailable as available } from "../support/chromium";

/**
 * Per-student variants on the live chapter page in Chromium: the student sets their id once,
 * the page shows their numbers above each varied exercise, the id survives a reload
 * (localStorage), and the worker's variant() and check() use it.
 */
const ROOT = join(__dirname, "..", "..");
if (!available && !process.env.CI) console.warn(`test/live/variants.test.ts skipped: no Chromium at ${CHROMIUM}.`);
const PAGE = "02-principles.html";
const ID = "s1234";

describe.skipIf(!available && !process.env.CI)("per-student variants on the live page", () => {
  let context: BrowserContext;
  let site: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    const dir = tempDir("live-variants-");
    const notebooks = join(dir, "notebooks");
    mkdirSync(notebooks);
    copyFileSync(join(ROOT, "notebooks", "02-principles.ipynb"), join(notebooks, "02-principles.ipynb"));
    await buildSite({
      root: ROOT,
      notebooksDir: notebooks,
      out: join(dir, "site"),
      cacheDir: join(dir, "cache"),
      execute: async (path) => parseNotebook(JSON.parse(readFileSync(path, "utf8")), path),
    });
    site = await serveDirectory(join(dir, "site"));
    context = await chromium.launchPersistentContext(tempDir("live-variants-profile-"), {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await site?.close();
  });

  async function settled(page: Page, cell: Locator): Promise<string> {
    await page.waitForFunction(
      (el) => el !== null && ["ok", "error", "stopped", "timeout"].includes((el as HTMLElement).dataset.state ?? ""),
      await cell.elementHandle(),
      { timeout: 90_000 },
    );
    await page.waitForFunction(() => document.body.dataset.live === "idle", null, { timeout: 90_000 });
    return (await cell.getAttribute("data-state")) ?? "";
  }

  it("shows the student's numbers once the id is set, keeps them after a reload, and the worker uses them", async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(site.url + PAGE, { waitUntil: "load" });
    await page.evaluate(() => localStorage.clear());
    await page.reload({ waitUntil: "load" });
    await page.waitForFunction(() => document.body.dataset.live === "ready", null, { timeout: 20_000 });
    // no id: no boxes, the published prompt only
    expect(await page.locator(".live-variant").count()).toBe(0);

    await page.getByRole("textbox", { name: "Student id" }).fill(ID);
    await page.getByRole("button", { name: "Set id", exact: true }).click();
    const box = page.locator('.live-variant[data-exercise="ex-2.1"]');
    const dMin = variantParams("ex-2.1", ID).dMinMg;
    expect(await box.innerText()).toContain(`D_min = ${dMin} mg`);
    expect(await box.innerText()).not.toContain("4.5 mg");
    expect(await page.locator('.live-variant[data-exercise="ex-2.4"]').innerText()).toContain(
      describeParams("ex-2.4", variantParams("ex-2.4", ID)),
    );

    await page.reload({ waitUntil: "load" });
    await page.waitForFunction(() => document.body.dataset.live === "ready", null, { timeout: 20_000 });
    expect(await page.locator('.live-variant[data-exercise="ex-2.1"]').innerText()).toContain(`D_min = ${dMin} mg`);

    // the worker sees the id: the check cell judges the published answer against the student's numbers
    const work = page.locator('[data-exercise-role="work"][data-exercise="ex-2.1"]');
    const editor = work.locator(".cm-content");
    const stub = await editor.evaluate((el) =>
      Array.from(el.querySelectorAll(".cm-line"))
        .map((l) => l.textContent)
        .join("\n"),
    );
    await editor.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    await editor.evaluate(
      (el, text) => {
        (el as HTMLElement).focus();
        document.execCommand("insertText", false, text);
      },
      stub.replace('= notAttempted("ex-2.1")', "= 45"),
    );
    const checkCell = page.locator('[data-exercise-role="check"][data-exercise="ex-2.1"]');
    await checkCell.getByRole("button", { name: "Run", exact: true }).click();
    expect(await settled(page, checkCell)).toBe("ok");
    const verdict = await checkCell.locator(".outputs").innerText();
    expect(verdict).toContain(`D_min = ${dMin} mg`);
    expect(verdict).toMatch(/checked when graded/);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
