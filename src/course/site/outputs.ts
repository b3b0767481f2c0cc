import type { PageEnv } from "./headings";
import { renderMarkdown } from "./markdown";
import { typeset } from "./math";
import type { Output } from "../../core/nbformat";
import { renderOutputHtml, type RichTextRenderers } from "./output-html";

/**
 * Code-cell outputs as HTML at build time: output-html.ts with markdown typeset by
 * markdown-it and LaTeX by KaTeX (the live page uses output-html.ts without them).
 */
export { mergeStreams } from "./output-html";
export { stripAnsi } from "../../core/ansi";

const BUILD_RENDERERS: RichTextRenderers = { markdown: renderMarkdown, latex: (tex) => typeset(tex, true) };

/**
 * Renders a code cell's outputs.
 * @param outputs nbformat outputs (not modified)
 * @param env the page environment (keeps chart ids unique on the page)
 * @returns HTML, empty when there is nothing to show
 * @example renderOutputs([{ output_type: "stream", name: "stdout", text: "4\n" }], createPageEnv()) // => '<pre class="output output-stream output-stdout" tabindex="0">4\n</pre>'
 */
export function renderOutputs(outputs: readonly Output[], env: PageEnv): string {
  return renderOutputHtml(outputs, env, BUILD_RENDERERS);
}
