// @instructor-only — runs in a worker thread of the grader: TypeScript's syntax-only transpile of one student file at a time.
import { parentPort, workerData } from "node:worker_threads";
import type * as TypeScript from "typescript";
import type { TranspileReply, TranspileRequest, TranspileWorkerData } from "./transpile-protocol";

/**
 * TypeScript's parser and emitter recurse once per nesting level: a 1,500-branch if/else
 * chain or 1,000 nested parentheses overflow the stack of the thread they run on. Here that
 * thread is this worker (its own stack, heap limit and wall clock, see transpile.ts), so such
 * a file costs its own exercises, never the grader. The options are those of the notebook
 * loader's `transpileTypeScript` (src/workbook/loader.ts); test/grade/transpile.test.ts checks
 * both give the same JavaScript and messages. Loaded from source by transpile.ts (esbuild
 * strips the types), so it may import nothing but Node built-ins and types.
 */
const data = workerData as TranspileWorkerData;
// The path comes from the grader: an eval'd worker resolves modules from the working directory, not from here.
const ts = require(data.typescript) as typeof TypeScript;

function transpile(label: string, source: string): TranspileReply {
  const out = ts.transpileModule(source, {
    fileName: label,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length === 0) return { kind: "js", js: out.outputText };
  const d = errors[0];
  const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
  const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  return { kind: "syntax-error", message: `${label}${where ? `:${where.line + 1}:${where.character + 1}` : ""}: ${text}`, errorCount: errors.length };
}

parentPort?.on("message", (request: TranspileRequest) => {
  let reply: TranspileReply;
  try {
    reply = transpile(request.label, request.source);
  } catch (err) {
    // A stack overflow is caught here, on this thread; the worker stays usable (each transpile builds its own AST).
    reply = { kind: "threw", name: err instanceof Error ? err.name : typeof err, message: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage({ id: request.id, reply });
});
parentPort?.postMessage({ ready: true });
