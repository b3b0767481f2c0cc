import { existsSync, statSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";
import { performance } from "node:perf_hooks";
import { InputError } from "../../core/errors";
import { integerAtLeast, plainObject } from "../../core/validate";
import { generateWorkbookTypes, workbookTypesDirectory } from "../jupyter/workbook-types";
import { CellOutputs } from "./cell-outputs";
import { forgetProjectModules, projectRootOf } from "./fresh-modules";
import { writeFileAtomic } from "../../core/files";
import { joinText, type CodeCell, type ErrorOutput, type Notebook } from "../../core/nbformat";
import { readNotebookFile, readNotebookValue, serializeNotebook } from "./notebook-format";
import { Converters, TslabSession } from "./tslab-session";
import { typeScriptErrorOutput } from "./typescript-error";

export interface ExecuteOptions {
  /** Kernel working directory, which is also tslab's rootDir. Default: the notebook's folder (or process.cwd() for an object). */
  cwd?: string;
  /** Stop at the first unexpected error (default true, as Jupyter "run all" does); later cells are left unexecuted. */
  stopOnError?: boolean;
  /** Per-cell limit [ms] for asynchronous work (awaits). A synchronous endless loop cannot be interrupted in-process. */
  timeoutMs?: number;
  /** Write the executed notebook here (atomically). The input file is never modified unless this names it. */
  outputPath?: string;
  /** Reload the project's own modules before running, as a fresh kernel would (default true). */
  freshModules?: boolean;
}

/** How one code cell went. */
export interface CellReport {
  /** Position of the cell in notebook.cells. */
  index: number;
  executionCount: number | null;
  /** Wall-clock time [ms], 0 for skipped cells. */
  ms: number;
  /** "error-expected" is an error in a cell tagged `raises-exception`. */
  status: "ok" | "error" | "error-expected" | "skipped";
}

/** An error raised by a cell, as stored in its error output. */
export interface CellError {
  index: number;
  executionCount: number | null;
  ename: string;
  evalue: string;
  traceback: string[];
}

export interface ExecutionResult {
  /** The executed copy; the input is left untouched. */
  notebook: Notebook;
  cells: CellReport[];
  /** Unexpected errors only (cells tagged `raises-exception` are reported in `cells`). */
  errors: CellError[];
  /** Compiler start-up [ms]; 0 when a warm engine reused its compiler. */
  startupMs: number;
  /** Total wall-clock time [ms]. */
  ms: number;
}

/** Runs notebooks with tslab in this process; keeps compilers warm between runs until closed. */
export interface NotebookEngine {
  execute(notebook: string | Notebook, options?: ExecuteOptions): Promise<ExecutionResult>;
  /** Releases compilers and file watchers; the process can then exit. */
  close(): void;
}

const FN = "executeNotebook";

/**
 * Executes every code cell of a notebook in order with tslab's own converter and
 * executor, in this process and without Jupyter or Python, and records the outputs in
 * nbformat v4: stdout/stderr as stream outputs, tslab display messages (e.g. show())
 * as display_data, exceptions and TypeScript errors as error outputs whose traceback
 * names the cell. Execution counts run 1, 2, 3… and no timestamps or random ids are
 * stored, so executing the same notebook twice gives byte-identical files. Timings are
 * reported separately, never written into the notebook.
 * @param notebook a path to an .ipynb file or a notebook object (never modified)
 * @throws {InputError} when the notebook or an option is invalid
 * @example (await executeNotebook("notebooks/00-platform.ipynb")).errors.length // => 0
 */
export async function executeNotebook(
  notebook: string | Notebook,
  options: ExecuteOptions = {},
): Promise<ExecutionResult> {
  const engine = createNotebookEngine();
  try {
    return await engine.execute(notebook, options);
  } finally {
    engine.close();
  }
}

/**
 * A reusable engine: the TypeScript compiler for a folder is built once (the slow part)
 * and reused, while every execution still starts from a fresh kernel state.
 */
export function createNotebookEngine(): NotebookEngine {
  const converters = new Map<string, Converters>();
  return {
    execute: (notebook, options = {}) =>
      serialized(async () => {
        const opts = readOptions(notebook, options);
        if (refreshDeclarations(opts.cwd)) {
          // New declarations: a cached compiler may still hold the old ones.
          converters.get(opts.cwd)?.close();
          converters.delete(opts.cwd);
        }
        let startupMs = 0;
        let set = converters.get(opts.cwd);
        if (!set) {
          const t0 = performance.now();
          set = new Converters(opts.cwd);
          void set.node; // build the compiler (the getter compiles on first use)
          startupMs = performance.now() - t0;
          converters.set(opts.cwd, set);
        }
        return run(opts, set, startupMs);
      }),
    close: () => {
      for (const set of converters.values()) set.close();
      converters.clear();
    },
  };
}

/**
 * Regenerates the notebook type declarations when src/ changed, so a notebook using a
 * changed signature compiles against it. Only for projects with the generated package.
 * @returns whether declarations were regenerated
 */
function refreshDeclarations(cwd: string): boolean {
  const root = projectRootOf(cwd);
  if (!root || !existsSync(dirname(workbookTypesDirectory(root)))) return false;
  return generateWorkbookTypes(root).ran;
}

interface ResolvedOptions {
  notebook: Notebook;
  cwd: string;
  stopOnError: boolean;
  timeoutMs: number | undefined;
  outputPath: string | undefined;
  freshModules: boolean;
}

function readOptions(notebook: string | Notebook, options: ExecuteOptions): ResolvedOptions {
  const opts = plainObject(FN, "options", options);
  const fromPath = typeof notebook === "string";
  const nb = fromPath ? readNotebookFile(FN, notebook) : readNotebookValue(FN, notebook);
  const cwd = resolve(
    opts.cwd === undefined ? (fromPath ? dirname(resolve(notebook)) : process.cwd()) : String(opts.cwd),
  );
  if (!existsSync(cwd) || !statSync(cwd).isDirectory())
    throw new InputError(FN, "options.cwd", "must be an existing directory", opts.cwd ?? cwd);
  const flag = (name: string, fallback: boolean) => {
    const value = opts[name];
    if (value === undefined) return fallback;
    if (typeof value !== "boolean") throw new InputError(FN, `options.${name}`, "must be true or false", value);
    return value;
  };
  const timeoutMs =
    opts.timeoutMs === undefined ? undefined : integerAtLeast(FN, "options.timeoutMs", opts.timeoutMs, 1);
  if (opts.outputPath !== undefined && (typeof opts.outputPath !== "string" || opts.outputPath === ""))
    throw new InputError(FN, "options.outputPath", "must be a file path", opts.outputPath);
  return {
    notebook: nb,
    cwd,
    stopOnError: flag("stopOnError", true),
    timeoutMs,
    outputPath: opts.outputPath === undefined ? undefined : resolve(String(opts.outputPath)),
    freshModules: flag("freshModules", true),
  };
}

async function run(opts: ResolvedOptions, converters: Converters, startupMs: number): Promise<ExecutionResult> {
  const started = performance.now();
  const projectRoot = projectRootOf(opts.cwd);
  if (opts.freshModules && projectRoot) forgetProjectModules(projectRoot);
  const session = new TslabSession(converters);
  const notebook = opts.notebook;
  const cells: CellReport[] = [];
  const errors: CellError[] = [];
  const displays: ConstructorParameters<typeof CellOutputs>[0] = new Map(); // display id → outputs, across cells
  let executionCount = 0;
  let stopped = false;
  try {
    for (const [index, cell] of notebook.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      const code = cell as CodeCell;
      if (stopped) {
        code.execution_count = null;
        code.outputs = [];
        cells.push({ index, executionCount: null, ms: 0, status: "skipped" });
        continue;
      }
      const count = ++executionCount;
      const outputs = new CellOutputs(displays);
      let exception: unknown = undefined;
      const diagnostics: string[] = [];
      const t0 = performance.now();
      const { ok, timedOut } = await session.run(
        joinText(code.source),
        {
          stream: (name, text) => outputs.stream(name, text),
          display: (message, update) => outputs.display(message, update),
          exception: (error) => (exception = error),
          diagnostic: (text) => diagnostics.push(text),
        },
        opts.timeoutMs,
      );
      await session.settleDisplays();
      const ms = performance.now() - t0;
      const expected = Array.isArray(code.metadata?.tags) && code.metadata.tags.includes("raises-exception");
      if (!ok) {
        const error = errorOutput({
          index,
          count,
          exception,
          diagnostics,
          timedOut,
          timeoutMs: opts.timeoutMs,
          projectRoot,
        });
        outputs.error(error);
        if (!expected)
          errors.push({
            index,
            executionCount: count,
            ename: error.ename,
            evalue: error.evalue,
            traceback: error.traceback,
          });
        if (!expected && opts.stopOnError) stopped = true;
      }
      code.execution_count = count;
      code.outputs = outputs.outputs();
      cells.push({ index, executionCount: count, ms, status: ok ? "ok" : expected ? "error-expected" : "error" });
    }
  } finally {
    session.close();
  }
  if (opts.outputPath) writeFileAtomic(opts.outputPath, serializeNotebook(notebook));
  return { notebook, cells, errors, startupMs, ms: performance.now() - started + startupMs };
}

interface ErrorFacts {
  index: number;
  count: number;
  exception: unknown;
  diagnostics: string[];
  timedOut: boolean;
  timeoutMs: number | undefined;
  projectRoot: string | null;
}

/** An nbformat error output whose first traceback line names the cell. */
function errorOutput(facts: ErrorFacts): ErrorOutput {
  const where = `cell ${facts.index} (execution count ${facts.count})`;
  if (facts.timedOut) {
    const evalue = `${where} did not finish within ${facts.timeoutMs} ms`;
    return { output_type: "error", ename: "TimeoutError", evalue, traceback: [`TimeoutError in ${where}: ${evalue}`] };
  }
  if (facts.diagnostics.length > 0) return typeScriptErrorOutput(where, facts.diagnostics);
  const error = facts.exception;
  if (error instanceof Error || (typeof error === "object" && error !== null && "message" in error)) {
    const e = error as Error;
    const ename = typeof e.name === "string" && e.name ? e.name : "Error";
    const evalue = String(e.message);
    return {
      output_type: "error",
      ename,
      evalue,
      traceback: [`${ename} in ${where}: ${evalue}`, ...stackFrames(e.stack, facts)],
    };
  }
  const evalue = error === undefined ? "the cell failed without an exception" : String(error);
  return { output_type: "error", ename: "Error", evalue, traceback: [`Error in ${where}: ${evalue}`] };
}

/**
 * The stack frames worth reading: the cell's own code and the library, not tslab's or
 * Node's internals. Paths are made relative to the project so tracebacks are the same on
 * every machine.
 */
function stackFrames(stack: string | undefined, facts: ErrorFacts): string[] {
  if (!stack) return [];
  const root = facts.projectRoot ? facts.projectRoot + sep : null;
  return stack
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .filter(
      (line) =>
        !line.includes(`${sep}node_modules${sep}tslab${sep}`) &&
        !line.includes("node:internal") &&
        !line.includes(`${sep}node_modules${sep}tsx${sep}`),
    )
    .map((line) => line.replace(/evalmachine\.<anonymous>/g, `cell ${facts.index}`))
    .map((line) => (root ? line.split(root).join("") : line));
}

/** One execution at a time: the engine swaps process-wide hooks (cwd, console, stdout). */
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const registry = globalThis as unknown as Record<symbol, Promise<unknown> | undefined>;
  // A global, not module state: the hooks are process-wide, and this module can be evaluated more
  // than once in a process (vitest re-evaluates it for each test file of a worker), each instance an engine.
  const key = Symbol.for("microdosing-workbook.engineQueue");
  const previous = registry[key] ?? Promise.resolve();
  const next = previous.then(task, task);
  registry[key] = next.catch(() => undefined);
  return next;
}
