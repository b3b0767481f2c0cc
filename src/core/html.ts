import { InputError } from "./errors";

/**
 * Escapes text for HTML element content and quoted attribute values (& < > " '), so text
 * from a notebook, a student or a data file can never become markup.
 * @param text any text
 * @throws {InputError} when text is not a string
 * @example escapeHtml(`<a href="x">'&'</a>`) // => "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
 */
export function escapeHtml(text: string): string {
  if (typeof text !== "string") throw new InputError("escapeHtml", "text", "must be a string", text);
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c as keyof typeof ENTITIES]);
}

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" } as const;
