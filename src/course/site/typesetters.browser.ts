import type * as Katex from "katex/types/katex";
import type MarkdownIt from "markdown-it";

/**
 * Browser twin of typesetters.ts: KaTeX and markdown-it as the globals their UMD builds
 * define. The live page loads those scripts from the site's assets/ (TYPESETTER_SCRIPTS)
 * before it typesets an output (src/course/live/page/render.ts).
 */
export const TYPESETTER_SCRIPTS = {
  katex: "katex/katex.min.js",
  markdownIt: "markdown-it/markdown-it.min.js",
} as const;

function loaded<T>(name: string, script: string): T {
  const value = (globalThis as Record<string, unknown>)[name];
  if (value === undefined) throw new Error(`${name} is not loaded: the page loads assets/${script} before typesetting`);
  return value as T;
}

export const katex = (): typeof Katex => loaded<typeof Katex>("katex", TYPESETTER_SCRIPTS.katex);
export const markdownIt = (): typeof MarkdownIt =>
  loaded<typeof MarkdownIt>("markdownit", TYPESETTER_SCRIPTS.markdownIt);
