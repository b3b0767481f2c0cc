// Grading step 1 (read → transpile): a submission's files become the private copy its sandbox loads.
import { chownSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Submission } from "./submissions";
import type { StudentTranspiler } from "./transpile";

/** The transpiled copy of one submission, deleted when its grading ends. */
export interface PrivateCopy {
  /** <slot>/exercises/… (the JavaScript the sandbox loads) and <slot>/scratch (its only writable folder). */
  slot: string;
  /** exercises-relative .ts path → TypeScript's message, for files that did not compile. */
  compileErrors: Map<string, string>;
}

/**
 * Writes the transpiled private copy inside `workDir`: <slot>/exercises/… (read-only for the
 * sandbox by the permission model) and <slot>/scratch. The submission itself is never
 * touched. A .ts file that does not compile is left out and named in compileErrors; a .js
 * file beside a .ts of the same name is ignored (the .ts wins).
 * @param owner uid/gid the sandbox runs as, who must own the copy (undefined: the grader's own)
 */
export async function writePrivateCopy(
  sub: Submission,
  transpiler: StudentTranspiler,
  workDir: string,
  owner: { uid: number; gid: number } | undefined,
): Promise<PrivateCopy> {
  const slot = mkdtempSync(join(workDir, "s-"));
  const exercises = join(slot, "exercises");
  const compileErrors = new Map<string, string>();
  mkdirSync(join(slot, "scratch"), { recursive: true });
  mkdirSync(exercises);
  for (const [rel, bytes] of sub.files) {
    let target = join(exercises, rel);
    let content: string | Uint8Array = bytes;
    if (rel.endsWith(".ts")) {
      const out = await transpiler.transpile(`exercises/${rel}`, Buffer.from(bytes).toString("utf8"));
      if (!out.ok) {
        compileErrors.set(rel, out.message);
        continue;
      }
      target = target.replace(/\.ts$/, ".js");
      content = out.js;
    } else if (rel.endsWith(".js") && sub.files.has(rel.replace(/\.js$/, ".ts"))) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content, { mode: 0o644 });
  }
  if (owner) chownTree(slot, owner.uid, owner.gid, sub);
  return { slot, compileErrors };
}

function chownTree(slot: string, uid: number, gid: number, sub: Submission): void {
  const dirs = new Set<string>([slot, join(slot, "scratch"), join(slot, "exercises")]);
  for (const rel of sub.files.keys()) {
    const parts = rel.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(join(slot, "exercises", ...parts.slice(0, i)));
  }
  for (const d of dirs) chownSync(d, uid, gid);
}
