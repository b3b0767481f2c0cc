// TypeScript → JavaScript for the sandbox, in a worker thread of the trusted process (transpiling runs no student code).
import { buildSync } from "esbuild";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { InputError } from "../../core/errors";
import type { TranspileReply, TranspileWorkerData, TranspileWorkerMessage } from "./transpile-protocol";

/**
 * Syntax-only transpilation (the notebook loader's options): type errors do not stop a
 * submission, syntax errors do and are reported with line and column (and how many more
 * there are). It runs in a worker thread, because TypeScript recurses once per nesting level
 * and a student's 1,500-branch if/else chain or 1,000 nested parentheses overflowed the
 * grader's own stack ("Maximum call stack size exceeded", exit 2, the whole class ungraded).
 * In the worker the file gets its own stack, heap limit and wall clock; whatever happens
 * there — a stack overflow, running out of memory, a hang — becomes a message naming the
 * cause, and costs that file's exercises only. Results are memoised by content (thirty
 * identical stub files cost one transpile), except failures of the worker itself, which
 * depend on the machine's load.
 */
export type Transpiled = { ok: true; js: string } | { ok: false; message: string };

export interface TranspileLimits {
  /** Wall-clock limit of one file, from when the worker receives it [ms]. */
  timeoutMs: number;
  /** Stack of the worker thread [MB] (Node's default for workers, 4, is ≈ 4× the main thread's). */
  stackMb: number;
  /** V8 heap of the worker [MB]. */
  heapMb: number;
}

export const DEFAULT_TRANSPILE_LIMITS: TranspileLimits = { timeoutMs: 30_000, stackMb: 4, heapMb: 1024 };

/** The worker's code: transpile-worker.ts bundled with the loader's transpile (transpile-typescript.ts), once per process. */
let workerCode: string | undefined;
const code = (): string =>
  (workerCode ??= buildSync({
    entryPoints: [join(__dirname, "transpile-worker.ts")],
    bundle: true,
    write: false,
    format: "cjs",
    platform: "node",
    target: "node20",
    external: ["typescript"],
    logLevel: "silent",
  }).outputFiles[0].text);

