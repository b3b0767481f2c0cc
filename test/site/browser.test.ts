import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureSite, drawAllCharts, tempDir } from "./helpers";
import { pngContent } from "./png";
import { serveDirectory } from "./serve";
import { CHROMIUM, CHROMIUM_ARGS as ARGS, chromiumAvailable as available } from "../support/chromium";

/**
 * The built site in a real browser (Debian's Chromium driven by playwright-core): every
 * page of the student and instructor editions is opened from a local static server and
 * checked the way a reader would meet it. Skipped, with a message, only when Chromium is
 * missing outside CI; in CI (CI set) a missing browser is a failure.
 */
if (!available && !process.env.CI) {
  console.warn(
    `test/site/browser.test.ts skipped: no Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH). In CI this is a failure.`,
  );
}
const ARTIFACTS = process.env.SITE_ARTIFACTS ?? join(tmpdir(), "site-artifacts");
const SECRETS = /SECRET_SOLUTION_TEXT|SECRET_MARKDOWN_TEXT|HIDDEN_CHECK_TEXT|BEGIN SOLUTION|END SOLUTION|hidden ok/;
const STUDENT_PAGES = ["index.html", "01-introduction.html", "02-principles.html", "03-practice.html"];

interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
}

async function launch(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(tempDir("chromium-profile-"), {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
}

/** Opens a page and records everything that went wrong while it loaded and drew charts. */
async function open(context: BrowserContext, url: string): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  const problems: PageProblems = { consoleErrors: [], failedRequests: [] };
  page.on("console", (m) => m.type() === "error" && problems.consoleErrors.push(m.text()));
  page.on("pageerror", (e) => problems.consoleErrors.push(e.message));
  page.on("requestfailed", (r) => problems.failedRequests.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => r.status() >= 400 && problems.failedRequests.push(`${r.url()} HTTP ${r.status()}`));
  await page.goto(url, { waitUntil: "load" });
  await drawAllCharts(page, 15_000);
  await page.evaluate(() => document.fonts.ready);
  return { page, problems };
}

/** Visible text that looks like TeX: outside KaTeX, scripts and code. */
function unrenderedTex(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(".katex, script, style, pre, code, .cm-content")) continue;
      const text = node.textContent ?? "";
      if (/\$\$|\\(frac|min|mu|left|right|cdot|sqrt|mathrm|infty)\b|\$[^$\n]*[\\^_{][^$\n]*\$/.test(text))
        found.push(text.trim());
    }
    return found;
  });
}

/** Each chart's visible SVG: its size and how many drawn paths it has. */
function chartMarks(
  page: Page,
): Promise<Array<{ id: string; width: number; height: number; paths: number; label: string | null }>> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("figure.chart")).map((figure) => {
      const svg = Array.from(figure.querySelectorAll("svg")).find((s) => s.getBoundingClientRect().width > 0) ?? null;
      const box = svg?.getBoundingClientRect();
      const paths = svg
        ? Array.from(svg.querySelectorAll("path")).filter((p) => (p.getAttribute("d") ?? "").length > 4).length
        : 0;
      const label = svg?.closest("[role=img]")?.getAttribute("aria-label") ?? null;
      return { id: figure.id, width: box?.width ?? 0, height: box?.height ?? 0, paths, label };
    }),
  );
}

async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown[] }> }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(", ")}`);
}

/** Every same-site link on the page resolves: the file exists and the #fragment names an element. */
async function brokenLinks(page: Page, base: string): Promise<string[]> {
  const hrefs = await page.evaluate(() =>
    Array.from(document.querySelectorAll("a[href]")).map((a) => (a as HTMLAnchorElement).href),
  );
  const broken: string[] = [];
  const documents = new Map<string, string>();
  for (const href of new Set(hrefs)) {
    if (!href.startsWith(base)) continue;
    const url = new URL(href);
    const file = `${url.origin}${url.pathname}`;
    if (!documents.has(file)) {
      const response = await page.request.get(file);
      documents.set(file, response.ok() ? await response.text() : "");
      if (!response.ok()) broken.push(`${href} HTTP ${response.status()}`);
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && !documents.get(file)?.includes(`id="${fragment}"`))
      broken.push(`${href} (no element #${fragment})`);
  }
  return broken;
}

