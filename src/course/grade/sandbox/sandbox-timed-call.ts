// @instructor-only — the sandbox's build of workbook/timed-call (see runtime.ts): the same API, one watchdog per block of calls.
import { callWithTimeout as callWithOwnWatchdog, TimeoutError } from "../../../workbook/timed-call";
import { createBlockTimer } from "./watchdog-blocks";

/**
 * In the sandbox bundles, every import of src/workbook/timed-call resolves to this file
 * (an esbuild plugin in runtime.ts), so the workbook's `invokeProbe` — unchanged — times its
 * calls through the block timer while the child runs a group of probes with `runSteps`.
 * Outside runSteps it is the workbook's callWithTimeout itself.
 */
/** The error the workbook's callWithTimeout throws at its limit (test/grade/sandbox-timing.test.ts holds the two to the same text). */
export const timeoutError = (timeoutMs: number): TimeoutError => new TimeoutError(`did not finish within ${timeoutMs / 1000} s (an endless loop?)`);

const timer = createBlockTimer({
  watchdog: callWithOwnWatchdog,
  timeoutError,
  isTimeoutError: (err) => err instanceof TimeoutError,
});

export const callWithTimeout = timer.callWithTimeout;
export const runSteps = timer.runSteps;
export { TimeoutError };
