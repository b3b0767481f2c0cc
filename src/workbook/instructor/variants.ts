import { dirname, join } from "node:path";
import { InputError } from "../../core/errors";
import { DEFAULT_SLACK, hashAnswer } from "../answer-hash";
import { canonicalAnswer, canonicalCandidates } from "../canonical";
import { EXERCISES, getExercise } from "../catalog";
import { createAnswerLoader, type AnswerLoader } from "../loader";
import { normalizeAnswer, showReceived } from "../normalize";
import { firingHints } from "../public-checks";
import { describeTolerance, withinTolerance } from "../tolerance";
import type { Answer, ChapterFile, CreditPolicy, Exercise, PlannedCheck } from "../types";
import { assertStudentId, withSlotId } from "../variants/id-slot";
import { rangeChecks, usesVariant, variantKey, variantLabel } from "../variants/checks";
import { describeDistribution, describeParams, isVaried, variantParams, type VariantParams } from "../variants/params";
import { promptFor } from "../variants/prompt";
import { assertReferenceSolutions, type ReferenceSolutions } from "./reference";

/**
 * The reference side of per-student variants (instructor edition only). A varied exercise's
 * expected answer for a student is the reference solution evaluated with that student's
 * numbers: the solutions read them through `variant("ex-2.1")`, so the chapter file is evaluated
 * afresh (src/workbook/loader.ts) with the student id set, once per student and file. Used by
 * the grader's per-student plans, `npm run variants` (show, hashes) and the tests.
 */

/** Chapter files evaluated under one id: the loader and a cache, per reference folder. */
const loaders = new Map<string, AnswerLoader>();
const evaluated = new Map<string, Readonly<Record<string, unknown>>>();

function loaderFor(reference: ReferenceSolutions): AnswerLoader {
  let loader = loaders.get(reference.dir);
  if (!loader) {
    loader = createAnswerLoader({ root: dirname(reference.dir), timeoutMs: 20_000 });
    loaders.set(reference.dir, loader);
  }
  return loader;
}

/** The reference chapter module as evaluated for this student (memoised: the same id gives the same module). */
function referenceModule(
  reference: ReferenceSolutions,
  file: ChapterFile,
  studentId: string,
): Readonly<Record<string, unknown>> {
  const key = `${reference.dir}\u0000${file}\u0000${studentId}`;
  let mod = evaluated.get(key);
  if (!mod) {
    mod = withSlotId(studentId, () => loaderFor(reference).load(join(reference.dir, `${file}.ts`)));
    evaluated.set(key, mod);
  }
  return mod;
}

/**
 * The reference answer of a varied value exercise for one student.
 * @throws {InputError} when reference is not ReferenceSolutions, the exercise is not a varied value exercise, or studentId is invalid
 * @throws {Error} when the reference gives no answer
 */
export function variantReferenceAnswer(reference: ReferenceSolutions, ex: Exercise, studentId: string): Answer {
  const fn = "variantReferenceAnswer";
  assertReferenceSolutions(fn, reference);
  assertStudentId(fn, "studentId", studentId);
  if (!usesVariant(ex, studentId)) throw new InputError(fn, "ex", "must be a varied value exercise", ex?.id);
  const outcome = normalizeAnswer(referenceModule(reference, ex.file, studentId)[ex.exportName], ex.answer);
  if (outcome.kind !== "answer")
    throw new Error(`the reference of ${ex.id} gave no answer for ${studentId} (${outcome.kind})`);
  return outcome.value;
}

/**
 * The grading checks of a varied value exercise for one student, in place of the default
 * public hash check and hidden check: the ranges, the public comparison at the exercise's
 * significant figures (what the student's published hash would say) and the hidden comparison
 * within the tolerance, both against the reference for THEIR numbers. Feedback names their numbers.
 * @throws {InputError} as variantReferenceAnswer
 */
