import vm from "node:vm";

/**
 * Run a synchronous function with a wall-clock limit, in-process. The call is made from a
 * tiny vm script run with `timeout`, and V8's watchdog interrupts everything executed
 * inside it, so a student's `while (true) {}` ends a notebook check with a message instead
 * of hanging the kernel. (The grader still needs a process-level kill: this guards only
 * synchronous code and shares the process.)
 */
const SLOT = Symbol.for("microdosing-workbook/timed-call");
const script = new vm.Script('globalThis[Symbol.for("microdosing-workbook/timed-call")]()', { filename: "workbook-timed-call" });

export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
}

export function callWithTimeout<T>(fn: () => T, timeoutMs: number): T {
  const slots = globalThis as unknown as Record<symbol, unknown>;
  const previous = slots[SLOT];
  slots[SLOT] = fn;
  try {
    return script.runInThisContext({ timeout: timeoutMs }) as T;
  } catch (err) {
    if (err instanceof Error && /Script execution timed out/.test(err.message)) {
      throw new TimeoutError(`did not finish within ${timeoutMs / 1000} s (an endless loop?)`);
    }
    throw err;
  } finally {
    slots[SLOT] = previous;
  }
}
