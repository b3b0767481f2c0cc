// The LMS formats written next to the core outputs: Moodle's grading worksheet and PrairieLearn's results.
import { join } from "node:path";
import { writeFileAtomic } from "../../../core/files";
import type { GradebookRow, SubmissionTiming } from "../gradebook/types";
import { moodleWorksheetCsv } from "./moodle-worksheet";
import { prairieLearnResults } from "./prairielearn";

/** gradebook-moodle.csv: the Moodle assignment's grading worksheet, for "Upload grading worksheet". */
export function writeMoodleWorksheet(
  out: string,
  rows: readonly GradebookRow[],
  timings: readonly SubmissionTiming[] = [],
): void {
  writeFileAtomic(join(out, "gradebook-moodle.csv"), moodleWorksheetCsv(rows, timings));
}

/**
 * prairielearn/<student>.json: PrairieLearn external-grader results, one per row. Before release
 * (`released` false) nothing is written: PrairieLearn shows a score the moment it reads the file.
 */
export function writePrairieLearnResults(out: string, rows: readonly GradebookRow[], released: boolean): void {
  if (!released) return;
  for (const row of rows)
    writeFileAtomic(
      join(out, "prairielearn", `${row.student}.json`),
      `${JSON.stringify(prairieLearnResults(row), null, 2)}\n`,
    );
}