export function variantGradingChecks(reference: ReferenceSolutions, ex: Exercise, studentId: string): PlannedCheck[] {
  const expected = variantReferenceAnswer(reference, ex, studentId);
  const label = variantLabel(ex, studentId);
  const unit = ex.answer.type === "number" && ex.answer.unit ? ` ${ex.answer.unit}` : "";
  const probe = { exportName: ex.exportName };
  const canonical = canonicalAnswer(expected, ex.sigFigs);
  const atSigFigs = (x: Answer, slack: number) => canonicalCandidates(x, ex.sigFigs, slack).includes(canonical);
  const hintsFor = (received: Answer, isExpected: (x: Answer) => boolean) =>
    firingHints(ex.hints, received, { isExpected, isMistake: () => false });
  const tolerance = describeTolerance(ex.tolerance);
  return [
    ...rangeChecks(ex),
    {
      name: `matches the expected value of ${label} (${ex.sigFigs} significant figures)`,
      visibility: "public",
      probes: [probe],
      judge: ([v]) =>
        atSigFigs(v, ex.slack ?? DEFAULT_SLACK)
          ? { passed: true }
          : {
              passed: false,
              message: `does not match the expected value of your numbers at ${ex.sigFigs} significant figures`,
              received: `${showReceived(v)}${unit}`,
              hints: hintsFor(v, (x) => atSigFigs(x, 0)),
            },
    },
    {
      name: `equals the reference value of ${label} ${tolerance}`,
      visibility: "hidden",
      probes: [probe],
      judge: ([v]) => {
        const isExpected = (x: Answer) => withinTolerance(x, expected, ex.tolerance);
        if (isExpected(v)) return { passed: true };
        return {
          passed: false,
          message: `differs from the reference value for your numbers by more than the tolerance (${tolerance})`,
          hints: hintsFor(v, isExpected),
        };
      },
    },
  ];
}

/**
 * How a varied value exercise is graded for one student: the exercise with its credit policy for
 * variants, and variantGradingChecks. A range holds for every variant, so passing it proves
 * nothing about the student's numbers: under proportional credit the ranges earn nothing here
 * (a copied published answer scores 0); an explicit policy is kept. The grader's per-student
 * plans (`npm run grade -- --variants`) and `npm run check -- --hidden` under an id both use it.
 * @throws {InputError} as variantReferenceAnswer
 */
export function variantGrading(
  reference: ReferenceSolutions,
  ex: Exercise,
  studentId: string,
): { exercise: Exercise; checks: PlannedCheck[] } {
  const checks = variantGradingChecks(reference, ex, studentId);
  const credit: CreditPolicy =
    ex.credit && ex.credit.kind !== "proportional"
      ? ex.credit
      : {
          kind: "weights",
          weights: { ...Object.fromEntries(rangeChecks(ex).map((r) => [r.name, 0])), public: 1, hidden: 1 },
        };
  return { exercise: { ...ex, credit }, checks };
}

/** One student's variant of one exercise, as `npm run variants -- show` prints it. */
export interface VariantReport {
  id: string;
  distribution: string;
  params: VariantParams;
  numbers: string;
  prompt: string;
  expected: Answer;
  unit?: string;
}

/**
 * A student's variant of each varied exercise (all by default): the distribution, their numbers, their prompt and the reference answer.
 * @throws {InputError} for an invalid id, or an exercise id that is not varied
 */
export function variantReports(
  reference: ReferenceSolutions,
  studentId: string,
  ids?: readonly string[],
): VariantReport[] {
  const fn = "variantReports";
  assertReferenceSolutions(fn, reference);
  assertStudentId(fn, "studentId", studentId);
  const list = ids ?? EXERCISES.filter((e) => e.kind === "value" && isVaried(e.id)).map((e) => e.id);
  return list.map((id) => {
    const ex = getExercise(id);
    if (!usesVariant(ex, studentId)) throw new InputError(fn, "ids", "must name varied value exercises", id);
    const params = variantParams(id, studentId);
    return {
      id,
      distribution: describeDistribution(id),
      params,
      numbers: describeParams(id, params),
      prompt: promptFor(ex, studentId),
      expected: variantReferenceAnswer(reference, ex, studentId),
      ...(ex.answer.type === "number" && ex.answer.unit ? { unit: ex.answer.unit } : {}),
    };
  });
}

/**
 * The published per-student hashes: for every id and every varied value exercise, the salted
 * scrypt hash of that student's expected answer at the exercise's significant figures, keyed
 * "ex-2.1@s1234". ≈ 50 ms per entry (31 exercises × 100 students ≈ 2.5 min).
 * @throws {InputError} when an id is invalid
 */
export function variantHashEntries(
  reference: ReferenceSolutions,
  studentIds: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Record<string, string> {
  assertReferenceSolutions("variantHashEntries", reference);
  for (const id of studentIds) assertStudentId("variantHashEntries", "studentIds", id);
  const varied = EXERCISES.filter((e) => e.kind === "value" && isVaried(e.id));
  const entries: Record<string, string> = {};
  const total = studentIds.length * varied.length;
  let done = 0;
  for (const id of [...new Set(studentIds)].sort()) {
    for (const ex of varied) {
      const key = variantKey(ex.id, id);
      entries[key] = hashAnswer(key, variantReferenceAnswer(reference, ex, id), ex.sigFigs);
      onProgress?.(++done, total);
    }
  }
  return entries;
}

/** A report's expected answer as printed. */
export function showExpected(r: VariantReport): string {
  return `${showReceived(r.expected)}${r.unit ? ` ${r.unit}` : ""}`;
}
