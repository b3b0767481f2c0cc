// The live chapter page (chapter 02, unexecuted) built, served and opened in one Chromium: shared by the live-page tests.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { serveDirectory } from "../../src/course/live/page/static-server";
import { buildSite, parseNotebook } from "../../src/course/site";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium";

const ROOT = join(__dirname, "..", "..");
export const LIVE_CHAPTER_PAGE = "02-principles.html";

export interface LiveChapter {
  /** The temporary folder holding notebooks/, site/ and cache/ (tests may add their own files). */
  dir: string;
  /** The served site's base URL, ending in "/". */
  url: string;
  context: BrowserContext;
  /** Every request to another origin, aborted: a live page must make none. */
  foreign: string[];
  close: () => Promise<void>;
}

/**
 * Builds the real chapter 02 notebook with its outputs left empty (the page runs its cells
 * itself) and the real kernel bundle, serves it, and launches one Chromium whose requests to
 * any other origin are aborted and recorded in `foreign`.
 */
export async function startLiveChapter(
  options: { viewport?: { width: number; height: number }; acceptDownloads?: boolean } = {},
): Promise<LiveChapter> {
  const dir = mkdtempSync(join(tmpdir(), "live-chapter-"));
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
  const site = await serveDirectory(join(dir, "site"));
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "live-profile-")), {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    ...options,
  });
  const foreign: string[] = [];
  const origin = new URL(site.url).origin;
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  return {
    dir,
    url: site.url,
    context,
    foreign,
    close: async () => {
      await context.close();
      await site.close();
    },
  };
}

/**
 * A new tab on the live chapter as built (localStorage cleared, so no edit or id of an earlier
 * test is kept), once the page says it is ready; `errors` collects page errors and console errors.
 */
export async function openLiveChapter(
  chapter: LiveChapter,
  timeout = 15_000,
): Promise<{ page: Page; errors: string[] }> {
  const page = await chapter.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(chapter.url + LIVE_CHAPTER_PAGE, { waitUntil: "load" });
  await page.evaluate(() => localStorage.clear());
  await page.reload({ waitUntil: "load" });
  await waitUntilReady(page, timeout);
  return { page, errors };
}

/** Waits until the live page has loaded its kernel and editors. */
export async function waitUntilReady(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.live === "ready", null, { timeout });
}

/** The live cell whose code contains `text` now (by its index, so editing it does not lose it). */
export async function cellWith(page: Page, text: string): Promise<Locator> {
  const index = await page
    .locator("[data-cell-index]", { has: page.locator(".cm-content", { hasText: text }) })
    .first()
    .getAttribute("data-cell-index");
  return page.locator(`[data-cell-index="${index}"]`);
}

/** The code in a cell's editor, line by line (innerText would add blank lines around empty ones). */
export function codeOf(cell: Locator): Promise<string> {
  return cell.locator(".cm-content").evaluate((el) =>
    Array.from(el.querySelectorAll(".cm-line"))
      .map((line) => line.textContent)
      .join("\n"),
  );
}

/** Replaces a cell's code as a paste would (in one go: no auto-indent, no auto-close). */
export async function setCode(page: Page, cell: Locator, code: string): Promise<void> {
  const editor = cell.locator(".cm-content");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await editor.evaluate((el, text) => {
    (el as HTMLElement).focus();
    document.execCommand("insertText", false, text);
  }, code);
}

/** Waits until a cell has finished (ok, error, stopped or timeout) and the kernel is idle; returns its state. */
export async function settled(page: Page, cell: Locator, timeout = 60_000): Promise<string> {
  await page.waitForFunction(
    (el) => el !== null && ["ok", "error", "stopped", "timeout"].includes((el as HTMLElement).dataset.state ?? ""),
    await cell.elementHandle(),
    { timeout },
  );
  await page.waitForFunction(() => document.body.dataset.live === "idle", null, { timeout });
  return (await cell.getAttribute("data-state")) ?? "";
}

/**
 * Starts a cell's run (its Run button, or `start`) and waits until THAT run has finished and the
 * kernel is idle; returns the cell's state. A finished state alone would not do: a cell that ran
 * before (the page runs its cells on load) is "ok" already, before the new run begins, and a
 * test reading its output then reads the old one. The run is seen starting by the cell's
 * data-state passing through "running", recorded by a MutationObserver however fast it passes.
 */
export async function runCell(
  page: Page,
  cell: Locator,
  options: { timeout?: number; start?: () => Promise<void> } = {},
): Promise<string> {
  const timeout = options.timeout ?? 60_000;
  await cell.evaluate((el) => {
    const root = el as HTMLElement & { runStarted?: boolean };
    root.runStarted = false;
    const observer = new MutationObserver((records) => {
      if (root.dataset.state === "running" || records.some((r) => r.oldValue === "running")) {
        root.runStarted = true;
        observer.disconnect();
      }
    });
    observer.observe(root, { attributes: true, attributeFilter: ["data-state"], attributeOldValue: true });
  });
  await (options.start ? options.start() : cell.getByRole("button", { name: "Run", exact: true }).click());
  await page.waitForFunction(
    (el) => (el as HTMLElement & { runStarted?: boolean }).runStarted === true,
    await cell.elementHandle(),
    { timeout },
  );
  return settled(page, cell, timeout);
}
