import { relative } from "node:path";
import { getExercise } from "./catalog";
import { allExerciseIds, checkEach, displayVerdict, judgeExports } from "./check-common";
import { createAnswerLoader, LoadError, type AnswerLoader } from "./loader";
import { answersDir, chapterPath, findProjectRoot, readAnswerHashes } from "./paths";
import { studentPublicChecks, usesVariant } from "./variants/checks";
import { readVariantHashes } from "./variants/hash-file";
import { withSlotId } from "./variants/id-slot";
import { currentStudentId } from "./variants/student-id";
import type { TranspileCache } from "./transpile-cache";
import type { ChapterFile, Exercise, HiddenCheckSource, PlannedCheck, Verdict } from "./types";
import { loadFailureVerdict } from "./verdict";

/**
 * Checking in-process: the notebook's `check("ex-2.3")`, the `npm run check` command and
 * the tests. Each call re-reads the answers file from disk (see loader.ts), so a student's
 * latest save is what gets checked, with no kernel restart.
 */
export interface CheckOptions {
  /** Project root; found automatically (see findProjectRoot). */
  root?: string;
  /** Folder the answers come from: "exercises" (default) or any folder, e.g. the reference solutions; `ANSWERS` env var otherwise. */
  answers?: string;
  /** Use this module object instead of loading a file (tests plant answers this way). */
  exports?: Record<string, unknown>;
  /** Add these hidden checks (instructor edition: src/workbook/instructor/hidden-checks.ts makes them from the reference solutions). */
  hidden?: HiddenCheckSource;
  /** Per-call time limit [ms] (default 2000). */
  timeoutMs?: number;
  /** Transpiled chapter files by content, on disk (`npm run check` uses one; see transpile-cache.ts). */
  transpileCache?: TranspileCache;
  /** Check as this student's variant (null: the published default); default: the current id (setStudentId, WORKBOOK_STUDENT_ID, workbook.json). */
  studentId?: string | null;
}

interface Context {
  root: string;
  dir: string;
  loader: AnswerLoader;
  hashes: Record<string, string>;
  modules: Map<ChapterFile, Record<string, unknown> | LoadError>;
  studentId: string | undefined;
  variantHashes: Record<string, string>;
}

function context(options: CheckOptions): Context {
  const root = options.root ?? findProjectRoot();
  return {
    root,
    dir: answersDir(root, options.answers),
    loader: createAnswerLoader({ root, ...(options.transpileCache ? { transpileCache: options.transpileCache } : {}) }),
    hashes: readAnswerHashes(root).entries,
    modules: new Map(),
    studentId: options.studentId === undefined ? currentStudentId() : (options.studentId ?? undefined),
    variantHashes: readVariantHashes(root),
  };
}

function moduleFor(ctx: Context, file: ChapterFile, options: CheckOptions): Record<string, unknown> | LoadError {
  if (options.exports) return options.exports;
  let mod = ctx.modules.get(file);
  if (mod === undefined) {
    try {
      const path = chapterPath(ctx.dir, file);
      // an explicit studentId is also the id the answers file runs under (its variant("…") calls)
      mod =
        options.studentId === undefined
          ? ctx.loader.load(path)
          : withSlotId(options.studentId, () => ctx.loader.load(path));
    } catch (err) {
      mod = err instanceof LoadError ? err : new LoadError(String(err));
    }
    ctx.modules.set(file, mod);
  }
  return mod;
}

/**
 * The exercise as judged and its checks. With hidden checks (instructor edition) under a student
 * id, a varied exercise is graded against the reference for THAT student's numbers, as the
 * grader's --variants does; otherwise the public checks for the id, plus the hidden ones.
 */
function plannedFor(ex: Exercise, ctx: Context, options: CheckOptions): { exercise: Exercise; checks: PlannedCheck[] } {
  if (options.hidden?.variantGrading && usesVariant(ex, ctx.studentId))
    return options.hidden.variantGrading(ex, ctx.studentId);
  return {
    exercise: ex,
    checks: [
      ...studentPublicChecks(ex, ctx.hashes, ctx.studentId, ctx.variantHashes),
      ...(options.hidden ? options.hidden.checksFor(ex) : []),
    ],
  };
}

function run(ex: Exercise, ctx: Context, options: CheckOptions): Verdict {
  const mod = moduleFor(ctx, ex.file, options);
  if (mod instanceof LoadError) return loadFailureVerdict(ex, mod.message);
  const { exercise, checks } = plannedFor(ex, ctx, options);
  return judgeExports(exercise, mod, checks, relative(ctx.root, chapterPath(ctx.dir, ex.file)), options.timeoutMs);
}

/** Check one exercise and return its verdict (no display). */
export function checkExercise(id: string, options: CheckOptions = {}): Verdict {
  return run(getExercise(id), context(options), options);
}

/**
 * Check many exercises (all by default), loading each chapter file once.
 * @param onProgress called after each verdict (for progress bars)
 */
export function checkExercises(
  ids: readonly string[] = allExerciseIds(),
  options: CheckOptions = {},
  onProgress?: (v: Verdict, index: number, total: number) => void,
): Verdict[] {
  const ctx = context(options);
  return checkEach(ids, (ex) => run(ex, ctx, options), onProgress);
}

/**
 * The notebook check cell: `check("ex-2.3")`. Re-reads exercises/chNN.ts, runs the public
 * checks and displays pass / fail / not attempted with hints, as HTML with a plain-text
 * alternative. Returns nothing, so the kernel prints nothing more; use checkExercise() for
 * the verdict object.
 */
export function check(id: string, options: CheckOptions = {}): void {
  displayVerdict(checkExercise(id, options));
}
