// The hash of everything that decides a grade except the submission.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Files that come and go beside the sources while nothing that decides a grade changes: hidden
 * files (the temporary sibling of every atomic write, `.name.<pid>.<random>.tmp`; an editor's
 * `.name.swp`, or its lock `.#name`, a dangling link; `.DS_Store`) and backups (`name~`, `*.tmp`).
 */
export function isStrayFile(name: string): boolean {
  return name.startsWith(".") || name.endsWith("~") || name.endsWith(".tmp");
}

/** read(), or undefined when the entry vanished (or is a dangling link) since its folder was listed. */
function ifPresent<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

function hashTree(h: ReturnType<typeof createHash>, root: string, dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    if (isStrayFile(name)) continue;
    const path = join(dir, name);
    const st = ifPresent(() => statSync(path));
    if (st?.isDirectory()) hashTree(h, root, path);
    else if (st?.isFile()) {
      const data = ifPresent(() => readFileSync(path));
      if (data)
        h.update(`${relative(root, path)}\0`)
          .update(data)
          .update("\0");
    }
  }
}

/**
 * A cached result is reused only when the submission's content hash AND this fingerprint are
 * unchanged. The fingerprint covers the library, the checks and the grader (all of src/),
 * the reference solutions, the dependency lock file, the Node version, the hidden-case seed
 * and the grading limits — anything that could change a score — and nothing else: stray files
 * (isStrayFile) are left out. Hashing them made the fingerprint depend on what other processes
 * happened to be writing at that instant (a re-run then regraded the whole class), and an entry
 * that vanished between listing and reading made the grader throw ENOENT.
 * @param root the project root (src/, data/, package-lock.json)
 * @param settings the grading limits
 * @param solutionsDir the folder of the reference solutions (received from the caller; usually root/solutions)
 */
export function graderFingerprint(root: string, settings: Record<string, unknown>, solutionsDir: string): string {
  const h = createHash("sha256");
  h.update(`node ${process.version}\0seed ${process.env.WORKBOOK_HIDDEN_SEED ?? ""}\0${JSON.stringify(settings)}\0`);
  for (const dir of [join(root, "src"), solutionsDir, join(root, "data")]) hashTree(h, root, dir);
  for (const file of ["package-lock.json"]) if (existsSync(join(root, file))) h.update(readFileSync(join(root, file)));
  return h.digest("hex");
}
