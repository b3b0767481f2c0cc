// Regrading one student or one exercise (`npm run grade -- --student ID --exercise ID`): what is redone, what is kept, and the record of it.
import { InputError } from "../../core/errors";
import { sumPoints } from "../../workbook/credit";
import type { Exercise } from "../../workbook/types";
import type { RegradeRecord, SubmissionResult } from "./types";

/**
 * A regrade redoes only what it names and keeps every other result of the output folder's
 * cache as it is — even one graded by an earlier grader (the instructor fixed a check: that is
 * why they regrade):
 * - `students`: those students' submissions are graded again from scratch;
 * - `exercises`: for every student (of `students`, when both are given) whose cached result
 *   is for the same submission, only those exercises are run in a fresh sandbox and judged
 *   again; the verdicts of the other exercises are kept as they are.
 * A student without a usable cached result (new or changed submission) is graded in full, so
 * every output stays complete. Each regraded result records when and what (`regrades`) and
 * tells the student in a notice.
 */
export interface RegradeRequest {
  students?: readonly string[];
  exercises?: readonly string[];
}

/**
 * Validate a regrade request against the catalog (the students are matched against the class
 * by gradeClass, which knows who submitted).
 * @throws {InputError} on an unknown exercise id, an empty student id, or an empty list
 */
export function checkRegrade(request: RegradeRequest, exercises: readonly Exercise[]): void {
  const { students, exercises: ids } = request;
  if (students !== undefined) {
    if (students.length === 0) throw new InputError("grade", "--student", "must name at least one student", students);
    for (const s of students)
      if (typeof s !== "string" || s.trim() === "")
        throw new InputError("grade", "--student", "must be a non-empty student id or folder name", s);
  }
  if (ids !== undefined) {
    if (ids.length === 0) throw new InputError("grade", "--exercise", "must name at least one exercise", ids);
    const known = new Set(exercises.map((e) => e.id));
    for (const id of ids)
      if (!known.has(id))
        throw new InputError(
          "grade",
          "--exercise",
          `must be an exercise id of the catalog (e.g. ${exercises[0]?.id})`,
          id,
        );
  }
}

/** "--student a --student b,c" → ["a", "b", "c"] (commander collects the repeats). */
export function splitList(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(",")).map((v) => v.trim());
}

function notice(record: RegradeRecord): string {
  const what =
    record.scope === "exercise"
      ? `exercise${record.exercises!.length > 1 ? "s" : ""} ${record.exercises!.join(", ")}`
      : "the whole submission";
  return `Regraded ${record.at}: ${what} graded again${record.previousTotal !== undefined ? ` (score before: ${record.previousTotal})` : ""}.`;
}

/** A fresh full grading of a student the instructor asked to regrade, with the record of it. */
export function markStudentRegrade(
  result: SubmissionResult,
  previous: SubmissionResult | undefined,
  at: string,
): SubmissionResult {
  const record: RegradeRecord = {
    at,
    scope: "student",
    ...(previous ? { previousTotal: previous.total, previousFingerprint: previous.fingerprint } : {}),
  };
  return {
    ...result,
    regrades: [...(previous?.regrades ?? []), record],
    notices: [...result.notices, notice(record)],
  };
}

/**
 * The earlier result with the verdicts of `exercises` replaced by those of `partial` (a grading
 * of those exercises only), the totals recomputed, the fingerprint of the current grader, the
 * regrade recorded, and the regrade's sandbox output appended to the instructor's log.
 */
export function mergeExerciseRegrade(
  previous: SubmissionResult,
  partial: SubmissionResult,
  exercises: readonly string[],
  at: string,
  outputCap: number,
): SubmissionResult {
  const ids = new Set(exercises);
  const fresh = new Map(partial.verdicts.map((v) => [v.id, v]));
  const verdicts = previous.verdicts.map((v) => (ids.has(v.id) ? (fresh.get(v.id) ?? v) : v));
  for (const v of partial.verdicts) if (!previous.verdicts.some((p) => p.id === v.id)) verdicts.push(v);
  const record: RegradeRecord = {
    at,
    scope: "exercise",
    exercises: [...exercises],
    previousTotal: previous.total,
    previousFingerprint: previous.fingerprint,
  };
  const added = `\n--- regrade ${at} (${exercises.join(", ")}) ---\n${partial.log.output}`;
  const room = Math.max(0, outputCap - previous.log.output.length);
  return {
    ...previous,
    fingerprint: partial.fingerprint,
    verdicts,
    total: sumPoints(verdicts.map((v) => v.points)),
    max: sumPoints(verdicts.map((v) => v.maxPoints)),
    notices: [...previous.notices, ...partial.notices.filter((n) => !previous.notices.includes(n)), notice(record)],
    regrades: [...(previous.regrades ?? []), record],
    log: {
      ...previous.log,
      output: previous.log.output + added.slice(0, room),
      outputTruncated: previous.log.outputTruncated || added.length > room,
      outputBytes: previous.log.outputBytes + partial.log.outputBytes,
      processes: previous.log.processes + partial.log.processes,
      durationMs: previous.log.durationMs + partial.log.durationMs,
    },
  };
}
