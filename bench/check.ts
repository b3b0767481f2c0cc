/**
 * `npm run bench:check`: how long `npm run check` takes warm (second run, caches on disk
 * warm), against the obvious alternative, `checkExercises()` called in an already-running
 * process (what the notebook's check cell costs), and against running the CLI's source
 * through tsx (what `npm run check` did before it was bundled). Best of `RUNS` each, with
 * the machine's load average before and after: on 2 shared cores, load moves these figures
 * more than anything the code does.
 */
import { spawnSync } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { EXERCISES } from "../src/workbook/catalog";
import { checkExercises } from "../src/workbook/check";
import { findProjectRoot } from "../src/workbook/paths";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = findProjectRoot();

function timeCommand(command: string, args: string[]): number {
  const started = performance.now();
  const r = spawnSync(command, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function best(label: string, runs: number, once: () => number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(once());
    process.stderr.write(`\r${label}: run ${i + 1}/${runs}   `);
  }
  process.stderr.write("\r\u001b[K");
  return Math.min(...times);
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");

export async function run(): Promise<void> {
  const cpus = availableParallelism();
  console.log(`load average before (1, 5, 15 min): ${load()} on ${cpus} cores`);
  // Warm-up: builds the bundle if a source changed, fills the transpile, stale-answer and V8 code caches.
  timeCommand("npm", ["run", "check", "--silent"]);
  const npmRun = best("npm run check", RUNS, () => timeCommand("npm", ["run", "check", "--silent"]));
  const direct = best("node src/cli/check.cjs", RUNS, () =>
    timeCommand(process.execPath, [join(root, "src", "cli", "check.cjs")]),
  );
  checkExercises(undefined, { root }); // warm: library loaded, src modules transpiled once per process
  const inProcess = best("checkExercises() in process", RUNS, () => {
    const started = performance.now();
    checkExercises(undefined, { root });
    return performance.now() - started;
  });
  const tsxRuns = Math.min(RUNS, 2);
  const viaTsx = best("tsx src/cli/instructor/check.ts", tsxRuns, () =>
    timeCommand(process.execPath, [require.resolve("tsx/cli"), join(root, "src", "cli", "instructor", "check.ts")]),
  );

  const row = (name: string, ms: number) =>
    console.log(
      `${name.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms   ${(ms / inProcess).toFixed(1).padStart(5)}× in-process`,
    );
  console.log(`\nbest of ${RUNS} (tsx: best of ${tsxRuns}), all ${EXERCISES.length} exercises, exercises/ as shipped:`);
  row("npm run check (warm)", npmRun);
  row("node src/cli/check.cjs (no npm start-up)", direct);
  row("checkExercises() in a running process", inProcess);
  row("tsx src/cli/instructor/check.ts (before)", viaTsx);
  console.log(
    `\nnpm run check is ${(viaTsx / npmRun).toFixed(1)}× faster than through tsx; npm's own start-up is ≈ ${(npmRun - direct).toFixed(0)} ms of it.`,
  );
  console.log(`load average after: ${load()}`);
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
