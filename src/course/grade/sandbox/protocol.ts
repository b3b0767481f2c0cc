// @instructor-only — the messages between the grader (trusted) and a student's sandbox process.
import type { AnswerSpec, Probe } from "../../../workbook/types";

/**
 * The wire format. Only JSON crosses the process boundary (IPC with `serialization: "json"`),
 * so whatever the student's code builds — a Proxy, an object with a lying `valueOf`, a getter —
 * arrives in the parent as inert data, and the parent re-validates every outcome
 * (`validateOutcome`) before judging it against the reference.
 */

/** Parent → child: run these probes of one exercise against one exercises file. */
export interface ProbeRequest {
  type: "probe";
  /** Correlates the reply; the parent ignores replies with any other id. */
  id: number;
  /** Path of the transpiled file, relative to the sandbox's exercises/ folder, e.g. "ch02.js". */
  file: string;
  /** The label students know, e.g. "exercises/ch02.ts" (used in messages). */
  label: string;
  answer: AnswerSpec;
  probes: Probe[];
  /** Cooperative per-call limit [ms] inside the child; the parent's kill is the real limit. */
  callMs: number;
}

/** Child → parent. */
export type ChildMessage =
  | { type: "ready" }
  /** The file of a request finished loading (sent before its outcomes). */
  | { type: "loaded"; id: number }
  | { type: "load-error"; id: number; message: string }
  | { type: "outcomes"; id: number; outcomes: unknown[] };

/**
 * A transpiled file that imports the library proper (not just the not-attempted sentinel or
 * the exercise data): it is worth starting the sandbox from the snapshot that holds mathjs.
 */
export const USES_LIBRARY = /require\("(\.\.\/src(\/index)?|mathjs|\.\.\/src\/(?!workbook\/not-attempted"|workbook\/catalog\/data")[^"]*)"\)/;
