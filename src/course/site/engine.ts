import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import type { NotebookEngine } from "../execute";
import { InputError } from "../../core/errors";
import type { WorkerReply, WorkerRequest } from "./execute-worker-protocol";
import { executeWithJupyter } from "./jupyter-engine";
import type { Notebook } from "../../core/nbformat";
import { parseNotebook } from "./notebook";

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
  /** resolves when everything the executor started has ended */
  close(): void | Promise<void>;
}

/** Validates an engine name at the boundary. */
export function checkEngine(fn: string, value: unknown): EngineName {
  if (value !== "embedded" && value !== "jupyter")
    throw new InputError(fn, "engine", 'must be "embedded" or "jupyter"', value);
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

/**
 * The embedded engine spread over `workers` processes, each with its own warm engine, so
 * a cold build uses every core (tslab's compiler is single-threaded). Notebooks go to
 * whichever worker is free; execute() may be called concurrently.
 */
export function workerPoolExecutor(workers: number): Executor {
  const idle: ChildProcess[] = [];
  const all: ChildProcess[] = [];
  const waiting: Array<(worker: ChildProcess) => void> = [];
  let nextId = 0;
  const startWorker = (): ChildProcess => {
    const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "execute-worker.ts")], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    all.push(child);
    return child;
  };
  const acquire = (): Promise<ChildProcess> => {
    const free = idle.pop();
    if (free) return Promise.resolve(free);
    if (all.length < workers) return Promise.resolve(startWorker());
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (worker: ChildProcess): void => {
    const next = waiting.shift();
    if (next) next(worker);
    else idle.push(worker);
  };
  return {
    execute: async (notebookPath) => {
      const worker = await acquire();
      const id = nextId++;
      try {
        const reply = await new Promise<WorkerReply>((resolve, reject) => {
          const onMessage = (message: WorkerReply) => {
            if (message.id !== id) return;
            worker.off("message", onMessage);
            worker.off("exit", onExit);
            resolve(message);
          };
          const onExit = (code: number | null) =>
            reject(new Error(`execute worker exited (${code}) while running ${notebookPath}`));
          worker.on("message", onMessage);
          worker.once("exit", onExit);
          worker.send({ id, file: notebookPath } satisfies WorkerRequest);
        });
        if ("error" in reply) throw new Error(reply.error);
        return parseNotebook(reply.notebook, `executed ${notebookPath}`);
      } finally {
        release(worker);
      }
    },
    close: async () => {
      // wait for the workers to end, so their CPU time is accounted to this process
      await Promise.all(
        all.map((worker) => {
          if (worker.exitCode !== null || worker.signalCode !== null) return undefined;
          const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
          if (worker.connected) worker.disconnect();
          return exited;
        }),
      );
    },
  };
}

/** Real Jupyter: one nbconvert run per notebook, each with a fresh kernel. */
export function jupyterExecutor(): Executor {
  return { execute: executeWithJupyter, close: () => undefined };
}

/** The executor for an engine ("embedded" or "jupyter"); the embedded one in `jobs` processes when jobs > 1. */
export function executorFor(engine: EngineName, jobs = 1): Executor {
  if (engine === "jupyter") return jupyterExecutor();
  return jobs > 1 ? workerPoolExecutor(jobs) : embeddedExecutor();
}
