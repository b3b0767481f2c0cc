import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeParams, variantParams } from "../../src/workbook/variants/params";
import { CHROMIUM, chromiumAvailable as available } from "../support/chromium";
import {
  codeOf,
  openLiveChapter,
  setCode,
  runCell,
  startLiveChapter,
  waitUntilReady,
  type LiveChapter,
} from "../support/live-chapter";

/**
 * Per-student variants on the live chapter page in Chromium: the student sets their id once,
 * the page shows their numbers above each varied exercise, the id survives a reload
 * (localStorage), and the worker's variant() and check() use it.
 */
if (!available && !process.env.CI) console.warn(`test/live/variants.test.ts skipped: no Chromium at ${CHROMIUM}.`);
const ID = "s1234";

describe.skipIf(!available && !process.env.CI)("per-student variants on the live page", () => {
  let chapter: LiveChapter;

  beforeAll(async () => {
    chapter = await startLiveChapter();
  }, 180_000);

  afterAll(async () => {
    await chapter?.close();
  });

  it("shows the student's numbers once the id is set, keeps them after a reload, and the worker uses them", async () => {
    const { page, errors } = await openLiveChapter(chapter, 20_000);
    // no id: no boxes, the published prompt only
    expect(await page.locator(".live-variant").count()).toBe(0);
    const published = page.locator('.workbook-exercise[data-exercise="ex-2.1"]');
    expect(await published.isVisible()).toBe(true);
    expect(await published.innerText()).toContain("Published numbers");

    await page.getByRole("textbox", { name: "Student id" }).fill(ID);
    await page.getByRole("button", { name: "Set id", exact: true }).click();
    const box = page.locator('.live-variant[data-exercise="ex-2.1"]');
    const dMin = variantParams("ex-2.1", ID).dMinMg;
    expect(await box.innerText()).toContain(`D_min = ${dMin} mg`);
    expect(await box.innerText()).not.toContain("4.5 mg");
    expect(await page.locator('.live-variant[data-exercise="ex-2.4"]').innerText()).toContain(
      describeParams("ex-2.4", variantParams("ex-2.4", ID)),
    );

    // the stored exercise(…) output with the published numbers waits hidden, also after a reload
    expect(await published.isHidden()).toBe(true);
    await page.reload({ waitUntil: "load" });
    await waitUntilReady(page, 20_000);
    expect(await page.locator('.live-variant[data-exercise="ex-2.1"]').innerText()).toContain(`D_min = ${dMin} mg`);
    expect(await published.isHidden()).toBe(true);
    // running the exercise(…) cell again renders the student's numbers, shown
    const prompt = page.locator("[data-cell-index]", {
      has: page.locator(".cm-content", { hasText: 'exercise("ex-2.1")' }),
    });
    expect(await runCell(page, prompt.first())).toBe("ok");
    const mine = prompt.first().locator('.workbook-exercise[data-exercise="ex-2.1"]');
    expect(await mine.isVisible()).toBe(true);
    expect(await mine.innerText()).toContain(`Your numbers (id ${ID}): D_min = ${dMin} mg`);

    // the worker sees the id: the check cell judges the published answer against the student's numbers
    const work = page.locator('[data-exercise-role="work"][data-exercise="ex-2.1"]');
    await setCode(page, work, (await codeOf(work)).replace('= notAttempted("ex-2.1")', "= 45"));
    const checkCell = page.locator('[data-exercise-role="check"][data-exercise="ex-2.1"]');
    expect(await runCell(page, checkCell, { timeout: 90_000 })).toBe("ok");
    const verdict = await checkCell.locator(".outputs").innerText();
    expect(verdict).toContain(`D_min = ${dMin} mg`);
    expect(verdict).toMatch(/checked when graded/);
    expect(errors).toEqual([]);
    expect(chapter.foreign).toEqual([]);
    await page.close();
  }, 240_000);
});
