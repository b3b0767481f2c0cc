import { InputError } from "../../../core/errors";
import type { Output } from "../../site/notebook";
import type { CellRef, FromWorker, ToWorker } from "./protocol";

export type { CellRef } from "./protocol";

/** How a run ended: finished, threw (an error output was sent), stopped by stop(), or timed out. */
export type RunStatus = "ok" | "error" | "stopped" | "timeout";

export interface LiveKernelOptions {
  /** URL of the built `assets/live/worker.js`. */
  workerUrl: string | URL;
  /** Wall-clock limit of one cell [ms]; default 30 000. The worker is terminated past it. */
  timeoutMs?: number;
}

/** The global a file:// page gets when worker.js is loaded as a classic script (see docs/live.md). */
const WORKER_GLOBAL = "__mdwLiveWorker";

interface PendingRun {
  code: string;
  cell: CellRef;
  onOutput: (output: Output) => void;
  resolve: (status: RunStatus) => void;
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
  private worker: Worker | undefined;
  private readonly queue: PendingRun[] = [];
  private current: { run: PendingRun; id: number; timer: ReturnType<typeof setTimeout> | undefined } | undefined;
  private nextId = 1;
  /** Bumped by stop()/restart() so a worker still being created for a dead generation is dropped. */
  private generation = 0;

  constructor(options: LiveKernelOptions) {
    const fn = "LiveKernel";
    if (typeof options !== "object" || options === null) throw new InputError(fn, "options", "must be an object", options);
    const { workerUrl, timeoutMs = 30_000 } = options;
    if (!(typeof workerUrl === "string" && workerUrl.length > 0) && !(workerUrl instanceof URL)) {
      throw new InputError(fn, "options.workerUrl", "must be a non-empty string or a URL", workerUrl);
    }
    if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
      throw new InputError(fn, "options.timeoutMs", "must be a positive number of milliseconds", timeoutMs);
    }
    this.workerUrl = new URL(String(workerUrl), globalThis.location?.href);
    this.timeoutMs = timeoutMs;
    // Start loading now: the library takes a moment to evaluate, and a reader who opens a
    // page usually runs something soon. A failure here is reported by the first run.
    this.ensureWorker().catch(() => undefined);
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
    this.ensureWorker().then(
      (worker) => {
        if (generation !== this.generation || this.current?.id !== id) return;
        const message: ToWorker = { type: "run", id, code: run.code, cell: run.cell };
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
    current.run.resolve(status);
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
    this.workerPromise = createWorker(this.workerUrl).then((worker) => {
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

/**
 * Starts the worker. Over http(s) it is `new Worker(url)`. Chromium refuses a worker
 * from a file:// URL, so from disk worker.js is loaded as a classic script (it then only
 * defines a global function holding the whole worker) and started from a Blob of that
 * function's source text.
 */
async function createWorker(url: URL): Promise<Worker> {
  if (url.protocol !== "file:") return new Worker(url);
  const scope = globalThis as unknown as Record<string, unknown>;
  if (typeof scope[WORKER_GLOBAL] !== "function") {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url.href;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`cannot load ${url.href}`));
      document.head.append(script);
    });
  }
  const body = scope[WORKER_GLOBAL];
  if (typeof body !== "function") throw new Error(`${url.href} did not define the live worker`);
  const blob = new Blob([`(${String(body)})();`], { type: "text/javascript" });
  return new Worker(URL.createObjectURL(blob));
}
