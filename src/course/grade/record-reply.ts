// Grading step 3b: one sandbox reply for one exercise → its probes' outcomes, or what it did to its file.
import { validateOutcome } from "../../workbook/normalize";
import type { Outcome } from "../../workbook/types";
import { probeKey } from "../../workbook/verdict";
import { floodAdvice, formatBytes } from "./flood";
import type { ExercisePlan } from "./plan";
import { probesOf, type FileState, type Phase, type ProbeResults } from "./probe-results";
import type { Reply } from "./sandbox/session";
import type { GradeSettings } from "./types";

/** After this many kills or crashes in one file, its remaining exercises are not run. */
const MAX_STOPS_PER_FILE = 4;

/** Where a reply came from: the exercise, its phase, its file's state and how long it was allowed. */
export interface ReplyContext {
  plan: ExercisePlan;
  phase: Phase;
  /** The exercise's file, loadable when the request was made (updated here). */
  state: FileState & { ok: true };
  /** "exercises/ch02.ts", as students see it. */
  label: string;
  /** The time the sandbox had for this exercise [ms] (0 when it answered). */
  budgetMs: number;
  /** Bytes printed while this exercise (or its file's loading) was timed. */
  printedInGroup: number;
}

/**
 * Records what one reply means: answers become outcomes (hidden ones without detail); a load
 * error, a crash or a timeout becomes the error of every probe of the exercise, or of its whole
 * file when it happened while the file first loaded. Output volume is named as the cause when
 * the exercise printed more than settings.floodBytes.
 */
export function recordReply(results: ProbeResults, reply: Reply, at: ReplyContext, settings: GradeSettings): void {
  if (reply.kind === "outcomes") recordOutcomes(results, reply.outcomes, at, settings);
  else if (reply.kind === "load-error") recordLoadError(results, reply.message, at, settings);
  else if (reply.kind === "died") recordDeath(results, reply, at, settings);
  else recordTimeout(results, reply.duringLoad, at, settings);
}

function recordOutcomes(
  results: ProbeResults,
  outcomes: readonly unknown[],
  at: ReplyContext,
  settings: GradeSettings,
): void {
  const { plan, phase, state, label, printedInGroup } = at;
  const name = plan.exercise.exportName;
  state.loadedOnce = true;
  probesOf(plan, phase).forEach((p, i) => {
    let raw: Outcome =
      i < outcomes.length ? validateOutcome(outcomes[i]) : { kind: "error", message: `${name}: no answer received` };
    // The sandbox's own per-call limit stopped a call that was printing: say so.
    if (flooded(at, settings) && raw.kind === "error" && / did not finish within /.test(raw.message)) {
      raw = {
        kind: "error",
        message: `${raw.message.replace(/ \(an endless loop\?\)/, "")} while printing ${formatBytes(printedInGroup)}: ${floodAdvice(label, "time")}`,
      };
    }
    results.set(p, phase === "hidden" && plan.hiddenKeys.has(probeKey(p)) ? sanitizeHidden(raw, plan) : raw);
  });
}

function recordLoadError(results: ProbeResults, message: string, at: ReplyContext, settings: GradeSettings): void {
  const { plan, phase, state, label, printedInGroup } = at;
  if (!state.loadedOnce && phase === "public") {
    results.failFile(
      plan.exercise.file,
      flooded(at, settings)
        ? `${message}; it printed ${formatBytes(printedInGroup)} while loading: ${floodAdvice(label, "time")}`
        : message,
    );
  } else results.failAll(plan, phase, `${label} failed to load again after the grading process was restarted`);
}

function recordDeath(
  results: ProbeResults,
  reply: Extract<Reply, { kind: "died" }>,
  at: ReplyContext,
  settings: GradeSettings,
): void {
  const { plan, phase, state, label } = at;
  const loudest = reply.printed.loudest;
  const printedTooMuch = reply.printed.process >= settings.floodBytes && loudest !== undefined;
  const blame = printedTooMuch
    ? ` after the process had printed ${formatBytes(reply.printed.process)}, ${formatBytes(loudest.bytes)} of it while ${loudest.label} ran: ${floodAdvice(loudest.label, "memory")}`
    : "";
  if (reply.duringLoad && !state.loadedOnce) {
    results.failFile(
      plan.exercise.file,
      `${label} ended the grading process while loading (${reply.detail})${blame || ": process.exit() or a crash at the top level of the file?"}`,
    );
    return;
  }
  results.failAll(
    plan,
    phase,
    `${plan.exercise.exportName} ended the grading process (${reply.detail})${blame || `: a crash, process.exit() or running out of memory (limit ${settings.memoryMb} MB)`}`,
  );
  countStop(state, label);
}

function recordTimeout(results: ProbeResults, duringLoad: boolean, at: ReplyContext, settings: GradeSettings): void {
  const { plan, phase, state, label, budgetMs, printedInGroup } = at;
  const flood = flooded(at, settings);
  if (duringLoad && !state.loadedOnce) {
    results.failFile(
      plan.exercise.file,
      `${label} did not finish loading within ${budgetMs / 1000} s${flood ? ` while printing ${formatBytes(printedInGroup)}: ${floodAdvice(label, "time")}` : ""}; the process was stopped`,
    );
    return;
  }
  const name = plan.exercise.exportName;
  results.failAll(
    plan,
    phase,
    flood
      ? `${name} did not finish within ${budgetMs / 1000} s while printing ${formatBytes(printedInGroup)}: ${floodAdvice(label, "time")}; the process was stopped`
      : `${name} did not finish within ${budgetMs / 1000} s (an endless loop?); the process was stopped`,
  );
  countStop(state, label);
}

/** Output volume as the cause: a flood while this exercise (or its file's loading) was timed. */
function flooded(at: ReplyContext, settings: GradeSettings): boolean {
  return at.printedInGroup >= settings.floodBytes;
}

/** One more kill or crash by this file; from MAX_STOPS_PER_FILE on, its remaining exercises are skipped. */
function countStop(state: FileState & { ok: true }, label: string): void {
  state.stops++;
  if (state.stops >= MAX_STOPS_PER_FILE)
    state.skip = `not run: ${label} stopped the grading process ${state.stops} times`;
}

/** A hidden input's failure without its detail: the message must not carry the input. */
function sanitizeHidden(outcome: Outcome, plan: ExercisePlan): Outcome {
  const name = plan.exercise.exportName;
  switch (outcome.kind) {
    case "error":
      return { kind: "error", message: `${name} threw an error on a hidden input` };
    case "invalid":
      return {
        kind: "invalid",
        message: `${name} returned something other than ${plan.exercise.answer.type === "boolean" ? "true or false" : "a finite number"} on a hidden input`,
      };
    case "missing":
      return { kind: "missing", message: `exercises/${plan.exercise.file}.ts has no export named ${name}` };
    default:
      return outcome;
  }
}
