// @instructor-only — grade one submission: private copy, sandbox, probes, judgement.
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { validateOutcome } from "../../workbook/normalize";
import type { ChapterFile, Outcome, Probe, Verdict } from "../../workbook/types";
import { judgePlanned, loadFailureVerdict, probeKey } from "../../workbook/verdict";
import type { ExercisePlan } from "./plan";
import type { Isolation } from "./sandbox/isolation";
import { USES_LIBRARY } from "./sandbox/protocol";
import type { Runtime } from "./sandbox/runtime";
import { SandboxSession, type Reply } from "./sandbox/session";
import type { Submission } from "./submissions";
import { transpileStudentFile } from "./transpile";
import type { GradeSettings, SubmissionResult } from "./types";

export interface GradingContext {
  plans: ExercisePlan[];
  runtime: Runtime;
  isolation: Isolation;
  settings: GradeSettings;
  /** Private temporary folder of this run; each submission gets its own folder inside. */
  workDir: string;
  fingerprint: string;
}

/** After this many kills or crashes in one file, its remaining exercises are not run. */
const MAX_STOPS_PER_FILE = 4;

/**
 * Write the transpiled private copy: <slot>/exercises/… (read-only for the sandbox by the
 * permission model) and <slot>/scratch (its only writable folder). The submission itself is
 * never touched; this copy is deleted afterwards.
 */
function prepareCopy(sub: Submission, ctx: GradingContext, notices: string[]): { slot: string; compileErrors: Map<string, string>; usesLibrary: boolean } {
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
      const out = transpileStudentFile(label, Buffer.from(bytes).toString("utf8"));
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

/** Grade one submission in its own sandbox. Never throws for anything the submission does. */
export async function gradeSubmission(sub: Submission, ctx: GradingContext): Promise<SubmissionResult> {
  const started = Date.now();
  const notices = [...sub.refused.map((r) => `Refused: ${r}`)];
  const { slot, compileErrors, usesLibrary } = prepareCopy(sub, ctx, notices);
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
      for (const plan of ctx.plans) {
        const probes = phase === "public" ? plan.publicProbes : plan.hiddenProbes;
        const state = stateOf(plan.exercise.file);
        if (probes.length === 0 || !state.ok) continue;
        const label = `exercises/${plan.exercise.file}.ts`;
        const fail = (message: string): void => {
          for (const p of probes) outcomes.set(probeKey(p), { kind: "error", message });
        };
        if (state.skip) {
          fail(state.skip);
          continue;
        }
        const left = deadline - Date.now();
        if (left <= 0) {
          fail(`not run: the submission used up its ${ctx.settings.submissionMs / 1000} s grading time`);
          continue;
        }
        const file = `${plan.exercise.file}.js`;
        const budget = Math.min(ctx.settings.exerciseMs + (session.hasLoaded(file) ? 0 : ctx.settings.loadMs), left);
        const reply = await session.request(file, label, plan.exercise.answer, probes, ctx.settings.callMs, budget);
        record(reply, plan, probes, state, label, budget, phase);
      }
    }
  } finally {
    await session.close();
    rmSync(slot, { recursive: true, force: true });
  }

  function record(reply: Reply, plan: ExercisePlan, probes: Probe[], state: FileState & { ok: true }, label: string, budget: number, phase: "public" | "hidden"): void {
    const name = plan.exercise.exportName;
    const firstLoad = !state.loadedOnce;
    const fail = (message: string): void => {
      for (const p of probes) outcomes.set(probeKey(p), { kind: "error", message });
    };
    const stopped = (): void => {
      state.stops++;
      if (state.stops >= MAX_STOPS_PER_FILE) state.skip = `not run: ${label} stopped the grading process ${state.stops} times`;
    };
    if (reply.kind === "outcomes") {
      state.loadedOnce = true;
      probes.forEach((p, i) => {
        const key = probeKey(p);
        const raw = i < reply.outcomes.length ? validateOutcome(reply.outcomes[i]) : ({ kind: "error", message: `${name}: no answer received` } as Outcome);
        outcomes.set(key, phase === "hidden" && plan.hiddenKeys.has(key) ? sanitizeHidden(raw, plan) : raw);
      });
      return;
    }
    const loadFailed = (message: string): void => {
      files.set(plan.exercise.file, { ok: false, message });
    };
    if (reply.kind === "load-error") {
      if (firstLoad && phase === "public") loadFailed(reply.message);
      else fail(`${label} failed to load again after the grading process was restarted`);
      return;
    }
    if (reply.kind === "died") {
      if (reply.duringLoad && firstLoad) loadFailed(`${label} ended the grading process while loading (${reply.detail}): process.exit() or a crash at the top level of the file?`);
      else fail(`${name} ended the grading process (${reply.detail}): a crash, process.exit() or running out of memory (limit ${ctx.settings.memoryMb} MB)`);
      if (!(reply.duringLoad && firstLoad)) stopped();
      return;
    }
    if (reply.duringLoad && firstLoad) loadFailed(`${label} did not finish loading within ${budget / 1000} s; the process was stopped`);
    else {
      fail(`${name} did not finish within ${budget / 1000} s (an endless loop?); the process was stopped`);
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
    contentHash: sub.contentHash,
    fingerprint: ctx.fingerprint,
    verdicts,
    total: verdicts.reduce((s, v) => s + v.points, 0),
    max: verdicts.reduce((s, v) => s + v.maxPoints, 0),
    notices,
    log: { source: sub.source, output: captured.text, outputTruncated: captured.truncated, outputBytes: captured.bytes, processes: session.spawned, durationMs: Date.now() - started },
  };
}
