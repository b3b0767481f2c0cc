import { existsSync, readdirSync } from "node:fs";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawAllCharts, tempDir } from "./helpers";
import { serveDirectory } from "./serve";
import { CHROMIUM, CHROMIUM_ARGS as ARGS, chromiumAvailable as available } from "../support/chromium";

/**
 * What-if sliders on the built course (SITE_DIR, `npm run build` first), in Chromium: each
 * what-if chart shows a labelled group of range inputs, outside the chart's role="img"
 * wrapper; moving any slider with the keyboard redraws the chart; axe-core finds nothing
 * serious in the chart and its controls. Chapters 02–06 have at least one each.
 */
const SITE_DIR = process.env.SITE_DIR;
const chapters =
  SITE_DIR && existsSync(SITE_DIR)
    ? readdirSync(SITE_DIR)
        .filter((f) => /^\d+-.*\.html$/.test(f))
        .sort()
    : [];

/** One live chart's drawing as markup: changes whenever vega redraws it. */
function liveDrawing(page: Page, figureId: string): Promise<string> {
  return page.evaluate((id) => {
    return document.querySelector(`#${CSS.escape(id)} .chart-live svg`)?.innerHTML ?? "";
  }, figureId);
}

describe.skipIf(chapters.length === 0 || (!available && !process.env.CI))(
  `what-if sliders in the built site (${SITE_DIR ?? "unset"})`,
  () => {
    let site: { url: string; close: () => Promise<void> };
    let context: BrowserContext;
    beforeAll(async () => {
      site = await serveDirectory(SITE_DIR as string);
      context = await chromium.launchPersistentContext(tempDir("chromium-whatif-"), {
        executablePath: CHROMIUM,
        args: ARGS,
        headless: true,
        viewport: { width: 1280, height: 900 },
      });
    }, 60_000);
    afterAll(async () => {
      await context?.close();
      await site?.close();
    });

    it.each(chapters)(
      "%s: every slider is labelled and keyboard-usable, moving it redraws the chart, axe finds nothing serious",
      async (name) => {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
        await page.goto(site.url + name, { waitUntil: "load" });
        await drawAllCharts(page, 20_000);
        const figures = await page.evaluate(() =>
          Array.from(document.querySelectorAll("figure.chart"))
            .filter((f) => f.querySelector(".chart-controls"))
            .map((f) => ({
              id: f.id,
              insideImg: Boolean(f.querySelector(".chart-controls")?.closest("[role=img]")),
              group: f.querySelector(".chart-controls")?.getAttribute("aria-label") ?? "",
              sliders: Array.from(f.querySelectorAll<HTMLInputElement>(".chart-controls input[type=range]")).map(
                (i) => ({ label: i.getAttribute("aria-label") ?? "", value: i.value, max: i.max }),
              ),
            })),
        );
        if (/^0[2-6]-/.test(name)) expect(figures.length, `${name} has a what-if chart`).toBeGreaterThanOrEqual(1);
        for (const figure of figures) {
          expect(figure.insideImg).toBe(false);
          expect(figure.group).toMatch(/what-if/i);
          expect(figure.sliders.length).toBeGreaterThanOrEqual(1);
          for (const slider of figure.sliders) {
            expect(slider.label, figure.id).toMatch(/\S+ \(.+\)$/);
            const input = page.locator(`#${figure.id} .chart-controls input[type=range][aria-label="${slider.label}"]`);
            const before = await liveDrawing(page, figure.id);
            await input.focus();
            // a keyboard user: End jumps to the maximum (Home to the minimum if already there)
            await page.keyboard.press(slider.value === slider.max ? "Home" : "End");
            await page.waitForFunction(
              ([id, old]) => {
                // the curve, or (for a slider that only rescales it, such as the dose) the axis labels
                return (document.querySelector(`#${CSS.escape(id)} .chart-live svg`)?.innerHTML ?? "") !== old;
              },
              [figure.id, before] as const,
              { timeout: 5_000 },
            );
            expect(await input.inputValue()).not.toBe(slider.value);
          }
        }
        if (figures.length > 0) {
          await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
          const violations = await page.evaluate(
            async (ids) => {
              const axe = (
                window as unknown as {
                  axe: {
                    run: (
                      ctx: object,
                      opts: object,
                    ) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }>;
                  };
                }
              ).axe;
              const result = await axe.run({ include: ids.map((id) => [`#${id}`]) }, { resultTypes: ["violations"] });
              return result.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => `${v.id} (${v.nodes.length})`);
            },
            figures.map((f) => f.id),
          );
          expect(violations).toEqual([]);
        }
        expect(errors).toEqual([]);
        await page.close();
      },
    );
  },
);
