// `npm run bench:grade [-- --count N --naive N]` (bench/instructor/grade.ts): the grader, cold and re-run, against the naive "one vitest run per submission".
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { createRandom } from "../../src/core";
import { EXERCISES } from "../../src/workbook";
import {
  FILES,
  ROOT,
  correctIfAllowed,
  firstFunction,
  fullSolution,
  injectIntoFunction,
  makeDir,
  mixed,
  projectCopy,
  solution,
  stubWith,
  stubs,
  writeStudent,
  type Tree,
} from "../../test/grade/fixtures";

/**
 * COUNT generated submissions (1,000 by default) in the proportions of the class the grader
 * was first measured on — 20 % correct, 30 % partial, 15 % empty, 15 % broken (a compile
 * error), 20 % hostile (monkeypatching, fake numbers, reading solutions/, exiting at import,
 * throwing, and two endless loops) — graded by the CLI in a child process, the whole process
 * timed (start-up, runtime build, sandboxes, every output):
 *   1. cold: a fresh output folder, nothing cached;
 *   2. re-run with one changed submission: one partial student's file gets a solved exercise;
 *      the bench checks that exactly that student was graded again (the CLI's count, and every
 *      other cache entry byte-identical) and that its score changed.
 * The naive approach (one `vitest run test/exercises/student.test.ts` per submission,
 * ANSWERS=<its folder>) is timed in the same run on a sample (NAIVE, default 10, no endless
 * loops: it has no wall-clock kill and would hang) and extrapolated. The naive runs check only
 * the public checks, in-process and unsafely, so the ratio flatters the naive approach.
 *
 * Compare the CPU column, not the wall time, on a shared machine. The two endless loops cost
 * ≈ 3 CPU-s whatever COUNT is, the setup (runtime, snapshot, proven answers) ≈ 10, so small
 * counts overstate the cost per submission. Where one submission's ≈ 0.4 CPU-s go (≈ 0.17 to
 * start its sandbox from the snapshot — mostly mathjs's heap —, the probes, the grader's share):
 * `npx tsx bench/instructor/grade-profile.ts`. With that floor, 1,000 submissions need ≈ 400
 * CPU-s, so the "< 2 min on 2 cores" is out of reach while every submission keeps its
 * own process.
 */
