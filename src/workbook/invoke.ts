import { normalizeAnswer, showReceived } from "./normalize";
import { isNotAttempted } from "./not-attempted";
import { decodeProbeArgs } from "./probe-args";
import { callWithTimeout } from "./timed-call";
import type { AnswerSpec, Outcome, Probe } from "./types";

/**
 * Run one probe against a loaded exercises module, in this process, and normalise what
 * comes back. Never throws: a missing export, a thrown error, an endless loop or a value of
 * the wrong shape each become an Outcome with a message a student can act on. Arguments are
 * decoded here, and only here, right before the call: a `{ quantity: [0.1, "mg"] }` argument
 * arrives as a mathjs Unit, a `{ series: [[…], "h"] }` as a Series (probe-args.ts); every
 * path that runs student code comes through this function — the notebook's check() and
 * `npm run check` (check.ts), the live course's worker (check.browser.ts) and the grader's
 * sandbox child (src/course/grade/sandbox/child.ts). Decoding copies, so a function that
 * mutates its input cannot change a later check.
 */
export function invokeProbe(
  exports: Record<string, unknown>,
  probe: Probe,
  answer: AnswerSpec,
  fileLabel: string,
  timeoutMs = 2000,
): Outcome {
  if (!Object.prototype.hasOwnProperty.call(exports, probe.exportName)) {
    return { kind: "missing", message: `${fileLabel} has no export named ${probe.exportName}` };
  }
  const target = exports[probe.exportName];
  if (probe.args === undefined) {
    if (typeof target === "function")
      return { kind: "invalid", message: `${probe.exportName} should be a value, not a function` };
    return normalizeAnswer(target, answer);
  }
  if (typeof target !== "function") {
    if (isNotAttempted(target)) return { kind: "not-attempted" };
    return { kind: "invalid", message: `${probe.exportName} should be a function; received ${showReceived(target)}` };
  }
  let args: unknown[];
  try {
    args = decodeProbeArgs(probe.args);
  } catch (err) {
    return { kind: "error", message: `the arguments of this check could not be decoded: ${String(err)}` };
  }
  try {
    const raw = callWithTimeout(() => (target as (...a: unknown[]) => unknown)(...args), timeoutMs);
    return normalizeAnswer(raw, answer);
  } catch (err) {
    if (isNotAttempted(err)) return { kind: "not-attempted" };
    const message = err instanceof Error ? `${err.name}: ${err.message}` : `threw ${showReceived(err)}`;
    return {
      kind: "error",
      message: `${probe.exportName} ${message.startsWith("TimeoutError") ? message.replace(/^TimeoutError: /, "") : `threw ${message}`}`,
    };
  }
}
