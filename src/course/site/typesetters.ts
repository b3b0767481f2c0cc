import type * as Katex from "katex/types/katex";
import MarkdownIt from "markdown-it";

/**
 * The typesetting libraries behind the site's renderer (markdown.ts, math.ts): the packages,
 * at build time. The live page's bundle takes their UMD builds instead, which it loads from
 * the site's assets/ the first time an output needs typesetting (typesetters.browser.ts),
 * so page.js stays without them.
 */

/** Where the UMD builds go in the site's assets/ folder (assets.ts copies them; the live page loads them). */
export const TYPESETTER_SCRIPTS = {
  katex: "katex/katex.min.js",
  markdownIt: "markdown-it/markdown-it.min.js",
} as const;

// katex publishes its types only under package.json "exports", which the project's
// node10 module resolution does not read; load the runtime by name, the types by path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const katexModule = require("katex") as typeof Katex;

export const katex = (): typeof Katex => katexModule;
export const markdownIt = (): typeof MarkdownIt => MarkdownIt;
