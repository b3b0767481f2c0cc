import { InputError } from "../core/errors";

/**
 * Prompts and hints are written in Markdown, but only inline emphasis and code occur in
 * them: **strong** and `code`. Single asterisks are left alone: they also mean
 * multiplication ("mg*h/L"). These render them for places that are not Markdown.
 */
const STRONG = /\*\*(.+?)\*\*/g;
const CODE = /`([^`]+)`/g;

/**
 * Inline Markdown as terminal text: **strong** in bold (ANSI) when `bold`, else plain; `code` as is.
 * @example inlineMarkdownToText("the **administered** dose", false) // => "the administered dose"
 * @throws {InputError} when text is not a string
 */
export function inlineMarkdownToText(text: string, bold: boolean): string {
  if (typeof text !== "string") throw new InputError("inlineMarkdownToText", "text", "must be a string", text);
  return text.replace(STRONG, (_, inner: string) => (bold ? `\u001b[1m${inner}\u001b[22m` : inner)).replace(CODE, "$1");
}

/**
 * Inline Markdown as HTML: the text escaped, then **strong** → <strong>, `code` → <code>.
 * @param escape the HTML escaper (render.ts's escapeHtml)
 * @throws {InputError} when text is not a string
 */
export function inlineMarkdownToHtml(text: string, escape: (s: string) => string): string {
  if (typeof text !== "string") throw new InputError("inlineMarkdownToHtml", "text", "must be a string", text);
  return escape(text).replace(STRONG, "<strong>$1</strong>").replace(CODE, "<code>$1</code>");
}
