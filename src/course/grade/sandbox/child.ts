// Runs INSIDE the sandbox process; bundled by esbuild into the grader's runtime folder.
import { existsSync, readFileSync, statSync } from "node:fs";
import Module, { createRequire, isBuiltin } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import vm from "node:vm";
import { invokeProbe } from "../../../workbook/invoke";
import { setCallTimer } from "../../../workbook/timed-call";
import { callWithTimeout, runSteps, timeoutError } from "./sandbox-timed-call";
import type { AnswerSpec, Outcome, Probe } from "../../../workbook/types";
import { USES_LIBRARY, type ChildMessage, type ProbeRequest } from "./protocol";

/**
 * The untrusted side of the grader. It loads the student's (already transpiled) exercises
 * files from its private copy, answers the parent's probe requests with plain-JSON outcomes,
 * and nothing else: it never sees a reference answer, a hidden check or a grade. Everything
 * here can be subverted by the student's code, which shares this process, and that is fine:
 * the parent re-validates every outcome, judges it against the reference itself, and kills
 * this process when it overruns.
 *
 * Started by child-entry.ts (plain) or snapshot-entry.ts (from a V8 startup snapshot that
 * already holds the initialised library).
 */
interface LibraryBundle {
  library: Record<string, unknown>;
  mathjs: Record<string, unknown>;
}

/** Modules already initialised in a startup snapshot. */
export interface Preloaded {
  library: LibraryBundle;
  notAttempted: Record<string, unknown>;
  data: Record<string, unknown>;
}

let libraryPath = "";
let exercisesDir = "";
let srcDir = "";
let nodeRequire: NodeJS.Require;
let preloaded: Preloaded | undefined;
let send: (message: ChildMessage, written?: (err?: Error | null) => void) => void = () => undefined;
let bundle: LibraryBundle | undefined;
/** Loaded on first import only: mathjs alone takes a few hundred ms to initialise. */
const lib = (): LibraryBundle => (bundle ??= preloaded?.library ?? (nodeRequire(libraryPath) as LibraryBundle));
const sibling = (name: "not-attempted.js" | "data.js"): Record<string, unknown> =>
  preloaded
    ? name === "data.js"
      ? preloaded.data
      : preloaded.notAttempted
    : (nodeRequire(join(dirname(libraryPath), name)) as Record<string, unknown>);

type Exports = Record<string, unknown>;
const modules = new Map<string, Exports>();

function inside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && rel !== "..");
}

