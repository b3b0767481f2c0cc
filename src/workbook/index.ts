/**
 * The workbook: exercise catalog, checks and feedback. Students call `check("ex-2.3")` in a
 * notebook; `npm run check` and the grader use the same specs and judges. This is the student
 * runtime; the instructor's tools (hidden checks, mistakes, stubs, stale hashes, exercise
 * cells) are in ./instructor and are not exported here: the student edition has no such folder.
 */
export * from "./types";
export { notAttempted, isNotAttempted, NOT_ATTEMPTED, NOT_ATTEMPTED_KEY } from "./not-attempted";
export { EXERCISES, getExercise, exercisesByFile } from "./catalog";
export { check, checkExercise, checkExercises, type CheckOptions } from "./check";
export { publicChecks, firingHints } from "./public-checks";
export { judgePlanned, loadFailureVerdict, probeKey, uniqueProbes } from "./verdict";
export { invokeProbe } from "./invoke";
export { normalizeAnswer, validateOutcome } from "./normalize";
export { createAnswerLoader, LoadError, type AnswerLoader, type AnswerLoaderOptions } from "./loader";
export { callWithTimeout, TimeoutError } from "./timed-call";
export { canonicalAnswer, canonicalCandidates } from "./canonical";
export { HASH_PARAMS, DEFAULT_SLACK, answerKey, hashAnswer, matchesHash } from "./answer-hash";
export { withinTolerance, describeTolerance } from "./tolerance";
export { renderVerdictHtml, renderVerdictText, renderVerdictTable, summarize } from "./render";
export { escapeHtml } from "../core/html";
export { displayRich } from "./display";
export { stubFor, declarationOf } from "./stub";
export { findProjectRoot, answersDir, chapterPath, readAnswerHashes, answerHashesPath } from "./paths";
export {
  setStudentId,
  currentStudentId,
  forgetStudentId,
  studentIdSource,
  STUDENT_CONFIG_FILE,
} from "./variants/student-id";
export { variant, variantParams, isVaried, variedExerciseIds, describeParams, COURSE_SEED } from "./variants/params";
export { promptFor } from "./variants/prompt";
export { exerciseData, bioavailabilityData, bioavailabilityStudy, microTabletContentsNg } from "./catalog/data";
export { exercise } from "./variants/exercise-display";
export { studentPublicChecks, variantKey } from "./variants/checks";
export * as hints from "./hints";
export * as generators from "./generators";
