import { InputError } from "../core/errors";
import hashFile from "./answer-hashes.json";
import { getExercise, EXERCISES } from "./catalog";
import { allExerciseIds, checkEach, displayVerdict, judgeExports } from "./check-common";
import { notAttempted } from "./not-attempted";
import { studentPublicChecks } from "./variants/checks";
import { readVariantHashes } from "./variants/hash-file";
import { currentStudentId } from "./variants/student-id";
import type { ChapterFile, Exercise, Verdict } from "./types";

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
  /** Check as this student's variant (null: the published default); default: the id the page set (setStudentId). */
  studentId?: string | null;
}

/**
 * Where check() finds the names the live cells exported: the live worker (src/course/live/
 * runtime/worker.ts) installs a function returning them with setLiveAnswers(), so the workbook
 * never imports the runtime. A global under a Symbol.for key, like the live display writer
 * (src/charts/live-display.ts), because the cells' copy of the library may be another instance.
 */
const LIVE_ANSWERS = Symbol.for("microdosing-workbook.liveAnswers");

/** Installs the function that returns the live cells' exports, which check() grades. */
export function setLiveAnswers(exportsOfCells: () => Record<string, unknown>): void {
  if (typeof exportsOfCells !== "function")
    throw new InputError("setLiveAnswers", "exportsOfCells", "must be a function", exportsOfCells);
  (globalThis as unknown as Record<symbol, unknown>)[LIVE_ANSWERS] = exportsOfCells;
}

function liveExports(): Record<string, unknown> {
  const slot = (globalThis as unknown as Record<symbol, unknown>)[LIVE_ANSWERS];
  return typeof slot === "function" ? (slot as () => Record<string, unknown>)() : {};
}

function moduleFor(file: ChapterFile, options: CheckOptions): Record<string, unknown> {
  const stubs: Record<string, unknown> = {};
  for (const ex of EXERCISES) if (ex.file === file) stubs[ex.exportName] = notAttempted(ex.id);
  return { ...stubs, ...(options.exports ?? liveExports()) };
}

function run(ex: Exercise, options: CheckOptions): Verdict {
  const mod = moduleFor(ex.file, options);
  return judgeExports(
    ex,
    mod,
    studentPublicChecks(
      ex,
      hashFile.entries as Record<string, string>,
      options.studentId === undefined ? currentStudentId() : (options.studentId ?? undefined),
      readVariantHashes(),
    ),
    `exercises/${ex.file}.ts`,
    options.timeoutMs,
  );
}

/** Check one exercise against the live cells' exports and return its verdict (no display). */
export function checkExercise(id: string, options: CheckOptions = {}): Verdict {
  return run(getExercise(id), options);
}

/** Check many exercises (all by default). */
export function checkExercises(
  ids: readonly string[] = allExerciseIds(),
  options: CheckOptions = {},
  onProgress?: (v: Verdict, index: number, total: number) => void,
): Verdict[] {
  return checkEach(ids, (ex) => run(ex, options), onProgress);
}

/**
 * The notebook check cell in the browser: `check("ex-2.3")` displays the same verdict HTML
 * and text as the notebook's check (public checks only).
 */
export function check(id: string, options: CheckOptions = {}): void {
  displayVerdict(checkExercise(id, options));
}
