// One Gradescope submission (/autograder/submission) → a student folder the class grader reads.
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync, type Stats } from "node:fs";
import { dirname, join } from "node:path";
import { InputError } from "../../../core/errors";
import { DEFAULT_READ_LIMITS } from "../submissions";

const CODE = /\.(ts|js|cjs|json)$/;

const lstatOrUndefined = (path: string): Stats | undefined => {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
};

/**
 * Copy the code of a Gradescope submission into `<target>/exercises/`: the files under
 * `exercises/` (a student who uploads their folder), else code files at the top (a student who
 * uploads `ch02.ts` alone), else the same inside a single folder (an upload from GitHub puts the
 * repository in one). Links are never followed, files larger than the grader's limit are not
 * copied; the grader's own checks (submissions.ts) then apply as for any student folder.
 * @returns lines for the student: what was taken from where, and what was left out
 * @throws {InputError} when `submission` is not a folder
 */
export function collectGradescopeSubmission(submission: string, target: string): string[] {
  if (!lstatOrUndefined(submission)?.isDirectory())
    throw new InputError("collectGradescopeSubmission", "submission", "must be a folder", submission);
  const notes: string[] = [];
  const out = join(target, "exercises");
  mkdirSync(out, { recursive: true, mode: 0o700 });
  let copied = 0;
  let bytes = 0;
  const copy = (from: string, rel: string, st: Stats): void => {
    if (st.size > DEFAULT_READ_LIMITS.maxFileBytes || bytes + st.size > DEFAULT_READ_LIMITS.maxTotalBytes) {
      notes.push(`${rel}: too large; not graded`);
      return;
    }
    const to = join(out, ...rel.split("/"));
    mkdirSync(dirname(to), { recursive: true, mode: 0o700 });
    writeFileSync(to, readFileSync(from), { flag: "wx", mode: 0o600 });
    bytes += st.size;
    copied++;
  };
  const walk = (dir: string, rel: string, depth: number): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const relPath = rel ? `${rel}/${name}` : name;
      const st = lstatOrUndefined(path);
      if (!st || st.isSymbolicLink()) notes.push(`exercises/${relPath}: a symbolic link or unreadable; not graded`);
      else if (st.isDirectory()) {
        if (name !== "node_modules" && !name.startsWith(".") && depth < 4) walk(path, relPath, depth + 1);
      } else if (st.isFile() && copied < DEFAULT_READ_LIMITS.maxFiles) copy(path, relPath, st);
    }
  };
  const topCode = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .filter((n) => CODE.test(n) && lstatOrUndefined(join(dir, n))?.isFile());
  const fromFolder = (dir: string, shown: string): boolean => {
    const ex = join(dir, "exercises");
    const exStat = lstatOrUndefined(ex);
    if (exStat?.isDirectory() && !exStat.isSymbolicLink()) {
      walk(ex, "", 0);
      notes.push(`graded the files of ${shown}exercises/`);
      return true;
    }
    const top = topCode(dir);
    if (top.length === 0) return false;
    for (const n of top) copy(join(dir, n), n, lstatSync(join(dir, n)));
    notes.push(`graded ${top.join(", ")} from ${shown || "the top of the submission"}`);
    return true;
  };
  if (fromFolder(submission, "")) return notes;
  const folders = readdirSync(submission).filter(
    (n) => !n.startsWith(".") && lstatOrUndefined(join(submission, n))?.isDirectory(),
  );
  if (folders.length === 1 && fromFolder(join(submission, folders[0]), `${folders[0]}/`)) return notes;
  notes.push("the submission has no exercises/ folder and no .ts file at its top; nothing was graded");
  return notes;
}
