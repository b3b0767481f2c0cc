/**
 * bench/build: the course build against the obvious alternative, in one run.
 *   1. cold `npm run build` (empty cache, embedded engine) of every notebooks/*.ipynb
 *   2. warm `npm run build` (nothing changed: everything from the cache)
 *   3. `jupyter nbconvert --execute --to html` of the same notebooks with the tslab kernel
 * Each is a fresh process, timed wall-clock, so start-up costs count for both sides. The
 * cold build and nbconvert run BENCH_RUNS times each (default 2), alternating, and the best
 * run of each side is compared.
 * Targets: cold at least 3x faster than nbconvert; warm under 2 s.
 * Run: `npx tsx bench/build.ts` (or `npm run bench -- build`).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { generateWorkbookTypes } from "../src/course/jupyter/workbook-types";
import { nbconvertCommand, registerTslabKernel } from "../src/course/site";

const ROOT = join(__dirname, "..");
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
/** Runs of the cold build and of nbconvert (alternating); the best of each is compared. */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 2));

/**
 * CPU seconds used by this process's finished children (and theirs: a kernel's time is
 * added to nbconvert's when nbconvert waits for it). Linux only; null elsewhere. Reported
 * next to wall time because a shared machine's load inflates wall time for both sides.
 */
function childrenCpuSeconds(): number | null {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, USER_HZ = 100
  } catch {
    return null;
  }
}

interface Timing {
  wall: number;
  cpu: number | null;
  stdout: string;
}

function timed(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Timing {
  const cpu0 = childrenCpuSeconds();
  const t0 = performance.now();
  const stdout = execFileSync(command, args, {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
  }).toString();
  const wall = (performance.now() - t0) / 1000;
  const cpu1 = childrenCpuSeconds();
  const cpu = cpu0 === null || cpu1 === null ? null : cpu1 - cpu0;
  console.log(
    `${label.padEnd(44)} ${wall.toFixed(2).padStart(7)} s wall${cpu === null ? "" : ` ${cpu.toFixed(2).padStart(7)} s CPU`}`,
  );
  return { wall, cpu, stdout };
}

/** The fastest of several runs of the same command. */
function best(runs: Timing[]): Timing {
  return runs.reduce((a, b) => (b.wall < a.wall ? b : a));
}

function ratio(slow: Timing, fast: Timing): string {
  const wall = `${(slow.wall / fast.wall).toFixed(1)}x (wall)`;
  return slow.cpu !== null && fast.cpu ? `${wall}, ${(slow.cpu / fast.cpu).toFixed(1)}x (CPU)` : wall;
}

export async function run(): Promise<void> {
  const notebooks = readdirSync(join(ROOT, "notebooks"))
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => join(ROOT, "notebooks", f));
  if (notebooks.length === 0) throw new Error("bench/build: notebooks/ holds no .ipynb to build");
  // The notebooks' type declarations belong to the install (`npm install` runs prepare);
  // bring them up to date first, so an edit of src/ before the run is not timed as build.
  generateWorkbookTypes(ROOT);
  const scratch = mkdtempSync(join(tmpdir(), "bench-build-"));
  const build = [
    TSX,
    join(ROOT, "src", "course", "cli", "build.ts"),
    "--out",
    join(scratch, "site"),
    "--cache-dir",
    join(scratch, "cache"),
  ];
  console.log(`${notebooks.length} notebook(s): ${notebooks.map((n) => n.split("/").pop()).join(", ")}`);
  try {
    const nbconvert = nbconvertCommand();
    const haveJupyter = existsSync(nbconvert) || !nbconvert.startsWith("/");
    const kernel = haveJupyter ? registerTslabKernel() : undefined;
    const colds: Timing[] = [];
    const jupyters: Timing[] = [];
    let warm: Timing | undefined;
    try {
      // Cold build and nbconvert alternate, best of RUNS each: another tenant's load on a
      // shared machine then slows one run of each side, not a whole side.
      for (let run = 1; run <= RUNS; run++) {
        rmSync(join(scratch, "cache"), { recursive: true, force: true });
        colds.push(timed(`cold build (embedded engine, empty cache) #${run}`, process.execPath, build));
        if (!warm) {
          warm = timed("warm rebuild (nothing changed)", process.execPath, build);
          // In a shared work tree someone may edit src/ during the cold build, which rightly
          // invalidates the cache; measure again (at most twice) until nothing is executed.
          for (let retry = 0; retry < 2 && !/ 0 executed/.test(warm.stdout); retry++) {
            console.log(
              "  (src/, exercises/ or data/ changed during the run, so that rebuild executed again; measuring again)",
            );
            warm = timed("warm rebuild (nothing changed)", process.execPath, build);
          }
        }
        if (kernel) {
          const args = [
            "--to",
            "html",
            "--execute",
            "--allow-errors",
            "--ExecutePreprocessor.kernel_name=tslab",
            "--output-dir",
            join(scratch, "nbconvert"),
            ...notebooks,
          ];
          jupyters.push(timed(`jupyter nbconvert --execute --to html #${run}`, nbconvert, args, kernel.env));
        }
      }
    } finally {
      kernel?.dispose();
    }
    const cold = best(colds);
    if (!warm) throw new Error("bench/build: no warm rebuild was measured");
    if (jupyters.length === 0) {
      console.log(
        `nbconvert not found (${nbconvert}): no comparison; warm target < 2 s: ${warm.wall < 2 ? "met" : "MISSED"}`,
      );
      return;
    }
    const jupyter = best(jupyters);
    console.log(`best of ${RUNS}: cold build ${cold.wall.toFixed(2)} s, nbconvert ${jupyter.wall.toFixed(2)} s`);
    console.log(
      `cold build vs nbconvert: ${ratio(jupyter, cold)} faster (target >= 3x: ${jupyter.wall / cold.wall >= 3 ? "met" : "MISSED"})`,
    );
    console.log(
      `warm rebuild vs nbconvert: ${ratio(jupyter, warm)} faster; warm target < 2 s: ${warm.wall < 2 ? "met" : "MISSED"}`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
