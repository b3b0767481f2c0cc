import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { InputError } from "../../core/errors";
import type { Notebook } from "../../core/nbformat";
import { parseNotebook } from "./notebook";

const run = promisify(execFile);

/**
 * Real Jupyter as the execution engine: `jupyter nbconvert --execute` with the project's
 * tslab kernel. The kernel is registered in a throw-away JUPYTER_PATH, so nothing in the
 * user's Jupyter configuration is touched and the Python on PATH does not matter
 * (Debian's jupyter-nbconvert carries its own interpreter in its shebang).
 */

/** The nbconvert executable: $JUPYTER_NBCONVERT, Debian's, or whatever is on PATH. */
export function nbconvertCommand(): string {
  if (process.env.JUPYTER_NBCONVERT) return process.env.JUPYTER_NBCONVERT;
  return existsSync("/usr/bin/jupyter-nbconvert") ? "/usr/bin/jupyter-nbconvert" : "jupyter-nbconvert";
}

/** A temporary Jupyter data folder with the tslab kernel registered as "tslab". */
export interface TslabKernel {
  /** environment for child processes: JUPYTER_PATH and node_modules/.bin on PATH */
  env: NodeJS.ProcessEnv;
  /** the scratch folder (kernel spec, outputs); removed by dispose() */
  dir: string;
  dispose(): void;
}

/**
 * Registers the project's own tslab (the one in its node_modules, not a global one) as
 * kernel "tslab" in a fresh JUPYTER_PATH.
 * @throws {InputError} when tslab is not installed
 */
export function registerTslabKernel(): TslabKernel {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve("tslab/package.json"));
  } catch {
    throw new InputError("registerTslabKernel", "tslab", "must be installed (run npm install)", "not found");
  }
  const tslab = join(packageDir, "bin", "tslab");
  const bin = join(packageDir, "..", ".bin");
  const dir = mkdtempSync(join(tmpdir(), "course-jupyter-"));
  const kernelDir = join(dir, "jupyter", "kernels", "tslab");
  mkdirSync(kernelDir, { recursive: true });
  const spec = {
    argv: [tslab, "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript",
    language: "typescript",
  };
  writeFileSync(join(kernelDir, "kernel.json"), JSON.stringify(spec, null, 2));
  const env = {
    ...process.env,
    JUPYTER_PATH: join(dir, "jupyter"),
    PATH: [bin, process.env.PATH ?? ""].join(delimiter),
  };
  return { env, dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The nbconvert arguments shared by the build (to notebook) and the benchmark (to html). */
export function nbconvertExecuteArgs(
  to: "notebook" | "html",
  notebookPath: string,
  outputDir: string,
  timeoutSeconds = 600,
): string[] {
  return [
    "--to",
    to,
    "--execute",
    // no --allow-errors: the tslab kernel reports an exception as stderr text, not as an
    // error output, so the only reliable signal is nbconvert failing on the cell
    "--ExecutePreprocessor.kernel_name=tslab",
    `--ExecutePreprocessor.timeout=${timeoutSeconds}`,
    "--output-dir",
    outputDir,
    "--output",
    basename(notebookPath).replace(/\.ipynb$/i, ""),
    resolve(notebookPath),
  ];
}

/**
 * Executes one notebook through real Jupyter and the tslab kernel; the kernel starts in
 * the notebook's folder, as it does for a student. Unlike the embedded engine, a cell
 * that throws fails the execution (nbconvert's own rule), since tslab under Jupyter
 * reports exceptions only as stderr text.
 * @param notebookPath the .ipynb to execute (not modified)
 * @returns the executed notebook
 * @throws {Error} when nbconvert is missing or a cell fails, with the end of nbconvert's report
 */
export async function executeWithJupyter(notebookPath: string): Promise<Notebook> {
  const kernel = registerTslabKernel();
  try {
    const outDir = join(kernel.dir, "out");
    await run(nbconvertCommand(), nbconvertExecuteArgs("notebook", notebookPath, outDir), {
      env: kernel.env,
      cwd: dirname(resolve(notebookPath)),
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stderr?: string; message: string }) => {
      throw new Error(
        `jupyter nbconvert failed on ${notebookPath}: ${(error.stderr ?? error.message).trim().split("\n").slice(-15).join("\n")}`,
      );
    });
    const executed = join(outDir, basename(notebookPath));
    return parseNotebook(JSON.parse(readFileSync(executed, "utf8")), executed);
  } finally {
    kernel.dispose();
  }
}
