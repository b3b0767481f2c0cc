// @instructor-only — TypeScript → JavaScript for the sandbox, in the trusted process (transpiling runs no student code).
import { createHash } from "node:crypto";
import { transpileTypeScript } from "../../workbook/loader";

/**
 * Syntax-only transpilation, the notebook loader's own (`transpileTypeScript`): type errors
 * do not stop a submission, syntax errors do and are reported with line and column (and how
 * many more there are). Memoised by content, so thirty identical stub files cost one
 * transpile.
 */
export type Transpiled = { ok: true; js: string } | { ok: false; message: string };

const memo = new Map<string, Transpiled>();

export function transpileStudentFile(label: string, source: string): Transpiled {
  const key = createHash("sha256").update(label).update("\0").update(source).digest("hex");
  const known = memo.get(key);
  if (known) return known;
  const out = transpileTypeScript(label, source);
  const result: Transpiled = out.ok ? out : { ok: false, message: `${out.message}${out.errorCount > 1 ? ` (and ${out.errorCount - 1} more)` : ""}` };
  if (memo.size > 5000) memo.clear();
  memo.set(key, result);
  return result;
}
