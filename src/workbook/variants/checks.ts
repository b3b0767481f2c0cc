import { DEFAULT_SLACK, matchesHash } from "../answer-hash";
import { showReceived } from "../normalize";
import { firingHints, publicChecks } from "../public-checks";
import type { Answer, Exercise, PlannedCheck } from "../types";
import { describeParams, isVaried, variantParams } from "./params";

/**
 * The public checks of an exercise for a student. A varied value exercise under an id is
 * compared with the salted hash of THAT student's answer (variant-hashes.json, key
 * "ex-2.1@s1234"), never with the default hash, and never with an answer in clear: nothing
 * student-side can compute the answer. When the instructor has published no hash for the id,
 * the check says so and does not pass: that variant is checked when graded. Everything else
 * (no id, a fixed exercise) is publicChecks() unchanged.
 */

/** The key of a student's variant hash: "ex-2.1@s1234" (also its salt). */
export function variantKey(exerciseId: string, studentId: string): string {
  return `${exerciseId}@${studentId}`;
}

/** True when this exercise uses a per-student variant for this id. */
export function usesVariant(ex: Exercise, studentId: string | undefined): studentId is string {
  return studentId !== undefined && ex.kind === "value" && isVaried(ex.id);
}

/** "your variant (s1234: D_min = 7.2 mg)": how checks and feedback name a student's numbers. */
export function variantLabel(ex: Exercise, studentId: string): string {
  return `your variant (${studentId}: ${describeParams(ex.id, variantParams(ex.id, studentId))})`;
}

/** The public checks of a value exercise that hold for every variant (its ranges): all but the default hash check. */
export function rangeChecks(ex: Exercise): PlannedCheck[] {
  return ex.kind === "value" ? publicChecks(ex, {}).slice(0, ex.checks.length) : [];
}

/**
 * The public checks of one exercise for this student.
 * @param hashes the default answer hashes (answer-hashes.json entries)
 * @param studentId the student's id (undefined: the default variant)
 * @param variantHashes the published per-student hashes (variant-hashes.json entries)
 */
export function studentPublicChecks(
  ex: Exercise,
  hashes: Readonly<Record<string, string>>,
  studentId: string | undefined,
  variantHashes: Readonly<Record<string, string>>,
): PlannedCheck[] {
  if (!usesVariant(ex, studentId)) return publicChecks(ex, hashes);
  const key = variantKey(ex.id, studentId);
  const stored = variantHashes[key];
  const unit = ex.answer.type === "number" && ex.answer.unit ? ` ${ex.answer.unit}` : "";
  const label = variantLabel(ex, studentId);
  return [
    ...rangeChecks(ex),
    {
      name: `matches the expected value of ${label} (${ex.sigFigs} significant figures)`,
      visibility: "public",
      probes: [{ exportName: ex.exportName }],
      judge: ([received]: Answer[]) => {
        if (stored === undefined)
          return {
            passed: false,
            message:
              `not checked here: no public check is published for ${studentId}'s numbers, so this variant is checked when graded ` +
              "(your instructor can publish one with `npm run variants -- hashes`). Only the ranges above were checked.",
            received: `${showReceived(received)}${unit}`,
          };
        if (matchesHash(key, stored, received, ex.sigFigs, ex.slack ?? DEFAULT_SLACK)) return { passed: true };
        return {
          passed: false,
          message: `does not match the expected value of your numbers at ${ex.sigFigs} significant figures`,
          received: `${showReceived(received)}${unit}`,
          // scale hints compare hashes of received/1000 …; catalogued mistakes are known for the default numbers only
          hints: firingHints(ex.hints, received, {
            isExpected: (x) => matchesHash(key, stored, x, ex.sigFigs, 0),
            isMistake: () => false,
          }),
        };
      },
    },
  ];
}
