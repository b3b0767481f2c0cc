// similarity.html: the most similar pairs, their shared fragments side by side.
import { escapeHtml } from "../../../core/html";
import type { SharedFragment, SimilarPair } from "./analyze";
import type { StudentDocument } from "./documents";

export interface SimilarityHtmlOptions {
  /** How many pairs are shown (the CSV has them all). */
  top: number;
  /** Fragments shown per pair, longest first. */
  fragmentsPerPair: number;
  title: string;
}

/** Lines `from…to` (1-based) of one file of a document, numbered. */
function excerpt(doc: StudentDocument, side: SharedFragment["a"]): string {
  const part = doc.parts.find((p) => p.path === side.path);
  if (!part) return "";
  const lines = doc.text.split("\n").slice(part.firstLine + side.from - 1, part.firstLine + side.to);
  const width = String(side.to).length;
  return lines.map((l, i) => `${String(side.from + i).padStart(width)}  ${l}`).join("\n");
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:110rem}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}
.side{display:grid;grid-template-columns:1fr 1fr;gap:.5rem;margin:.5rem 0 1rem}
pre{background:#f6f6f6;padding:.5rem;overflow:auto;max-height:30rem;margin:0;font-size:.85rem}
.where{font-family:monospace;font-size:.85rem;color:#444}`;

/**
 * A self-contained page (no script): a table of the top pairs and, per pair, its longest shared
 * fragments side by side. Every student-controlled text — ids, names, paths, code — is escaped:
 * a submission can hold `</pre><script>` and it must stay text.
 */
export function similarityHtml(
  pairs: readonly SimilarPair[],
  documents: readonly StudentDocument[],
  options: SimilarityHtmlOptions,
): string {
  const docs = new Map(documents.map((d) => [d.student, d]));
  const shown = pairs.slice(0, options.top);
  const who = (id: string): string => {
    const name = docs.get(id)?.name ?? id;
    return name === id ? escapeHtml(id) : `${escapeHtml(id)} (${escapeHtml(name)})`;
  };
  const rows = shown.map(
    (p, i) =>
      `<tr><td>${i + 1}</td><td><a href="#pair-${i + 1}">${who(p.a)}</a></td><td>${who(p.b)}</td>` +
      `<td>${(p.similarity * 100).toFixed(1)} %</td><td>${p.longest}</td><td>${p.fragments.length}</td></tr>`,
  );
  const sections = shown.map((p, i) => {
    const a = docs.get(p.a)!;
    const b = docs.get(p.b)!;
    const frags = p.fragments
      .slice(0, options.fragmentsPerPair)
      .map(
        (f) =>
          `<div class="side"><div><div class="where">${escapeHtml(p.a)}: ${escapeHtml(f.a.path)}:${f.a.from}–${f.a.to}</div>` +
          `<pre>${escapeHtml(excerpt(a, f.a))}</pre></div>` +
          `<div><div class="where">${escapeHtml(p.b)}: ${escapeHtml(f.b.path)}:${f.b.from}–${f.b.to}</div>` +
          `<pre>${escapeHtml(excerpt(b, f.b))}</pre></div></div>`,
      );
    const more =
      p.fragments.length > options.fragmentsPerPair
        ? `<p>${p.fragments.length - options.fragmentsPerPair} shorter fragments not shown.</p>`
        : "";
    return (
      `<section id="pair-${i + 1}"><h2>${i + 1}. ${who(p.a)} — ${who(p.b)}: ${(p.similarity * 100).toFixed(1)} %</h2>` +
      `${frags.join("\n")}${more}</section>`
    );
  });
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(options.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(options.title)}</h1>`,
    "<p>Shared code beyond the released stubs (Dolos). A lead to read, not a verdict: it never changes a score. " +
      "Every pair is in similarity.csv.</p>",
    shown.length === 0
      ? "<p>No two submissions share code beyond the stubs.</p>"
      : `<table><thead><tr><th>#</th><th>student</th><th>student</th><th>similarity</th><th>longest (k-grams)</th><th>fragments</th></tr></thead><tbody>${rows.join("")}</tbody></table>`,
    ...sections,
    "</body></html>",
    "",
  ].join("\n");
}
