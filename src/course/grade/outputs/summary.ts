// The class summary page: pass rates per exercise and the score distribution.
import { renderSvg, vegaLiteSchema, chartTheme, type ChartSpec } from "../../../charts";
import { escapeHtml } from "../../../core/html";
import type { Exercise } from "../../../workbook/types";
import { sumPoints } from "../../../workbook/credit";
import type { GradebookRow } from "../gradebook/types";
import type { SubmissionResult } from "../types";
import { PAGE_STYLE } from "./feedback";

export interface ExerciseStats {
  id: string;
  title: string;
  points: number;
  passed: number;
  attempted: number;
  students: number;
  /** passed / students, in [0, 1]. */
  passRate: number;
}

/** Per-exercise pass and attempt counts over a class. */
export function exerciseStats(results: readonly SubmissionResult[], exercises: readonly Exercise[]): ExerciseStats[] {
  return exercises.map((ex) => {
    const verdicts = results.map((r) => r.verdicts.find((v) => v.id === ex.id));
    const passed = verdicts.filter((v) => v?.status === "pass").length;
    const attempted = verdicts.filter((v) => v !== undefined && v.status !== "not-attempted").length;
    return {
      id: ex.id,
      title: ex.title,
      points: ex.points,
      passed,
      attempted,
      students: results.length,
      passRate: results.length ? passed / results.length : 0,
    };
  });
}

/** A vega-lite histogram of total scores as a percentage of the maximum (10-point bins). */
export function scoreDistributionSpec(
  results: ReadonlyArray<{ student: string; total: number; max: number }>,
): ChartSpec {
  return {
    $schema: vegaLiteSchema,
    title: "Score distribution",
    description: `Histogram of ${results.length} total scores, as a percentage of the maximum, in bins of 10 %.`,
    width: 480,
    height: 220,
    config: chartTheme,
    data: { values: results.map((r) => ({ student: r.student, percent: r.max ? (100 * r.total) / r.max : 0 })) },
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: "percent", type: "quantitative", bin: { extent: [0, 100], step: 10 }, title: "score [% of maximum]" },
      y: { aggregate: "count", type: "quantitative", title: "students" },
    },
  };
}

/**
 * The summary page (standalone HTML, the chart inlined as SVG), for the instructor: every
 * gradebook row with its status and final total (after overrides and late penalty), the pass
 * rates over the graded submissions, and the audit trail of every changed number.
 */
export async function summaryHtml(
  all: readonly GradebookRow[],
  exercises: readonly Exercise[],
  meta: { assignment: string; isolation: string; generated: string },
): Promise<string> {
  // Statistics over the graded submissions; every row is listed below, with its status.
  const graded = all.filter((r) => r.status === "graded");
  const results = graded.flatMap((r) => (r.result ? [r.result] : []));
  const missing = all.filter((r) => r.status === "no submission").length;
  const submissions = all.length - missing;
  const notGraded = submissions - graded.length;
  const stats = exerciseStats(results, exercises);
  let chart: string;
  try {
    chart = graded.length > 0 ? await renderSvg(scoreDistributionSpec(graded)) : "<p>No submissions.</p>";
  } catch (err) {
    chart = `<p>(The chart could not be drawn: ${escapeHtml(err instanceof Error ? err.message : String(err))})</p>`;
  }
  const totals = graded.map((r) => r.total).sort((a, b) => a - b);
  const mean = totals.length ? totals.reduce((s, t) => s + t, 0) / totals.length : 0;
  const median = totals.length
    ? (totals[Math.floor((totals.length - 1) / 2)] + totals[Math.ceil((totals.length - 1) / 2)]) / 2
    : 0;
  const max = all[0]?.max ?? sumPoints(exercises.map((e) => e.points));
  const rows = stats
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.id)}</td><td>${escapeHtml(s.title)}</td><td>${s.points}</td><td>${(100 * s.passRate).toFixed(0)} %</td><td>${s.passed}</td><td>${s.attempted}</td></tr>`,
    )
    .join("\n");
  const students = [...all]
    .sort((a, b) => a.student.localeCompare(b.student))
    .map((r) => {
      const notes = [...(r.result?.notices.slice(0, 1) ?? []), ...r.audit].map(escapeHtml).join("<br>");
      return `<tr><td><a href="feedback/${encodeURIComponent(r.student)}.html">${escapeHtml(r.student)}</a>${r.name !== r.student ? ` (${escapeHtml(r.name)})` : ""}</td><td>${escapeHtml(r.status)}</td><td>${r.total} / ${r.max}</td><td>${notes}</td></tr>`;
    })
    .join("\n");
  const counts = [
    notGraded ? ` (${graded.length} graded, ${notGraded} not graded: see the list of students)` : "",
    missing ? `; ${missing} roster student${missing > 1 ? "s" : ""} without a submission (0 points)` : "",
  ].join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(meta.assignment)} — class summary</title><style>${PAGE_STYLE}</style></head>
<body>
<h1>${escapeHtml(meta.assignment)}: class summary</h1>
<p>${submissions} submissions${counts}; mean ${mean.toFixed(1)}, median ${median} of ${max} points (after overrides and late penalties). Generated ${escapeHtml(meta.generated)}.</p>
<figure>${chart}</figure>
<h2>Per exercise</h2>
<table><thead><tr><th>exercise</th><th>title</th><th>points</th><th>pass rate</th><th>passed</th><th>attempted</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>Students</h2>
<table><thead><tr><th>student</th><th>status</th><th>score</th><th>notices and changes</th></tr></thead><tbody>
${students}
</tbody></table>
<h2>Sandbox</h2>
<p>${escapeHtml(meta.isolation)}</p>
</body></html>
`;
}
