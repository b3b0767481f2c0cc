import { escapeHtml } from "../core/html";
import { sumPoints } from "./credit";
import { inlineMarkdownToHtml, inlineMarkdownToText } from "./inline-markdown";
import type { CheckResult, Verdict } from "./types";

/**
 * Verdicts as HTML (for the notebook and the static site; inline styles, so it reads the
 * same without any stylesheet) and as plain text (for the terminal and text/plain).
 * Everything a student's code produced is escaped. A verdict without its hidden checks never
 * says a bare "passed" (Otter #138): "public checks passed — hidden checks run when graded", or,
 * when the instructor has not released the graded hidden checks, that they will be released.
 */

const LOOK = {
  pass: { icon: "✔", word: "passed", border: "#1a7f37", background: "#effaf1" },
  fail: { icon: "✘", word: "not yet right", border: "#cf222e", background: "#fff3f3" },
  "not-attempted": { icon: "○", word: "not attempted", border: "#8c959f", background: "#f6f8fa" },
} as const;

/** The status words of a verdict, honest about hidden checks that are not in it. */
export function statusWords(v: Verdict): string {
  if (v.status !== "pass" || v.hidden === undefined) return LOOK[v.status].word;
  return v.hidden === "pending"
    ? "public checks passed — hidden checks run when graded"
    : "public checks passed — hidden checks graded, results released later";
}

/** "2.5/3 points", qualified when hidden checks are not counted in it or the points are held back. */
export function pointsWords(v: Verdict): string {
  if (v.status === "not-attempted") return `${v.points}/${v.maxPoints} points`;
  if (v.hidden === "withheld") return `points released with the hidden checks (max ${v.maxPoints})`;
  if (v.hidden === "pending") return `${v.points}/${v.maxPoints} points on the public checks`;
  return `${v.points}/${v.maxPoints} points`;
}

function checkLine(c: CheckResult): string {
  const mark = c.passed ? "✔" : "✘";
  const tag = c.visibility === "hidden" ? " (hidden)" : "";
  const count = c.cases && c.cases.total > 1 ? ` (${c.cases.passed} of ${c.cases.total} cases)` : "";
  const details = [
    c.message,
    c.expected !== undefined ? `expected ${c.expected}` : undefined,
    c.received !== undefined ? `received ${c.received}` : undefined,
  ].filter(Boolean);
  return `${mark} ${c.name}${tag}${count}${details.length ? ` — ${details.join("; ")}` : ""}`;
}

/** One verdict as plain text, several lines. */
export function renderVerdictText(v: Verdict): string {
  const look = LOOK[v.status];
  const lines = [`${look.icon} ${v.id} ${statusWords(v)} — ${pointsWords(v)} — ${v.title}`];
  if (v.status === "not-attempted")
    lines.push(`  Write your answer for ${v.exportName} in exercises/${v.file}.ts, save, and run the check again.`);
  for (const c of v.checks) lines.push(`  ${checkLine(c)}`);
  for (const h of v.hints) lines.push(`  Hint: ${inlineMarkdownToText(h, false)}`);
  return lines.join("\n");
}

/** One verdict as an HTML fragment: `<div class="check-result pass|fail|not-attempted">`. */
export function renderVerdictHtml(v: Verdict): string {
  const look = LOOK[v.status];
  const style = `border-left:4px solid ${look.border};background:${look.background};padding:0.5em 1em;margin:0.5em 0;font-family:system-ui,-apple-system,sans-serif;line-height:1.4`;
  const parts = [
    `<div class="check-result ${v.status}" data-exercise="${escapeHtml(v.id)}" data-status="${v.status}" style="${style}">`,
    `<div><strong>${look.icon} ${escapeHtml(v.id)} ${escapeHtml(statusWords(v))}</strong> — ${escapeHtml(pointsWords(v))} — ${escapeHtml(v.title)}</div>`,
  ];
  if (v.status === "not-attempted") {
    parts.push(
      `<div>Write your answer for <code>${escapeHtml(v.exportName)}</code> in <code>exercises/${escapeHtml(v.file)}.ts</code>, save, and run this cell again.</div>`,
    );
  }
  if (v.checks.length > 0) {
    parts.push('<ul style="margin:0.3em 0;padding-left:1.2em">');
    for (const c of v.checks)
      parts.push(`<li class="${c.passed ? "check-pass" : "check-fail"}">${escapeHtml(checkLine(c))}</li>`);
    parts.push("</ul>");
  }
  for (const h of v.hints)
    parts.push(`<div class="hint"><strong>Hint:</strong> ${inlineMarkdownToHtml(h, escapeHtml)}</div>`);
  parts.push("</div>");
  return parts.join("");
}

/**
 * Progress over many verdicts: "x of N done, p of P points" (the points an exact sum of the
 * rounded parts); "… on the public checks — hidden checks run when graded" when hidden checks
 * are pending.
 */
export function summarize(verdicts: readonly Verdict[]): {
  done: number;
  total: number;
  points: number;
  maxPoints: number;
  text: string;
} {
  const done = verdicts.filter((v) => v.status === "pass").length;
  const points = sumPoints(verdicts.map((v) => v.points));
  const maxPoints = sumPoints(verdicts.map((v) => v.maxPoints));
  const pending = verdicts.some((v) => v.hidden === "pending");
  return {
    done,
    total: verdicts.length,
    points,
    maxPoints,
    text: pending
      ? `${done} of ${verdicts.length} pass the public checks, ${points} of ${maxPoints} points on the public checks — hidden checks run when graded`
      : `${done} of ${verdicts.length} done, ${points} of ${maxPoints} points`,
  };
}

/** A plain-text table of verdicts for the terminal. */
export function renderVerdictTable(verdicts: readonly Verdict[]): string {
  const rows = verdicts.map((v) => {
    const hint = v.hints[0] ?? v.loadError ?? v.checks.find((c) => !c.passed)?.message ?? "";
    return [
      v.id,
      v.status === "pass" ? (v.hidden ? "public pass" : "pass") : v.status === "fail" ? "FAIL" : "not attempted",
      `${v.points}/${v.maxPoints}`,
      v.title,
      hint,
    ];
  });
  const head = ["exercise", "status", "points", "title", "feedback"];
  const widths = head.map((h, i) => Math.min(i === 4 ? 70 : 44, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const fmt = (r: string[]) =>
    r
      .map((cell, i) => (cell.length > widths[i] ? `${cell.slice(0, widths[i] - 1)}…` : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [
    fmt(head),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map(fmt),
    "",
    `Progress: ${summarize(verdicts).text}`,
  ].join("\n");
}
