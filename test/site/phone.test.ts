import { existsSync, readdirSync } from "node:fs";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveDirectory } from "./serve";
import { drawAllCharts, tempDir } from "./helpers";
import { CHROMIUM, CHROMIUM_ARGS as ARGS, chromiumAvailable as available } from "../support/chromium";

/**
 * The built course (SITE_DIR, `npm run build` first) on a 375 px phone, in Chromium: no
 * chapter page scrolls sideways, the live toolbar and editors included (wide tables and
 * code scroll inside their own box), chart
 * text is never drawn below 9 px, and the index gives every chapter a one-sentence summary.
 * Tests the real chapters, not a fixture. Skipped when SITE_DIR holds no built site, or
 * Chromium is missing outside CI.
 */
const SITE_DIR = process.env.SITE_DIR;
const pages =
  SITE_DIR && existsSync(SITE_DIR)
    ? readdirSync(SITE_DIR)
        .filter((f) => f.endsWith(".html"))
        .sort()
    : [];
const chapters = pages.filter((f) => /^\d+-/.test(f));
if (pages.length === 0)
  console.warn(
    `test/site/phone.test.ts skipped: no built site in SITE_DIR (${SITE_DIR ?? "unset"}); run npm run build first.`,
  );
const PHONE = { width: 375, height: 800 };

async function launch(javaScriptEnabled: boolean): Promise<BrowserContext> {
  return chromium.launchPersistentContext(tempDir("chromium-phone-"), {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: PHONE,
    javaScriptEnabled,
  });
}

/** What a phone reader meets on one page: sideways overflow, the smallest chart text, scrolling boxes. */
function measure(page: Page) {
  return page.evaluate(() => {
    const scroller = document.scrollingElement as HTMLElement;
    const visibleCharts = Array.from(document.querySelectorAll("figure.chart svg")).filter(
      (svg) => (svg as SVGSVGElement).getBoundingClientRect().width > 0,
    ) as SVGSVGElement[];
    let smallestText = Infinity;
    let smallestWhere = "";
    for (const svg of visibleCharts) {
      for (const text of Array.from(svg.querySelectorAll("text"))) {
        if (!text.textContent?.trim()) continue;
        // the drawing's scale on screen (rotated axis titles included: the length of the x basis vector)
        const ctm = text.getScreenCTM();
        const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
        const px = parseFloat(getComputedStyle(text).fontSize) * scale;
        if (px < smallestText) {
          smallestText = px;
          smallestWhere = `${svg.closest("figure")?.id}: "${text.textContent.trim().slice(0, 30)}"`;
        }
      }
    }
    const boxes = Array.from(
      document.querySelectorAll(".table-scroll, pre, .output-html, figure.chart, .math-display"),
    ) as HTMLElement[];
    const scrollingBoxes = boxes.filter((b) => b.scrollWidth > b.clientWidth + 1);
    return {
      scrollWidth: scroller.scrollWidth,
      charts: visibleCharts.length,
      smallestText,
      smallestWhere,
      scrollingBoxes: scrollingBoxes.length,
      unfocusableScrollingBoxes: scrollingBoxes
        .filter((b) => b.tabIndex < 0 && !b.querySelector("a, button, input, [tabindex]"))
        .map((b) => b.className || b.tagName),
    };
  });
}

describe.skipIf(pages.length === 0 || (!available && !process.env.CI))(
  `the built chapters on a 375 px phone (${SITE_DIR ?? "unset"})`,
  () => {
    let site: { url: string; close: () => Promise<void> };
    let withJs: BrowserContext;
    let withoutJs: BrowserContext;
    beforeAll(async () => {
      site = await serveDirectory(SITE_DIR as string);
      [withJs, withoutJs] = await Promise.all([launch(true), launch(false)]);
    }, 60_000);
    afterAll(async () => {
      await withJs?.close();
      await withoutJs?.close();
      await site?.close();
    });

    it("the site has chapter pages to test", () => {
      expect(chapters.length).toBeGreaterThanOrEqual(7);
    });

    it.each(["index.html", ...chapters])(
      "%s: no sideways scrolling, wide boxes scroll inside themselves (focusable), chart text ≥ 9 px — live and static",
      async (name) => {
        for (const context of [withJs, withoutJs]) {
          const page = await context.newPage();
          await page.goto(site.url + name, { waitUntil: "load" });
          if (context === withJs) {
            await drawAllCharts(page, 20_000);
            // a chapter page is live: its toolbar and each cell's buttons are measured too
            if ((await page.locator("#live-page").count()) > 0)
              await page.waitForFunction(() => document.body.dataset.live !== undefined, null, { timeout: 30_000 });
          }
          const m = await measure(page);
          const js = context === withJs ? "JS on" : "JS off";
          expect(m.scrollWidth, `${name} (${js}) is ${m.scrollWidth} px wide`).toBeLessThanOrEqual(PHONE.width);
          if (m.charts > 0)
            expect(m.smallestText, `${name} (${js}) smallest chart text at ${m.smallestWhere}`).toBeGreaterThanOrEqual(
              8.95,
            );
          expect(m.unfocusableScrollingBoxes, `${name} (${js})`).toEqual([]);
          await page.close();
        }
      },
    );

    it("06-hands-on and 01-introduction: their wide tables are still there, scrolling inside their box", async () => {
      for (const name of ["06-hands-on.html", "01-introduction.html"].filter((n) => chapters.includes(n))) {
        const page = await withJs.newPage();
        await page.goto(site.url + name, { waitUntil: "load" });
        const tables = await page.evaluate(() =>
          Array.from(document.querySelectorAll(".table-scroll")).map((b) => ({
            scrolls: b.scrollWidth > b.clientWidth,
            width: b.getBoundingClientRect().right,
          })),
        );
        expect(
          tables.some((t) => t.scrolls),
          name,
        ).toBe(true);
        for (const t of tables) expect(t.width).toBeLessThanOrEqual(PHONE.width);
        await page.close();
      }
    });

    it("the index gives every chapter a one-sentence summary: not a heading or the goals lead-in, ending with a full stop", async () => {
      const page = await withJs.newPage();
      await page.goto(site.url + "index.html", { waitUntil: "load" });
      const entries = await page.evaluate(() =>
        Array.from(document.querySelectorAll("li.chapter")).map((li) => ({
          title: li.querySelector("h2")?.textContent?.trim() ?? "",
          summary: li.querySelector(".chapter-summary")?.textContent?.trim() ?? "",
        })),
      );
      expect(entries).toHaveLength(chapters.length);
      for (const { title, summary } of entries) {
        expect(summary, title).toMatch(/^[A-Z].{40,}\.$/s);
        expect(summary, title).not.toMatch(/learning goals|after this chapter you can|:$/i);
        expect(summary.split(/[.!?](?:\s|$)/).filter((s) => s.trim()).length, `${title}: one sentence`).toBe(1);
      }
      await page.close();
    });
  },
);
