import type * as TypeScript from "typescript";

/**
 * The one syntax-only transpile of chapter files, TypeScript → CommonJS JavaScript with
 * `transpileModule`: type errors never stop a file, syntax errors do, reported at their line
 * and column. Used by the notebook loader (loader.ts, in process) and by the grader's transpile
 * worker (src/course/grade/transpile-worker.ts, on its own thread), each with the TypeScript it
 * loaded. Imports nothing at run time, so the worker's bundle can take it as is.
 */

/** A syntax-only transpile: the JavaScript, or the first error ("file:line:col: text") and how many there were. */
export type TranspileResult = { ok: true; js: string } | { ok: false; message: string; errorCount: number };

/** The options below, for cache keys (a change of options must change this text). */
export const TRANSPILE_OPTIONS_ID = "commonjs es2022 esModuleInterop";

/**
 * @param ts the TypeScript module to transpile with
 * @param file the name used in messages (a path or a label such as "exercises/ch02.ts")
 * @param source the TypeScript source
 * @throws {RangeError} "Maximum call stack size exceeded" on code nested deeper than the thread's stack allows
 */
export function transpileWith(ts: typeof TypeScript, file: string, source: string): TranspileResult {
  const out = ts.transpileModule(source, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      sourceMap: false,
    },
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length === 0) return { ok: true, js: out.outputText };
  const d = errors[0];
  const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
  const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  return {
    ok: false,
    message: `${file}${where ? `:${where.line + 1}:${where.character + 1}` : ""}: ${text}`,
    errorCount: errors.length,
  };
}
