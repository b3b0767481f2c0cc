/**
 * The workbook in the browser ("microdosing-workbook/workbook" in the live course): the
 * browser-safe part of index.ts. Left out: the answer-file loader, project paths, stubs and
 * cells tooling (they read files); check() judges the live cells' exports (check.browser.ts).
 * Hidden checks are never imported here.
 */
export * from "./types";
export { notAttempted, isNotAttempted, NOT_ATTEMPTED, NOT_ATTEMPTED_KEY } from "./not-attempted";
export { EXERCISES, getExercise, exercisesByFile } from "./catalog";
export { check, checkExercise, checkExercises, setLiveAnswers, type CheckOptions } from "./check.browser";
export { publicChecks, firingHints } from "./public-checks";
export { judgePlanned, loadFailureVerdict, probeKey, uniqueProbes } from "./verdict";
export { invokeProbe } from "./invoke";
export { normalizeAnswer, validateOutcome } from "./normalize";
export { callWithTimeout, TimeoutError } from "./timed-call";
export { canonicalAnswer, canonicalCandidates } from "./canonical";
export { HASH_PARAMS, DEFAULT_SLACK, answerKey, hashAnswer, matchesHash } from "./answer-hash";
export { withinTolerance, describeTolerance } from "./tolerance";
export { renderVerdictHtml, renderVerdictText, renderVerdictTable, summarize } from "./render";
export { escapeHtml } from "../core/html";
export { displayRich } from "./display";
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
