// The sandbox's call timer: workbook/timed-call's API, one watchdog per block of calls (bench/instructor/grade-machinery.ts: 650 calls in 0.4 ms instead of 88 ms; see watchdog-blocks.ts).
import { callWithWatchdog, TimeoutError } from "../../../workbook/timed-call";
import { createBlockTimer } from "./watchdog-blocks";

/**
 * child.ts installs this timer with the workbook's setCallTimer() when the sandbox starts,
 * so the workbook's `invokeProbe` — unchanged — times its calls through the block timer
 * while the child runs a group of probes with `runSteps`. Outside runSteps every call gets
 * its own watchdog, as in a notebook.
 */
/** The error the workbook's callWithTimeout throws at its limit (test/grade/sandbox-timing.test.ts holds the two to the same text). */
export const timeoutError = (timeoutMs: number): TimeoutError =>
  new TimeoutError(`did not finish within ${timeoutMs / 1000} s (an endless loop?)`);

const timer = createBlockTimer({
  watchdog: callWithWatchdog,
  timeoutError,
  isTimeoutError: (err) => err instanceof TimeoutError,
});

export const callWithTimeout = timer.callWithTimeout;
export const runSteps = timer.runSteps;
export { TimeoutError };
