// Grading step 4 (score): the recorded outcomes judged by each exercise's planned checks.
import type { Verdict } from "../../workbook/types";
import { judgePlanned, loadFailureVerdict } from "../../workbook/verdict";
import type { ExercisePlan } from "./plan";
import type { ProbeResults } from "./probe-results";

/**
 * A verdict per planned exercise (with src/workbook's judgePlanned, as `npm run check
 * --hidden` judges), and the points: an exercise whose file could not be loaded gets the
 * load failure's verdict.
 */
export function scoreSubmission(
  plans: readonly ExercisePlan[],
  results: ProbeResults,
): { verdicts: Verdict[]; total: number; max: number } {
  const verdicts = plans.map((plan) => {
    const state = results.fileState(plan.exercise.file);
    if (!state.ok) return loadFailureVerdict(plan.exercise, state.message);
    return judgePlanned(plan.exercise, plan.checks, (probe) => results.outcomeOf(probe, plan.exercise.exportName));
  });
  return {
    verdicts,
    total: verdicts.reduce((s, v) => s + v.points, 0),
    max: verdicts.reduce((s, v) => s + v.maxPoints, 0),
  };
}
