// @instructor-only — grade one submission: private copy, sandbox, probes, judgement.
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { validateOutcome } from "../../workbook/normalize";
import type { ChapterFile, Outcome, Probe, Verdict } from "../../workbook/types";
import { judgePlanned, loadFailureVerdict, probeKey } from "../../workbook/verdict";
import type { ExercisePlan } from "./plan";
import type { Isolation } from "./sandbox/isolation";
import { USES_LIBRARY } from "./sandbox/protocol";
import { floodAdvice, formatBytes } from "./flood";
import type { Runtime } from "./sandbox/runtime";
import { SandboxSession, type Reply } from "./sandbox/session";
import type { Submission } from "./submissions";
import type { StudentTranspiler } from "./transpile";
import type { GradeSettings, SubmissionResult } from "./types";

export interface GradingContext {
  plans: ExercisePlan[];
  runtime: Runtime;
  isolation: Isolation;
  settings: GradeSettings;
  /** Private temporary folder of this run; each submission gets its own folder inside. */
  workDir: string;
  fingerprint: string;
  /** TypeScript in a worker thread (a file that breaks TypeScript costs only its own exercises). */
  transpiler: StudentTranspiler;
}

/** After this many kills or crashes in one file, its remaining exercises are not run. */
const MAX_STOPS_PER_FILE = 4;

/**
 * Write the transpiled private copy: <slot>/exercises/… (read-only for the sandbox by the
 * permission model) and <slot>/scratch (its only writable folder). The submission itself is
 * never touched; this copy is deleted afterwards.
 */
async function prepareCopy(sub: Submission, ctx: GradingContext, notices: string[]): Promise<{ slot: string; compileErrors: Map<string, string>; usesLibrary: boolean }> {
  const slot = mkdtempSync(join(ctx.workDir, "s-"));
  const exercises = join(slot, "exercises");
  const compileErrors = new Map<string, string>();
  let usesLibrary = false;
  mkdirSync(join(slot, "scratch"), { recursive: true });
  mkdirSync(exercises);
  for (const [rel, bytes] of sub.files) {
    const label = `exercises/${rel}`;
    let target = join(exercises, rel);
    let content: string | Uint8Array = bytes;
    if (rel.endsWith(".ts")) {
      const out = await ctx.transpiler.transpile(label, Buffer.from(bytes).toString("utf8"));
      if (!out.ok) {
        compileErrors.set(rel, out.message);
        notices.push(`Compile error: ${out.message}`);
        continue;
      }
      target = target.replace(/\.ts$/, ".js");
      content = out.js;
      usesLibrary ||= USES_LIBRARY.test(out.js);
    } else if (rel.endsWith(".js") && sub.files.has(rel.replace(/\.js$/, ".ts"))) continue; // the .ts wins
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content, { mode: 0o644 });
  }
  if (ctx.isolation.user) chownTree(slot, ctx.isolation.user.uid, ctx.isolation.user.gid, sub);
  return { slot, compileErrors, usesLibrary };
}

function chownTree(slot: string, uid: number, gid: number, sub: Submission): void {
  const dirs = new Set<string>([slot, join(slot, "scratch"), join(slot, "exercises")]);
  for (const rel of sub.files.keys()) {
    const parts = rel.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(join(slot, "exercises", ...parts.slice(0, i)));
  }
  for (const d of dirs) chownSync(d, uid, gid);
}

type FileState = { ok: true; loadedOnce: boolean; stops: number; skip?: string } | { ok: false; message: string };
type Phase = "public" | "hidden";

const probesOf = (plan: ExercisePlan, phase: Phase): Probe[] => (phase === "public" ? plan.publicProbes : plan.hiddenProbes);

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

function sanitizeHidden(outcome: Outcome, plan: ExercisePlan): Outcome {
  const name = plan.exercise.exportName;
  switch (outcome.kind) {
    case "error":
      return { kind: "error", message: `${name} threw an error on a hidden input` };
    case "invalid":
      return { kind: "invalid", message: `${name} returned something other than ${plan.exercise.answer.type === "boolean" ? "true or false" : "a finite number"} on a hidden input` };
    case "missing":
      return { kind: "missing", message: `exercises/${plan.exercise.file}.ts has no export named ${name}` };
    default:
      return outcome;
  }
}

