// Gradescope-style results.json per student.
import { renderVerdictText } from "../../../workbook/render";
import type { SubmissionResult } from "../types";

/** The Gradescope autograder results format (a subset): https://gradescope-autograders.readthedocs.io/en/latest/specs/ */
export interface GradescopeResults {
  score: number;
  max_score: number;
  execution_time: number;
  output: string;
  visibility: "visible";
  stdout_visibility: "hidden";
  tests: Array<{
    number: string;
    name: string;
    score: number;
    max_score: number;
    status: "passed" | "failed";
    output: string;
    visibility: "visible";
  }>;
}

/**
 * One test per exercise, its output the same text the student sees in the notebook (public
 * checks in detail, hidden checks as passed/failed only). The student's own printed output
 * is never included: it could echo a hidden input.
 */
export function gradescopeResults(r: SubmissionResult): GradescopeResults {
  return {
    score: r.total,
    max_score: r.max,
    execution_time: Math.round(r.log.durationMs) / 1000,
    output: [...(r.status === "graded" ? [] : [r.status]), ...r.notices].join("\n") || `${r.total} of ${r.max} points`,
    visibility: "visible",
    stdout_visibility: "hidden",
    tests: r.verdicts.map((v) => ({
      number: v.id,
      name: `${v.id} ${v.title}`,
      score: v.points,
      max_score: v.maxPoints,
      status: v.status === "pass" ? "passed" : "failed",
      output: renderVerdictText(v),
      visibility: "visible",
    })),
  };
}
