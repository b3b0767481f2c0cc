// `npx tsx bench/lean-builder.ts`: does the embedded engine's lean builder program pay? Course notebooks executed with it and with TypeScript's stock builder.
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { createNotebookEngine, readNotebookFile } from "../src/course/execute";
import { useLeanBuilder } from "../src/course/execute/tslab-session";

/**
 * Each notebook of notebooks/ runs in a fresh engine (new converters, so the builder choice
 * applies and nothing is reused between runs), alternately with the lean builder program
 * (src/course/execute/lean-builder-program.ts) and TypeScript's stock incremental one, RUNS
 * times each after one warm-up run of each (loading TypeScript and the library is not what is
 * compared); the best time of each side is compared. The executed notebooks are identical
 * (test/platform/lean-builder.test.ts).
 */
const ROOT = resolve(__dirname, "..");
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 2));

async function executeAll(lean: boolean, notebooks: string[]): Promise<number> {
  useLeanBuilder(lean);
  const started = performance.now();
  for (const path of notebooks) {
    const engine = createNotebookEngine();
    try {
      await engine.execute(readNotebookFile("bench", path), { cwd: join(ROOT, "notebooks"), stopOnError: false });
    } finally {
      engine.close();
    }
  }
  return performance.now() - started;
}

export async function run(): Promise<void> {
  const dir = join(ROOT, "notebooks");
  const notebooks = readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => join(dir, f));
  await executeAll(true, notebooks.slice(0, 1));
  await executeAll(false, notebooks.slice(0, 1));
  const lean: number[] = [];
  const stock: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    stock.push(await executeAll(false, notebooks));
    lean.push(await executeAll(true, notebooks));
  }
  useLeanBuilder(true);
  const [l, s] = [Math.min(...lean), Math.min(...stock)];
  console.log(
    `lean builder: ${notebooks.length} notebooks in ${(l / 1000).toFixed(1)} s with the lean builder program, ${(s / 1000).toFixed(1)} s with TypeScript's (best of ${RUNS}): ${(100 * (1 - l / s)).toFixed(0)} % less`,
  );
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
