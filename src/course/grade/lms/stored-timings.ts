// The LMS download's submission timings, kept beside the outputs for what re-renders them without the download.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../../core/errors";
import { writeFileAtomic } from "../../../core/files";
import { readJsonFile } from "../../../core/read-json";
import type { GradebookInputs } from "../gradebook/build";
import type { SubmissionTiming } from "../gradebook/types";

/**
 * `<out>/lms-timings.json`: what the Canvas or Moodle download said of each student's time (the
 * LATE flag, the entry times). `grade release` and `grade merge` read the cache, not the
 * download: without this file a late Canvas submission would lose its penalty on release.
 */
export const LMS_TIMINGS_FILE = "lms-timings.json";

const isTiming = (t: unknown): t is SubmissionTiming => {
  const x = t as SubmissionTiming;
  return (
    typeof x === "object" &&
    x !== null &&
    typeof x.student === "string" &&
    typeof x.source === "string" &&
    (x.submittedAt === undefined || typeof x.submittedAt === "string") &&
    (x.lateFlag === undefined || typeof x.lateFlag === "boolean")
  );
};

/** Write the import's timings into the output folder (atomically). */
export function writeLmsTimings(out: string, timings: readonly SubmissionTiming[]): void {
  if (!Array.isArray(timings as unknown) || !timings.every(isTiming))
    throw new InputError("writeLmsTimings", "timings", "must be an array of SubmissionTiming", timings);
  writeFileAtomic(join(out, LMS_TIMINGS_FILE), `${JSON.stringify(timings, null, 2)}\n`);
}

/**
 * The timings a grading run stored in `out`; none when it graded a folder (no file).
 * @throws {InputError} when the file exists but is not a list of timings
 */
export function readLmsTimings(out: string): SubmissionTiming[] {
  const path = join(out, LMS_TIMINGS_FILE);
  if (!existsSync(path)) return [];
  const data = readJsonFile("readLmsTimings", "out", path, `a readable ${LMS_TIMINGS_FILE}`);
  if (!Array.isArray(data) || !data.every(isTiming))
    throw new InputError("readLmsTimings", "out", `must hold a ${LMS_TIMINGS_FILE} listing submission timings`, out);
  return data;
}

/**
 * The course inputs with the stored LMS timings of `dirs` before its own (a submissions CSV
 * still wins, as in the grading run), kept to the students who have a result: a timing of
 * nobody graded changes no number, and the gradebook refuses one it cannot place.
 */
export function withStoredTimings(
  course: GradebookInputs | undefined,
  dirs: readonly string[],
  students: ReadonlySet<string>,
): { course: GradebookInputs | undefined; stored: SubmissionTiming[] } {
  const byStudent = new Map<string, SubmissionTiming>();
  for (const dir of dirs) for (const t of readLmsTimings(dir)) if (students.has(t.student)) byStudent.set(t.student, t);
  const stored = [...byStudent.values()];
  if (stored.length === 0) return { course, stored };
  return { course: { ...course, timings: [...stored, ...(course?.timings ?? [])] }, stored };
}
