// `npx tsx bench/instructor/grade-machinery.ts`: does the grader's machinery pay? The V8 startup snapshot and the watchdog blocks, each against running without it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildRuntime, createBlockTimer, SandboxSession, type Runtime } from "../../src/course/grade";
import { callWithWatchdog, TimeoutError } from "../../src/workbook/timed-call";
import type { JsonValue } from "../../src/workbook/types";

/**
 * 1. Snapshot: a sandbox's first answer for a file that imports the course library, and for a
 *    stub-only file whose probe takes a quantity (decoding it needs mathjs, so the plain runner
 *    initialises mathjs too: the grader starts every sandbox from the snapshot), started from the
 *    startup snapshot (library already initialised) or plainly. RUNS of each, alternating;
 *    medians compared.
 * 2. Watchdog blocks: CALLS quick calls (a submission makes some 650) each under its own V8
 *    watchdog (the workbook's callWithWatchdog), or run in blocks sharing one watchdog
 *    (watchdog-blocks.ts). Best of RUNS.
 */
const ROOT = resolve(__dirname, "..", "..");
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const CALLS = 650;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A file that imports the course library, and a stub-only one (no import) whose probe still takes a quantity, like every probe of a function exercise. */
const FILES: Record<"library" | "stub", { file: string; source: string; args: JsonValue[] }> = {
  library: {
    file: "uses-library",
    source: 'const { auc } = require("../src");\nexports.f = (x) => x * 2 + (typeof auc === "function" ? 0 : 1);\n',
    args: [2],
  },
  stub: {
    file: "stub-only",
    source: 'exports.f = (dose) => dose.toNumber("ug");\n',
    args: [{ quantity: [0.1, "mg"] }],
  },
};
type Kind = keyof typeof FILES;

async function firstAnswerMs(runtime: Runtime, submission: string, snapshot: boolean, kind: Kind): Promise<number> {
  const { file, args } = FILES[kind];
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
      `${file}.js`,
      `exercises/${file}.ts`,
      [{ answer: { type: "number" }, probes: [{ exportName: "f", args }] }],
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
  for (const { file, source } of Object.values(FILES))
    writeFileSync(join(submission, "exercises", `${file}.js`), source);
  const runtime = await buildRuntime(ROOT, join(dir, "runtime"), { memoryMb: 256 });
  if (!runtime.snapshotBlob) throw new Error(`no snapshot: ${runtime.snapshotProblem}`);
  for (const kind of Object.keys(FILES) as Kind[]) {
    const withSnapshot: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      withSnapshot.push(await firstAnswerMs(runtime, submission, true, kind));
      plain.push(await firstAnswerMs(runtime, submission, false, kind));
    }
    const [s, p] = [median(withSnapshot), median(plain)];
    const what = kind === "library" ? "a file importing the library" : "a stub-only file (a quantity argument)";
    console.log(
      `snapshot: first answer of ${what} ${s.toFixed(0)} ms from the snapshot, ${p.toFixed(0)} ms without (medians of ${RUNS}): ${(p / s).toFixed(1)}× faster`,
    );
  }
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
