// The trusted side of one student's sandbox: spawn, ask, time out, kill, restart.
import { spawn, type ChildProcess } from "node:child_process";
import { sandboxCommand, type Isolation, type SandboxLimits, type SandboxPaths } from "./isolation";
import type { ChildMessage, ProbeGroup, ProbeRequest } from "./protocol";

/**
 * A session drives the sandbox processes of ONE submission. Requests go one at a time; each
 * carries the probes of several exercises of one file (one group per exercise), and every
 * group has its own wall-clock limit enforced here, in the parent, by SIGKILL — which ends a
 * synchronous `while (true) {}` that no in-process timeout could. The child sends each
 * group's outcomes as soon as it has them, and the next group's clock starts then, so a hang
 * costs only the group that hangs. A killed or crashed process is replaced by a fresh one on
 * the next request (the files it had loaded are loaded again). The student's stdout and
 * stderr are kept up to a cap, for the instructor's log only: they may contain hidden inputs
 * the student's code printed, so they never reach the feedback.
 */
export type Reply =
  | { kind: "outcomes"; outcomes: unknown[] }
  | { kind: "load-error"; message: string; printed: Printed }
  /** The process ended (crash, process.exit, out of memory) while loading the file or running the probes. */
  | { kind: "died"; duringLoad: boolean; detail: string; printed: Printed }
  | { kind: "timeout"; duringLoad: boolean; printed: Printed };

/**
 * What the student's code printed, so that a kill, crash or timeout caused by printing is
 * blamed on the printing: bytes of stdout + stderr received while a group was timed, and by
 * the current process since it started, with the file whose requests were running when the
 * most of it arrived.
 */
export interface Printed {
  /** During the group that failed (its file's loading included) [bytes]. */
  group: number;
  /** By the current process since it started [bytes]. */
  process: number;
  /** The label ("exercises/ch01.ts") whose requests were running when the most output arrived, and how much. */
  loudest?: { label: string; bytes: number };
}

/** How a request ended before its last group: what happened to group `done.length`, and the limit it had [ms]. */
export type BatchStop =
  | { kind: "failed"; reply: Exclude<Reply, { kind: "outcomes" }>; budgetMs: number }
  /** No time was left to start the next group (the budget function said ≤ 0); the process was stopped. */
  | { kind: "out-of-time" };

export interface BatchReply {
  /** The outcomes of the first groups, in order, as the child sent them (to be re-validated). */
  done: unknown[][];
  /** Bytes printed while each of those groups was timed. */
  printed: number[];
  /** Set when the request ended before every group was done. */
  stop?: BatchStop;
}

export interface SessionOptions {
  paths: SandboxPaths;
  limits: SandboxLimits;
  isolation: Isolation;
  /** Bytes of stdout + stderr kept (the rest is counted and dropped). */
  outputCap: number;
}

export class SandboxSession {
  private child: ChildProcess | undefined;
  private nextId = 1;
  private output = "";
  private outputBytes = 0;
  /** Bytes printed by the current process, by the label of the request running when they arrived. */
  private printedBy = new Map<string, number>();
  private processBytes = 0;
  private runningLabel = "";
  /** How many processes this session started (1 + restarts). */
  spawned = 0;
  /** Files the CURRENT process has loaded (a restart forgets them). */
  private loadedFiles = new Set<string>();

  /** True when the current process already loaded `file` (so a request needs no loading time). */
  hasLoaded(file: string): boolean {
    return this.child !== undefined && this.loadedFiles.has(file);
  }

  constructor(private readonly options: SessionOptions) {}

  /** The captured output, truncated to the cap, and whether anything was dropped. */
  capturedOutput(): { text: string; truncated: boolean; bytes: number } {
    return { text: this.output, truncated: this.outputBytes > this.output.length, bytes: this.outputBytes };
  }

  private capture = (chunk: Buffer): void => {
    this.outputBytes += chunk.length;
    this.processBytes += chunk.length;
    this.printedBy.set(this.runningLabel, (this.printedBy.get(this.runningLabel) ?? 0) + chunk.length);
    const room = this.options.outputCap - this.output.length;
    if (room > 0) this.output += chunk.subarray(0, room).toString("utf8");
  };

