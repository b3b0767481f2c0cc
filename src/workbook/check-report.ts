import { InputError } from "../core/errors";
import { stripAnsi } from "../core/ansi";
import { inlineMarkdownToText } from "./inline-markdown";
import { summarize } from "./render";
import type { CheckResult, Verdict } from "./types";

/**
 * `npm run check`'s report: a table of verdicts (status, points, title), then the full
 * feedback of every exercise that is not yet right: each failed check with its message and
 * received value, and each hint in full, wrapped to the terminal, never cut. Hints are
 * Markdown: emphasis becomes terminal bold (`bold`) or plain text, never raw asterisks. Without
 * the hidden checks a pass reads "public pass" and the progress line says that hidden checks run
 * when graded: never a bare "passed" (Otter #138).
 */
export interface CheckReportOptions {
  /** Render **emphasis** in terminal bold (a TTY) instead of plain text. */
  bold: boolean;
  /** Wrap width in columns (the terminal's; at least 40). */
  width: number;
  /** The answers folder as the user named it (default "exercises"), for "exercises/ch02.ts". */
  answers?: string;
}

const STATUS = { pass: "pass", fail: "FAIL", "not-attempted": "not attempted" } as const;
/** A pass without the hidden checks is only a pass of the public checks (Otter #138). */
const statusOf = (v: Verdict): string => (v.status === "pass" && v.hidden ? "public pass" : STATUS[v.status]);

/** Wrap a paragraph to `width` columns: the first line starts with `first`, the others with `rest`; words are never cut. */
export function wrapText(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  // Visible length: ANSI bold codes take no columns.
  const visible = (s: string) => stripAnsi(s).length;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = empty ? `${line}${word}` : `${line} ${word}`;
    if (!empty && visible(candidate) > width) {
      lines.push(line);
      line = `${rest}${word}`;
    } else line = candidate;
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}

function failedCheckText(c: CheckResult): string {
  const details = [
    c.message,
    c.expected !== undefined ? `expected ${c.expected}` : undefined,
    c.received !== undefined ? `received ${c.received}` : undefined,
  ].filter(Boolean);
  const count = c.cases && c.cases.total > 1 ? ` (${c.cases.passed} of ${c.cases.total} cases)` : "";
  return `✘ ${c.name}${c.visibility === "hidden" ? " (hidden)" : ""}${count}${details.length ? ` — ${details.join("; ")}` : ""}`;
}

/**
 * The whole report as text.
 * @throws {InputError} when verdicts is not an array or width is not a number ≥ 40
 */
export function renderCheckReport(verdicts: readonly Verdict[], options: CheckReportOptions): string {
  if (!Array.isArray(verdicts as unknown))
    throw new InputError("renderCheckReport", "verdicts", "must be an array of verdicts", verdicts);
  if (typeof options?.width !== "number" || !(options.width >= 40))
    throw new InputError("renderCheckReport", "options.width", "must be a number of columns ≥ 40", options?.width);
  const rows = verdicts.map((v) => [v.id, statusOf(v), `${v.points}/${v.maxPoints}`, v.title]);
  const head = ["exercise", "status", "points", "title"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  const out = [
    fmt(head),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map(fmt),
    "",
    `Progress: ${summarize(verdicts).text}`,
  ];

  const md = (s: string) => inlineMarkdownToText(s, options.bold);
  for (const v of verdicts.filter((x) => x.status === "fail")) {
    out.push(
      "",
      ...wrapText(
        `${v.id} — not yet right — ${md(v.title)} (${options.answers ?? "exercises"}/${v.file}.ts, ${v.exportName})`,
        options.width,
        "",
        "  ",
      ),
    );
    if (v.loadError !== undefined) out.push(...wrapText(md(v.loadError), options.width, "  ✘ ", "    "));
    else
      for (const c of v.checks.filter((x) => !x.passed))
        out.push(...wrapText(md(failedCheckText(c)), options.width, "  ", "    "));
    for (const h of v.hints) out.push(...wrapText(md(h), options.width, "  Hint: ", "        "));
  }
  return out.join("\n");
}
