// Grading a class: discovery, cache, parallel sandboxes, outputs; and merging shards.
import { Presets, SingleBar } from "cli-progress";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { InputError } from "../../core/errors";
import { EXERCISES } from "../../workbook/catalog";
import type { ReferenceSolutions } from "../../workbook/instructor/reference";
import { findProjectRoot, readAnswerHashes } from "../../workbook/paths";
import { readAllCached, readCached, writeCached } from "./cache";
import { graderFingerprint } from "./fingerprint";
import { gradeSubmission, type GradingContext } from "./grade-submission";
import { registerReferenceAnswers, type KnownAnswersReport } from "./known-answers";
import type { GradebookInputs } from "./gradebook/build";
import type { GradebookRow } from "./gradebook/types";
import { writeClassOutputs, writeStudentLog, type OutputMeta } from "./outputs/write";
import { failedResult, refusedResult } from "./not-graded";
import { importIfLmsZip } from "./lms/import-zip";
import { withStoredTimings, writeLmsTimings } from "./lms/stored-timings";
import { buildPlan, studentPlans } from "./plan";
import { checkRegrade, markStudentRegrade, mergeExerciseRegrade, type RegradeRequest } from "./regrade";
import { describeIsolation, probeIsolation } from "./sandbox/isolation";
import { buildRuntime } from "./sandbox/runtime";
import { cachedKnownAnswers, cachedRuntime, setupKey } from "./setup-cache";
import { shardOf, type Shard } from "./shard";
import { assertCurrentAnswers } from "./stale-check";
import { safeStudentId } from "./student-id";
import { findSubmissions, readSubmission, type FoundSubmission } from "./submissions";
import { StudentTranspiler, type TranspileLimits } from "./transpile";
import { DEFAULT_SETTINGS, type GradeSettings, type SubmissionResult } from "./types";

export interface GradeClassOptions {
  /** Folder with one folder (or .zip) per student. Never written to. */
  submissions: string;
  /** Output folder (created). */
  out: string;
  /** Project root (src/, data/, the answer hashes); found automatically. */
  root?: string;
  /** The reference solutions the hidden checks and known answers use, received from the caller (src/cli/instructor/reference-solutions.ts). */
  reference: ReferenceSolutions;
  /** Submissions graded at once (default: os.availableParallelism()). */
  concurrency?: number;
  /** Grade only this shard of the class. */
  shard?: Shard;
  settings?: Partial<GradeSettings>;
  /** Limits of the TypeScript worker that transpiles students' files (tests lower them). */
  transpile?: Partial<TranspileLimits>;
  /** Progress bar on stderr (default: when stderr is a terminal). */
  progress?: boolean;
  /** Ignore cached results. */
  force?: boolean;
  assignment?: string;
  canvasIdColumn?: OutputMeta["canvasIdColumn"];
  /** Show hidden-check results and scores in the feedback and results/ (default false: held back until released). */
  releaseHidden?: boolean;
  /** Roster, deadline, late policy, extensions, timings, overrides: the gradebook stage (gradebook/build.ts). */
  course?: GradebookInputs;
  /**
   * Regrade only these students and/or exercises (`--student`, `--exercise`); every other
   * result comes from the cache as it is (see regrade.ts). Ignored with `force`.
   */
  regrade?: RegradeRequest;
  /** Called after each submission (graded or from the cache). */
  onResult?: (result: SubmissionResult, fromCache: boolean) => void;
  /** Per-student variants: grade each student's varied exercises against their own numbers (default false: everyone the published ones). */
  variants?: boolean;
}

export interface GradeClassReport {
  /** One per submission found (of this shard), whatever its status. */
  results: SubmissionResult[];
  /** The gradebook: one row per roster student and per submission, after overrides and late penalty. */
  rows: GradebookRow[];
  /** Graded in this run. */
  graded: number;
  /** Graded earlier, reused from the cache. */
  cached: number;
  /** Of `graded`: regraded at the instructor's request (`regrade`), whole or some exercises. */
  regraded: number;
  /** Listed with status "refused: …" (e.g. a symbolic link). */
  refused: number;
  /** Listed with status "error: …": the grader failed on them (the rest of the class was graded). */
  failed: number;
  /** For the instructor's terminal: refused entries, ids made safe, duplicates set aside. */
  notes: string[];
  isolation: string;
  fingerprint: string;
  durationMs: number;
  /** Stored answer hashes the grader compared without hashing (absent when nothing was graded). */
  knownAnswers?: KnownAnswersReport;
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep));
}

