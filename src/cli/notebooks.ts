/**
 * `npm run notebooks -- [files…]`: executes notebooks with the embedded engine (tslab in
 * this process, no Jupyter), prints per-cell timings and errors, and optionally writes the
 * executed notebooks. Exit status 1 when any notebook had an unexpected error.
 *   --out <dir>            write executed copies into DIR (same file names)
 *   --in-place             write the outputs back into the notebooks themselves
 *   --continue-on-error    run the remaining cells after an error
 *   --timeout <ms>         per-cell limit for asynchronous work
 *   --report <file.json>   write the timings and errors as JSON
 */
import { Command } from "commander";
import { mkdirSync, readdirSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { createNotebookEngine, type ExecutionResult } from "../course/execute";
import { writeFileAtomic } from "../core/files";

const program = new Command()
  .name("notebooks")
  .argument("[notebooks...]", "notebooks to run (default: notebooks/*.ipynb)")
  .option("--out <dir>", "write executed copies into this folder")
  .option("--in-place", "write outputs back into the notebooks")
  .option("--continue-on-error", "keep running cells after an error")
  .option("--timeout <ms>", "per-cell limit for asynchronous work [ms]", (v) => Number.parseInt(v, 10))
  .option("--report <file>", "write timings and errors as JSON")
  .parse();
const opts = program.opts<{
  out?: string;
  inPlace?: boolean;
  continueOnError?: boolean;
  timeout?: number;
  report?: string;
}>();
const root = resolve(__dirname, "..", "..");
const files = program.args.length > 0 ? program.args.map((f) => resolve(f)) : defaultNotebooks();

async function main(): Promise<void> {
  if (opts.out) mkdirSync(opts.out, { recursive: true });
  const engine = createNotebookEngine();
  const report: Record<string, Omit<ExecutionResult, "notebook">> = {};
  let failed = 0;
  try {
    for (const file of files) {
      const outputPath = opts.inPlace ? file : opts.out ? join(resolve(opts.out), basename(file)) : undefined;
      const result = await engine.execute(file, {
        stopOnError: !opts.continueOnError,
        timeoutMs: opts.timeout,
        outputPath,
      });
      const { notebook: _executed, ...summary } = result;
      report[relative(root, file)] = summary;
      const worst = result.errors.length > 0 ? "FAIL" : "ok";
      console.log(
        `${worst.padEnd(4)} ${relative(process.cwd(), file)}  ${Math.round(result.ms)} ms (compiler start-up ${Math.round(result.startupMs)} ms)`,
      );
      for (const cell of result.cells)
        console.log(
          `       cell ${String(cell.index).padStart(3)}  ${cell.status.padEnd(14)} ${Math.round(cell.ms)} ms`,
        );
      for (const error of result.errors) console.log(`       ${error.traceback.join("\n       ")}`);
      if (result.errors.length > 0) failed++;
    }
  } finally {
    engine.close();
  }
  if (opts.report) writeFileAtomic(resolve(opts.report), `${JSON.stringify(report, null, 2)}\n`);
  if (failed > 0) {
    console.error(`${failed} of ${files.length} notebook(s) had errors`);
    process.exitCode = 1;
  }
}

function defaultNotebooks(): string[] {
  const dir = join(root, "notebooks");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => join(dir, f));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
