// Gradescope-style results.json per student (the class outputs' results/, and the Gradescope autograder's).
import { renderVerdictText } from "../../../workbook/render";
import type { Verdict } from "../../../workbook/types";
import type { GradebookRow } from "../gradebook/types";

/** When Gradescope shows a test: "visible" at once, "after_published" once the instructor publishes the grades. */
export type GradescopeVisibility = "visible" | "after_published";

export interface GradescopeTest {
  number: string;
  name: string;
  score: number;
  max_score: number;
  status: "passed" | "failed";
  output: string;
  visibility: GradescopeVisibility;
}

/** The Gradescope autograder results format (a subset): https://gradescope-autograders.readthedocs.io/en/latest/specs/ */
export interface GradescopeResults {
  score: number;
  max_score: number;
  execution_time: number;
  output: string;
  /** "after_published" until the hidden checks are released: the total would tell what they found. */
  visibility: GradescopeVisibility;
  stdout_visibility: "hidden";
  tests: GradescopeTest[];
}

const statusOf = (passed: boolean): "passed" | "failed" => (passed ? "passed" : "failed");

/**
 * The tests of one exercise. Without hidden checks: one visible test with the points. With
 * hidden checks: a visible test of the public checks alone (0 points; the verdict's first line,
 * which tells the points and the overall pass, is left out) and an `after_published` test with
 * the exercise's points and every check — hidden ones as passed/failed only, never an input.
 */
function exerciseTests(v: Verdict, points: number, note: string | undefined): GradescopeTest[] {
  const full = renderVerdictText({ ...v, points }) + (note ? `\n  ${note}` : "");
  const whole: GradescopeTest = {
    number: v.id,
    name: `${v.id} ${v.title}`,
    score: points,
    max_score: v.maxPoints,
    status: statusOf(v.status === "pass"),
    output: full,
    visibility: "visible",
  };
  const publicChecks = v.checks.filter((c) => c.visibility === "public");
  if (publicChecks.length === v.checks.length) return [whole];
  const pub: Verdict = { ...v, checks: publicChecks, hints: [] };
  return [
    {
      number: `${v.id}.public`,
      name: `${v.id} ${v.title} — public checks`,
      score: 0,
      max_score: 0,
      status: statusOf(
        v.status !== "not-attempted" && v.loadError === undefined && publicChecks.every((c) => c.passed),
      ),
      output: [
        `Public checks of ${v.id} ${v.title}:`,
        ...renderVerdictText(pub).split("\n").slice(1),
        "  Hidden checks and points appear when the grades are published.",
      ].join("\n"),
      visibility: "visible",
    },
    { ...whole, visibility: "after_published" },
  ];
}

/**
 * A student's results.json. Tests per exercise as {@link exerciseTests} (public checks visible at
 * once, hidden checks and their points `after_published`); points after overrides, the total the
 * row's final score (late penalty included), both explained in the output. Before release
 * (`released` false) the top-level visibility is `after_published` too, so Gradescope holds back
 * the total with the hidden checks; test-level visibility overrides it, so the public checks show
 * at once. The student's printed output is never included: it could echo a hidden input.
 */
export function gradescopeResults(row: GradebookRow, released: boolean): GradescopeResults {
  const r = row.result;
  const byId = new Map(row.exercises.map((e) => [e.id, e]));
  const late =
    row.late && row.late.points > 0 ? [`Late by ${row.late.daysLate} day(s): −${row.late.points} points.`] : [];
  const head =
    row.status === "graded" ? [] : [row.status === "no submission" ? "No submission was received." : row.status];
  const output = [...head, ...(r?.notices ?? []), ...(released ? late : [])].join("\n");
  return {
    score: row.total,
    max_score: row.max,
    execution_time: r ? Math.round(r.log.durationMs) / 1000 : 0,
    output:
      output ||
      (released
        ? `${row.total} of ${row.max} points`
        : "Public checks below; hidden checks and the score appear when the grades are published."),
    visibility: released ? "visible" : "after_published",
    stdout_visibility: "hidden",
    tests: (r?.verdicts ?? []).flatMap((v) => {
      const e = byId.get(v.id);
      const note = e?.override
        ? `Set to ${e.override.points} points by the instructor: ${e.override.reason}`
        : undefined;
      return exerciseTests(v, e ? e.points : v.points, note);
    }),
  };
}
