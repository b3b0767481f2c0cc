import hashFile from "./answer-hashes.json";
import { getExercise, EXERCISES } from "./catalog";
import { displayRich } from "./display";
import { invokeProbe } from "./invoke";
import { notAttempted } from "./not-attempted";
import { publicChecks } from "./public-checks";
import { renderVerdictHtml, renderVerdictText } from "./render";
import type { ChapterFile, Exercise, Verdict } from "./types";
import { judgePlanned } from "./verdict";

/**
 * Browser twin of check.ts, for the live course (src/course/live/runtime). There is no
 * exercises file to re-read: the "module" checked is the names the page's cells exported
 * (`export const ex2_1_… = …` in a work cell), over the untouched stub of every exercise of
 * the chapter (each `notAttempted(id)`, as exercises/chNN.ts starts). Public checks only:
 * the hidden checks are not in the browser bundle.
 */
export interface CheckOptions {
  /** The module to check instead of the live cells' exports (tests plant answers this way). */
  exports?: Record<string, unknown>;
  /** Accepted for the same call shapes as in Node; the live worker's own timeout applies. */
  timeoutMs?: number;
}

/** Where the live worker publishes the names its cells exported (a function returning them). */
export const liveAnswersKey = Symbol.for("microdosing-workbook.liveAnswers");

function liveExports(): Record<string, unknown> {
  const slot = (globalThis as unknown as Record<symbol, unknown>)[liveAnswersKey];
  return typeof slot === "function" ? (slot as () => Record<string, unknown>)() : {};
}

function moduleFor(file: ChapterFile, options: CheckOptions): Record<string, unknown> {
  const stubs: Record<string, unknown> = {};
  for (const ex of EXERCISES) if (ex.file === file) stubs[ex.exportName] = notAttempted(ex.id);
  return { ...stubs, ...(options.exports ?? liveExports()) };
}

function run(ex: Exercise, options: CheckOptions): Verdict {
  const mod = moduleFor(ex.file, options);
  const planned = publicChecks(ex, hashFile.entries as Record<string, string>);
  const label = `exercises/${ex.file}.ts`;
  const memo = new Map<string, ReturnType<typeof invokeProbe>>();
  return judgePlanned(ex, planned, (probe) => {
    const key = JSON.stringify([probe.exportName, probe.args ?? null]);
    let outcome = memo.get(key);
    if (outcome === undefined) {
      outcome = invokeProbe(mod, probe, ex.answer, label, options.timeoutMs);
      memo.set(key, outcome);
    }
    return outcome;
  });
}

/** Check one exercise against the live cells' exports and return its verdict (no display). */
export function checkExercise(id: string, options: CheckOptions = {}): Verdict {
  return run(getExercise(id), options);
}

/** Check many exercises (all by default). */
export function checkExercises(ids: readonly string[] = EXERCISES.map((e) => e.id), options: CheckOptions = {}, onProgress?: (v: Verdict, index: number, total: number) => void): Verdict[] {
  return ids.map((id, i) => {
    const v = run(getExercise(id), options);
    onProgress?.(v, i + 1, ids.length);
    return v;
  });
}

/**
 * The notebook check cell in the browser: `check("ex-2.3")` displays the same verdict HTML
 * and text as the notebook's check (public checks only).
 */
export function check(id: string, options: CheckOptions = {}): void {
  const verdict = checkExercise(id, options);
  displayRich(renderVerdictHtml(verdict), renderVerdictText(verdict));
}
