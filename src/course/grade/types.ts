// The grader's result types and settings.
import type { Verdict } from "../../workbook/types";

/** Limits of one submission's sandbox. */
export interface GradeSettings {
  /** Wall-clock limit of one exercise's probes in one phase, loading included [ms]. */
  exerciseMs: number;
  /** Extra wall-clock allowance when a request must first load its file (and the library) [ms]. */
  loadMs: number;
  /** Cooperative per-call limit inside the sandbox [ms] (the parent's kill backs it up). */
  callMs: number;
  /** Wall-clock limit of the whole submission [ms]. */
  submissionMs: number;
  /** V8 heap limit of the sandbox [MB]; the address space is capped at max(2 GB, 8×) where prlimit exists. */
  memoryMb: number;
  /** Bytes of the student's stdout + stderr kept for the instructor's log. */
  outputCap: number;
  /**
   * Printed bytes from which a kill, crash or timeout is blamed on the printing (the message
   * names the volume and the file that printed it) rather than on the code [bytes].
   */
  floodBytes: number;
}

export const DEFAULT_SETTINGS: GradeSettings = {
  exerciseMs: 6000,
  loadMs: 10_000,
  callMs: 2000,
  submissionMs: 90_000,
  memoryMb: 256,
  outputCap: 64 * 1024,
  floodBytes: 8 * 1024 * 1024,
};

/** Everything the grader decided about one submission; also the cache entry and the shard exchange format. */
export interface SubmissionResult {
  /** The id it is filed under (safe as a file name; see student-id.ts). */
  student: string;
  /** The folder or zip name as found (a roster or an LMS may put spaces and accents in it). */
  name: string;
  /**
   * "graded"; "refused: <reason>" when the entry was not graded (e.g. "refused: symlink");
   * "error: <message>" when the grader itself failed on it. Only "graded" results have verdicts.
   */
  status: string;
  /** sha256 of the submission's exercises/ (see submissions.ts). */
  contentHash: string;
  /** Fingerprint of the grader, checks and reference (see fingerprint.ts). */
  fingerprint: string;
  verdicts: Verdict[];
  total: number;
  max: number;
  /** Submission-level messages for the student: refused files, compile errors, crashes. */
  notices: string[];
  /** Each regrade of this result (`npm run grade -- --student/--exercise`), oldest first; absent when never regraded. */
  regrades?: RegradeRecord[];
  /** For the instructor only (never in the feedback: the output may echo hidden inputs). */
  log: {
    source: string;
    output: string;
    outputTruncated: boolean;
    outputBytes: number;
    processes: number;
    durationMs: number;
  };
}

/** One regrade of a student's result: when, what was re-run, and the score before it. */
export interface RegradeRecord {
  /** ISO 8601 time of the regrade. */
  at: string;
  /** "student": the whole submission graded again; "exercise": only `exercises` re-run and re-judged. */
  scope: "student" | "exercise";
  /** The exercises re-run (scope "exercise"). */
  exercises?: string[];
  /** The total before the regrade (undefined when there was no earlier result). */
  previousTotal?: number;
  /** The grader fingerprint of the earlier result (a fixed check changes it). */
  previousFingerprint?: string;
}
