// The instructor's grader (see docs/grading.md).
export { gradeClass, mergeShards, type GradeClassOptions, type GradeClassReport } from "./run";
export { gradeSubmission, type GradingContext } from "./grade-submission";
export { buildPlan, type ExercisePlan } from "./plan";
export {
  findSubmissions,
  readSubmission,
  isSafeRelativePath,
  DEFAULT_READ_LIMITS,
  type Submission,
  type FoundSubmission,
  type RefusedSubmission,
  type ReadLimits,
} from "./submissions";
export { safeStudentId, STUDENT_ID } from "./student-id";
export { assertCurrentAnswers, StaleAnswersError } from "./stale-check";
export { parseShard, shardOf, type Shard } from "./shard";
export { graderFingerprint } from "./fingerprint";
export {
  transpileStudentFile,
  StudentTranspiler,
  DEFAULT_TRANSPILE_LIMITS,
  type Transpiled,
  type TranspileLimits,
} from "./transpile";
export { probeIsolation, describeIsolation, sandboxCommand, type Isolation } from "./sandbox/isolation";
export { buildRuntime, type Runtime } from "./sandbox/runtime";
export { SandboxSession, type Reply, type BatchReply, type BatchStop } from "./sandbox/session";
export type { ProbeGroup, ProbeRequest, ChildMessage } from "./sandbox/protocol";
export { createBlockTimer, type BlockTimer, type BlockTimerOptions } from "./sandbox/watchdog-blocks";
export { registerReferenceAnswers, knownAnswersOf, type KnownAnswersReport } from "./known-answers";
export { csvCell, gradesCsv, canvasCsv, type CanvasOptions } from "./outputs/csv";
export { gradescopeResults, type GradescopeResults } from "./outputs/gradescope";
export { feedbackHtml } from "./outputs/feedback";
export {
  writeClassOutputs,
  writeStudentLog,
  writeStudentPages,
  GRADEBOOK_WRITERS,
  type GradebookWriter,
  type OutputMeta,
} from "./outputs/write";
export { rerenderOutputs } from "./outputs/rerender";
export { buildGradebook, type GradebookInputs } from "./gradebook/build";
export { studentVerdicts } from "./gradebook/student-view";
export { matchStudent, parseRoster, readRoster } from "./roster/read-roster";
export { parseExtensions, extendedDeadline, type Extension } from "./gradebook/extensions";
export { parseSubmissionTimes } from "./gradebook/submission-times";
export { parseOverrides, type Override } from "./gradebook/overrides";
export { parseLatePolicy, daysLate, latePenalty, parseInstant, type LatePolicy } from "./gradebook/late-policy";
export { readCourseConfig, loadGradebookInputs, type CourseSettings } from "./gradebook/course-config";
export type { Roster, RosterStudent, SubmissionTiming, GradebookRow, GradebookExercise } from "./gradebook/types";
export { summaryHtml, exerciseStats, scoreDistributionSpec, type ExerciseStats } from "./outputs/summary";
export { CACHE_DIR, readCached, readAllCached } from "./cache";
export { DEFAULT_SETTINGS, type GradeSettings, type SubmissionResult } from "./types";
