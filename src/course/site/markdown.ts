import type MarkdownIt from "markdown-it";
import { headingsPlugin, type PageEnv } from "./headings";
import { escapeHtml } from "../../core/html";
import { highlightCode } from "./highlight";
import { mathPlugin } from "./math";
import { markdownIt } from "./typesetters";

/**
 * The one markdown renderer of the site: CommonMark + GFM tables (markdown-it), raw HTML
 * allowed (notebooks are the course's own content), KaTeX math, highlighted fences and
 * heading anchors. Created once and reused: building the parser is the slow part.
 */
let shared: MarkdownIt | undefined;

export function markdownRenderer(): MarkdownIt {
  if (shared) return shared;
  const md = new (markdownIt())({
    html: true,
    linkify: true,
    typographer: false,
    highlight: (code, lang) =>
      `<pre class="code" tabindex="0"><code class="hljs${lang ? ` language-${escapeHtml(lang)}` : ""}">${highlightCode(code, lang)}</code></pre>`,
  });
  md.use(mathPlugin).use(headingsPlugin);
  // a wide table scrolls inside its own box, never the page (a phone is 375 px wide);
  // the box is focusable so keyboard users can scroll it too
  md.renderer.rules.table_open = () =>
    '<div class="table-scroll" tabindex="0" role="region" aria-label="Table"><table>\n';
  md.renderer.rules.table_close = () => "</table>\n</div>\n";
  shared = md;
  return md;
}

/**
 * Renders one markdown cell to HTML.
 * @param source markdown source
 * @param env the page's shared environment (headings and ids), from createPageEnv()
 * @throws {InputError} when the markdown contains TeX that KaTeX cannot typeset
 * @example renderMarkdown("# Hi $x$", createPageEnv()).includes('id="hi-x"') // => true
 */
export function renderMarkdown(source: string, env: PageEnv): string {
  return markdownRenderer().render(source, env);
}
