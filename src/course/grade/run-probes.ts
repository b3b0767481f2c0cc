// Grading step 3 (run public, then run hidden): the plans' probes of one phase, asked of the sandbox file by file.
import type { ExercisePlan } from "./plan";
import { probesOf, type Phase, type ProbeResults } from "./probe-results";
import { recordReply } from "./record-reply";
import type { SandboxSession } from "./sandbox/session";
import type { GradeSettings } from "./types";

/**
 * Runs every probe of `phase` and records the outcomes in `results`: one request per run of
 * consecutive exercises of the same file, each exercise with its own time limit (see
 * SandboxSession.request). After a kill or crash the rest of the run is asked again (the
 * session restarts the process); a file that cannot load, was skipped or outlived the
 * submission's deadline gets errors instead of requests.
 * @param deadline Date.now() by which the submission's grading time is used up
 */
export async function runProbes(
  phase: Phase,
  plans: readonly ExercisePlan[],
  session: SandboxSession,
  results: ProbeResults,
  settings: GradeSettings,
  deadline: number,
): Promise<void> {
  for (const run of runsByFile(plans, phase)) {
    const file = run[0].exercise.file;
    const label = `exercises/${file}.ts`;
    const js = `${file}.js`;
    let pending = run;
    while (pending.length > 0) {
      const state = results.fileState(file);
      if (!state.ok) break;
      const notRun =
        state.skip ??
        (deadline - Date.now() <= 0
          ? `not run: the submission used up its ${settings.submissionMs / 1000} s grading time`
          : undefined);
      if (notRun !== undefined) {
        for (const plan of pending) results.failAll(plan, phase, notRun);
        break;
      }
      const budgetOf = (group: number): number =>
        Math.min(
          settings.exerciseMs + (group === 0 && !session.hasLoaded(js) ? settings.loadMs : 0),
          deadline - Date.now(),
        );
      const groups = pending.map((plan) => ({ answer: plan.exercise.answer, probes: probesOf(plan, phase) }));
      const reply = await session.request(js, label, groups, settings.callMs, budgetOf);
      reply.done.forEach((outcomes, i) =>
        recordReply(
          results,
          { kind: "outcomes", outcomes },
          { plan: pending[i], phase, state, label, budgetMs: 0, printedInGroup: reply.printed[i] ?? 0 },
          settings,
        ),
      );
      const stop = reply.stop;
      if (stop === undefined) break;
      const at = reply.done.length;
      if (stop.kind === "failed")
        recordReply(
          results,
          stop.reply,
          { plan: pending[at], phase, state, label, budgetMs: stop.budgetMs, printedInGroup: stop.reply.printed.group },
          settings,
        );
      // Out of time: the next turn reports the rest as not run. Otherwise the next request restarts the process if needed.
      pending = pending.slice(stop.kind === "failed" ? at + 1 : at);
    }
  }
}

/**
 * The plans with probes in this phase, cut into runs of consecutive exercises of the same
 * file: one request each (catalog order is kept, so the public-before-hidden rule and the
 * order of calls are those of one request per exercise).
 */
function runsByFile(plans: readonly ExercisePlan[], phase: Phase): ExercisePlan[][] {
  const runs: ExercisePlan[][] = [];
  for (const plan of plans) {
    if (probesOf(plan, phase).length === 0) continue;
    const last = runs[runs.length - 1];
    if (last && last[0].exercise.file === plan.exercise.file) last.push(plan);
    else runs.push([plan]);
  }
  return runs;
}
