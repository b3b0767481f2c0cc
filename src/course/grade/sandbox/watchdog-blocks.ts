// Per-call time limits with one V8 watchdog per block of calls (bench/instructor/grade-machinery.ts: 650 calls 0.4 ms instead of 88 ms).
import type { TimedCall } from "../../../workbook/timed-call";

/**
 * The workbook limits every call of a student's function with `callWithTimeout`: a vm script
 * with `timeout`, whose V8 watchdog is a thread created and joined per call. That costs
 * 0.1–1 ms a call (more on a loaded machine), and a submission makes some 650 calls, most of
 * them microseconds long. Here one watchdog covers a BLOCK of consecutive calls, with the
 * same result for every call:
 *
 * - a block's watchdog fires `callMs + windowMs` after it starts, and a call runs directly in
 *   the block only when at least `callMs` (+ a margin) of the block is left, so a call the
 *   block interrupts had run at least `callMs`: it gets the timeout error, exactly as its own
 *   watchdog would have given;
 * - a call that returns or throws after more than `callMs` gets the timeout error too (its
 *   own watchdog would have interrupted it);
 * - anything else the block interrupts — code outside a call (a student's getter or Proxy
 *   trap reached while reading an export or its answer) or a call that had to get its own
 *   watchdog because the block was nearly over — is run again outside any block, where it
 *   behaves as it always did (no limit outside calls, its own watchdog per call). Honest
 *   code never gets there: it needs 250 ms of student code outside calls.
 */

export interface BlockTimerOptions {
  /** The per-call watchdog to wrap (the workbook's callWithTimeout). */
  watchdog: TimedCall;
  /** The error a timed-out call throws (the workbook's TimeoutError, with its message). */
  timeoutError(timeoutMs: number): Error;
  /** True for the error `watchdog` throws when its limit is reached. */
  isTimeoutError(err: unknown): boolean;
  /** How long a block accepts new calls [ms] (default 250). */
  windowMs?: number;
  /** Slack for timer granularity [ms] (default 10). */
  marginMs?: number;
}

export interface BlockTimer {
  /** Drop-in for the workbook's callWithTimeout: inside runSteps it shares the block's watchdog. */
  callWithTimeout: TimedCall;
  /**
   * Run step(0), step(1), … step(count - 1) in order, in watchdog blocks of `callMs`-limited calls.
   * @param timedOut the result of a step whose call a block's watchdog interrupted
   * @returns the results in order, and how many watchdogs were started (blocks + re-runs' own)
   */
  runSteps<T>(
    count: number,
    callMs: number,
    step: (i: number) => T,
    timedOut: (i: number) => T,
  ): { results: T[]; blocks: number };
}

interface Block {
  /** performance.now() by which the block's watchdog has surely fired (never later than it does). */
  deadline: number;
  /** What is running: our own code or an export's getter ("none"), a call timed by the block ("direct"), or a call with its own watchdog ("own"). */
  call: "none" | "direct" | "own";
}

export function createBlockTimer(options: BlockTimerOptions): BlockTimer {
  const { watchdog, timeoutError, isTimeoutError } = options;
  const windowMs = options.windowMs ?? 250;
  const marginMs = options.marginMs ?? 10;
  let block: Block | undefined;

  function callWithTimeout<T>(fn: () => T, timeoutMs: number): T {
    const b = block;
    if (b === undefined || b.call !== "none") return watchdog(fn, timeoutMs);
    const started = performance.now();
    if (b.deadline - started < timeoutMs + marginMs) {
      b.call = "own";
      const result = watchdog(fn, timeoutMs);
      b.call = "none";
      return result;
    }
    b.call = "direct";
    let result: T;
    try {
      result = fn();
    } catch (err) {
      b.call = "none";
      throw performance.now() - started > timeoutMs ? timeoutError(timeoutMs) : err;
    }
    b.call = "none";
    if (performance.now() - started > timeoutMs) throw timeoutError(timeoutMs);
    return result;
  }

  function runSteps<T>(
    count: number,
    callMs: number,
    step: (i: number) => T,
    timedOut: (i: number) => T,
  ): { results: T[]; blocks: number } {
    const results: T[] = [];
    let blocks = 0;
    let rerun = false;
    while (results.length < count) {
      if (rerun) {
        rerun = false;
        results.push(step(results.length)); // outside any block: the workbook's own behaviour
        continue;
      }
      const b: Block = { deadline: performance.now() + callMs + windowMs, call: "none" };
      block = b;
      blocks++;
      try {
        watchdog(() => {
          while (results.length < count && b.deadline - performance.now() >= callMs + marginMs)
            results.push(step(results.length));
        }, callMs + windowMs);
      } catch (err) {
        // V8 ended the block (its timer may fire a millisecond early); anything else thrown is the step's to propagate.
        if (!isTimeoutError(err) || performance.now() < b.deadline - marginMs) throw err;
        block = undefined;
        if (b.call === "direct") results.push(timedOut(results.length));
        else rerun = true;
      } finally {
        block = undefined;
      }
    }
    return { results, blocks };
  }

  return { callWithTimeout, runSteps };
}
