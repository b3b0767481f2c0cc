// The feedback page a student receives.
import { escapeHtml } from "../../../core/html";
import { renderVerdictHtml } from "../../../workbook/render";
import { studentVerdicts } from "../gradebook/student-view";
import type { GradebookRow } from "../gradebook/types";

export const PAGE_STYLE =
  "body{font-family:system-ui,-apple-system,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.45;color:#1f2328}table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:0.25em 0.6em;text-align:left}th{background:#f6f8fa}.notice{background:#fff8c5;border-left:4px solid #d4a72c;padding:0.4em 1em;margin:0.3em 0}";

const STATUS_WORDS = { pass: "passed", fail: "not yet right", "not-attempted": "not attempted" } as const;

/**
 * A standalone HTML page: total, one line per exercise, then every verdict as the notebook
 * shows it (src/workbook/render). Once released (`released`), hidden checks appear as
 * passed/failed with their name and a message that never contains an input or an expected
 * value, and the scores, overrides and late penalty are shown with their reasons; before, the
 * page shows the public checks, says that the hidden checks were graded and will be released,
 * and holds back every score (see gradebook/student-view.ts). The student's printed output is
 * left out on purpose.
 */
export function feedbackHtml(row: GradebookRow, assignment: string, released: boolean): string {
  const verdicts = studentVerdicts(row, released);
  const tableRows = verdicts
    .map((v) => {
      const words = v.hidden === "withheld" && v.status === "pass" ? "public checks passed" : STATUS_WORDS[v.status];
      const ex = row.exercises.find((e) => e.id === v.id);
      const points = released ? `${ex?.points ?? v.points} / ${v.maxPoints}` : `— / ${v.maxPoints}`;
      return `<tr><td>${escapeHtml(v.id)}</td><td>${escapeHtml(v.title)}</td><td>${escapeHtml(words)}</td><td>${points}</td></tr>`;
    })
    .join("\n");
  const notices = (row.result?.notices ?? []).map((n) => `<div class="notice">${escapeHtml(n)}</div>`).join("\n");
  let head: string;
  if (row.status === "no submission")
    head = `<p class="status"><strong>No submission was received: 0 of ${row.max} points.</strong></p>`;
  else if (row.status !== "graded")
    head = `<p class="status"><strong>Not graded (${escapeHtml(row.status)}).</strong></p>`;
  else if (released)
    head = `<p class="total"><strong>${row.total} of ${row.max} points.</strong> Checks marked “(hidden)” compare your work with the reference on inputs you do not see; they say only whether it agreed (and how many cases did).</p>`;
  else
    head = `<p class="total"><strong>Hidden checks are graded and will be released by your instructor; your score is released with them.</strong> Below are your public checks.</p>`;
  const audit =
    released && row.audit.length
      ? `<h2>Changes to your score</h2><ul>${row.audit.map((a) => `<li>${escapeHtml(a)}</li>`).join("")}</ul>`
      : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(assignment)} — feedback for ${escapeHtml(row.name)}</title>
<style>${PAGE_STYLE}</style></head>
<body>
<h1>${escapeHtml(assignment)}: feedback for ${escapeHtml(row.name)}</h1>
${head}
${notices}
${audit}
<table><thead><tr><th>exercise</th><th>title</th><th>status</th><th>points</th></tr></thead><tbody>
${tableRows}
</tbody></table>
<h2>Details</h2>
${verdicts.map(renderVerdictHtml).join("\n")}
</body></html>
`;
}
