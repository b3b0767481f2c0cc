// @instructor-only — TypeScript → JavaScript for the sandbox, in the trusted process (transpiling runs no student code).
import { createHash } from "node:crypto";
import ts from "typescript";

/**
 * Syntax-only transpilation (`transpileModule`, the same settings as the notebook loader):
 * type errors do not stop a submission, syntax errors do and are reported with line and
 * column. Memoised by content, so thirty identical stub files cost one transpile.
 */
export type Transpiled = { ok: true; js: string } | { ok: false; message: string };

const memo = new Map<string, Transpiled>();

export function transpileStudentFile(label: string, source: string): Transpiled {
  const key = createHash("sha256").update(label).update("\0").update(source).digest("hex");
  const known = memo.get(key);
  if (known) return known;
  const out = ts.transpileModule(source, {
    fileName: label,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  let result: Transpiled;
  if (errors.length > 0) {
    const d = errors[0];
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    result = { ok: false, message: `${label}${where ? `:${where.line + 1}:${where.character + 1}` : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}${more}` };
  } else result = { ok: true, js: out.outputText };
  if (memo.size > 5000) memo.clear();
  memo.set(key, result);
  return result;
}