/** Run `task` over `items` with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/**
 * The filed ids of the students a regrade names (by id or by folder name), or an InputError
 * naming those who are not in the class (a typo must not regrade nobody silently).
 */
function regradeStudents(named: readonly string[], found: readonly FoundSubmission[]): Set<string> {
  const ids = new Set<string>();
  const unknown: string[] = [];
  for (const n of named) {
    const hit = found.find((f) => f.student === n || f.name === n || f.student === safeStudentId(n));
    if (hit) ids.add(hit.student);
    else unknown.push(n);
  }
  if (unknown.length > 0)
    throw new InputError("grade", "--student", "must name students who submitted (folder or zip name)", unknown);
  return ids;
}

/**
 * Grade every submission (of this shard) and write all outputs. Every entry of the
 * submissions folder that is a submission appears in every output with its status
 * (`graded`, `refused: <reason>`, or `error: <message>` when the grader itself failed on that
 * one): nothing one student sends can stop the others. Resolves when grading ran, whatever
 * the scores; rejects for bad options (InputError), stale answer hashes (StaleAnswersError,
 * before anything is written) or an unusable machine.
 */
export async function gradeClass(options: GradeClassOptions): Promise<GradeClassReport> {
  const started = Date.now();
  const root = resolve(options.root ?? findProjectRoot());
  const submissionsDir = resolve(options.submissions);
  const out = resolve(options.out);
  if (isInside(submissionsDir, out))
    throw new InputError(
      "grade",
      "out",
      "must not be inside the submissions folder (submissions are never modified)",
      out,
    );
  if (isInside(out, submissionsDir))
    throw new InputError("grade", "submissions", "must not be inside the output folder", submissionsDir);
  const settings: GradeSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const transpiler = new StudentTranspiler(options.transpile); // validates the limits
  assertCurrentAnswers(options.reference, root);
  const isolation = probeIsolation();
  const meta: OutputMeta = {
    assignment: options.assignment ?? "Microdosing Workbook",
    canvasIdColumn: options.canvasIdColumn ?? "SIS User ID",
    isolation: describeIsolation(isolation),
    releaseHidden: options.releaseHidden ?? false,
    ...(options.course ? { course: options.course } : {}),
  };
  const fingerprint = graderFingerprint(
    root,
    { ...settings, ...(options.variants ? { variants: true } : {}) },
    options.reference.dir,
  );

  const regrade = options.force ? undefined : options.regrade;
  if (regrade) checkRegrade(regrade, EXERCISES);
  // An LMS download (.zip) is unpacked into a private tree first (lms/import-zip.ts); its timings feed the gradebook.
  const lms = importIfLmsZip(submissionsDir, options.course?.roster);
  if (lms) meta.course = { ...meta.course, timings: [...lms.timings, ...(meta.course?.timings ?? [])] };
  // Until the grading loop's `finally` takes over, a failure (an unreadable entry, a mistyped
  // --student) must not leave the class's unpacked download behind.
  let discovered: ReturnType<typeof findSubmissions>;
  let regradeIds: Set<string> | undefined;
  try {
    discovered = lms ? lms.find() : findSubmissions(submissionsDir);
    regradeIds = regrade?.students ? regradeStudents(regrade.students, discovered.found) : undefined;
  } catch (err) {
    lms?.cleanup();
    throw err;
  }
  const { found, refused, notes } = discovered;
  const inShard = (student: string): boolean =>
    !options.shard || shardOf(student, options.shard.count) === options.shard.index;
  const mine: FoundSubmission[] = found.filter((f) => inShard(f.student));
  const regradeAt = new Date().toISOString();
  const maxPoints = EXERCISES.reduce((sum, e) => sum + e.points, 0);

  let ctx: Promise<GradingContext> | undefined;
  let workDir: string | undefined;
  let knownAnswers: KnownAnswersReport | undefined;
  let setupFailed = false;
  const context = (): Promise<GradingContext> =>
    (ctx ??= (async () => {
      workDir = mkdtempSync(join(tmpdir(), "microdosing-grade-"));
      chmodSync(workDir, 0o711); // a sandbox running as nobody may pass through, not list
      const plans = buildPlan(root, options.reference);
      // Both come from the output folder's cache while the grader is unchanged (setup-cache.ts); else
      // the reference answers are hashed on the thread pool while esbuild bundles and a child builds the snapshot.
      const snapshot = process.env.GRADER_NO_SNAPSHOT !== "1";
      const key = setupKey(fingerprint, snapshot);
      const hashes = readAnswerHashes(root).entries;
      const runtimeDir = join(workDir, "runtime");
      const [{ runtime }, known] = await Promise.all([
        cachedRuntime(out, key, runtimeDir, () =>
          buildRuntime(root, runtimeDir, { memoryMb: settings.memoryMb, snapshot }),
        ),
        cachedKnownAnswers(out, key, hashes, () => registerReferenceAnswers(options.reference, EXERCISES, hashes)),
      ]);
      knownAnswers = { registered: known.registered, refused: known.refused };
      const reference = options.reference;
      const variantPlans = options.variants ? (student: string) => studentPlans(plans, student, reference) : undefined;
      return {
        plans,
        runtime,
        isolation,
        settings,
        workDir,
        fingerprint,
        transpiler,
        ...(variantPlans ? { variantPlans } : {}),
      };
    })().catch((err: unknown) => {
      setupFailed = true;
      throw err;
    }));

  const showBar = options.progress ?? Boolean(process.stderr.isTTY);
  const bar = showBar
    ? new SingleBar(
        {
          format: "Grading {bar} {value}/{total} | {percentage}% | ETA {eta_formatted} | {student}",
          stream: process.stderr,
          etaBuffer: 20,
        },
        Presets.shades_classic,
      )
    : undefined;
  bar?.start(mine.length, 0, { student: "" });
  const results: SubmissionResult[] = [];
  let graded = 0;
  let cached = 0;
  let regraded = 0;
  let failed = 0;
  const keep = (result: SubmissionResult, fromCache: boolean): void => {
    // A cached result's log was written when it was graded (a change of its format changes the fingerprint).
    if (!fromCache || !existsSync(join(out, "logs", `${result.student}.txt`))) writeStudentLog(out, result);
    results.push(result);
    options.onResult?.(result, fromCache);
  };
  try {
    // Written to the cache too, so `grade merge` lists them.
    for (const r of refused.filter((x) => inShard(x.student))) {
      const result = refusedResult(r, fingerprint, maxPoints);
      writeCached(out, result);
      keep(result, false);
    }
    await pool(mine, options.concurrency ?? availableParallelism(), async (f) => {
      let result: SubmissionResult | undefined;
      let fromCache = false;
      try {
        const sub = readSubmission(f);
        const named = !regrade || !regradeIds || regradeIds.has(sub.student);
        // A regrade keeps every result it does not redo, even one by an earlier grader (regrade.ts).
        const earlier = options.force
          ? undefined
          : readCached(out, sub.student, sub.contentHash, regrade ? undefined : fingerprint);
        if (earlier && !(regrade && named)) {
          result = earlier;
          fromCache = true;
          cached++;
        } else if (earlier && regrade?.exercises) {
          const only = new Set(regrade.exercises);
          const base = await context();
          const partial = await gradeSubmission(sub, {
            ...base,
            plans: base.plans.filter((p) => only.has(p.exercise.id)),
            ...(base.variantPlans
              ? { variantPlans: (s: string) => base.variantPlans!(s).filter((p) => only.has(p.exercise.id)) }
              : {}),
          });
          result = mergeExerciseRegrade(earlier, partial, regrade.exercises, regradeAt, settings.outputCap);
          writeCached(out, result);
          graded++;
          regraded++;
        } else {
          result = await gradeSubmission(sub, await context());
          if (regrade && named && regradeIds) {
            // Asked for by name: recorded, with the result it replaces (a new or changed submission is simply graded).
            const previous = readCached(out, sub.student, sub.contentHash, undefined);
            result = markStudentRegrade(result, previous, regradeAt);
            regraded++;
          }
          writeCached(out, result);
          graded++;
        }
      } catch (err) {
        // A failure of the grader on this one submission (unreadable folder, full disk…): listed, the class goes on.
        if (setupFailed) throw err; // the grader's runtime could not be built: nothing can be graded, say why
        result = failedResult(f, err, fingerprint, maxPoints);
        failed++;
      }
      keep(result, fromCache);
      bar?.increment({ student: f.student });
    });
  } finally {
    bar?.stop();
    await transpiler.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    lms?.cleanup();
  }
  if (lms) writeLmsTimings(out, lms.timings); // for `grade release` and `grade merge`, which read no download
  const rows = await writeClassOutputs(out, results, EXERCISES, meta);
  return {
    results,
    rows,
    graded,
    cached,
    regraded,
    refused: results.filter((r) => r.status.startsWith("refused")).length,
    failed,
    notes: [...refused.map((r) => r.detail), ...notes],
    isolation: meta.isolation,
    fingerprint,
    durationMs: Date.now() - started,
    ...(knownAnswers ? { knownAnswers } : {}),
  };
}

