import { escapeHtml } from "../core/html";
import { inlineMarkdownToHtml, inlineMarkdownToText } from "./inline-markdown";
import type { CheckResult, Verdict } from "./types";

/**
 * Verdicts as HTML (for the notebook and the static site; inline styles, so it reads the
 * same without any stylesheet) and as plain text (for the terminal and text/plain).
 * Everything a student's code produced is escaped.
 */

const LOOK = {
  pass: { icon: "✔", word: "passed", border: "#1a7f37", background: "#effaf1" },
  fail: { icon: "✘", word: "not yet right", border: "#cf222e", background: "#fff3f3" },
  "not-attempted": { icon: "○", word: "not attempted", border: "#8c959f", background: "#f6f8fa" },
} as const;

function checkLine(c: CheckResult): string {
  const mark = c.passed ? "✔" : "✘";
  const tag = c.visibility === "hidden" ? " (hidden)" : "";
  const details = [
    c.message,
    c.expected !== undefined ? `expected ${c.expected}` : undefined,
    c.received !== undefined ? `received ${c.received}` : undefined,
  ].filter(Boolean);
  return `${mark} ${c.name}${tag}${details.length ? ` — ${details.join("; ")}` : ""}`;
}

/** One verdict as plain text, several lines. */
export function renderVerdictText(v: Verdict): string {
  const look = LOOK[v.status];
  const lines = [`${look.icon} ${v.id} ${look.word} — ${v.points}/${v.maxPoints} points — ${v.title}`];
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
    `<div><strong>${look.icon} ${escapeHtml(v.id)} ${look.word}</strong> — ${v.points}/${v.maxPoints} points — ${escapeHtml(v.title)}</div>`,
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

/** Progress over many verdicts: "x of N done, p of P points". */
export function summarize(verdicts: readonly Verdict[]): {
  done: number;
  total: number;
  points: number;
  maxPoints: number;
  text: string;
} {
  const done = verdicts.filter((v) => v.status === "pass").length;
  const points = verdicts.reduce((s, v) => s + v.points, 0);
  const maxPoints = verdicts.reduce((s, v) => s + v.maxPoints, 0);
  return {
    done,
    total: verdicts.length,
    points,
    maxPoints,
    text: `${done} of ${verdicts.length} done, ${points} of ${maxPoints} points`,
  };
}

/** A plain-text table of verdicts for the terminal. */
export function renderVerdictTable(verdicts: readonly Verdict[]): string {
  const rows = verdicts.map((v) => {
    const hint = v.hints[0] ?? v.loadError ?? v.checks.find((c) => !c.passed)?.message ?? "";
    return [
      v.id,
      v.status === "pass" ? "pass" : v.status === "fail" ? "FAIL" : "not attempted",
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
