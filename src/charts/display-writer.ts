import { createRequire } from "node:module";
import type { DisplayWriter } from "./display-message";

/**
 * The one adapter to tslab's display channel: the writer for display messages of the cell
 * now running, or null outside a kernel. Used by show() and the workbook's displayRich().
 * tslab's public display API sends one MIME type per message; a chart or a verdict needs
 * one message with several, so we use the writer tslab's own `display` uses
 * (`lastWriteDisplayData` of tslab/dist/jupyter, which the kernel — or the embedded engine,
 * src/course/execute/tslab-session.ts — sets while a cell runs). We only look in Node's
 * module cache: if no kernel loaded tslab we are not in a notebook, and we avoid loading its
 * TypeScript compiler for nothing. (The browser bundle uses displayWriter.browser.ts.)
 */
export function currentDisplayWriter(): DisplayWriter | null {
  const load = createRequire(__filename);
  let resolved: string;
  try {
    resolved = load.resolve("tslab/dist/jupyter");
  } catch {
    return null;
  }
  const writer: unknown = load.cache[resolved]?.exports?.lastWriteDisplayData;
  return typeof writer === "function" ? (writer as DisplayWriter) : null;
}
