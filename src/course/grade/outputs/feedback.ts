// The feedback page a student receives.
import { escapeHtml } from "../../../core/html";
import { renderVerdictHtml } from "../../../workbook/render";
import type { SubmissionResult } from "../types";

export const PAGE_STYLE =
  "body{font-family:system-ui,-apple-system,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.45;color:#1f2328}table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:0.25em 0.6em;text-align:left}th{background:#f6f8fa}.notice{background:#fff8c5;border-left:4px solid #d4a72c;padding:0.4em 1em;margin:0.3em 0}";

/**
 * A standalone HTML page: total, one line per exercise, then every verdict as the notebook
 * shows it (src/workbook/render). Hidden checks appear as passed/failed with their name and a
 * message that never contains an input or an expected value; the student's printed output is
 * left out on purpose.
 */
export function feedbackHtml(r: SubmissionResult, assignment: string): string {
  const rows = r.verdicts
    .map(
      (v) =>
        `<tr><td>${escapeHtml(v.id)}</td><td>${escapeHtml(v.title)}</td><td>${v.status === "pass" ? "passed" : v.status === "fail" ? "not yet right" : "not attempted"}</td><td>${v.points} / ${v.maxPoints}</td></tr>`,
    )
    .join("\n");
  const notices = r.notices.map((n) => `<div class="notice">${escapeHtml(n)}</div>`).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(assignment)} — feedback for ${escapeHtml(r.name)}</title>
<style>${PAGE_STYLE}</style></head>
<body>
<h1>${escapeHtml(assignment)}: feedback for ${escapeHtml(r.name)}</h1>
${r.status === "graded" ? `<p class="total"><strong>${r.total} of ${r.max} points.</strong> Checks marked “(hidden)” compare your work with the reference on inputs you do not see; they say only whether it agreed.</p>` : `<p class="status"><strong>Not graded (${escapeHtml(r.status)}).</strong></p>`}
${notices}
<table><thead><tr><th>exercise</th><th>title</th><th>status</th><th>points</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>Details</h2>
${r.verdicts.map(renderVerdictHtml).join("\n")}
</body></html>
`;
}
