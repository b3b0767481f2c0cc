// @instructor-only — the hash of everything that decides a grade except the submission.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * A cached result is reused only when the submission's content hash AND this fingerprint are
 * unchanged. The fingerprint covers the library, the checks and the grader (all of src/),
 * the reference solutions, the dependency lock file, the Node version, the hidden-case seed
 * and the grading limits — anything that could change a score.
 */
function hashTree(h: ReturnType<typeof createHash>, root: string, dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) hashTree(h, root, path);
    else if (st.isFile()) h.update(`${relative(root, path)}\0`).update(readFileSync(path)).update("\0");
  }
}

export function graderFingerprint(root: string, settings: Record<string, unknown>): string {
  const h = createHash("sha256");
  h.update(`node ${process.version}\0seed ${process.env.WORKBOOK_HIDDEN_SEED ?? ""}\0${JSON.stringify(settings)}\0`);
  for (const dir of ["src", "solutions", "data"]) hashTree(h, root, join(root, dir));
  for (const file of ["package-lock.json"]) if (existsSync(join(root, file))) h.update(readFileSync(join(root, file)));
  return h.digest("hex");
}
