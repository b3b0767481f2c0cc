import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Page } from "playwright-core";
import { buildSite, parseNotebook, type BuildReport, type Edition, type Notebook } from "../../src/course/site";

export const FIXTURES = join(__dirname, "fixtures");
export const FIXTURE_NOTEBOOKS = join(FIXTURES, "notebooks");

/** The hand-made executed version of a fixture notebook, as an engine would return it. */
export function executedFixture(slug: string): Notebook {
  const path = join(FIXTURES, "executed", `${slug}.ipynb`);
  return parseNotebook(JSON.parse(readFileSync(path, "utf8")), path);
}

/** An executor that returns the executed fixtures and records what it was asked to run. */
export function fixtureExecutor(): { execute: (path: string) => Promise<Notebook>; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    execute: async (path: string) => {
      const slug = basename(path, ".ipynb");
      calls.push(slug);
      return executedFixture(slug);
    },
  };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Builds the fixture course into a fresh temp folder. */
export async function buildFixtureSite(
  edition: Edition,
  dir = tempDir("site-test-"),
): Promise<{ out: string; report: BuildReport }> {
  const out = join(dir, "site");
  const report = await buildSite({
    root: join(__dirname, "..", ".."),
    notebooksDir: FIXTURE_NOTEBOOKS,
    out,
    cacheDir: join(dir, "cache"),
    edition,
    execute: fixtureExecutor().execute,
  });
  return { out, report };
}

/**
 * Scrolls a page past each of its charts as a reader would (assets/charts.js draws a chart,
 * loading vega first, when it comes near the viewport), back to the top, and waits until
 * every chart a reader can see is live. Charts in a closed <details> are drawn when opened.
 */
export async function drawAllCharts(page: Page, timeout = 20_000): Promise<void> {
  await page.evaluate(async () => {
    for (const figure of Array.from(document.querySelectorAll("figure.chart"))) {
      if (!figure.checkVisibility()) continue;
      figure.scrollIntoView({ block: "center" });
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll("figure.chart")).every(
        (f) => !f.checkVisibility() || f.classList.contains("chart-is-live"),
      ),
    null,
    { timeout },
  );
}