/** "ignored: notes.txt, exercises/data.csv (…)": extra files are named, so a student who put an answer in the wrong place knows. */
function ignoredNotice(ignored: readonly string[]): string[] {
  if (ignored.length === 0) return [];
  const shown = ignored.slice(0, 20).join(", ");
  const more = ignored.length > 20 ? ` and ${ignored.length - 20} more` : "";
  return [`ignored: ${shown}${more} (only .ts, .js, .cjs and .json files under exercises/ are graded)`];
}

/** Grade one submission in its own sandbox. Never throws for anything the submission does. */
export async function gradeSubmission(sub: Submission, ctx: GradingContext): Promise<SubmissionResult> {
  const started = Date.now();
  const notices = [...sub.refused.map((r) => `Refused: ${r}`), ...ignoredNotice(sub.ignored)];
  const { slot, compileErrors, usesLibrary } = await prepareCopy(sub, ctx, notices);
  // The snapshot (library already initialised) pays off only when the library is imported; a stub-only submission starts faster without it.
  const snapshot = usesLibrary && ctx.runtime.snapshotBlob ? { snapshotBlob: ctx.runtime.snapshotBlob } : {};
  const session = new SandboxSession({
    paths: { childScript: ctx.runtime.childScript, ...snapshot, libraryBundle: ctx.runtime.libraryBundle, runtimeDir: ctx.runtime.dir, submissionDir: slot, scratchDir: join(slot, "scratch") },
    limits: { memoryMb: ctx.settings.memoryMb, cpuSeconds: ctx.settings.submissionMs / 1000 + 30 },
    isolation: ctx.isolation,
    outputCap: ctx.settings.outputCap,
  });
  const files = new Map<ChapterFile, FileState>();
  const stateOf = (file: ChapterFile): FileState => {
    let state = files.get(file);
    if (!state) {
      const rel = `${file}.ts`;
      if (compileErrors.has(rel)) state = { ok: false, message: compileErrors.get(rel)! };
      else if (!sub.files.has(rel)) state = { ok: false, message: `exercises/${rel} is not in the submission` };
      else state = { ok: true, loadedOnce: false, stops: 0 };
      files.set(file, state);
    }
    return state;
  };
  const outcomes = new Map<string, Outcome>();
  const deadline = started + ctx.settings.submissionMs;

  try {
    for (const phase of ["public", "hidden"] as const) {
      for (const run of runsByFile(ctx.plans, phase)) {
        const file = run[0].exercise.file;
        const label = `exercises/${file}.ts`;
        let pending = run;
        while (pending.length > 0) {
          const state = stateOf(file);
          if (!state.ok) break;
          if (state.skip) {
            for (const plan of pending) failAll(plan, phase, state.skip);
            break;
          }
          if (deadline - Date.now() <= 0) {
            for (const plan of pending) failAll(plan, phase, `not run: the submission used up its ${ctx.settings.submissionMs / 1000} s grading time`);
            break;
          }
          // One request for the whole run of exercises; each keeps its own time limit (see SandboxSession.request).
          const js = `${file}.js`;
          const budgetOf = (group: number): number =>
            Math.min(ctx.settings.exerciseMs + (group === 0 && !session.hasLoaded(js) ? ctx.settings.loadMs : 0), deadline - Date.now());
          const groups = pending.map((plan) => ({ answer: plan.exercise.answer, probes: probesOf(plan, phase) }));
          const reply = await session.request(js, label, groups, ctx.settings.callMs, budgetOf);
          reply.done.forEach((list, i) => record({ kind: "outcomes", outcomes: list }, pending[i], phase, state, label, 0, reply.printed[i] ?? 0));
          const stop = reply.stop;
          if (stop === undefined) break;
          const at = reply.done.length;
          if (stop.kind === "failed") record(stop.reply, pending[at], phase, state, label, stop.budgetMs, stop.reply.printed.group);
          // Out of time: the loop reports the rest as not run. Otherwise the next request restarts the process if needed.
          pending = pending.slice(stop.kind === "failed" ? at + 1 : at);
        }
      }
    }
  } finally {
    await session.close();
    rmSync(slot, { recursive: true, force: true });
  }

  function failAll(plan: ExercisePlan, phase: Phase, message: string): void {
    for (const p of probesOf(plan, phase)) outcomes.set(probeKey(p), { kind: "error", message });
  }

  function record(reply: Reply, plan: ExercisePlan, phase: Phase, state: FileState & { ok: true }, label: string, budget: number, printedInGroup: number): void {
    const name = plan.exercise.exportName;
    // Output volume as the cause: a flood while this exercise (or its file's loading) was timed, or by the process before it died.
    const flood = printedInGroup >= ctx.settings.floodBytes;
    const probes = probesOf(plan, phase);
    const firstLoad = !state.loadedOnce;
    const fail = (message: string): void => failAll(plan, phase, message);
    const stopped = (): void => {
      state.stops++;
      if (state.stops >= MAX_STOPS_PER_FILE) state.skip = `not run: ${label} stopped the grading process ${state.stops} times`;
    };
    if (reply.kind === "outcomes") {
      state.loadedOnce = true;
      probes.forEach((p, i) => {
        const key = probeKey(p);
        let raw = i < reply.outcomes.length ? validateOutcome(reply.outcomes[i]) : ({ kind: "error", message: `${name}: no answer received` } as Outcome);
        // The sandbox's own per-call limit stopped a call that was printing: say so.
        if (flood && raw.kind === "error" && / did not finish within /.test(raw.message)) raw = { kind: "error", message: `${raw.message.replace(/ \(an endless loop\?\)/, "")} while printing ${formatBytes(printedInGroup)}: ${floodAdvice(label, "time")}` };
        outcomes.set(key, phase === "hidden" && plan.hiddenKeys.has(key) ? sanitizeHidden(raw, plan) : raw);
      });
      return;
    }
    const loadFailed = (message: string): void => {
      files.set(plan.exercise.file, { ok: false, message });
    };
    if (reply.kind === "load-error") {
      if (firstLoad && phase === "public") loadFailed(flood ? `${reply.message}; it printed ${formatBytes(printedInGroup)} while loading: ${floodAdvice(label, "time")}` : reply.message);
      else fail(`${label} failed to load again after the grading process was restarted`);
      return;
    }
    if (reply.kind === "died") {
      const loudest = reply.printed.loudest;
      const printedTooMuch = reply.printed.process >= ctx.settings.floodBytes && loudest !== undefined;
      const blame = printedTooMuch ? ` after the process had printed ${formatBytes(reply.printed.process)}, ${formatBytes(loudest.bytes)} of it while ${loudest.label} ran: ${floodAdvice(loudest.label, "memory")}` : "";
      if (reply.duringLoad && firstLoad) loadFailed(`${label} ended the grading process while loading (${reply.detail})${blame || ": process.exit() or a crash at the top level of the file?"}`);
      else fail(`${name} ended the grading process (${reply.detail})${blame || `: a crash, process.exit() or running out of memory (limit ${ctx.settings.memoryMb} MB)`}`);
      if (!(reply.duringLoad && firstLoad)) stopped();
      return;
    }
    if (reply.duringLoad && firstLoad) loadFailed(`${label} did not finish loading within ${budget / 1000} s${flood ? ` while printing ${formatBytes(printedInGroup)}: ${floodAdvice(label, "time")}` : ""}; the process was stopped`);
    else {
      fail(flood ? `${name} did not finish within ${budget / 1000} s while printing ${formatBytes(printedInGroup)}: ${floodAdvice(label, "time")}; the process was stopped` : `${name} did not finish within ${budget / 1000} s (an endless loop?); the process was stopped`);
      stopped();
    }
  }

  const verdicts: Verdict[] = ctx.plans.map((plan) => {
    const state = stateOf(plan.exercise.file);
    if (!state.ok) return loadFailureVerdict(plan.exercise, state.message);
    return judgePlanned(plan.exercise, plan.checks, (probe) => outcomes.get(probeKey(probe)) ?? { kind: "error", message: `${plan.exercise.exportName}: not run` });
  });
  for (const [file, state] of files) if (!state.ok && !compileErrors.has(`${file}.ts`)) notices.push(state.message);
  const captured = session.capturedOutput();
  return {
    student: sub.student,
    name: sub.name,
    status: "graded",
    contentHash: sub.contentHash,
    fingerprint: ctx.fingerprint,
    verdicts,
    total: verdicts.reduce((s, v) => s + v.points, 0),
    max: verdicts.reduce((s, v) => s + v.maxPoints, 0),
    notices,
    log: { source: sub.source, output: captured.text, outputTruncated: captured.truncated, outputBytes: captured.bytes, processes: session.spawned, durationMs: Date.now() - started },
  };
}
