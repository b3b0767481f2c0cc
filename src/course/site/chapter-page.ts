import type { ChapterInfo } from "./chapter";
import { cellsForEdition, type Edition, type EditionCell, type InstructorOnlyKind } from "./edition";
import { createPageEnv, type Heading, type PageEnv } from "./headings";
import { escapeHtml } from "../../core/html";
import { highlightCode } from "./highlight";
import { pageShell } from "./layout";
import { renderMarkdown } from "./markdown";
import { joinText, type Notebook } from "../../core/nbformat";
import { renderOutputs } from "./outputs";
import { scriptJson } from "./chart";
import { PAGE_DATA_ID, type LivePage } from "../live/page/data";

/**
 * One chapter page: the executed notebook's cells in order (markdown typeset, code
 * highlighted, outputs shown), a table of contents from its headings, a download link for
 * the notebook, and previous / next chapter links.
 */
export interface ChapterPageInput {
  /** the executed notebook */
  notebook: Notebook;
  chapter: ChapterInfo;
  previous: ChapterInfo | null;
  next: ChapterInfo | null;
  courseTitle: string;
  edition: Edition;
  /** site-relative path of the downloadable notebook, e.g. "notebooks/02-principles.ipynb" */
  downloadHref: string;
  /** makes the page live (editable, runnable in the browser; see docs/live.md); absent: read-only */
  live?: LivePage;
}

const SUMMARY: Record<InstructorOnlyKind, string> = {
  solution: "Solution (instructor edition)",
  hidden: "Hidden check (instructor edition)",
};

function notebookLanguage(notebook: Notebook): string {
  const info = notebook.metadata.language_info as { name?: unknown } | undefined;
  const spec = notebook.metadata.kernelspec as { language?: unknown } | undefined;
  const name = info?.name ?? spec?.language;
  return typeof name === "string" && name ? name : "typescript";
}

/** Numbers the live code cells of a page in order (their data-cell-index). */
interface LiveCounter {
  next: number;
}

const EXERCISE_ROLES: Record<string, string> = {
  "exercise-work": "work",
  "exercise-check": "check",
  "exercise-setup": "setup",
};

/** The attributes the live page finds a code cell by: its index and, in an exercise, its role and exercise id. */
function liveAttributes(tags: readonly string[], live: LiveCounter): string {
  const role = tags.map((t) => EXERCISE_ROLES[t]).find((r) => r !== undefined);
  const exercise = tags.find((t) => /^ex-\d+\.\d+$/.test(t));
  const exerciseAttrs = role
    ? ` data-exercise-role="${role}"${exercise ? ` data-exercise="${escapeHtml(exercise)}"` : ""}`
    : "";
  return ` data-cell-index="${live.next++}"${exerciseAttrs}`;
}

function renderCell(
  { cell, instructorOnly }: EditionCell,
  language: string,
  env: PageEnv,
  live: LiveCounter | null,
): string {
  let html: string;
  if (cell.cell_type === "markdown") {
    html = `<div class="cell cell-markdown">${renderMarkdown(joinText(cell.source), env)}</div>`;
  } else if (cell.cell_type === "code") {
    const source = joinText(cell.source).replace(/\s+$/, "");
    const outputs = renderOutputs(cell.outputs, env);
    if (!source && !outputs) return "";
    const input = source
      ? `<pre class="input" tabindex="0"><code class="hljs language-${escapeHtml(language)}">${highlightCode(source, language)}</code></pre>`
      : "";
    // instructor-only cells stay as built: reference text to read, collapsed, not part of the page's kernel
    const attrs = live && source && !instructorOnly ? liveAttributes(cell.metadata.tags ?? [], live) : "";
    html = `<div class="cell cell-code"${attrs}>${input}${outputs ? `<div class="outputs">${outputs}</div>` : ""}</div>`;
  } else {
    return ""; // raw cells are for other converters
  }
  if (!instructorOnly) return html;
  return `<details class="instructor-only instructor-${instructorOnly}"><summary>${SUMMARY[instructorOnly]}</summary>${html}</details>`;
}

/**
 * The table of contents: every heading but the page title, nested by level (h2, h3).
 * @param headings the page's headings in order
 * @returns an ordered list, or "" when the page has no sections
 */
export function renderToc(headings: readonly Heading[]): string {
  const sections = headings.filter(
    (h, i) => h.level <= 3 && !(h.level === 1 && i === headings.findIndex((x) => x.level === 1)),
  );
  if (sections.length === 0) return "";
  let html = "";
  const open: number[] = []; // the heading level of each open <ol>
  for (const h of sections) {
    if (open.length === 0 || h.level > open[open.length - 1]) {
      html += "<ol>"; // a deeper level nests inside the open <li>
      open.push(h.level);
    } else {
      html += "</li>";
      while (open.length > 1 && h.level < open[open.length - 1]) {
        html += "</ol></li>";
        open.pop();
      }
    }
    html += `<li><a href="#${h.id}">${h.html}</a>`;
  }
  return html + "</li></ol>".repeat(open.length);
}

function pagerLink(chapter: ChapterInfo | null, rel: "prev" | "next"): string {
  if (!chapter) return `<span class="pager-${rel} pager-empty"></span>`;
  const label = rel === "prev" ? "Previous" : "Next";
  return `<a class="pager-${rel}" rel="${rel}" href="${chapter.slug}.html"><span class="pager-label">${label}</span> <span class="pager-title">${chapter.titleHtml}</span></a>`;
}

/**
 * Renders a chapter page.
 * @throws {InputError} when a markdown cell contains TeX that KaTeX cannot typeset
 */
export function renderChapterPage(input: ChapterPageInput): { html: string; headings: Heading[]; charts: number } {
  const env = createPageEnv();
  const language = notebookLanguage(input.notebook);
  const live = input.live ? { next: 0 } : null;
  const cells = cellsForEdition(input.notebook, input.edition)
    .map((c) => renderCell(c, language, env, live))
    .filter((html) => html !== "")
    .join("\n");
  const charts = env.charts;
  const toc = renderToc(env.headings);
  const body = `<div class="page">
${toc ? `<nav class="toc" id="toc" aria-label="On this page"><p class="toc-title">On this page</p>${toc}</nav>` : ""}
<main id="main" tabindex="-1">
<p class="chapter-tools"><a class="download" href="${escapeHtml(input.downloadHref)}" download>Download this notebook (.ipynb)</a></p>
${input.live ? `<script type="application/json" id="${PAGE_DATA_ID}">${scriptJson(input.live)}</script>\n` : ""}${cells}
</main>
</div>`;
  const footer = `<nav class="pager" aria-label="Chapters">${pagerLink(input.previous, "prev")}<a class="pager-index" href="index.html">All chapters</a>${pagerLink(input.next, "next")}</nav>`;
  const html = pageShell({
    title: `${input.chapter.title} — ${input.courseTitle}`,
    courseTitle: input.courseTitle,
    edition: input.edition,
    body,
    footer,
    charts: charts > 0,
    live: input.live !== undefined,
  });
  return { html, headings: env.headings, charts };
}
