// `npm run bench:grade` (bench/instructor/grade.ts): the grader against the naive "one vitest run per submission".
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { referenceSolutions } from "../../src/cli/instructor/reference-solutions";
import { gradeClass } from "../../src/course/grade";
import { createRandom } from "../../src/core";
import {
  FILES,
  ROOT,
  correctIfAllowed,
  firstFunction,
  fullSolution,
  injectIntoFunction,
  makeDir,
  mixed,
  solution,
  stubWith,
  stubs,
  writeStudent,
  type Tree,
} from "../../test/grade/fixtures";
import { EXERCISES } from "../../src/workbook";

/**
 * 200 generated submissions — correct, partial, empty, broken (a compile error), hostile
 * (monkeypatching, fake numbers, reading solutions/, exiting at import, throwing, and two
 * endless loops) — graded end to end by `gradeClass`, then a re-run that finds everything in
 * the cache. The naive approach (one `vitest run test/exercises/student.test.ts` per
 * submission, ANSWERS=<its folder>) is timed on a sample of 10 submissions (no endless loops:
 * it has no wall-clock kill and would hang) and extrapolated to 200. The naive runs check only
 * the public checks, in-process and unsafely, so the ratio flatters the naive approach.
 */
type Kind = "correct" | "partial" | "empty" | "broken" | "hostile";
const MIX: Array<[Kind, number]> = [
  ["correct", 40],
  ["partial", 60],
  ["empty", 30],
  ["broken", 30],
  ["hostile", 40],
];

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

function generate(dir: string): Array<{ student: string; kind: Kind }> {
  const rng = createRandom(2024);
  const made: Array<{ student: string; kind: Kind }> = [];
  for (const [kind, count] of MIX) {
    for (let i = 0; i < count; i++) {
      const student = `${kind}-${String(i).padStart(3, "0")}`;
      let tree: Tree;
      if (kind === "correct") tree = fullSolution();
      else if (kind === "empty") tree = stubs();
      else if (kind === "partial") {
        const solved = new Set(EXERCISES.filter(() => rng.uniform() < 0.5).map((e) => e.id));
        tree = Object.fromEntries(FILES.map((f) => [`${f}.ts`, mixed(f, solved)]));
      } else if (kind === "broken")
        tree = {
          ...fullSolution(),
          [`${FILES[i % FILES.length]}.ts`]: `${solution(FILES[i % FILES.length])}\nexport const = ;\n`,
        };
      else tree = hostile(i);
      writeStudent(dir, student, tree);
      made.push({ student, kind });
    }
  }
  return made;
}

/** CPU seconds used by this process and its waited-for children (Linux /proc; undefined elsewhere). */
function cpuSeconds(): number | undefined {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    const ticks = [11, 12, 13, 14].reduce((s, i) => s + Number(fields[i]), 0); // utime stime cutime cstime
    return ticks / 100;
  } catch {
    return undefined;
  }
}

function naiveRun(exercisesDir: string): number {
  const started = performance.now();
  spawnSync(
    process.execPath,
    [join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", "test/exercises/student.test.ts"],
    {
      cwd: ROOT,
      env: { ...process.env, ANSWERS: exercisesDir },
      stdio: "ignore",
      timeout: 180_000,
    },
  );
  return (performance.now() - started) / 1000;
}

export async function run(): Promise<void> {
  const dir = makeDir();
  const subs = join(dir, "submissions");
  mkdirSync(subs);
  try {
    const made = generate(subs);
    const cores = availableParallelism();
    console.log(`${made.length} submissions (${MIX.map(([k, n]) => `${n} ${k}`).join(", ")}), ${cores} cores`);

    const loadBefore = loadavg()[0];
    const cpu0 = cpuSeconds();
    let t = performance.now();
    const first = await gradeClass({
      reference: referenceSolutions(ROOT),
      submissions: subs,
      out: join(dir, "out"),
      force: true,
      progress: Boolean(process.stderr.isTTY),
    });
    const gradeS = (performance.now() - t) / 1000;
    const cpu1 = cpuSeconds();
    t = performance.now();
    const again = await gradeClass({
      reference: referenceSolutions(ROOT),
      submissions: subs,
      out: join(dir, "out"),
      progress: false,
    });
    const cachedS = (performance.now() - t) / 1000;
    const load = loadavg()[0];

    const sample = MIX.flatMap(([kind]) =>
      made.filter((m) => m.kind === kind && !(kind === "hostile" && Number(m.student.slice(-3)) < 2)).slice(0, 2),
    );
    const naive = sample.map((m) => naiveRun(join(subs, m.student, "exercises")));
    const naivePer = naive.reduce((s, x) => s + x, 0) / naive.length;

    const perSub = gradeS / made.length;
    const totals = first.results.map((r) => r.total);
    console.log(
      `grader:  ${gradeS.toFixed(1)} s for ${first.graded} submissions = ${(made.length / gradeS).toFixed(2)} submissions/s, ${perSub.toFixed(3)} s per submission (target < 0.3 s on 2 cores)`,
    );
    if (cpu0 !== undefined && cpu1 !== undefined)
      console.log(
        `         ${(cpu1 - cpu0).toFixed(1)} CPU-s in all (grader + sandboxes) = ${((cpu1 - cpu0) / made.length).toFixed(3)} CPU-s per submission, i.e. ${((cpu1 - cpu0) / made.length / cores).toFixed(3)} s per submission on ${cores} otherwise idle cores`,
      );
    console.log(
      `         1-min load average ${loadBefore.toFixed(1)} before grading, ${load.toFixed(1)} after (other work on the machine slows both the grader and the naive runs)`,
    );
    console.log(
      `         mean score ${(totals.reduce((s, x) => s + x, 0) / totals.length).toFixed(1)} of ${first.results[0]?.max}; ${first.results.filter((r) => r.total === r.max).length} full marks`,
    );
    const changed =
      first.fingerprint !== again.fingerprint
        ? " — the grader's sources (src/, solutions/) changed between the runs, so everything was regraded"
        : "";
    console.log(`re-run:  ${cachedS.toFixed(1)} s, ${again.cached} from the cache, ${again.graded} graded${changed}`);
    console.log(
      `naive:   ${naivePer.toFixed(2)} s per submission (mean of a sample of ${naive.length}: ${naive.map((x) => x.toFixed(1)).join(", ")} s), extrapolated to ${(naivePer * made.length).toFixed(0)} s for ${made.length}`,
    );
    console.log(`ratio:   ${(naivePer / perSub).toFixed(1)}× faster than one vitest run per submission (target ≥ 10×)`);
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
