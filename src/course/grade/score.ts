// Grading step 4 (score): the recorded outcomes judged by each exercise's planned checks.
import type { Verdict } from "../../workbook/types";
import { sumPoints } from "../../workbook/credit";
import { judgePlanned, loadFailureVerdict } from "../../workbook/verdict";
import type { ExercisePlan } from "./plan";
import type { ProbeResults } from "./probe-results";

/**
 * A verdict per planned exercise (with src/workbook's judgePlanned, as `npm run check
 * --hidden` judges), and the points: an exercise whose file could not be loaded gets the
 * load failure's verdict. Totals are exact sums of the verdicts' points (rounded to 0.01).
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
    total: sumPoints(verdicts.map((v) => v.points)),
    max: sumPoints(verdicts.map((v) => v.maxPoints)),
  };
}
