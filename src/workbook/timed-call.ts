import vm from "node:vm";
import { InputError } from "../core/errors";

/**
 * Run a synchronous function with a wall-clock limit, in-process. The call is made from a
 * tiny vm script run with `timeout`, and V8's watchdog interrupts everything executed
 * inside it, so a student's `while (true) {}` ends a notebook check with a message instead
 * of hanging the kernel. (The grader still needs a process-level kill: this guards only
 * synchronous code and shares the process.)
 */
// The vm script is compiled once and finds the function through a global slot: a script runs
// in the global scope and cannot close over fn. (Symbol.for only so the script can name it.)
const SLOT = Symbol.for("microdosing-workbook/timed-call");
const script = new vm.Script('globalThis[Symbol.for("microdosing-workbook/timed-call")]()', {
  filename: "workbook-timed-call",
});

export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
}

/** How a call is limited: run `fn`, throw TimeoutError if it runs longer than `timeoutMs`. */
export type TimedCall = <T>(fn: () => T, timeoutMs: number) => T;

let timer: TimedCall = callWithWatchdog;

/**
 * Replaces how callWithTimeout limits calls, for a process whose calls come in long runs:
 * the grader's sandbox installs a timer that shares one watchdog per block of calls
 * (src/course/grade/sandbox/child.ts, see sandbox-timed-call.ts). Everything calling
 * callWithTimeout (invokeProbe, the loader) then uses it.
 * @returns the timer it replaces
 * @throws {InputError} when next is not a function
 */
export function setCallTimer(next: TimedCall): TimedCall {
  if (typeof next !== "function") throw new InputError("setCallTimer", "next", "must be a function", next);
  const previous = timer;
  timer = next;
  return previous;
}

/** Runs fn with a wall-clock limit: the installed timer (setCallTimer), by default callWithWatchdog. */
export function callWithTimeout<T>(fn: () => T, timeoutMs: number): T {
  return timer(fn, timeoutMs);
}

/** Runs fn under its own V8 watchdog (a thread per call, 0.1–1 ms). */
export function callWithWatchdog<T>(fn: () => T, timeoutMs: number): T {
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
