// `npx tsx bench/instructor/grade-machinery.ts`: does the grader's machinery pay? The V8 startup snapshot and the watchdog blocks, each against running without it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildRuntime, createBlockTimer, SandboxSession, type Runtime } from "../../src/course/grade";
import { callWithWatchdog, TimeoutError } from "../../src/workbook/timed-call";

/**
 * 1. Snapshot: a sandbox's first answer for a file that imports the course library, started
 *    from the startup snapshot (library already initialised) or plainly (the library bundle
 *    loaded and initialised at import). RUNS of each, alternating; medians compared.
 * 2. Watchdog blocks: CALLS quick calls (a submission makes some 650) each under its own V8
 *    watchdog (the workbook's callWithWatchdog), or run in blocks sharing one watchdog
 *    (watchdog-blocks.ts). Best of RUNS.
 */
const ROOT = resolve(__dirname, "..", "..");
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const CALLS = 650;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function firstAnswerMs(runtime: Runtime, submission: string, snapshot: boolean): Promise<number> {
  const session = new SandboxSession({
    paths: {
      childScript: runtime.childScript,
      ...(snapshot ? { snapshotBlob: runtime.snapshotBlob } : {}),
      libraryBundle: runtime.libraryBundle,
      runtimeDir: runtime.dir,
      submissionDir: submission,
      scratchDir: join(submission, "scratch"),
    },
    limits: { memoryMb: 256, cpuSeconds: 60 },
    isolation: { privateNetwork: false, addressSpaceLimit: false },
    outputCap: 4096,
  });
  const started = performance.now();
  try {
    const reply = await session.request(
      "uses-library.js",
      "exercises/uses-library.ts",
      [{ answer: { type: "number" }, probes: [{ exportName: "f", args: [2] }] }],
      2000,
      () => 20_000,
    );
    if (reply.done.length !== 1) throw new Error(`the sandbox did not answer: ${JSON.stringify(reply.stop)}`);
    return performance.now() - started;
  } finally {
    await session.close();
  }
}

async function snapshotBench(dir: string): Promise<void> {
  const submission = join(dir, "student");
  mkdirSync(join(submission, "exercises"), { recursive: true });
  mkdirSync(join(submission, "scratch"));
  writeFileSync(
    join(submission, "exercises", "uses-library.js"),
    'const { auc } = require("../src");\nexports.f = (x) => x * 2 + (typeof auc === "function" ? 0 : 1);\n',
  );
  const runtime = await buildRuntime(ROOT, join(dir, "runtime"), { memoryMb: 256 });
  if (!runtime.snapshotBlob) throw new Error(`no snapshot: ${runtime.snapshotProblem}`);
  const withSnapshot: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    withSnapshot.push(await firstAnswerMs(runtime, submission, true));
    plain.push(await firstAnswerMs(runtime, submission, false));
  }
  const [s, p] = [median(withSnapshot), median(plain)];
  console.log(
    `snapshot: first answer of a file importing the library ${s.toFixed(0)} ms from the snapshot, ${p.toFixed(0)} ms without (medians of ${RUNS}): ${(p / s).toFixed(1)}× faster`,
  );
}

function blocksBench(): void {
  const timer = createBlockTimer({
    watchdog: callWithWatchdog,
    timeoutError: (ms) => new TimeoutError(`did not finish within ${ms / 1000} s`),
    isTimeoutError: (err) => err instanceof TimeoutError,
  });
  const own: number[] = [];
  const blocks: number[] = [];
  let watchdogs = 0;
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    for (let i = 0; i < CALLS; i++) callWithWatchdog(() => i * 2, 2000);
    own.push(performance.now() - t);
    t = performance.now();
    watchdogs = timer.runSteps(
      CALLS,
      2000,
      (i) => timer.callWithTimeout(() => i * 2, 2000),
      () => -1,
    ).blocks;
    blocks.push(performance.now() - t);
  }
  const [o, b] = [Math.min(...own), Math.min(...blocks)];
  console.log(
    `watchdog blocks: ${CALLS} quick calls ${o.toFixed(1)} ms with a watchdog each, ${b.toFixed(1)} ms in ${watchdogs} block(s) (best of ${RUNS}): ${(o / b).toFixed(0)}× faster`,
  );
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-grade-machinery-"));
  try {
    blocksBench();
    await snapshotBench(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
