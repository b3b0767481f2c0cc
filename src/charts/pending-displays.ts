import { InputError } from "../core/errors";

/**
 * The charts that show() is still rendering, so whoever runs a cell can wait for the ones
 * the cell did not await and put them in that cell: the embedded engine
 * (src/course/execute/tslab-session.ts) and the live worker (src/course/live/runtime/worker.ts).
 *
 * Why a global (and the only module that touches it): in the embedded engine the notebook's
 * `import { show } from "microdosing-workbook"` is a require() through the generated package
 * (node_modules/microdosing-workbook, tsx's CommonJS hook), while the engine loaded this file
 * through its own loader (tsx's ESM loader, or vitest's module runner in tests) — two
 * instances of this module, so module state would not be shared. The registry hangs on
 * globalThis under a Symbol.for key, which every instance reaches.
 */
const KEY = Symbol.for("microdosing-workbook.pendingDisplays");

function registry(): Set<Promise<void>> {
  const slots = globalThis as unknown as Record<symbol, Set<Promise<void>> | undefined>;
  return (slots[KEY] ??= new Set());
}

/**
 * Registers a display in progress until it settles (either way).
 * @throws {InputError} when promise is not a promise
 */
export function trackPendingDisplay(promise: Promise<unknown>): void {
  if (!(promise instanceof Promise))
    throw new InputError("trackPendingDisplay", "promise", "must be a Promise", promise);
  const pending = registry();
  const forget = (): void => {
    pending.delete(settled);
  };
  const settled: Promise<void> = promise.then(forget, forget);
  pending.add(settled);
}

/** Resolves when every display registered so far (and any they register meanwhile) has settled. */
export async function settlePendingDisplays(): Promise<void> {
  const pending = registry();
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
