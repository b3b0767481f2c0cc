// What the grader asks of every submission, computed once per run.
import { EXERCISES } from "../../workbook/catalog";
import { readAnswerHashes } from "../../workbook/paths";
import { publicChecks } from "../../workbook/public-checks";
import { hiddenChecks } from "../../workbook/instructor/hidden-checks";
import type { ReferenceSolutions } from "../../workbook/instructor/reference";
import { variantGrading } from "../../workbook/instructor/variants";
import { usesVariant } from "../../workbook/variants/checks";
import type { Exercise, PlannedCheck, Probe } from "../../workbook/types";
import { probeKey, uniqueProbes } from "../../workbook/verdict";

/**
 * The grading plan of one exercise: the same planned checks `npm run check --hidden` runs
 * (public + hidden, from src/workbook and src/workbook/instructor), split into the probes the public checks need and the
 * probes only hidden checks need. The grader runs every public probe of every exercise before
 * any hidden probe, so a message a student's code puts into a public check's feedback (a
 * thrown error, a printed value) cannot carry a hidden input it saw earlier.
 */
export interface ExercisePlan {
  exercise: Exercise;
  checks: PlannedCheck[];
  publicProbes: Probe[];
  hiddenProbes: Probe[];
  /** probeKey of every probe used by a hidden check (its failures are reported without detail). */
  hiddenKeys: Set<string>;
}

/**
 * Build the plans of the given exercises (all by default). Hidden cases are drawn and their reference outputs computed here.
 * @param root project root holding src/workbook/answer-hashes.json
 * @param reference the reference solutions the hidden checks compare with (received from the caller)
 * @throws {InputError} when reference is not ReferenceSolutions
 */
export function buildPlan(
  root: string,
  reference: ReferenceSolutions,
  exercises: readonly Exercise[] = EXERCISES,
): ExercisePlan[] {
  const hashes = readAnswerHashes(root).entries;
  const hidden = hiddenChecks(reference);
  return exercises.map((exercise) => {
    const pub = publicChecks(exercise, hashes);
    const checks = hidden.checksFor(exercise);
    const publicProbes = uniqueProbes(pub);
    const publicKeys = new Set(publicProbes.map(probeKey));
    const hiddenProbes = uniqueProbes(checks).filter((p) => !publicKeys.has(probeKey(p)));
    const hiddenKeys = new Set(uniqueProbes(checks).map(probeKey));
    return { exercise, checks: [...pub, ...checks], publicProbes, hiddenProbes, hiddenKeys };
  });
}

/**
 * Per-student plans (`npm run grade -- --variants`): the plans of a student whose varied value
 * exercises are judged against the reference evaluated with THEIR numbers
 * (src/workbook/instructor/variants.ts); every other exercise keeps its plan. The probes are the
 * same (read the export), so the sandbox work is unchanged; only the judges differ.
 * @param plans the class's plans (buildPlan)
 * @param student the submission's student id
 * @param reference the reference solutions (received from the caller)
 * @throws {InputError} when student is not a valid student id
 */
export function studentPlans(
  plans: readonly ExercisePlan[],
  student: string,
  reference: ReferenceSolutions,
): ExercisePlan[] {
  return plans.map((plan) => {
    const ex = plan.exercise;
    if (!usesVariant(ex, student) || ex.kind !== "value") return plan;
    // the ranges earn nothing under proportional credit (variantGrading says why)
    return { ...plan, ...variantGrading(reference, ex, student) };
  });
}
