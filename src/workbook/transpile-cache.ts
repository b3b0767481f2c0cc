import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../core/errors";
import { writeFileAtomic } from "../core/files";
import { transpilerId } from "./loader";

/**
 * Transpiled JavaScript on disk, by content. Loading TypeScript itself costs about half a
 * second, more than everything else a `npm run check` does; with this cache a run whose
 * chapter files did not change never loads it. The key covers the file's label (it appears
 * in error messages and source names), its text and the transpiler's identity, so an entry
 * can only ever hold what transpiling that exact input gives. Only successful transpiles are
 * stored: a syntax error is rare and its message is computed afresh.
 */
export interface TranspileCache {
  readonly dir: string;
  /** The cached JavaScript for this input, or undefined. */
  get(file: string, source: string): string | undefined;
  /** Remember the JavaScript of this input (atomically; a failure to write only costs a later transpile). */
  put(file: string, source: string, js: string): void;
}

/** Entries kept at most; the oldest go first (each student save adds one). */
const MAX_ENTRIES = 256;

/**
 * A transpile cache in `dir` (created on first write), e.g. node_modules/.cache/microdosing-workbook/transpiled.
 * @param transpilerId what produced the output (e.g. "typescript 5.9.3 cjs es2022"): part of every key
 * @throws {InputError} when dir or transpilerId is not a non-empty string
 */
export function createTranspileCache(dir: string, transpilerId: string): TranspileCache {
  if (typeof dir !== "string" || dir === "")
    throw new InputError("createTranspileCache", "dir", "must be a non-empty path", dir);
  if (typeof transpilerId !== "string" || transpilerId === "")
    throw new InputError("createTranspileCache", "transpilerId", "must be a non-empty string", transpilerId);
  const pathOf = (file: string, source: string) =>
    join(dir, `${createHash("sha256").update(`${transpilerId}\u0000${file}\u0000${source}`).digest("hex")}.js`);
  return {
    dir,
    get(file, source) {
      try {
        return readFileSync(pathOf(file, source), "utf8");
      } catch {
        return undefined;
      }
    },
    put(file, source, js) {
      try {
        writeFileAtomic(pathOf(file, source), js);
        prune(dir);
      } catch {
        // read-only or full disk: the next run transpiles again
      }
    },
  };
}

function prune(dir: string): void {
  const names = readdirSync(dir).filter((n) => n.endsWith(".js"));
  if (names.length <= MAX_ENTRIES) return;
  const byAge = names.map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { n } of byAge.slice(0, names.length - MAX_ENTRIES)) rmSync(join(dir, n), { force: true });
}

/** The project's transpile cache: node_modules/.cache/microdosing-workbook/transpiled, for TypeScript's output. */
export function projectTranspileCache(root: string): TranspileCache {
  return createTranspileCache(
    join(root, "node_modules", ".cache", "microdosing-workbook", "transpiled"),
    transpilerId(),
  );
}
