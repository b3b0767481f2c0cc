import type MarkdownIt from "markdown-it";
import { InputError } from "../../core/errors";
import { katex } from "./typesetters";

/**
 * TeX math in markdown, typeset at build time with KaTeX so pages need no JavaScript
 * for math. Follows the Jupyter/pandoc conventions the notebooks are written in:
 * `$…$` inline (the opening `$` must be followed by a non-space, the closing `$` preceded
 * by a non-space and not followed by a digit, and no bare `$` in between, so
 * "costs $5 and $10" stays text),
 * `$$…$$` display (inline or as a block spanning lines), and `\$` for a literal dollar.
 * Math is tokenized before emphasis, so `a_1 * b_2` inside math is never italicized.
 */

/**
 * Typesets one TeX expression to HTML (with MathML for screen readers).
 * @param tex the TeX source, without delimiters
 * @param displayMode true for display (block) math
 * @throws {InputError} when KaTeX cannot parse the TeX, naming the expression and KaTeX's reason
 * @example typeset("x^2", false).includes('class="katex"') // => true
 */
export function typeset(tex: string, displayMode: boolean): string {
  try {
    return katex().renderToString(tex, { displayMode, throwOnError: true, strict: "ignore", output: "htmlAndMathml" });
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^KaTeX parse error: /, "") : String(error);
    throw new InputError("typeset", "tex", `must be TeX that KaTeX can typeset (${reason})`, tex);
  }
}

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Finds the closing `$` of inline math that opened at `start`, or -1. */
function findInlineClose(src: string, start: number, max: number): number {
  for (let pos = start; pos < max; pos++) {
    const code = src.charCodeAt(pos);
    if (code === BACKSLASH) {
      pos++; // skip the escaped character, e.g. \$ inside math
      continue;
    }
    if (code !== DOLLAR) continue;
    const before = src.charCodeAt(pos - 1);
    const after = pos + 1 < max ? src.charCodeAt(pos + 1) : -1;
    // A "$" that cannot close ends the attempt: inline math never contains a bare "$",
    // so in "costs $5 and $10" neither dollar opens math.
    return !isWhitespace(before) && !isDigit(after) ? pos : -1;
  }
  return -1;
}

function mathInline(state: MarkdownIt.StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src.charCodeAt(pos) !== DOLLAR) return false;

  if (src.charCodeAt(pos + 1) === DOLLAR) {
    const close = src.indexOf("$$", pos + 2);
    if (close < 0 || close >= posMax || close === pos + 2) return false;
    if (!silent) state.push("math_display_inline", "math", 0).content = src.slice(pos + 2, close);
    state.pos = close + 2;
    return true;
  }

  const first = src.charCodeAt(pos + 1);
  if (pos + 1 >= posMax || isWhitespace(first)) return false;
  const close = findInlineClose(src, pos + 1, posMax);
  if (close < 0) return false;
  if (!silent) state.push("math_inline", "math", 0).content = src.slice(pos + 1, close);
  state.pos = close + 1;
  return true;
}

function mathBlock(state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  let start = state.bMarks[startLine] + state.tShift[startLine];
  const lineEnd = state.eMarks[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false; // indented code
  if (!state.src.startsWith("$$", start)) return false;
  start += 2;

  const firstLine = state.src.slice(start, lineEnd);
  let content: string;
  let nextLine = startLine;
  const sameLineClose = firstLine.trimEnd().endsWith("$$") && firstLine.trim().length > 2;
  if (sameLineClose) {
    const body = firstLine.trimEnd();
    content = body.slice(0, -2);
    // "$$a$$ and more text" is inline display math inside a paragraph, not a block
    if (content.includes("$$")) return false;
  } else {
    const lines: string[] = [firstLine];
    let closed = false;
    for (nextLine = startLine + 1; nextLine < endLine; nextLine++) {
      const from = state.bMarks[nextLine] + state.tShift[nextLine];
      const line = state.src.slice(from, state.eMarks[nextLine]);
      const at = line.trimEnd().lastIndexOf("$$");
      if (at >= 0 && at === line.trimEnd().length - 2) {
        lines.push(line.slice(0, at));
        closed = true;
        break;
      }
      lines.push(line);
    }
    if (!closed) return false;
    content = lines.join("\n");
  }
  if (silent) return true;
  const token = state.push("math_block", "math", 0);
  token.block = true;
  token.content = content;
  token.map = [startLine, nextLine + 1];
  state.line = nextLine + 1;
  return true;
}

/** markdown-it plugin: `$…$` and `$$…$$` typeset with KaTeX at build time (see renderMarkdown). */
export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.before("escape", "math_inline", mathInline);
  md.block.ruler.before("fence", "math_block", mathBlock, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.renderer.rules.math_inline = (tokens, idx) => typeset(tokens[idx].content, false);
  md.renderer.rules.math_display_inline = (tokens, idx) => typeset(tokens[idx].content, true);
  // focusable: a formula wider than a phone scrolls inside this box, by keyboard too
  md.renderer.rules.math_block = (tokens, idx) =>
    `<div class="math-display" tabindex="0">${typeset(tokens[idx].content, true)}</div>\n`;
}
