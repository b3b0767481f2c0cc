import type MarkdownIt from "markdown-it";

/**
 * Heading anchors and the table of contents. Every heading gets a stable, unique id
 * (a slug of its text) and a visible "#" link to itself; the headings are collected in
 * the render environment so the page can build its table of contents. Ids stay unique
 * across all markdown cells of a page because the cells share one environment.
 */

/** A heading as the table of contents lists it. */
export interface Heading {
  level: number;
  id: string;
  /** the heading's inline HTML (math typeset), without the anchor link */
  html: string;
  /** the heading's plain text, for labels */
  text: string;
}

/** The render environment shared by all markdown cells of one page. */
export interface PageEnv {
  headings: Heading[];
  /** ids already taken on the page (layout ids are reserved up front) */
  ids: Set<string>;
  /** how many charts and figures the page shows (pages without charts load no chart scripts) */
  charts: number;
}

/** Ids the page layout uses itself; headings never take them. */
export const RESERVED_IDS: readonly string[] = ["main", "toc", "content", "top"];

/** A fresh environment for one page. */
export function createPageEnv(): PageEnv {
  return { headings: [], ids: new Set(RESERVED_IDS), charts: 0 };
}

/**
 * Turns heading text into an id: lower case, accents dropped, TeX delimiters and
 * punctuation removed, words joined by hyphens.
 * @param text heading text (may contain `$…$` math)
 * @returns a slug of [a-z0-9-], "section" when nothing is left
 * @example slugify("Clearance: $CL = k \\cdot V$ (units)") // => "clearance-cl-k-cdot-v-units"
 */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "section" : slug;
}

/** Reserves a unique id on the page: "x", then "x-2", "x-3", … */
export function uniqueId(env: PageEnv, base: string): string {
  let id = base;
  for (let n = 2; env.ids.has(id); n++) id = `${base}-${n}`;
  env.ids.add(id);
  return id;
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * markdown-it plugin: ids and self-links on headings, collected into `env.headings`.
 * Render with an environment from createPageEnv().
 */
export function headingsPlugin(md: MarkdownIt): void {
  md.core.ruler.push("heading_ids", (state) => {
    const env = state.env as Partial<PageEnv>;
    if (!env.ids || !env.headings) return;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i];
      if (open.type !== "heading_open") continue;
      const inline = tokens[i + 1];
      const text = (inline.children ?? [])
        .filter((t) => t.type === "text" || t.type === "code_inline" || t.type.startsWith("math"))
        .map((t) => t.content)
        .join("");
      const id = uniqueId(env as PageEnv, slugify(text));
      open.attrSet("id", id);
      open.meta = { ...(open.meta as object), id, text };
      const html = md.renderer.renderInline(inline.children ?? [], md.options, env);
      env.headings.push({ level: Number(open.tag.slice(1)), id, html, text: text.trim() });
    }
  });
  md.renderer.rules.heading_close = (tokens, idx, options, env, self) => {
    const open = tokens[idx - 2];
    const meta = open?.meta as { id?: string; text?: string } | undefined;
    if (!meta?.id) return self.renderToken(tokens, idx, options);
    const label = escapeAttr(`Link to section: ${meta.text ?? ""}`.trim());
    return ` <a class="heading-anchor" href="#${meta.id}" aria-label="${label}">#</a>${self.renderToken(tokens, idx, options)}`;
  };
}