  private start(): ChildProcess {
    const [command, ...args] = sandboxCommand(this.options.paths, this.options.limits, this.options.isolation);
    const { user, privateNetwork } = this.options.isolation;
    const child = spawn(command, args, {
      cwd: this.options.paths.scratchDir,
      env: {},
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "json",
      // With unshare the switch happens inside the namespace; without it, here.
      ...(user && !privateNetwork ? { uid: user.uid, gid: user.gid } : {}),
    });
    child.stdout?.on("data", this.capture);
    child.stderr?.on("data", this.capture);
    child.on("error", () => undefined); // reported through "exit"
    this.spawned++;
    this.loadedFiles = new Set();
    this.printedBy = new Map();
    this.processBytes = 0;
    return child;
  }

  private printed(groupStart: number): Printed {
    let loudest: Printed["loudest"];
    for (const [label, bytes] of this.printedBy) if (!loudest || bytes > loudest.bytes) loudest = { label, bytes };
    return { group: this.outputBytes - groupStart, process: this.processBytes, ...(loudest ? { loudest } : {}) };
  }

  /**
   * Run groups of probes (one group per exercise) against one file, in order. Never rejects.
   * @param budgetOf the wall-clock limit of group i [ms], asked when that group starts (group 0:
   *   when the request is sent, loading included); 0 or less ends the request there
   */
  request(
    file: string,
    label: string,
    groups: ProbeGroup[],
    callMs: number,
    budgetOf: (group: number) => number,
  ): Promise<BatchReply> {
    if (groups.length === 0) return Promise.resolve({ done: [], printed: [] });
    let budget = budgetOf(0); // before a (re)start, like the per-exercise limit it replaces
    const child = (this.child ??= this.start());
    const id = this.nextId++;
    const message: ProbeRequest = { type: "probe", id, file, label, groups, callMs };
    const done: unknown[][] = [];
    const printed: number[] = [];
    this.runningLabel = label;
    let groupStart = this.outputBytes;
    return new Promise<BatchReply>((resolve) => {
      let loaded = false;
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const finish = (stop: BatchStop | undefined, kill: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.off("message", onMessage);
        child.off("exit", onExit);
        if (kill) this.kill();
        resolve(stop ? { done, printed, stop } : { done, printed });
      };
      type Failure =
        | { kind: "load-error"; message: string }
        | { kind: "died"; duringLoad: boolean; detail: string }
        | { kind: "timeout"; duringLoad: boolean };
      const fail = (reply: Failure, kill: boolean): void =>
        finish({ kind: "failed", reply: { ...reply, printed: this.printed(groupStart) }, budgetMs: budget }, kill);
      const arm = (): void => {
        clearTimeout(timer);
        groupStart = this.outputBytes;
        timer = setTimeout(() => fail({ kind: "timeout", duringLoad: !loaded }, true), budget);
      };
      const onMessage = (raw: unknown): void => {
        const m = raw as ChildMessage;
        if (typeof m !== "object" || m === null || !("id" in m) || m.id !== id) return;
        if (m.type === "loaded") {
          loaded = true;
          this.loadedFiles.add(file);
        } else if (m.type === "load-error")
          fail(
            {
              kind: "load-error",
              message: typeof m.message === "string" ? m.message.slice(0, 500) : "the file failed to load",
            },
            false,
          );
        else if (m.type === "outcomes") {
          // Only the group the parent is timing counts: a stray or forged message for another group is ignored.
          if (m.group !== done.length) return;
          // A child that breaks the protocol is not trusted with the rest of the request.
          if (!Array.isArray(m.outcomes))
            return fail({ kind: "died", duringLoad: false, detail: "sent a malformed reply" }, true);
          done.push(m.outcomes);
          printed.push(this.outputBytes - groupStart);
          if (done.length === groups.length) return finish(undefined, false);
          budget = budgetOf(done.length);
          if (budget <= 0) return finish({ kind: "out-of-time" }, true);
          arm();
        }
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
        if (this.child === child) this.child = undefined;
        const detail = signal ? `killed by ${signal}` : `exit code ${code}`;
        fail({ kind: "died", duringLoad: !loaded, detail }, false);
      };
      arm();
      child.on("message", onMessage);
      child.on("exit", onExit);
      if (child.exitCode !== null || child.signalCode !== null || !child.connected) {
        this.child = undefined;
        fail({ kind: "died", duringLoad: true, detail: "the process had already ended" }, false);
        return;
      }
      child.send(message, (err) => {
        if (err) fail({ kind: "died", duringLoad: !loaded, detail: `could not be reached (${err.message})` }, true);
      });
    });
  }

  /** Kill the current process (if any); the next request starts a fresh one. */
  kill(): void {
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      // unshare/prlimit exec into node, so the pid we hold is the node process itself.
      child.kill("SIGKILL");
    }
  }

  /** End the session: kill and wait for the process to be gone. */
  async close(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  }
}
