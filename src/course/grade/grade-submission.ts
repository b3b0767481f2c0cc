// Grade one submission: a pipeline of small steps, like nbgrader's preprocessors.
import { writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { ExercisePlan } from "./plan";
import { writePrivateCopy, type PrivateCopy } from "./private-copy";
import { ProbeResults } from "./probe-results";
import { runProbes } from "./run-probes";
import type { Isolation } from "./sandbox/isolation";
import type { Runtime } from "./sandbox/runtime";
import { SandboxSession } from "./sandbox/session";
import { scoreSubmission } from "./score";
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
  /** Per-student variants (`--variants`): the plans of one student (plan.ts studentPlans); absent: everyone gets `plans`. */
  variantPlans?: (student: string) => ExercisePlan[];
}

/**
 * Grade one submission in its own sandbox. Never throws for anything the submission does.
 * The steps: read notices (refused and ignored files) → private transpiled copy
 * (private-copy.ts) → sandbox → public probes, then hidden probes (run-probes.ts,
 * record-reply.ts) → score (score.ts) → the result the gradebook and the feedback are made from.
 */
export async function gradeSubmission(sub: Submission, ctx: GradingContext): Promise<SubmissionResult> {
  const started = Date.now();
  const copy = await writePrivateCopy(sub, ctx.transpiler, ctx.workDir, ctx.isolation.user);
  const plans = ctx.variantPlans ? ctx.variantPlans(sub.student) : ctx.plans;
  // The student's code reads its variant's numbers (variant("ex-2.1")) for this id: src/workbook/variants/student-id.ts finds it here.
  if (ctx.variantPlans)
    writeFileSync(join(copy.slot, "workbook.json"), JSON.stringify({ studentId: sub.student }), { mode: 0o644 });
  const results = new ProbeResults(sub, copy.compileErrors);
  const session = openSandbox(copy, ctx);
  try {
    const deadline = started + ctx.settings.submissionMs;
    for (const phase of ["public", "hidden"] as const)
      await runProbes(phase, plans, session, results, ctx.settings, deadline);
  } finally {
    await session.close();
    // Off the event loop: on a busy disk a synchronous removal held it ≈ 30 ms per submission
    // (bench/instructor/grade-profile.ts), delaying the replies and kills of the other sandboxes.
    await rm(copy.slot, { recursive: true, force: true });
  }
  const { verdicts, total, max } = scoreSubmission(plans, results);
  const notices = [
    ...readNotices(sub),
    ...[...copy.compileErrors.values()].map((message) => `Compile error: ${message}`),
    ...results.loadFailures(),
  ];
  const captured = session.capturedOutput();
  return {
    student: sub.student,
    name: sub.name,
    status: "graded",
    contentHash: sub.contentHash,
    fingerprint: ctx.fingerprint,
    verdicts,
    total,
    max,
    notices,
    log: {
      source: sub.source,
      output: captured.text,
      outputTruncated: captured.truncated,
      outputBytes: captured.bytes,
      processes: session.spawned,
      durationMs: Date.now() - started,
    },
  };
}

/** The sandbox of one submission's private copy (not started until the first request). */
function openSandbox(copy: PrivateCopy, ctx: GradingContext): SandboxSession {
  // Always from the snapshot when there is one: even a stub-only submission needs mathjs (its probes'
  // quantity arguments are mathjs Units), and a plain start initialising it costs ≈ 2× the snapshot's CPU.
  const snapshot = ctx.runtime.snapshotBlob ? { snapshotBlob: ctx.runtime.snapshotBlob } : {};
  return new SandboxSession({
    paths: {
      childScript: ctx.runtime.childScript,
      ...snapshot,
      libraryBundle: ctx.runtime.libraryBundle,
      runtimeDir: ctx.runtime.dir,
      submissionDir: copy.slot,
      scratchDir: join(copy.slot, "scratch"),
    },
    limits: { memoryMb: ctx.settings.memoryMb, cpuSeconds: ctx.settings.submissionMs / 1000 + 30 },
    isolation: ctx.isolation,
    outputCap: ctx.settings.outputCap,
  });
}

/**
 * What reading the submission refused or ignored. Extra files are named ("ignored: notes.txt,
 * exercises/data.csv (…)"), so a student who put an answer in the wrong place knows.
 */
function readNotices(sub: Submission): string[] {
  const refused = sub.refused.map((r) => `Refused: ${r}`);
  if (sub.ignored.length === 0) return refused;
  const shown = sub.ignored.slice(0, 20).join(", ");
  const more = sub.ignored.length > 20 ? ` and ${sub.ignored.length - 20} more` : "";
  return [...refused, `ignored: ${shown}${more} (only .ts, .js, .cjs and .json files under exercises/ are graded)`];
}
