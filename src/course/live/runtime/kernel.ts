import { InputError } from "../../../core/errors";
import { typeScriptErrorOutput } from "../../execute/typescript-error";
import type { Output } from "../../../core/nbformat";
import type { CellRef, FromWorker, ToWorker } from "./protocol";
import { startWorker } from "./start-worker";
import { TypeCheckClient } from "./type-check-client";

export type { CellRef } from "./protocol";

/** How a run ended: finished, threw (an error output was sent), stopped by stop(), or timed out. */
export type RunStatus = "ok" | "error" | "stopped" | "timeout";

export interface LiveKernelOptions {
  /** URL of the built `assets/live/worker.js`. */
  workerUrl: string | URL;
  /** Wall-clock limit of one cell [ms]; default 30 000. The worker is terminated past it. */
  timeoutMs?: number;
  /**
   * URL of the built `assets/live/checker.js`: cells are then type-checked as tslab does
   * (loaded after the first run). Without it cells run unchecked.
   */
  checkerUrl?: string | URL;
}

/** The globals a file:// page gets when worker.js / checker.js load as classic scripts (see docs/live.md). */
const WORKER_GLOBAL = "__mdwLiveWorker";
const CHECKER_GLOBAL = "__mdwLiveChecker";

interface PendingRun {
  code: string;
  cell: CellRef;
  onOutput: (output: Output) => void;
  resolve: (status: RunStatus) => void;
  /** The declarations the type check found, committed once the cell ran without error; undefined when unchecked. */
  declarations?: string;
}

/**
 * The page's handle on the live kernel: a Web Worker that runs cells like tslab (shared
 * names in run order, top-level await, the library's imports). Runs are queued in call
 * order; a run that never finishes is ended by stop() or the timeout by terminating the
 * worker, so the page never freezes. State is then lost and the next run starts afresh.
 */
export class LiveKernel {
  private readonly workerUrl: URL;
  private readonly timeoutMs: number;
  private readonly checker: TypeCheckClient | undefined;
  private checkerFailureShown = false;
  private worker: Worker | undefined;
  private readonly queue: PendingRun[] = [];
  private current: { run: PendingRun; id: number; timer: ReturnType<typeof setTimeout> | undefined } | undefined;
  private nextId = 1;
  /** Bumped by stop()/restart() so a worker still being created for a dead generation is dropped. */
  private generation = 0;

