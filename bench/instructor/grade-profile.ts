// `npx tsx bench/instructor/grade-profile.ts [--count N]`: where a cold grading run's CPU goes, the grader's own process against its sandboxes.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gradeClass } from "../../src/course/grade/run";
import { referenceSolutions } from "../../src/cli/instructor/reference-solutions";
import { makeDir, projectCopy } from "../../test/grade/fixtures";
import { generate } from "./grade";

/**
 * Grades COUNT submissions of bench/instructor/grade.ts's mix in this process and prints the CPU
 * seconds of that run: this process (start-up checks, plan, transpiling in its worker thread,
 * judging, outputs) and its waited-for children (the sandboxes: unshare, prlimit and Node from
 * the snapshot). One submission is graded first into the same output folder, so the measured
 * run reuses the setup cache (the runtime and the proven answers) as a re-run would. The mix's
 * two endless loops cost ≈ 1.6 CPU-s each whatever COUNT is, so small counts overstate the
 * sandboxes' share. For the grader's side function by function, run it under
 * `node --cpu-prof --import tsx`; the sandbox cannot be profiled that way (the permission model
 * turns the inspector off): time it with process.cpuUsage() marks in child.ts instead.
 */
function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const n = at < 0 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

/** CPU seconds of this process's waited-for children (Linux /proc). */
function childCpuSeconds(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

async function main(): Promise<void> {
  const count = option("count", 60);
  const dir = makeDir();
  try {
    const subs = join(dir, "submissions");
    mkdirSync(subs);
    generate(subs, count);
    const out = join(dir, "out");
    // A private copy of the project: edits to the shared tree meanwhile must not change the fingerprint between the runs.
    const root = projectCopy(dir);
    const reference = referenceSolutions(root);
    // A first run of one submission builds the runtime and proves the reference answers into out's setup cache.
    const warm = join(dir, "warm");
    const first = readdirSync(subs)[0];
    cpSync(join(subs, first), join(warm, first), { recursive: true });
    await gradeClass({ submissions: warm, out, root, reference, progress: false });
    const self0 = process.cpuUsage();
    const children0 = childCpuSeconds();
    const started = performance.now();
    const report = await gradeClass({
      submissions: subs,
      out,
      root,
      reference,
      progress: false,
      force: true,
    });
    const wall = (performance.now() - started) / 1000;
    const self = process.cpuUsage(self0);
    const parent = (self.user + self.system) / 1e6;
    const children = childCpuSeconds() - children0;
    const spawned = report.results.reduce((s, r) => s + (r.status === "graded" ? r.log.processes : 0), 0);
    console.log(
      `${report.graded} graded in ${wall.toFixed(1)} s wall; CPU: grader ${parent.toFixed(1)} s (user ${(self.user / 1e6).toFixed(1)}, system ${(self.system / 1e6).toFixed(1)}) (${((parent / report.graded) * 1000).toFixed(0)} ms each), sandboxes ${children.toFixed(1)} s (${((children / report.graded) * 1000).toFixed(0)} ms each, ${spawned} processes)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
