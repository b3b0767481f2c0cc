// The result of a submission that was found but not graded, so it still appears in every output.
import { createHash } from "node:crypto";
import type { FoundSubmission, RefusedSubmission } from "./submissions";
import type { SubmissionResult } from "./types";

const emptyLog = (source: string) => ({
  source,
  output: "",
  outputTruncated: false,
  outputBytes: 0,
  processes: 0,
  durationMs: 0,
});
const hashOf = (text: string): string => createHash("sha256").update(text).digest("hex");

/** An entry refused before reading (e.g. a symbolic link): status "refused: <reason>", no verdicts, 0 points. */
export function refusedResult(r: RefusedSubmission, fingerprint: string, max: number): SubmissionResult {
  return {
    student: r.student,
    name: r.name,
    status: `refused: ${r.reason}`,
    contentHash: hashOf(`refused\0${r.reason}`),
    fingerprint,
    verdicts: [],
    total: 0,
    max,
    notices: [`Not graded: ${r.detail}.`],
    log: emptyLog(r.path),
  };
}

/** A submission the grader itself failed on (not cached: the next run tries again). */
export function failedResult(f: FoundSubmission, err: unknown, fingerprint: string, max: number): SubmissionResult {
  const message = (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 300);
  return {
    student: f.student,
    name: f.name,
    status: `error: ${message}`,
    contentHash: hashOf(`error\0${message}`),
    fingerprint,
    verdicts: [],
    total: 0,
    max,
    notices: [`Not graded: the grader failed on this submission (${message}); the instructor has been told.`],
    log: emptyLog(f.path),
  };
}