  constructor(options: LiveKernelOptions) {
    const fn = "LiveKernel";
    if (typeof options !== "object" || options === null)
      throw new InputError(fn, "options", "must be an object", options);
    const { workerUrl, timeoutMs = 30_000, checkerUrl } = options;
    if (!(typeof workerUrl === "string" && workerUrl.length > 0) && !(workerUrl instanceof URL)) {
      throw new InputError(fn, "options.workerUrl", "must be a non-empty string or a URL", workerUrl);
    }
    if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
      throw new InputError(fn, "options.timeoutMs", "must be a positive number of milliseconds", timeoutMs);
    }
    if (
      checkerUrl !== undefined &&
      !(typeof checkerUrl === "string" && checkerUrl.length > 0) &&
      !(checkerUrl instanceof URL)
    ) {
      throw new InputError(fn, "options.checkerUrl", "must be a non-empty string or a URL when given", checkerUrl);
    }
    this.workerUrl = new URL(String(workerUrl), globalThis.location?.href);
    this.timeoutMs = timeoutMs;
    if (checkerUrl !== undefined)
      this.checker = new TypeCheckClient(new URL(String(checkerUrl), globalThis.location?.href), CHECKER_GLOBAL);
    // Start loading now: the library takes a moment to evaluate, and a reader who opens a
    // page usually runs something soon. A failure here is reported by the first run.
    this.ensureWorker().catch(() => undefined);
  }

  /** Whether cells are type-checked: "off" without a checker URL, then "idle" → "loading" → "ready" (or "failed"). */
  get typeChecking(): "off" | "idle" | "loading" | "ready" | "failed" {
    return this.checker?.status ?? "off";
  }

  /** True while a run is in progress or queued. */
  get busy(): boolean {
    return this.current !== undefined || this.queue.length > 0;
  }

  /**
   * Queues one cell. Outputs arrive through `onOutput` as nbformat outputs while it runs.
   * @param code the cell's TypeScript source
   * @param cell its index on the page and the label errors name ("Cell 4")
   * @param onOutput receives each stream / display / error output in order
   * @returns how the run ended
   * @throws {InputError} when code is not a string, cell is not { index, label } or onOutput is not a function
   */
  run(code: string, cell: CellRef, onOutput: (output: Output) => void): Promise<RunStatus> {
    const fn = "LiveKernel.run";
    if (typeof code !== "string") throw new InputError(fn, "code", "must be a string", code);
    if (typeof cell !== "object" || cell === null || !Number.isInteger(cell.index) || typeof cell.label !== "string") {
      throw new InputError(fn, "cell", "must be { index: integer, label: string }", cell);
    }
    if (typeof onOutput !== "function") throw new InputError(fn, "onOutput", "must be a function", onOutput);
    return new Promise<RunStatus>((resolve) => {
      this.queue.push({ code, cell: { index: cell.index, label: cell.label }, onOutput, resolve });
      this.pump();
    });
  }

  /** The student id sent with every cell (a restarted worker gets it with its first cell). */
  private studentId: string | null = null;

  /**
   * Work under this student id (null: the published numbers) from the next cell on: varied
   * exercises' variant() and check() in the worker use the student's numbers.
   * @throws {InputError} when id is neither null nor a non-empty string
   */
  setStudentId(id: string | null): void {
    if (id !== null && (typeof id !== "string" || id === ""))
      throw new InputError("LiveKernel.setStudentId", "id", "must be null or a non-empty string", id);
    this.studentId = id;
  }

  /** Ends the running cell and every queued one ("stopped"); terminates the worker and its state. */
  stop(): void {
    this.terminate("stopped");
  }

  /** Drops the kernel's state: the same as stop(), then the next run starts a fresh worker. */
  restart(): void {
    this.terminate("stopped");
  }

  private terminate(status: RunStatus): void {
    this.generation += 1;
    // The kernel's names are gone, so are the checker's; a check in progress may be what hangs.
    if (this.checker?.checking) this.checker.terminate();
    this.checker?.reset();
    this.worker?.terminate();
    this.worker = undefined;
    const ended = [...(this.current ? [this.current.run] : []), ...this.queue.splice(0)];
    if (this.current) clearTimeout(this.current.timer);
    this.current = undefined;
    for (const run of ended) run.resolve(status);
  }

  private pump(): void {
    if (this.current !== undefined) return;
    const run = this.queue.shift();
    if (run === undefined) return;
    const id = this.nextId++;
    // The time limit starts when the worker starts the cell ("started"), so a cold start
    // (loading the library) never counts against the cell.
    this.current = { run, id, timer: undefined };
    const generation = this.generation;
    const live = (): boolean => generation === this.generation && this.current?.id === id;
    Promise.all([this.typeCheck(run), this.ensureWorker()]).then(
      ([diagnostics, worker]) => {
        if (!live()) return;
        // As tslab: a cell TypeScript refuses does not run.
        if (diagnostics) return this.finish(id, "error", typeScriptErrorOutput(run.cell.label, diagnostics));
        const message: ToWorker = { type: "run", id, code: run.code, cell: run.cell, studentId: this.studentId };
        worker.postMessage(message);
      },
      (error: unknown) => {
        if (generation !== this.generation || this.current?.id !== id) return;
        this.finish(id, "error", {
          output_type: "error",
          ename: "KernelError",
          evalue: `the live kernel could not start: ${(error as Error)?.message ?? String(error)}`,
          traceback: [],
        });
      },
    );
  }

  /** The cell's diagnostics when TypeScript refuses it; undefined when it passes or is not checked. */
  private async typeCheck(run: PendingRun): Promise<string[] | undefined> {
    if (this.checker?.failed && !this.checkerFailureShown) {
      this.checkerFailureShown = true;
      run.onOutput({
        output_type: "stream",
        name: "stderr",
        text: `Type checking is off in this browser (${this.checker.failed}); cells run without it.\n`,
      });
    }
    const reply = await this.checker?.check(run.code);
    if (reply?.ok === false) return reply.diagnostics;
    if (reply?.ok === true) run.declarations = reply.declarations;
    return undefined;
  }

  private timeOut(): void {
    const current = this.current;
    if (current === undefined) return;
    const seconds = Math.round(this.timeoutMs / 100) / 10;
    current.run.onOutput({
      output_type: "error",
      ename: "Timeout",
      evalue: `${current.run.cell.label} did not finish within ${seconds} s and was stopped (an endless loop?). The kernel restarted: run the cells above it again.`,
      traceback: [],
    });
    // Only the running cell timed out; the queued ones are ended with it, like Jupyter
    // aborts the rest of a Run all after an error.
    this.terminate("timeout");
  }

  private finish(id: number, status: RunStatus, output?: Output): void {
    const current = this.current;
    if (current === undefined || current.id !== id) return;
    clearTimeout(current.timer);
    this.current = undefined;
    if (output) current.run.onOutput(output);
    const { run } = current;
    if (this.checker && status === "ok") {
      if (run.declarations !== undefined) this.checker.commit(run.declarations);
      else
        this.checker.ranUnchecked({
          code: run.code,
          report: (diagnostics) => run.onOutput(typeScriptErrorOutput(run.cell.label, diagnostics)),
        });
    }
    // The checker is several MB: it loads once the kernel is idle after its first runs, so it
    // never competes with a first Run all (those cells are checked when it is ready).
    if (this.queue.length === 0) this.checker?.load();
    run.resolve(status);
    this.pump();
  }

  private onMessage(message: FromWorker): void {
    const current = this.current;
    if (current === undefined || message.id !== current.id) return;
    if (message.type === "started") current.timer ??= setTimeout(() => this.timeOut(), this.timeoutMs);
    else if (message.type === "output") current.run.onOutput(message.output);
    else if (message.type === "done") this.finish(message.id, message.status);
  }

  private workerPromise: Promise<Worker> | undefined;
  private workerGeneration = -1;

  private ensureWorker(): Promise<Worker> {
    if (this.workerPromise && this.workerGeneration === this.generation) return this.workerPromise;
    const generation = this.generation;
    this.workerGeneration = generation;
    this.workerPromise = startWorker(this.workerUrl, WORKER_GLOBAL).then((worker) => {
      if (generation !== this.generation) {
        worker.terminate();
        throw new Error("stopped");
      }
      this.worker = worker;
      worker.onmessage = (event: MessageEvent<FromWorker>) => this.onMessage(event.data);
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        const current = this.current;
        if (current) {
          this.finish(current.id, "error", {
            output_type: "error",
            ename: "KernelError",
            evalue: `the live kernel failed: ${event.message}`,
            traceback: [],
          });
        }
      };
      const init: ToWorker = { type: "init", assetsUrl: new URL(".", this.workerUrl).href };
      worker.postMessage(init);
      return worker;
    });
    return this.workerPromise;
  }
}
