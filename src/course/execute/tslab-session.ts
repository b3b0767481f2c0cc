// Uses the lean builder program (install-lean-builder.ts): bench/lean-builder.ts, the 7 notebooks in 26.0 s instead of 32.5 s (20 % less).
import { Console } from "node:console";
import { createRequire } from "node:module";
import { Writable } from "node:stream";
import { format } from "node:util";
import type { Converter } from "tslab/dist/converter";
import type { ConverterSet, Executor } from "tslab/dist/executor";
import type { DisplayMessage } from "../../charts/display-message";
import { settlePendingDisplays } from "../../charts/pending-displays";
import { installLeanBuilder } from "./install-lean-builder";

/**
 * tslab's own converter and executor, run in this process: the same TypeScript compiler
 * settings, the same import rules (rootDir = the working directory, imports become
 * require()) and the same display API as the real kernel, without Jupyter or Python.
 *
 * tslab is loaded with Node's own require, never through a test runner's module system,
 * so that the `tslab` module notebook code (and show()) talks to is the one we hook.
 */
const nodeRequire = createRequire(__filename);
const leanBuilder = installLeanBuilder(nodeRequire.resolve("tslab/dist/converter"));
const tslabConverter = nodeRequire("tslab/dist/converter") as typeof import("tslab/dist/converter");
const tslabExecutor = nodeRequire("tslab/dist/executor") as typeof import("tslab/dist/executor");
const tslabJupyter = nodeRequire("tslab/dist/jupyter") as {
  lastWriteDisplayData: ((message: DisplayMessage, update: boolean) => void) | null;
};
/** tslab's own TypeScript (5.0), whose `sys` the converter reads its working directory from. */
const tslabTypescript = createRequire(nodeRequire.resolve("tslab/package.json"))("@tslab/typescript-for-tslab") as {
  sys: { getCurrentDirectory(): string };
};

/** Where one cell's output goes while it runs. */
export interface CellSink {
  stream(name: "stdout" | "stderr", text: string): void;
  display(message: DisplayMessage, update: boolean): void;
  /** An exception tslab caught while running the cell. */
  exception(error: unknown): void;
  /** A TypeScript diagnostic, e.g. "1:7 - Type 'Unit' is not assignable to type 'number'." */
  diagnostic(text: string): void;
}

/** Whether new converters use the lean builder program (default true) or tslab's stock one. */
export function useLeanBuilder(enabled: boolean): void {
  leanBuilder.enabled = enabled;
}

/** How many programs the lean builder has built in this process (0 when it is not in use). */
export function leanBuilderPrograms(): number {
  return leanBuilder.programs;
}

/** TypeScript converters for one working directory, created lazily like tslab's kernel does. */
export class Converters implements ConverterSet {
  private nodeConverter: Converter | undefined;
  private browserConverter: Converter | undefined;

  constructor(readonly directory: string) {}

  get node(): Converter {
    return (this.nodeConverter ??= inDirectory(this.directory, () =>
      tslabConverter.createConverter({ isJS: false, isBrowser: false }),
    ));
  }

  get browser(): Converter {
    return (this.browserConverter ??= inDirectory(this.directory, () =>
      tslabConverter.createConverter({ isJS: false, isBrowser: true }),
    ));
  }

  close(): void {
    this.nodeConverter?.close();
    this.browserConverter?.close();
    this.nodeConverter = undefined;
    this.browserConverter = undefined;
  }
}

/** A fresh kernel state (no variables from earlier runs) on top of cached converters. */
export class TslabSession {
  private readonly executor: Executor;
  private sink: CellSink | null = null;

  constructor(private readonly converters: Converters) {
    void converters.node; // warm the compiler now so its cost is start-up, not the first cell
    this.executor = tslabExecutor.createExecutor(converters.directory, converters, {
      log: (...args: unknown[]) => this.sink?.stream("stdout", `${format(...args)}\n`),
      error: (...args: unknown[]) => this.reportError(args),
    });
  }

  /**
   * Runs one cell's source with its output captured into `sink`: console, process.stdout
   * and process.stderr writes, tslab display messages. Global hooks are restored afterwards.
   * @returns false when tslab reports a compile error or an exception
   */
  async run(
    source: string,
    sink: CellSink,
    timeoutMs: number | undefined,
  ): Promise<{ ok: boolean; timedOut: boolean }> {
    const restore = captureGlobals(sink);
    const previousDirectory = process.cwd();
    process.chdir(this.converters.directory); // notebook code reads files relative to its folder, as in Jupyter
    this.sink = sink;
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    try {
      const execution = this.executor.execute(source);
      if (timeoutMs === undefined) return { ok: await execution, timedOut };
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          timedOut = true;
          this.executor.interrupt();
          resolve();
        }, timeoutMs);
      });
      const ok = await Promise.race([execution, timeout.then(() => execution)]);
      return { ok: ok && !timedOut, timedOut };
    } finally {
      if (timer) clearTimeout(timer);
      this.sink = null;
      process.chdir(previousDirectory);
      restore();
    }
  }

  /** Waits for show() calls the cell did not await, so their charts land in this cell. */
  async settleDisplays(): Promise<void> {
    // show() captured the cell's display writer when it was called, so late charts still land in their cell.
    // The registry is global because the notebook's show() is another instance of charts/ (see pendingDisplays.ts).
    await settlePendingDisplays();
  }

  close(): void {
    this.executor.reset();
  }

  private reportError(args: unknown[]): void {
    const sink = this.sink;
    if (!sink) return;
    const [first] = args;
    if (args.length === 1 && typeof first === "object" && first !== null && "stack" in first) sink.exception(first);
    else if (typeof first === "string" && first.startsWith("%s%d:%d - %s")) sink.diagnostic(format(...args));
    else if (args.length === 1 && typeof first !== "string") sink.exception(first);
    else sink.stream("stderr", `${format(...args)}\n`);
  }
}

/**
 * Runs `fn` as if the process were in `directory`: tslab takes its rootDir from
 * `ts.sys.getCurrentDirectory()`, which TypeScript memoizes on first use — so without this,
 * every converter after the first would compile against the first one's folder.
 */
export function inDirectory<T>(directory: string, fn: () => T): T {
  const previous = process.cwd();
  const sys = tslabTypescript.sys;
  const memoized = sys.getCurrentDirectory;
  sys.getCurrentDirectory = () => directory;
  process.chdir(directory);
  try {
    return fn();
  } finally {
    process.chdir(previous);
    sys.getCurrentDirectory = memoized;
  }
}

/** Points console, process.stdout/stderr and tslab's display hook at the cell; returns the undo. */
function captureGlobals(sink: CellSink): () => void {
  const stream = (name: "stdout" | "stderr") =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        sink.stream(name, typeof chunk === "string" ? chunk : chunk.toString("utf8"));
        done();
      },
    });
  const savedConsole = globalThis.console;
  const savedStdout = process.stdout.write;
  const savedStderr = process.stderr.write;
  const savedDisplay = tslabJupyter.lastWriteDisplayData;
  globalThis.console = new Console({ stdout: stream("stdout"), stderr: stream("stderr"), colorMode: false });
  process.stdout.write = ((chunk: string | Uint8Array) => {
    sink.stream("stdout", typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    sink.stream("stderr", typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  }) as typeof process.stderr.write;
  tslabJupyter.lastWriteDisplayData = (message, update) => sink.display(message, update);
  return () => {
    globalThis.console = savedConsole;
    process.stdout.write = savedStdout;
    process.stderr.write = savedStderr;
    tslabJupyter.lastWriteDisplayData = savedDisplay;
  };
}