type Kind = "correct" | "partial" | "empty" | "broken" | "hostile";
const MIX: Array<[Kind, number]> = [
  ["correct", 0.2],
  ["partial", 0.3],
  ["empty", 0.15],
  ["broken", 0.15],
  ["hostile", 0.2],
];

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const n = Number(process.argv[at + 1]);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a non-negative integer, got ${process.argv[at + 1]}`);
  return n;
}

function hostile(i: number): Tree {
  const loopFn = firstFunction("ch03");
  const kinds: Array<() => Tree> = [
    () => ({
      ...Object.fromEntries(FILES.map((f) => [`${f}.ts`, stubWith(f, () => "(12345 as any)")])),
      "ch01.ts": `${stubWith("ch01", () => "(12345 as any)")}\nMath.abs = () => 0;`,
    }),
    () =>
      Object.fromEntries(
        FILES.map((f) => [`${f}.ts`, stubWith(f, () => "(new Proxy({}, { get: () => () => 42 }) as any)")]),
      ),
    () =>
      Object.fromEntries(
        FILES.map((f) => [
          `${f}.ts`,
          correctIfAllowed(f, `require("fs").readFileSync(${JSON.stringify(join(ROOT, "solutions", "ch01.ts"))})`),
        ]),
      ),
    () => ({ ...fullSolution(), "ch02.ts": `process.exit(0);\n${solution("ch02")}` }),
    () => ({ ...stubs(), "ch01.ts": `${solution("ch01")}\nconsole.log("✓ all tests passed");` }),
  ];
  if (i < 2)
    return { ...fullSolution(), "ch03.ts": injectIntoFunction(solution("ch03"), loopFn.exportName, "while (true) {}") };
  return kinds[i % kinds.length]();
}

interface Made {
  student: string;
  kind: Kind;
  /** For partial submissions: the exercises solved. */
  solved?: Set<string>;
}

export function generate(dir: string, total: number): Made[] {
  const rng = createRandom(2024);
  const made: Made[] = [];
  const counts = MIX.map(([kind, share]) => [kind, Math.round(share * total)] as const);
  for (const [kind, count] of counts) {
    for (let i = 0; i < count; i++) {
      const student = `${kind}-${String(i).padStart(4, "0")}`;
      let tree: Tree;
      let solved: Set<string> | undefined;
      if (kind === "correct") tree = fullSolution();
      else if (kind === "empty") tree = stubs();
      else if (kind === "partial") {
        solved = new Set(EXERCISES.filter(() => rng.uniform() < 0.5).map((e) => e.id));
        const s = solved;
        tree = Object.fromEntries(FILES.map((f) => [`${f}.ts`, mixed(f, s)]));
      } else if (kind === "broken")
        tree = {
          ...fullSolution(),
          [`${FILES[i % FILES.length]}.ts`]: `${solution(FILES[i % FILES.length])}\nexport const = ;\n`,
        };
      else tree = hostile(i);
      writeStudent(dir, student, tree);
      made.push({ student, kind, ...(solved ? { solved } : {}) });
    }
  }
  return made;
}

/** CPU seconds of this process's waited-for children (Linux /proc; undefined elsewhere). */
function childCpuSeconds(): number | undefined {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime cstime
  } catch {
    return undefined;
  }
}

interface CliRun {
  seconds: number;
  cpu?: number;
  load: [number, number];
  graded: number;
  cached: number;
  stdout: string;
}

/**
 * `npm run grade` as an instructor runs it: a child process, timed from spawn to exit. It runs
 * from a private copy of the project (`project`), so that edits others make to the shared
 * working tree meanwhile do not change the grader fingerprint between the runs.
 */
function gradeCli(project: string, subs: string, out: string): CliRun {
  const load0 = loadavg()[0];
  const cpu0 = childCpuSeconds();
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"),
      join(project, "src", "cli", "instructor", "grade.ts"),
    ].concat(["--submissions", subs, "--out", out, "--quiet"]),
    { cwd: project, env: { ...process.env, WORKBOOK_ROOT: project }, encoding: "utf8", maxBuffer: 64 << 20 },
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu1 = childCpuSeconds();
  if (r.status !== 0) throw new Error(`npm run grade failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const m = /(\d+) graded(?: \((\d+) from the cache\))?/.exec(r.stdout);
  const total = Number(m?.[1] ?? NaN);
  const cached = Number(m?.[2] ?? 0);
  return {
    seconds,
    ...(cpu0 !== undefined && cpu1 !== undefined ? { cpu: cpu1 - cpu0 } : {}),
    load: [load0, loadavg()[0]],
    graded: total - cached,
    cached,
    stdout: r.stdout,
  };
}

