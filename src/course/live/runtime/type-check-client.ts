import type { CheckReply, FromChecker, ToChecker } from "../checker/protocol";
import { startWorker } from "./start-worker";

/** A cell that ran before the checker was ready, replayed to it once it is. */
export interface UncheckedRun {
  code: string;
  /** Receives the cell's diagnostics when the replay finds that TypeScript refuses it. */
  report: (diagnostics: string[]) => void;
}

/**
 * The page's handle on the type-checker worker (checker/worker.ts). It loads only when
 * asked (after the first run: it carries TypeScript and the declaration files), and until
 * it is ready cells run unchecked; they are replayed to it in order once it is, so later
 * cells see their names, as in tslab. A checker that fails to load leaves the kernel
 * running unchecked, with one note saying why.
 */
export class TypeCheckClient {
  private worker: Worker | undefined;
  private state: "idle" | "loading" | "ready" | "failed" = "idle";
  private failure = "";
  private readonly replies = new Map<number, (reply: CheckReply) => void>();
  private nextId = 1;
  private unchecked: UncheckedRun[] = [];

  constructor(
    private readonly url: URL,
    private readonly global: string,
  ) {}

  /** Where loading stands. */
  get status(): "idle" | "loading" | "ready" | "failed" {
    return this.state;
  }

  /** True once cells are checked before they run. */
  get ready(): boolean {
    return this.state === "ready";
  }

  /** Why type checking is off, once it failed to load ("" otherwise). */
  get failed(): string {
    return this.failure;
  }

  /** Starts loading the checker, once. */
  load(): void {
    if (this.state !== "idle") return;
    this.state = "loading";
    startWorker(this.url, this.global).then(
      (worker) => {
        this.worker = worker;
        worker.onmessage = (event: MessageEvent<FromChecker>) => this.onMessage(event.data);
        worker.onerror = (event: ErrorEvent) => {
          event.preventDefault();
          this.fail(event.message || "the type checker stopped");
        };
      },
      (error: unknown) => this.fail(error instanceof Error ? error.message : String(error)),
    );
  }

  /**
   * Checks a cell before it runs. Replies in request order (the worker is sequential).
   * @returns the verdict, or undefined when the checker is not ready (the cell runs unchecked)
   */
  check(code: string): Promise<CheckReply> | undefined {
    return this.request(code, false);
  }

  /** The cell last checked ran without error. */
  commit(declarations: string): void {
    this.post({ type: "commit", declarations });
  }

  /** A cell that ran without a check ran without error: replayed when the checker is ready. */
  ranUnchecked(run: UncheckedRun): void {
    if (this.state === "loading" || this.state === "idle") this.unchecked.push(run);
    else if (this.ready) this.replay(run);
  }

  /** The kernel restarted: no cell has run. */
  reset(): void {
    this.unchecked = [];
    this.post({ type: "reset" });
  }

  /** True while a check is awaited (a Stop then also ends the checker: the check may be what hangs). */
  get checking(): boolean {
    return this.replies.size > 0;
  }

  /** Ends the worker (a check that does not finish); the next load() starts it afresh. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const resolve of this.replies.values()) resolve({ type: "checked", id: 0, ok: "failed", message: "stopped" });
    this.replies.clear();
    this.unchecked = [];
    if (this.state !== "failed") this.state = "idle";
  }

  private request(code: string, commit: boolean): Promise<CheckReply> | undefined {
    if (!this.ready || !this.worker) return undefined;
    const id = this.nextId++;
    const reply = new Promise<CheckReply>((resolve) => this.replies.set(id, resolve));
    this.post({ type: "check", id, code, commit });
    return reply;
  }

  /** Checks a cell that already ran; the worker commits it at once when it passes, so the order holds. */
  private replay(run: UncheckedRun): void {
    void this.request(run.code, true)?.then((reply) => {
      if (reply.ok === false) run.report(reply.diagnostics);
    });
  }

  private post(message: ToChecker): void {
    if (this.ready && this.worker) this.worker.postMessage(message);
  }

  private onMessage(message: FromChecker): void {
    if (message.type === "ready") {
      this.state = "ready";
      const replay = this.unchecked;
      this.unchecked = [];
      for (const run of replay) this.replay(run);
    } else if (message.type === "failed") this.fail(message.message);
    else {
      const resolve = this.replies.get(message.id);
      this.replies.delete(message.id);
      resolve?.(message);
    }
  }

  private fail(message: string): void {
    this.state = "failed";
    this.failure = message;
    this.worker?.terminate();
    this.worker = undefined;
    for (const resolve of this.replies.values()) resolve({ type: "checked", id: 0, ok: "failed", message });
    this.replies.clear();
  }
}
