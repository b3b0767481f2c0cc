// The messages between the grader (trusted) and a student's sandbox process.
import type { AnswerSpec, Probe } from "../../../workbook/types";

/**
 * The wire format. Only JSON crosses the process boundary (IPC with `serialization: "json"`),
 * so whatever the student's code builds — a Proxy, an object with a lying `valueOf`, a getter —
 * arrives in the parent as inert data, and the parent re-validates every outcome
 * (`validateOutcome`) before judging it against the reference.
 */

/** The probes of one exercise: what one export is asked, and the shape its answers must have. */
export interface ProbeGroup {
  answer: AnswerSpec;
  probes: Probe[];
}

/**
 * Parent → child: run the probes of several exercises of one exercises file, group after
 * group. One message per file and phase instead of one per exercise; the parent still times
 * every group on its own (see SandboxSession.request).
 */
export interface ProbeRequest {
  type: "probe";
  /** Correlates the replies; the parent ignores replies with any other id. */
  id: number;
  /** Path of the transpiled file, relative to the sandbox's exercises/ folder, e.g. "ch02.js". */
  file: string;
  /** The label students know, e.g. "exercises/ch02.ts" (used in messages). */
  label: string;
  groups: ProbeGroup[];
  /** Cooperative per-call limit [ms] inside the child; the parent's kill is the real limit. */
  callMs: number;
}

/** Child → parent. */
export type ChildMessage =
  | { type: "ready" }
  /** The file of a request finished loading (sent before its outcomes). */
  | { type: "loaded"; id: number }
  | { type: "load-error"; id: number; message: string }
  /** The outcomes of group number `group` of request `id`, sent as soon as that group is done. */
  | { type: "outcomes"; id: number; group: number; outcomes: unknown[] };

/**
 * A transpiled file that imports the library proper (not just the not-attempted sentinel or
 * the exercise data): a sandbox started without the snapshot initialises the library before
 * loading it (child.ts), outside the file's 2 s top-level limit.
 */
export const USES_LIBRARY =
  /require\("(\.\.\/src(\/index)?|mathjs|\.\.\/src\/(?!workbook\/not-attempted"|workbook\/catalog\/data")[^"]*)"\)/;
