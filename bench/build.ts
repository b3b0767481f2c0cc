/**
 * bench/build: the course build against the obvious alternative, in one run.
 *   1. cold `npm run build` (empty cache, embedded engine) of every notebooks/*.ipynb
 *   2. warm `npm run build` (nothing changed: everything from the cache)
 *   3. `jupyter nbconvert --execute --to html` of the same notebooks with the tslab kernel
 * Each is a fresh process, timed wall-clock, so start-up costs count for both sides.
 * Targets: cold at least 3x faster than nbconvert; warm under 2 s.
 * Run: `npx tsx bench/build.ts` (or `npm run bench -- build`).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { nbconvertCommand, registerTslabKernel } from "../src/course/site";

const ROOT = join(__dirname, "..");
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

function timed(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = performance.now();
  execFileSync(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  console.log(`${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s`);
  return seconds;
}

export async function run(): Promise<void> {
  const notebooks = readdirSync(join(ROOT, "notebooks"))
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => join(ROOT, "notebooks", f));
  if (notebooks.length === 0) throw new Error("bench/build: notebooks/ holds no .ipynb to build");
  const scratch = mkdtempSync(join(tmpdir(), "bench-build-"));
  const build = [TSX, join(ROOT, "src", "course", "cli", "build.ts"), "--out", join(scratch, "site"), "--cache-dir", join(scratch, "cache")];
  console.log(`${notebooks.length} notebook(s): ${notebooks.map((n) => n.split("/").pop()).join(", ")}`);
  try {
    const cold = timed("cold build (embedded engine, empty cache)", process.execPath, build);
    const warm = timed("warm rebuild (nothing changed)", process.execPath, build);

    const nbconvert = nbconvertCommand();
    if (!existsSync(nbconvert) && nbconvert.startsWith("/")) {
      console.log(`nbconvert not found (${nbconvert}): no comparison; warm target < 2 s: ${warm < 2 ? "met" : "MISSED"}`);
      return;
    }
    const kernel = registerTslabKernel();
    let jupyter: number;
    try {
      const args = ["--to", "html", "--execute", "--allow-errors", "--ExecutePreprocessor.kernel_name=tslab", "--output-dir", join(scratch, "nbconvert"), ...notebooks];
      jupyter = timed("jupyter nbconvert --execute --to html", nbconvert, args, kernel.env);
    } finally {
      kernel.dispose();
    }
    console.log(`cold build vs nbconvert: ${(jupyter / cold).toFixed(1)}x faster (target >= 3x: ${jupyter / cold >= 3 ? "met" : "MISSED"})`);
    console.log(`warm rebuild vs nbconvert: ${(jupyter / warm).toFixed(1)}x faster; warm target < 2 s: ${warm < 2 ? "met" : "MISSED"}`);
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
