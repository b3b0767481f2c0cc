// The gradebook: what a course makes of the grader's results (roster, late policy, overrides, release).
import type { SubmissionResult } from "../types";

/** One student of the class list. `id` is the safe id every output files them under (see student-id.ts). */
export interface RosterStudent {
  id: string;
  /** Display name, e.g. "Ada Lovelace". */
  name: string;
  /** The LMS's own user id (Canvas user id, Moodle participant id). */
  lmsId?: string;
  sisUserId?: string;
  sisLoginId?: string;
  email?: string;
  section?: string;
}

export interface Roster {
  students: RosterStudent[];
}

/** When (and whether late) a student submitted, as the LMS download or a submissions CSV tells it. */
export interface SubmissionTiming {
  student: string;
  /** ISO 8601 time of submission, when known. */
  submittedAt?: string;
  /** The LMS marked the submission late (Canvas puts "_LATE_" in the file name). */
  lateFlag?: boolean;
  /** Where the timing came from, for the audit trail (e.g. "Canvas file name", "submissions.csv line 7"). */
  source: string;
}

/** One exercise of one student after overrides. */
export interface GradebookExercise {
  id: string;
  /** Points the grader gave. */
  graded: number;
  /** Points after an override (equal to `graded` without one). */
  points: number;
  max: number;
  override?: { points: number; reason: string };
}

/** One row of every gradebook output: one per roster student (or per submission without a roster). */
export interface GradebookRow {
  /** Safe id (file names, CSV). */
  student: string;
  /** Display name: the roster's, else the name the submission was found under. */
  name: string;
  roster?: RosterStudent;
  /** "graded", "no submission", "refused: …" or "error: …". */
  status: string;
  exercises: GradebookExercise[];
  /** Sum of exercise points after overrides, before the late penalty. */
  raw: number;
  /** Present when a penalty rule applied (even when it came to 0 points, e.g. inside the grace period). */
  late?: { deadline: string; submittedAt?: string; daysLate: number; fraction: number; points: number };
  /** Final score: raw − late penalty, never below 0. */
  total: number;
  max: number;
  /** Every decision that changed a number, in words, for the instructor (overrides, extensions, penalties). */
  audit: string[];
  /** The grader's result, absent for "no submission". */
  result?: SubmissionResult;
}
