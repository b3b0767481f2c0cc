import type { NotebookEngine } from "../execute";
import { InputError } from "../../core/errors";
import { executeWithJupyter } from "./jupyter-engine";
import { parseNotebook, type Notebook } from "./notebook";

/**
 * How the build executes a notebook. "embedded" runs tslab's converter and executor
 * in-process (src/course/execute): no Python, fast. "jupyter" runs real Jupyter
 * (nbconvert + the tslab kernel), slower, and proves the notebooks work where students
 * run them.
 */
export type EngineName = "embedded" | "jupyter";
export const ENGINES: readonly EngineName[] = ["embedded", "jupyter"];

/** Executes the notebook at a path and returns the executed notebook (nbformat v4). */
export type ExecuteNotebook = (notebookPath: string) => Promise<Notebook>;

/** An executor and how to release it (compilers, file watchers) when the build is done. */
export interface Executor {
  execute: ExecuteNotebook;
  close(): void;
}

/** Validates an engine name at the boundary. */
export function checkEngine(fn: string, value: unknown): EngineName {
  if (value !== "embedded" && value !== "jupyter") throw new InputError(fn, "engine", 'must be "embedded" or "jupyter"', value);
  return value;
}

/**
 * The one adapter between the site build and the embedded engine (src/course/execute):
 * one warm engine for the whole build, so tslab's TypeScript compiler is built once,
 * while every notebook still starts from a fresh kernel state. Required lazily: a fully
 * cached build never loads tslab.
 */
export function embeddedExecutor(): Executor {
  let engine: Promise<NotebookEngine> | undefined;
  return {
    execute: async (notebookPath) => {
      engine ??= import("../execute").then((m) => m.createNotebookEngine());
      const result = await (await engine).execute(notebookPath, { stopOnError: true });
      return parseNotebook(result.notebook, `executed ${notebookPath}`);
    },
    close: () => {
      void engine?.then((e) => e.close());
    },
  };
}

/** Real Jupyter: one nbconvert run per notebook, each with a fresh kernel. */
export function jupyterExecutor(): Executor {
  return { execute: executeWithJupyter, close: () => undefined };
}

/** The executor for an engine ("embedded" or "jupyter"). */
export function executorFor(engine: EngineName): Executor {
  return engine === "jupyter" ? jupyterExecutor() : embeddedExecutor();
}
