import { createRequire } from "node:module";
import type { DisplayMessage } from "./show";

export type DisplayWriter = (message: DisplayMessage, update: boolean) => void;

/**
 * tslab's writer for display messages of the cell now running, or null outside a kernel.
 * tslab exposes a display API that sends one MIME type per message; a chart needs one
 * message with several, so we use the writer tslab's own `display` uses. We only look in
 * the module cache: if no kernel loaded tslab, we are not in a notebook and avoid loading
 * its TypeScript compiler for nothing. (The browser bundle uses displayWriter.browser.ts.)
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
