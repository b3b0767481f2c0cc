// What a student may see of their row: hidden-check results only after the instructor releases them.
import type { Verdict } from "../../../workbook/types";
import type { GradebookRow } from "./types";

/**
 * Release semantics. Before release the student-facing outputs (feedback page, results JSON)
 * show the public checks in full, say that the hidden checks were graded and will be released,
 * and hold back EVERY score (per exercise and total, late penalty and overrides included): a
 * score would reveal what the hidden checks found. After release they show everything. The
 * instructor's outputs (grades.csv, the Canvas CSV, the summary, gradebook.json) always hold the
 * full numbers.
 */
export function studentVerdicts(row: GradebookRow, released: boolean): Verdict[] {
  const verdicts = row.result?.verdicts ?? [];
  if (released) return verdicts.map((v) => withOverride(v, row));
  return verdicts.map((v) => {
    const publicChecks = v.checks.filter((c) => c.visibility === "public");
    const publicPassed = publicChecks.every((c) => c.passed);
    return {
      ...v,
      // A verdict that failed only on hidden checks reads as a public pass until release.
      status: v.status === "fail" && publicPassed && v.loadError === undefined ? "pass" : v.status,
      points: 0,
      checks: publicChecks,
      // Hints may come from hidden cases (and their absence would tell): all are released with them.
      hints: publicChecks.length === v.checks.length ? v.hints : [],
      ...(v.status === "not-attempted" ? {} : { hidden: "withheld" as const }),
    };
  });
}

/** An overridden exercise shows the points it counts for. */
function withOverride(v: Verdict, row: GradebookRow): Verdict {
  const ex = row.exercises.find((e) => e.id === v.id);
  return ex?.override ? { ...v, points: ex.points } : v;
}
