/**
 * Browser twin of timed-call.ts. A browser has no in-thread watchdog (node:vm's timeout):
 * the live worker is terminated from the page instead (LiveKernel's timeout and Stop), so
 * here the call is made directly.
 */
export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
}

export function callWithTimeout<T>(fn: () => T, _timeoutMs: number): T {
  return fn();
}
