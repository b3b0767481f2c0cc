// Runs in a worker thread of the grader: TypeScript's syntax-only transpile of one student file at a time.
import { parentPort, workerData } from "node:worker_threads";
import type * as TypeScript from "typescript";
import { transpileWith } from "../../workbook/transpile-typescript";
import type { TranspileReply, TranspileRequest, TranspileWorkerData } from "./transpile-protocol";

/**
 * TypeScript's parser and emitter recurse once per nesting level: a 1,500-branch if/else
 * chain or 1,000 nested parentheses overflow the stack of the thread they run on. Here that
 * thread is this worker (its own stack, heap limit and wall clock, see transpile.ts), so such
 * a file costs its own exercises, never the grader. The transpile is the notebook loader's
 * own (src/workbook/transpile-typescript.ts); test/grade/transpile.test.ts checks both give the
 * same JavaScript and messages. transpile.ts bundles this file with esbuild (TypeScript itself
 * stays outside), so it may import Node built-ins, types and Node-free project modules.
 */
const data = workerData as TranspileWorkerData;
// The path comes from the grader: an eval'd worker resolves modules from the working directory, not from here.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
const ts = require(data.typescript) as typeof TypeScript;

function transpile(label: string, source: string): TranspileReply {
  const out = transpileWith(ts, label, source);
  return out.ok
    ? { kind: "js", js: out.js }
    : { kind: "syntax-error", message: out.message, errorCount: out.errorCount };
}

parentPort?.on("message", (request: TranspileRequest) => {
  let reply: TranspileReply;
  try {
    reply = transpile(request.label, request.source);
  } catch (err) {
    // A stack overflow is caught here, on this thread; the worker stays usable (each transpile builds its own AST).
    reply = {
      kind: "threw",
      name: err instanceof Error ? err.name : typeof err,
      message: err instanceof Error ? err.message : String(err),
    };
  }
  parentPort?.postMessage({ id: request.id, reply });
});
parentPort?.postMessage({ ready: true });