const MiB = 1024 * 1024;
const fmtBytes = (n: number): string => (n >= MiB ? `${(n / MiB).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

function fromReply(label: string, reply: TranspileReply): Transpiled {
  switch (reply.kind) {
    case "js":
      return { ok: true, js: reply.js };
    case "syntax-error":
      return {
        ok: false,
        message: `${reply.message}${reply.errorCount > 1 ? ` (and ${reply.errorCount - 1} more)` : ""}`,
      };
    case "threw":
      return /call stack/i.test(reply.message)
        ? {
            ok: false,
            message: `${label}: TypeScript could not read this file: its code is nested too deeply (${reply.name}: ${reply.message}). A very long if/else chain or deeply nested brackets? Split them up.`,
          }
        : {
            ok: false,
            message: `${label}: TypeScript failed on this file (${reply.name}: ${reply.message.slice(0, 300)})`,
          };
  }
}

interface Job {
  label: string;
  source: string;
  key: string;
  resolve: (result: Transpiled) => void;
}

/**
 * One worker thread, one file at a time, replaced after a file kills it or runs out of time.
 * `close()` ends it; until then it does not keep the process alive on its own.
 */
export class StudentTranspiler {
  private worker: Promise<Worker | Error> | undefined;
  private readonly queue: Job[] = [];
  private busy = false;
  private nextId = 1;
  private readonly memo = new Map<string, Transpiled>();
  readonly limits: TranspileLimits;

  /** @throws {InputError} when a limit is not a positive finite number */
  constructor(limits: Partial<TranspileLimits> = {}) {
    this.limits = { ...DEFAULT_TRANSPILE_LIMITS, ...limits };
    for (const [name, value] of Object.entries(this.limits)) {
      if (!(typeof value === "number" && Number.isFinite(value) && value > 0))
        throw new InputError("StudentTranspiler", `limits.${name}`, "must be a positive number", value);
    }
  }

  /** Transpile one file. Never rejects: every failure is a message naming `label` and the cause. */
  transpile(label: string, source: string): Promise<Transpiled> {
    const key = createHash("sha256").update(label).update("\0").update(source).digest("hex");
    const known = this.memo.get(key);
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => {
      this.queue.push({ label, source, key, resolve });
      void this.pump();
    });
  }

  /** Stop the worker (pending files are still answered: by a fresh worker). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    const w = await worker;
    if (w instanceof Worker) await w.terminate();
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        const { result, deterministic } = await this.run(job);
        if (deterministic) {
          if (this.memo.size > 5000) this.memo.clear();
          this.memo.set(job.key, result);
        }
        job.resolve(result);
      }
    } finally {
      this.busy = false;
    }
  }

  private start(): Promise<Worker | Error> {
    const started = new Promise<Worker | Error>((resolve) => {
      let worker: Worker;
      try {
        const workerData: TranspileWorkerData = { typescript: createRequire(__filename).resolve("typescript") };
        worker = new Worker(code(), {
          eval: true,
          workerData,
          resourceLimits: { stackSizeMb: this.limits.stackMb, maxOldGenerationSizeMb: this.limits.heapMb },
        });
      } catch (err) {
        return resolve(err instanceof Error ? err : new Error(String(err)));
      }
      worker.unref();
      // Always listening: an 'error' event without a listener would throw in the grader.
      worker.on("error", (err) => resolve(err));
      worker.on("exit", () => {
        if (this.worker === started) this.worker = undefined; // the next file starts a fresh worker
        resolve(new Error("the worker ended while starting"));
      });
      worker.once("message", () => resolve(worker)); // { ready: true }: TypeScript is loaded
    });
    return started;
  }

  private discard(worker: Worker): void {
    this.worker = undefined;
    void worker.terminate();
  }

  private async run(job: Job): Promise<{ result: Transpiled; deterministic: boolean }> {
    const started = (this.worker ??= this.start());
    const worker = await started;
    if (!(worker instanceof Worker)) {
      if (this.worker === started) this.worker = undefined;
      return {
        result: { ok: false, message: `${job.label}: the grader could not start TypeScript (${worker.message})` },
        deterministic: false,
      };
    }
    const id = this.nextId++;
    const { label } = job;
    return new Promise((resolve) => {
      // Set once the listeners are attached; finish() (which clears it) is declared before that.
      // eslint-disable-next-line prefer-const -- read by finish() before its single assignment
      let timer: NodeJS.Timeout | undefined;
      const finish = (result: Transpiled, deterministic: boolean, kill: boolean): void => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (kill || !deterministic) this.discard(worker);
        resolve({ result, deterministic });
      };
      const onMessage = (m: TranspileWorkerMessage): void => {
        if ("id" in m && m.id === id) finish(fromReply(label, m.reply), true, false);
      };
      const onError = (err: Error & { code?: string }): void => {
        const cause =
          err.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? `ran out of memory (limit ${this.limits.heapMb} MB) on this ${fmtBytes(job.source.length)} file; is it very large?`
            : `crashed on this file (${err.name}: ${err.message.slice(0, 300)})`;
        finish({ ok: false, message: `${label}: TypeScript ${cause}` }, false, true);
      };
      const onExit = (exitCode: number): void =>
        finish(
          { ok: false, message: `${label}: TypeScript's worker ended on this file (exit code ${exitCode})` },
          false,
          true,
        );
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      timer = setTimeout(
        () =>
          finish(
            {
              ok: false,
              message: `${label}: TypeScript did not finish reading this ${fmtBytes(job.source.length)} file within ${this.limits.timeoutMs / 1000} s; is it very large or nested very deeply?`,
            },
            false,
            true,
          ),
        this.limits.timeoutMs,
      );
      worker.postMessage({ id, label, source: job.source });
    });
  }
}

let shared: StudentTranspiler | undefined;

/**
 * Transpile one student file (label: "exercises/ch02.ts"), by default in a worker shared by
 * the process. Never rejects.
 */
export function transpileStudentFile(
  label: string,
  source: string,
  transpiler: StudentTranspiler = (shared ??= new StudentTranspiler()),
): Promise<Transpiled> {
  return transpiler.transpile(label, source);
}
