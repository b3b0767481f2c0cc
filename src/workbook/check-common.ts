import { EXERCISES, getExercise } from "./catalog";
import { displayRich } from "./display";
import { invokeProbe } from "./invoke";
import { renderVerdictHtml, renderVerdictText } from "./render";
import type { Exercise, Outcome, PlannedCheck, Verdict } from "./types";
import { judgePlanned, probeKey } from "./verdict";

/**
 * What checking does once the module to check is in hand, shared by the Node check (check.ts:
 * the notebook, `npm run check`, the tests) and its browser twin (check.browser.ts: the live
 * course). Free of Node built-ins on purpose: the live bundle takes it as is, with the browser
 * twins of display and timed-call.
 */

/** Every exercise id, in catalog order (the default selection of checkExercises). */
export const allExerciseIds = (): string[] => EXERCISES.map((e) => e.id);

/**
 * Judge one exercise's planned checks against a module's exports: each distinct probe (same
 * export, same arguments) is run once, in this thread, and its outcome reused by every check
 * that needs it.
 * @param label the file named in messages, e.g. "exercises/ch02.ts"
 * @param timeoutMs per-call time limit (invokeProbe's default when undefined)
 */
export function judgeExports(
  ex: Exercise,
  mod: Record<string, unknown>,
  planned: readonly PlannedCheck[],
  label: string,
  timeoutMs?: number,
): Verdict {
  const memo = new Map<string, Outcome>();
  return judgePlanned(ex, planned, (probe) => {
    const key = probeKey(probe);
    let outcome = memo.get(key);
    if (outcome === undefined) {
      outcome = invokeProbe(mod, probe, ex.answer, label, timeoutMs);
      memo.set(key, outcome);
    }
    return outcome;
  });
}

/**
 * Verdicts for `ids`, in order, judged by `judge`; `onProgress` hears of each as it is ready.
 * @throws {Error} for an unknown id (getExercise), before that exercise is judged
 */
export function checkEach(
  ids: readonly string[],
  judge: (ex: Exercise) => Verdict,
  onProgress?: (v: Verdict, index: number, total: number) => void,
): Verdict[] {
  return ids.map((id, i) => {
    const v = judge(getExercise(id));
    onProgress?.(v, i + 1, ids.length);
    return v;
  });
}

/** Display a verdict as the check cell does: HTML with a plain-text alternative, in one output. */
export function displayVerdict(verdict: Verdict): void {
  displayRich(renderVerdictHtml(verdict), renderVerdictText(verdict));
}
