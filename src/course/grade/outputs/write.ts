// Writing every output file, each atomically, from the gradebook's rows.
import { join } from "node:path";
import type { Exercise } from "../../../workbook/types";
import { writeFileAtomic } from "../../../core/files";
import { buildGradebook, type GradebookInputs } from "../gradebook/build";
import type { GradebookRow } from "../gradebook/types";
import type { SubmissionResult } from "../types";
import { canvasCsv, gradesCsv, type CanvasOptions } from "./csv";
import { feedbackHtml } from "./feedback";
import { gradescopeResults } from "./gradescope";
import { writeMoodleWorksheet, writePrairieLearnResults } from "./lms-writers";
import { summaryHtml } from "./summary";

export interface OutputMeta {
  assignment: string;
  canvasIdColumn: CanvasOptions["idColumn"];
  isolation: string;
  /** Show hidden-check results and scores in the student-facing outputs (default false: held back). */
  releaseHidden?: boolean;
  /** Roster, deadline, late policy, extensions, timings, overrides (see gradebook/build.ts). */
  course?: GradebookInputs;
}

/**
 * A writer of class-wide files from the gradebook rows. LMS formats (Moodle worksheet,
 * PrairieLearn, Gradescope…) add themselves to GRADEBOOK_WRITERS; writeClassOutputs runs each.
 */
export type GradebookWriter = (
  out: string,
  rows: readonly GradebookRow[],
  ctx: { exercises: readonly Exercise[]; meta: OutputMeta },
) => void | Promise<void>;

/** logs/<student>.txt: the instructor's log of one submission, written as soon as it is graded. */
export function writeStudentLog(out: string, r: SubmissionResult): void {
  const log = [
    `student: ${r.student}${r.name !== r.student ? ` (found as ${JSON.stringify(r.name)})` : ""}`,
    `status: ${r.status}`,
    `source: ${r.log.source}`,
    `score: ${r.total} / ${r.max} (as graded, before overrides and late penalty)`,
    `duration: ${r.log.durationMs} ms; sandbox processes: ${r.log.processes}`,
    ...r.notices.map((n) => `notice: ${n}`),
    `output (${r.log.outputBytes} bytes${r.log.outputTruncated ? ", truncated" : ""}; instructor only — it may echo hidden inputs):`,
    r.log.output,
  ];
  writeFileAtomic(join(out, "logs", `${r.student}.txt`), `${log.join("\n")}\n`);
}

/** results/<student>.json (Gradescope format) and feedback/<student>.html: what the student sees. */
export function writeStudentPages(out: string, row: GradebookRow, meta: OutputMeta): void {
  const released = meta.releaseHidden ?? false;
  writeFileAtomic(
    join(out, "results", `${row.student}.json`),
    `${JSON.stringify(gradescopeResults(row, released), null, 2)}\n`,
  );
  writeFileAtomic(join(out, "feedback", `${row.student}.html`), feedbackHtml(row, meta.assignment, released));
}

/** The rows without the grader's result (whose log may echo hidden inputs), for gradebook.json. */
function plainRow(row: GradebookRow): Omit<GradebookRow, "result"> {
  const { result: _result, ...rest } = row;
  return rest;
}

const CORE_WRITERS: GradebookWriter[] = [
  (out, rows, { exercises }) =>
    writeFileAtomic(
      join(out, "grades.csv"),
      gradesCsv(
        rows,
        exercises.map((e) => e.id),
      ),
    ),
  (out, rows, { meta }) =>
    writeFileAtomic(
      join(out, "gradebook-canvas.csv"),
      canvasCsv(rows, { assignment: meta.assignment, idColumn: meta.canvasIdColumn }),
    ),
  (out, rows) => writeFileAtomic(join(out, "gradebook.json"), `${JSON.stringify(rows.map(plainRow), null, 2)}\n`),
  (out, rows, { meta }) => {
    for (const row of rows) writeStudentPages(out, row, meta);
  },
  async (out, rows, { exercises, meta }) =>
    writeFileAtomic(
      join(out, "summary.html"),
      await summaryHtml(rows, exercises, {
        assignment: meta.assignment,
        isolation: meta.isolation,
        generated: new Date().toISOString(),
      }),
    ),
];

/** Writers added by other output formats (run after the core ones, in order). */
export const GRADEBOOK_WRITERS: GradebookWriter[] = [
  (out, rows, { meta }) => writeMoodleWorksheet(out, rows, meta.course?.timings),
  (out, rows, { meta }) => writePrairieLearnResults(out, rows, meta.releaseHidden ?? false),
];

/**
 * Builds the gradebook (every roster student, overrides, late penalty: gradebook/build.ts) and
 * writes grades.csv, gradebook-canvas.csv, gradebook.json (the rows, for the instructor and other
 * tools), results/ and feedback/ for every row, summary.html, then every GRADEBOOK_WRITERS entry.
 * Returns the rows.
 * @throws {InputError} from buildGradebook (an override naming an unknown student or exercise …), before anything is written
 */
export async function writeClassOutputs(
  out: string,
  results: readonly SubmissionResult[],
  exercises: readonly Exercise[],
  meta: OutputMeta,
): Promise<GradebookRow[]> {
  const rows = buildGradebook(results, exercises, meta.course ?? {});
  for (const write of [...CORE_WRITERS, ...GRADEBOOK_WRITERS]) await write(out, rows, { exercises, meta });
  return rows;
}