/**
 * Merge the output folders of several shards into one: every student's result (from each
 * shard's cache), re-rendered pages and the class-wide files. All shards must have been
 * graded by the same grader (same fingerprint), and a student may appear in two shards only
 * with the same submission.
 * @throws {InputError} on mixed fingerprints or conflicting duplicates
 */
export async function mergeShards(
  out: string,
  shardDirs: readonly string[],
  meta: Partial<OutputMeta> = {},
): Promise<GradeClassReport> {
  const started = Date.now();
  if (shardDirs.length === 0)
    throw new InputError("grade merge", "shards", "must name at least one shard output folder", shardDirs);
  const byStudent = new Map<string, SubmissionResult>();
  const fingerprints = new Set<string>();
  for (const dir of shardDirs) {
    for (const r of readAllCached(resolve(dir))) {
      fingerprints.add(r.fingerprint);
      const seen = byStudent.get(r.student);
      if (seen && seen.contentHash !== r.contentHash)
        throw new InputError(
          "grade merge",
          "shards",
          `must not grade ${r.student} twice with different submissions`,
          dir,
        );
      byStudent.set(r.student, r);
    }
  }
  if (fingerprints.size > 1)
    throw new InputError(
      "grade merge",
      "shards",
      "must all be graded by the same grader, checks and solutions (fingerprints differ)",
      [...fingerprints].map((f) => f.slice(0, 12)),
    );
  const full: OutputMeta = {
    assignment: meta.assignment ?? "Microdosing Workbook",
    canvasIdColumn: meta.canvasIdColumn ?? "SIS User ID",
    isolation: meta.isolation ?? describeIsolation(probeIsolation()),
    releaseHidden: meta.releaseHidden ?? false,
    ...(meta.course ? { course: meta.course } : {}),
  };
  const target = resolve(out);
  const results = [...byStudent.values()];
  const timed = withStoredTimings(
    full.course,
    shardDirs.map((d) => resolve(d)),
    new Set(byStudent.keys()),
  );
  if (timed.course) full.course = timed.course;
  if (timed.stored.length) writeLmsTimings(target, timed.stored);
  for (const r of results) {
    writeCached(target, r);
    writeStudentLog(target, r);
  }
  const rows = await writeClassOutputs(target, results, EXERCISES, full);
  return {
    results,
    rows,
    graded: 0,
    cached: results.length,
    regraded: 0,
    refused: results.filter((r) => r.status.startsWith("refused")).length,
    failed: results.filter((r) => r.status.startsWith("error")).length,
    notes: [],
    isolation: full.isolation,
    fingerprint: [...fingerprints][0] ?? "",
    durationMs: Date.now() - started,
  };
}
