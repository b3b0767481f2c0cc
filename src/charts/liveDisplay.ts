import type { DisplayMessage } from "./show";

/**
 * Where the browser runtime's worker (src/course/live/runtime/worker.ts) installs its
 * display writer, the live twin of tslab's: the browser builds of show() and displayRich()
 * send their bundles to it. A global slot rather than an import, so the library bundle
 * does not depend on the runtime.
 */
export const liveDisplayKey = Symbol.for("microdosing-workbook.liveDisplay");

export type LiveDisplayWriter = (message: DisplayMessage, update: boolean) => void;

/** The writer of the cell now running in the live worker, or null elsewhere. */
export function liveDisplayWriter(): LiveDisplayWriter | null {
  const slot = (globalThis as unknown as Record<symbol, unknown>)[liveDisplayKey];
  return typeof slot === "function" ? (slot as LiveDisplayWriter) : null;
}
