import { InputError } from "../core/errors";
import type { DisplayWriter } from "./display-message";

/**
 * The live worker's display writer, the browser twin of tslab's: the browser builds of
 * show() and displayRich() send their bundles to it. The worker (src/course/live/runtime/
 * worker.ts) installs it with setLiveDisplayWriter(), so the library never imports the runtime.
 * The slot is a global under a Symbol.for key because page cells, which see only the
 * library's public modules, may write displays to it directly (test/live/e2e.test.ts does).
 */
const KEY = Symbol.for("microdosing-workbook.liveDisplay");

export type LiveDisplayWriter = DisplayWriter;

/** Installs the writer the live worker sends a running cell's displays with. */
export function setLiveDisplayWriter(writer: LiveDisplayWriter): void {
  if (typeof writer !== "function")
    throw new InputError("setLiveDisplayWriter", "writer", "must be a function", writer);
  (globalThis as unknown as Record<symbol, unknown>)[KEY] = writer;
}

/** The writer of the cell now running in the live worker, or null elsewhere. */
export function liveDisplayWriter(): LiveDisplayWriter | null {
  const slot = (globalThis as unknown as Record<symbol, unknown>)[KEY];
  return typeof slot === "function" ? (slot as LiveDisplayWriter) : null;
}