describe.skipIf(!available && !process.env.CI)("the built site in Chromium", () => {
  let context: BrowserContext;
  const sites: Record<"student" | "instructor", { url: string; close: () => Promise<void> }> = {} as never;

  beforeAll(async () => {
    const [student, instructor] = await Promise.all([buildFixtureSite("student"), buildFixtureSite("instructor")]);
    sites.student = await serveDirectory(student.out);
    sites.instructor = await serveDirectory(instructor.out);
    context = await launch();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await Promise.all(Object.values(sites).map((s) => s.close()));
  });

  it.each(STUDENT_PAGES)(
    "student %s: no console errors or failed requests, typeset math, drawn charts, working links, no solutions",
    async (name) => {
      const { page, problems } = await open(context, sites.student.url + name);
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
      expect(await unrenderedTex(page)).toEqual([]);
      if (name !== "03-practice.html") {
        expect(await page.locator(".katex").count()).toBeGreaterThan(0);
        expect(await page.evaluate(() => document.fonts.check("16px KaTeX_Main"))).toBe(true);
      }
      for (const chart of await chartMarks(page)) {
        expect(chart.width, chart.id).toBeGreaterThan(100);
        expect(chart.height, chart.id).toBeGreaterThan(100);
        expect(chart.paths, chart.id).toBeGreaterThan(2);
        expect(chart.label, chart.id).toMatch(/Concentration-time profile/);
      }
      if (name === "02-principles.html") expect(await chartMarks(page)).toHaveLength(2);
      expect(await brokenLinks(page, sites.student.url)).toEqual([]);
      expect(await page.content()).not.toMatch(SECRETS);
      await page.close();
    },
  );

  it.each(STUDENT_PAGES)("student %s: axe-core finds no serious or critical accessibility violation", async (name) => {
    const { page } = await open(context, sites.student.url + name);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });

  it("student edition: the downloadable notebooks hold no solution text", async () => {
    const page = await context.newPage();
    for (const slug of ["01-introduction", "02-principles", "03-practice"]) {
      const response = await page.request.get(`${sites.student.url}notebooks/${slug}.ipynb`);
      expect(response.status()).toBe(200);
      expect(await response.text()).not.toMatch(SECRETS);
    }
    await page.close();
  });

  it("instructor edition: solutions and hidden checks are collapsed and open on click, and the page stays accessible", async () => {
    const { page, problems } = await open(context, `${sites.instructor.url}02-principles.html`);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    const solution = page.locator("details.instructor-solution").first();
    await expect(solution.locator("pre").isVisible()).resolves.toBe(false);
    await solution.locator("summary").click();
    await expect(solution.locator("pre").isVisible()).resolves.toBe(true);
    expect(await solution.textContent()).toContain("SECRET_SOLUTION_TEXT");
    expect(await page.locator("details.instructor-hidden").count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });

  it("on a phone (375 px wide) no page scrolls sideways, and the table of contents comes before the text", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    for (const name of STUDENT_PAGES) {
      await page.goto(sites.student.url + name, { waitUntil: "load" });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
      if (name === "02-principles.html") {
        const [toc, main] = await Promise.all([
          page.locator("nav.toc").boundingBox(),
          page.locator("main").boundingBox(),
        ]);
        expect(toc!.y + toc!.height).toBeLessThanOrEqual(main!.y);
        await page.screenshot({ path: join(ARTIFACTS, "phone-02-principles.png") });
      }
    }
    await page.close();
  });

  it("in print the navigation is hidden and the static chart is shown", async () => {
    const { page } = await open(context, `${sites.student.url}02-principles.html`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("nav.toc").isVisible()).toBe(false);
    expect(await page.locator(".skip-link").isVisible()).toBe(false);
    expect(await page.locator(".chart-static svg").first().isVisible()).toBe(true);
    expect(await page.locator(".chart-live").first().isVisible()).toBe(false);
    await page.close();
  });

  it("with JavaScript off the charts are still drawn (the build-time SVG)", async () => {
    const noScript = await launch({ javaScriptEnabled: false });
    try {
      const page = await noScript.newPage();
      await page.goto(`${sites.student.url}02-principles.html`, { waitUntil: "load" });
      const charts = await chartMarks(page);
      expect(charts).toHaveLength(2);
      for (const chart of charts) expect(chart.paths, chart.id).toBeGreaterThan(2);
      expect(await page.locator(".katex").count()).toBeGreaterThan(0);
    } finally {
      await noScript.close();
    }
  });

  it("screenshots of the index and a chapter are not blank (saved to SITE_ARTIFACTS)", async () => {
    for (const name of ["index.html", "02-principles.html"]) {
      const { page } = await open(context, sites.student.url + name);
      const png = await page.screenshot({ fullPage: true });
      writeFileSync(join(ARTIFACTS, name.replace(".html", ".png")), png);
      const content = pngContent(png);
      expect(content.width).toBe(1280);
      expect(content.colours).toBeGreaterThan(50);
      expect(content.nonBackground).toBeGreaterThan(0.05);
      await page.close();
    }
  });
});

/**
 * The same audit for a real build: `npm run build && SITE_DIR=site npx vitest run test/site/browser.test.ts`.
 * Runs only when SITE_DIR names a built site.
 */
const SITE_DIR = process.env.SITE_DIR;
const builtPages =
  SITE_DIR && existsSync(SITE_DIR)
    ? readdirSync(SITE_DIR)
        .filter((f) => f.endsWith(".html"))
        .sort()
    : [];
const builtEdition =
  SITE_DIR && existsSync(join(SITE_DIR, ".course-site.json"))
    ? (JSON.parse(readFileSync(join(SITE_DIR, ".course-site.json"), "utf8")) as { edition: string }).edition
    : null;

describe.skipIf(builtPages.length === 0 || (!available && !process.env.CI))(
  `the built site in SITE_DIR (${SITE_DIR ?? "unset"})`,
  () => {
    let context: BrowserContext;
    let site: { url: string; close: () => Promise<void> };
    beforeAll(async () => {
      site = await serveDirectory(SITE_DIR as string);
      context = await launch();
    }, 60_000);
    afterAll(async () => {
      await context?.close();
      await site?.close();
    });

    it.each(builtPages)(
      "%s: no console errors or failed requests, typeset math, drawn charts, working links, accessible",
      async (name) => {
        const { page, problems } = await open(context, site.url + name);
        expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
        expect(await unrenderedTex(page)).toEqual([]);
        for (const chart of await chartMarks(page)) {
          expect(chart.width, chart.id).toBeGreaterThan(100);
          expect(chart.paths, chart.id).toBeGreaterThan(2);
          expect(chart.label, chart.id).toBeTruthy();
        }
        expect(await brokenLinks(page, site.url)).toEqual([]);
        if (builtEdition === "student")
          expect(await page.content()).not.toMatch(/BEGIN SOLUTION|END SOLUTION|BEGIN HIDDEN TESTS/);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await page.close();
      },
    );
  },
);