function naiveRun(exercisesDir: string): number {
  const started = performance.now();
  spawnSync(
    process.execPath,
    [join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", "test/exercises/student.test.ts"],
    { cwd: ROOT, env: { ...process.env, ANSWERS: exercisesDir }, stdio: "ignore", timeout: 180_000 },
  );
  return (performance.now() - started) / 1000;
}

const readCache = (out: string): Map<string, string> =>
  new Map(
    readdirSync(join(out, ".grade-cache"))
      .filter((f) => f.endsWith(".json") && !f.startsWith("."))
      .map((f) => [f, readFileSync(join(out, ".grade-cache", f), "utf8")]),
  );

const totalOf = (json: string | undefined): number => (JSON.parse(json ?? "{}") as { total?: number }).total ?? NaN;

/** Change one partial submission: solve one exercise it left unsolved, in its file. */
function changeOne(subs: string, made: Made[]): string {
  const target = made.find((m) => m.kind === "partial" && m.solved && m.solved.size < EXERCISES.length);
  if (!target?.solved) throw new Error("bench: no partial submission to change");
  const ex = EXERCISES.find((e) => !target.solved!.has(e.id))!;
  const solved = new Set([...target.solved, ex.id]);
  writeStudent(subs, target.student, { [`${ex.file}.ts`]: mixed(ex.file, solved) });
  return target.student;
}

export async function run(): Promise<void> {
  const count = option("count", 1000);
  const naiveSample = option("naive", 10);
  const dir = makeDir();
  const subs = join(dir, "submissions");
  const out = join(dir, "out");
  mkdirSync(subs);
  try {
    const project = projectCopy(dir);
    const made = generate(subs, count);
    const cores = availableParallelism();
    const mix = MIX.map(([k]) => `${made.filter((m) => m.kind === k).length} ${k}`).join(", ");
    console.log(`${made.length} submissions (${mix}), ${cores} cores`);

    const cold = gradeCli(project, subs, out);
    const before = readCache(out);
    const changed = changeOne(subs, made);
    const rerun = gradeCli(project, subs, out);
    const after = readCache(out);
    const touched = [...after].filter(([f, json]) => before.get(f) !== json).map(([f]) => f.replace(/\.json$/, ""));
    const scoreBefore = totalOf(before.get(`${changed}.json`));
    const scoreAfter = totalOf(after.get(`${changed}.json`));
    const rerunOk = rerun.graded === 1 && touched.length === 1 && touched[0] === changed && scoreAfter > scoreBefore;

    const sample = MIX.flatMap(([kind]) =>
      made.filter((m) => m.kind === kind && !(kind === "hostile" && Number(m.student.slice(-4)) < 2)),
    )
      .filter((_, i, all) => i % Math.max(1, Math.floor(all.length / Math.max(1, naiveSample))) === 0)
      .slice(0, naiveSample);
    const naiveLoad0 = loadavg()[0];
    const naive = sample.map((m) => naiveRun(join(subs, m.student, "exercises")));
    const naivePer = naive.length ? naive.reduce((s, x) => s + x, 0) / naive.length : NaN;

    const results = readCache(out);
    const totals = [...results.values()].map((j) => totalOf(j));
    const max = (JSON.parse([...results.values()][0] ?? "{}") as { max?: number }).max;
    const perCold = cold.seconds / count;
    const row = (name: string, r: CliRun, target: string): string =>
      `| ${name} | ${r.graded} | ${r.cached} | ${r.seconds.toFixed(1)} s | ${target} | ${r.cpu?.toFixed(1) ?? "?"} CPU-s | ${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)} |`;
    console.log("");
    console.log(
      "| run (whole `npm run grade` process) | graded | from cache | wall time | target | CPU (all processes) | load average |",
    );
    console.log("|---|---|---|---|---|---|---|");
    console.log(row(`cold, ${count} submissions`, cold, "< 120 s"));
    console.log(row("re-run, one submission changed", rerun, "< 5 s"));
    console.log("");
    console.log(
      `cold: ${perCold.toFixed(3)} s per submission; mean score ${(totals.reduce((s, x) => s + x, 0) / totals.length).toFixed(1)} of ${max}, ${totals.filter((t) => t === max).length} full marks`,
    );
    console.log(
      `re-run: ${changed} regraded (score ${scoreBefore} → ${scoreAfter}); cache entries changed: ${touched.join(", ") || "none"} — ${rerunOk ? "OK, exactly that one" : "NOT AS EXPECTED"}`,
    );
    if (naive.length)
      console.log(
        `naive: ${naivePer.toFixed(2)} s per submission (mean of ${naive.length}: ${naive.map((x) => x.toFixed(1)).join(", ")} s; load ${naiveLoad0.toFixed(1)} → ${loadavg()[0].toFixed(1)}), extrapolated to ${(naivePer * count).toFixed(0)} s for ${count}`,
      );
    if (naive.length)
      console.log(
        `ratio: the grader is ${(naivePer / perCold).toFixed(1)}× faster than one vitest run per submission (cold run)`,
      );
    if (!rerunOk) process.exitCode = 1;
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
