// PrairieLearn's external-grader results.json, one per student.
import { renderVerdictText } from "../../../workbook/render";
import type { GradebookRow } from "../gradebook/types";

/** The external grading results format: https://prairielearn.readthedocs.io/en/latest/externalGrading/#grading-results */
export interface PrairieLearnResults {
  gradable: boolean;
  /** Fraction of the maximum, in [0, 1] (absent when not gradable). */
  score?: number;
  message: string;
  /** Why the submission could not be graded (with gradable: false). */
  format_errors?: string[];
  tests: Array<{
    name: string;
    description: string;
    points: number;
    max_points: number;
    message: string;
    output: string;
  }>;
}

/**
 * One test per exercise (points after overrides), its output the text the student sees in the
 * notebook — hidden checks as passed/failed only, never their inputs; the student's printed output
 * is left out. `score` is the row's final total (late penalty included) over its maximum. A row
 * that was not graded (no submission, refused, grader error) is `gradable: false`: PrairieLearn
 * then awards nothing and takes no attempt.
 */
export function prairieLearnResults(row: GradebookRow): PrairieLearnResults {
  const graded = row.status === "graded";
  const verdicts = new Map((row.result?.verdicts ?? []).map((v) => [v.id, v]));
  const notes = [
    ...(row.late && row.late.points > 0 ? [`Late by ${row.late.daysLate} day(s): −${row.late.points} points.`] : []),
    ...row.exercises.flatMap((e) =>
      e.override ? [`${e.id} set to ${e.override.points} points: ${e.override.reason}.`] : [],
    ),
    ...(row.result?.notices ?? []),
  ];
  return {
    gradable: graded,
    ...(graded ? { score: row.max > 0 ? Math.min(1, Math.max(0, row.total / row.max)) : 0 } : {}),
    message: [graded ? `${row.total} of ${row.max} points.` : `Not graded (${row.status}).`, ...notes].join("\n"),
    ...(graded ? {} : { format_errors: [row.status, ...(row.result?.notices ?? [])] }),
    tests: row.exercises.map((e) => {
      const v = verdicts.get(e.id);
      return {
        name: v ? `${e.id} ${v.title}` : e.id,
        description: v ? `exercises/${v.file}.ts, ${v.exportName}` : "",
        points: e.points,
        max_points: e.max,
        message: e.override ? `Set to ${e.override.points} points by the instructor: ${e.override.reason}` : "",
        output: v ? renderVerdictText(v) : "",
      };
    }),
  };
}
