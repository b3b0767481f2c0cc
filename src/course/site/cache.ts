import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { writeFileAtomic } from "../../core/files";
import type { Notebook } from "../../core/nbformat";
import { parseNotebook } from "./notebook";

/**
 * The build cache: executing notebooks is the slow part of a build, and its result
 * depends only on the notebook, the library and exercises it imports, the data it reads
 * and the installed packages. Each executed notebook is stored under a key hashed from
 * exactly those inputs, so a rebuild with nothing changed executes nothing, and any
 * change to one of them executes again (there is no time-stamp guessing).
 */

/** Bump when the cached format or the meaning of a key changes. */
const CACHE_FORMAT = 1;

/** What the library hash covers, relative to the project root. */
export const LIBRARY_INPUTS: readonly string[] = ["src", "exercises", "data", "package-lock.json"];

export function sha256(...parts: Array<string | Uint8Array>): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(part);
    hash.update("\0");
  }
  return hash.digest("hex");
}

function listFiles(path: string, out: string[]): void {
  const stat = statSync(path);
  if (stat.isFile()) {
    out.push(path);
    return;
  }
  if (!stat.isDirectory()) return;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    listFiles(join(path, entry), out);
  }
}

/**
 * One hash over every file the notebooks' results depend on besides the notebooks
 * themselves: paths and contents of src/**, exercises/**, data/** and package-lock.json.
 * Missing inputs are skipped (a project without exercises/ still builds).
 * @param root the project root
 * @param inputs paths relative to root (default LIBRARY_INPUTS)
 * @returns a hex sha-256
 */
export function libraryHash(root: string, inputs: readonly string[] = LIBRARY_INPUTS): string {
  const files: string[] = [];
  for (const input of inputs) {
    const path = join(root, input);
    if (existsSync(path)) listFiles(path, files);
  }
  const hash = createHash("sha256");
  for (const file of files.map((f) => relative(root, f).split(sep).join("/")).sort()) {
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(join(root, file)))
      .update("\0");
  }
  return hash.digest("hex");
}

/**
 * The cache key of one notebook execution.
 * @param engine "embedded" or "jupyter" (they may format outputs differently)
 * @param notebookBytes the notebook file's content
 * @param library libraryHash() of the project
 */
export function executionKey(engine: string, notebookBytes: string | Uint8Array, library: string): string {
  return sha256(`format ${CACHE_FORMAT}`, engine, sha256(notebookBytes), library).slice(0, 32);
}

/**
 * Executed notebooks on disk, one JSON file per (notebook, key) under `dir`. Entries are
 * written atomically; storing a notebook's new result removes its stale ones.
 */
export class ExecutionCache {
  constructor(readonly dir: string) {}

  private file(slug: string, key: string): string {
    return join(this.dir, `${slug}.${key}.ipynb`);
  }

  /** The cached executed notebook, or null on a miss (or an unreadable entry). */
  get(slug: string, key: string): Notebook | null {
    const path = this.file(slug, key);
    if (!existsSync(path)) return null;
    try {
      return parseNotebook(JSON.parse(readFileSync(path, "utf8")), path);
    } catch {
      return null; // a damaged entry is a miss: the notebook is executed again
    }
  }

  /** Stores an executed notebook and removes the same notebook's older entries. */
  put(slug: string, key: string, notebook: Notebook): void {
    writeFileAtomic(this.file(slug, key), JSON.stringify(notebook));
    for (const entry of readdirSync(this.dir)) {
      if (entry.startsWith(`${slug}.`) && entry.endsWith(".ipynb") && entry !== `${slug}.${key}.ipynb`) {
        const stem = entry.slice(slug.length + 1, -".ipynb".length);
        if (/^[0-9a-f]{32}$/.test(stem)) rmSync(join(this.dir, entry), { force: true });
      }
    }
  }
}
