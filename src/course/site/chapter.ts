import { basename } from "node:path";
import type Token from "markdown-it/lib/token.mjs";
import { createPageEnv } from "./headings";
import { markdownRenderer } from "./markdown";
import { joinText, type Notebook } from "../../core/nbformat";

/**
 * What the index page says about a chapter, read from the notebook itself so it never
 * drifts: the title is the first level-1 heading; the learning goals are the list under
 * a "Learning goals" (or "Objectives", "You will learn") heading in the first markdown
 * cells, else the first list there; the summary is the first paragraph after the title
 * that is a whole sentence (not the goals lead-in, not a paragraph ending on a colon).
 */
export interface ChapterInfo {
  /** file name without extension, e.g. "02-principles"; also the page name */
  slug: string;
  /** the chapter number from the "NN-" prefix, or null */
  number: number | null;
  /** the title as plain text (for <title> and link labels) */
  title: string;
  /** the title as HTML (math typeset) */
  titleHtml: string;
  /** the learning goals, each as inline HTML */
  goals: string[];
  /** the first whole-sentence paragraph after the title, as inline HTML, or "" */
  summaryHtml: string;
}

const GOALS_HEADING = /learning (goals|objectives)|objectives|you will learn|goals/i;
/** How many markdown cells from the top may hold the title, summary and goals. */
const INTRO_CELLS = 3;

/**
 * Whether a paragraph can stand alone as the chapter's one-line summary: not the lead-in
 * of the goals list ("**Learning goals.** After this chapter you can") nor any other
 * paragraph that ends on a colon, introducing what follows rather than saying something.
 */
function isSummary(markdown: string): boolean {
  const text = markdown.replace(/[*_]/g, "").trim();
  if (/^(learning (goals|objectives)|objectives|goals|you will learn)\b/i.test(text)) return false;
  return !/[:\u2014-]$/.test(text) && /[.!?]$/.test(text.replace(/[)\]"'\u201d\u2019]+$/, ""));
}

function inlineHtml(token: Token): string {
  const md = markdownRenderer();
  return md.renderer.renderInline(token.children ?? [], md.options, createPageEnv()).trim();
}

/** The top-level items of the list that opens at tokens[start]. */
function listItems(tokens: Token[], start: number): string[] {
  const items: string[] = [];
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === "bullet_list_open" || t.type === "ordered_list_open") depth++;
    if (t.type === "bullet_list_close" || t.type === "ordered_list_close") {
      depth--;
      if (depth === 0) break;
    }
    if (depth === 1 && t.type === "list_item_open") {
      const inline = tokens.slice(i).find((x) => x.type === "inline");
      if (inline) items.push(inlineHtml(inline));
    }
  }
  return items;
}

/**
 * Reads a chapter's title, learning goals and summary from its notebook.
 * @param notebook the notebook
 * @param file the notebook's path or file name (gives the slug and number)
 * @example chapterInfo(nb, "notebooks/02-principles.ipynb").slug // => "02-principles"
 */
export function chapterInfo(notebook: Notebook, file: string): ChapterInfo {
  const slug = basename(file).replace(/\.ipynb$/i, "");
  const numberMatch = /^(\d+)[-_ ]/.exec(slug);
  const md = markdownRenderer();
  const intro = notebook.cells.filter((c) => c.cell_type === "markdown").slice(0, INTRO_CELLS);
  const tokens = intro.flatMap((cell) => md.parse(joinText(cell.source), {}));

  let title = "";
  let titleHtml = "";
  let summaryHtml = "";
  let goals: string[] = [];
  let firstList: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === "heading_open" && t.tag === "h1" && !title) {
      title = tokens[i + 1].content.replace(/\$/g, "").trim();
      titleHtml = inlineHtml(tokens[i + 1]);
    } else if (t.type === "heading_open" && goals.length === 0 && GOALS_HEADING.test(tokens[i + 1].content)) {
      const list = tokens.findIndex(
        (x, j) => j > i && (x.type === "bullet_list_open" || x.type === "ordered_list_open"),
      );
      const nextHeading = tokens.findIndex((x, j) => j > i + 1 && x.type === "heading_open");
      if (list >= 0 && (nextHeading < 0 || list < nextHeading)) goals = listItems(tokens, list);
    } else if (
      (t.type === "bullet_list_open" || t.type === "ordered_list_open") &&
      firstList.length === 0 &&
      t.level === 0
    ) {
      firstList = listItems(tokens, i);
    } else if (
      t.type === "paragraph_open" &&
      t.level === 0 &&
      title &&
      !summaryHtml &&
      isSummary(tokens[i + 1].content)
    ) {
      summaryHtml = inlineHtml(tokens[i + 1]);
    }
  }
  if (!title) {
    title = slug
      .replace(/^\d+[-_ ]/, "")
      .replace(/[-_]+/g, " ")
      .replace(/^./, (c) => c.toUpperCase());
    titleHtml = title.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  }
  return {
    slug,
    number: numberMatch ? Number(numberMatch[1]) : null,
    title,
    titleHtml,
    goals: goals.length > 0 ? goals : firstList,
    summaryHtml,
  };
}
