import { escapeHtml } from "../../core/html";
import hljs from "highlight.js/lib/core";
import typescript from "highlight.js/lib/languages/typescript";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import bash from "highlight.js/lib/languages/bash";
import python from "highlight.js/lib/languages/python";

/**
 * Syntax highlighting at build time with highlight.js, so code is coloured without
 * client JavaScript. Only the languages the course uses are registered, which keeps
 * start-up fast (the full highlight.js bundle loads ~190 grammars).
 */
hljs.registerLanguage("typescript", typescript);
hljs.registerLanguage("javascript", javascript);
hljs.registerLanguage("json", json);
hljs.registerLanguage("bash", bash);
hljs.registerLanguage("python", python);

const ALIASES: Record<string, string> = { ts: "typescript", js: "javascript", sh: "bash", shell: "bash", py: "python" };

/**
 * Highlights source code as HTML spans with hljs-* classes (styled by the a11y-light
 * theme shipped in the site). An unknown or empty language gives escaped plain text.
 * @param code the source
 * @param language a language name or alias ("typescript", "ts", "json", …)
 * @example highlightCode("const x = 1;", "ts").includes('class="hljs-keyword"') // => true
 */
export function highlightCode(code: string, language: string | undefined): string {
  const name = language ? (ALIASES[language.toLowerCase()] ?? language.toLowerCase()) : "";
  if (name && hljs.getLanguage(name)) return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
  return escapeHtml(code);
}