function resolveStudentFile(base: string): string | undefined {
  for (const candidate of [base, `${base}.js`, `${base}.json`, join(base, "index.js")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** What a student's `import` may reach: the course library, mathjs, Node built-ins, and files in exercises/. */
function requireFrom(from: string, specifier: string): unknown {
  if (isBuiltin(specifier)) return nodeRequire(specifier);
  if (specifier === "mathjs") return lib().mathjs;
  if (!specifier.startsWith(".")) {
    throw new Error(
      `cannot import "${specifier}" when grading: only ../src (the course library), mathjs, Node built-ins and files inside exercises/ are available`,
    );
  }
  const target = resolve(dirname(from), specifier);
  if (inside(srcDir, target)) {
    const rel = relative(srcDir, target)
      .replace(/\\/g, "/")
      .replace(/\.(ts|js)$/, "");
    if (rel === "workbook/not-attempted") return sibling("not-attempted.js");
    if (rel === "workbook/catalog/data") return sibling("data.js");
    return lib().library; // ../src, ../src/index, ../src/pk …: the library entry exports them all
  }
  if (!inside(exercisesDir, target))
    throw new Error(`cannot import "${specifier}": only files inside exercises/ can be imported when grading`);
  const file = resolveStudentFile(target);
  if (file === undefined) throw new Error(`cannot find module "${specifier}" in exercises/`);
  return evaluate(file);
}

function evaluate(file: string): Exports {
  const cached = modules.get(file);
  if (cached) return cached;
  if (file.endsWith(".json")) {
    const data = JSON.parse(readFileSync(file, "utf8")) as Exports;
    modules.set(file, data);
    return data;
  }
  const module = { exports: {} as Exports };
  modules.set(file, module.exports);
  const label = `exercises/${relative(exercisesDir, file).replace(/\\/g, "/").replace(/\.js$/, ".ts")}`;
  const wrapper = vm.runInThisContext(Module.wrap(readFileSync(file, "utf8")), { filename: label }) as (
    ...args: unknown[]
  ) => void;
  const localRequire = (specifier: string): unknown => requireFrom(file, specifier);
  callWithTimeout(() => wrapper.call(module.exports, module.exports, localRequire, module, file, dirname(file)), 2000);
  modules.set(file, module.exports);
  return module.exports;
}

const loadFailures = new Map<string, string>();

function describe(err: unknown): string {
  if (err instanceof Error)
    return /Script execution timed out|did not finish/.test(err.message)
      ? "its top-level code did not finish within 2 s (an endless loop?)"
      : `${err.name}: ${err.message}`;
  return `threw ${typeof err === "string" ? JSON.stringify(err.slice(0, 200)) : typeof err}`;
}

function handle(request: ProbeRequest): void {
  const file = join(exercisesDir, request.file);
  let exports: Exports | undefined = modules.get(file);
  if (exports === undefined) {
    const failure = loadFailures.get(file);
    if (failure !== undefined) return send({ type: "load-error", id: request.id, message: failure });
    try {
      // Initialise the library OUTSIDE the 2 s top-level limit (the parent's wall clock still
      // bounds it): interrupted half-way, mathjs would stay half-initialised for later imports.
      if (bundle === undefined && existsSync(file) && USES_LIBRARY.test(readFileSync(file, "utf8"))) lib();
      exports = evaluate(file);
    } catch (err) {
      const message = `${request.label} failed to load: ${describe(err)}`;
      loadFailures.set(file, message);
      modules.delete(file);
      return send({ type: "load-error", id: request.id, message });
    }
  }
  send({ type: "loaded", id: request.id });
  const loaded = exports;
  let group = 0;
  // Each group's outcomes leave before the next group starts (the send callback fires once
  // the message is written), so when a later group loops forever the parent already holds
  // the earlier ones and blames only the looping exercise.
  const next = (err?: Error | null): void => {
    if (err || group >= request.groups.length) return;
    const { answer, probes } = request.groups[group];
    // One endless loop is enough: the remaining calls of this export are not tried.
    let timedOut: Outcome | undefined;
    const { results: outcomes } = runSteps(
      probes.length,
      request.callMs,
      (i) => {
        if (timedOut) return timedOut;
        const outcome = invokeProbe(loaded, probes[i], answer, request.label, request.callMs);
        if (outcome.kind === "error" && / did not finish within /.test(outcome.message)) timedOut = outcome;
        return outcome;
      },
      (i) => (timedOut = timeoutOutcome(probes[i], answer, request)),
    );
    send({ type: "outcomes", id: request.id, group: group++, outcomes }, next);
  };
  next();
}

/** What invokeProbe reports for a call its watchdog ended, for a call a block's watchdog ended (same text, via invokeProbe itself). */
function timeoutOutcome(probe: Probe, answer: AnswerSpec, request: ProbeRequest): Outcome {
  const stopped = {
    [probe.exportName]: () => {
      throw timeoutError(request.callMs);
    },
  };
  return invokeProbe(stopped, { exportName: probe.exportName, args: [] }, answer, request.label, request.callMs);
}

/** Start answering the parent's requests. */
export function startChild(options: { libraryPath: string; exercisesDir: string; preloaded?: Preloaded }): void {
  libraryPath = resolve(options.libraryPath);
  exercisesDir = resolve(options.exercisesDir);
  srcDir = join(dirname(exercisesDir), "src");
  nodeRequire = createRequire(join(dirname(libraryPath), "child.js"));
  preloaded = options.preloaded;
  if (preloaded) bundle = preloaded.library;
  // invokeProbe's calls share one watchdog per block of probes (sandbox-timed-call.ts): explicit, not swapped in at bundle time.
  setCallTimer(callWithTimeout);
  // With an IPC channel, Node makes stdout/stderr pipes asynchronous: a print loop queued all
  // its output in this process's memory (600 MB printed at import: killed by SIGABRT, out of
  // memory, later, in another file's exercise). Blocking, a write waits for the grader to read
  // it, so memory stays flat and the grader counts the bytes as they are printed.
  for (const stream of [process.stdout, process.stderr])
    (stream as unknown as { _handle?: { setBlocking?: (blocking: boolean) => unknown } })._handle?.setBlocking?.(true);
  // Captured before any student code runs, so reassigning process.send does not silence us.
  const sendRaw = process.send?.bind(process);
  send = (message, written) => {
    sendRaw?.(message, undefined, undefined, written);
  };
  // A stray asynchronous throw from student code must not end the session mid-request.
  process.on("uncaughtException", (err) => process.stderr.write(`uncaught: ${describe(err)}\n`));
  process.on("unhandledRejection", () => undefined);
  process.on("message", (message: unknown) => {
    const request = message as ProbeRequest;
    if (request && request.type === "probe") handle(request);
  });
  process.on("disconnect", () => process.exit(0));
}
