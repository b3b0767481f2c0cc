// @instructor-only — finding submissions and reading them safely (folders and zip files).
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { InputError } from "../../core/errors";

/**
 * A submission is read ONCE into memory, without following any link, and never written to:
 * everything after this point works on the in-memory copy. Only the files under `exercises/`
 * count. Refused entries (symbolic links, paths that leave the folder, oversized or too many
 * files) are left out and named in `refused`, so the student is told why.
 */
export interface Submission {
  /** The student id: the folder name, or the zip file name without `.zip`. */
  student: string;
  /** Where it came from (for the log). */
  source: string;
  /** Paths relative to exercises/ ("ch02.ts", "lib/helpers.ts") → bytes. */
  files: Map<string, Uint8Array>;
  /** Human-readable reasons for every entry that was left out. */
  refused: string[];
  /** sha256 over the paths, contents and refusals: the cache key of this submission. */
  contentHash: string;
}

export interface ReadLimits {
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxFiles: 200, maxFileBytes: 1 << 20, maxTotalBytes: 8 << 20 };

/** Student ids become file names and CSV cells: letters, digits, dot, dash, underscore, @. */
const STUDENT_ID = /^[A-Za-z0-9_@][A-Za-z0-9._@-]{0,127}$/;
const ALLOWED_FILE = /\.(ts|js|cjs|json)$/;

/** A path is safe when it is relative, has no "..", no empty or "." segment, no backslash or NUL. */
export function isSafeRelativePath(path: string): boolean {
  if (path === "" || path.startsWith("/") || /^[A-Za-z]:/.test(path) || /[\\\0]/.test(path)) return false;
  return path.split("/").every((seg) => seg !== "" && seg !== "." && seg !== "..");
}

function hashSubmission(files: Map<string, Uint8Array>, refused: string[]): string {
  const h = createHash("sha256");
  for (const path of [...files.keys()].sort()) h.update(`${path}\0${createHash("sha256").update(files.get(path)!).digest("hex")}\n`);
  for (const r of refused) h.update(`refused\0${r}\n`);
  return h.digest("hex");
}

class Collector {
  files = new Map<string, Uint8Array>();
  refused: string[] = [];
  private total = 0;
  constructor(private readonly limits: ReadLimits) {}

  /** @returns false when the entry was refused */
  add(path: string, size: number, read: () => Uint8Array): boolean {
    if (!ALLOWED_FILE.test(path)) return false; // ignored silently: not code
    if (this.files.size >= this.limits.maxFiles) return this.refuse(`exercises/${path}: more than ${this.limits.maxFiles} files`);
    if (size > this.limits.maxFileBytes) return this.refuse(`exercises/${path}: larger than ${this.limits.maxFileBytes} bytes`);
    if (this.total + size > this.limits.maxTotalBytes) return this.refuse(`exercises/${path}: the submission exceeds ${this.limits.maxTotalBytes} bytes`);
    const data = read();
    this.total += data.length;
    this.files.set(path, data);
    return true;
  }

  refuse(reason: string): false {
    this.refused.push(reason);
    return false;
  }

  done(student: string, source: string): Submission {
    return { student, source, files: this.files, refused: this.refused, contentHash: hashSubmission(this.files, this.refused) };
  }
}

/** Walk `exercises/` of a student folder with lstat: links are refused, never followed. */
function readFolder(student: string, folder: string, limits: ReadLimits): Submission {
  const c = new Collector(limits);
  const top = join(folder, "exercises");
  let topStat;
  try {
    topStat = lstatSync(top);
  } catch {
    c.refuse("the submission has no exercises/ folder");
    return c.done(student, folder);
  }
  if (topStat.isSymbolicLink() || !topStat.isDirectory()) {
    c.refuse("exercises/ is a symbolic link or not a folder; refused");
    return c.done(student, folder);
  }
  const walk = (dir: string, rel: string, depth: number): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const relPath = rel ? `${rel}/${name}` : name;
      const st = lstatSync(path);
      if (st.isSymbolicLink()) c.refuse(`exercises/${relPath} is a symbolic link; refused`);
      else if (st.isDirectory()) {
        if (name === "node_modules" || name.startsWith(".")) continue;
        if (depth >= 4) c.refuse(`exercises/${relPath}: folders nested too deep`);
        else walk(path, relPath, depth + 1);
      } else if (st.isFile()) c.add(relPath, st.size, () => readFileSync(path));
      else c.refuse(`exercises/${relPath} is not a regular file; refused`);
    }
  };
  walk(top, "", 0);
  return c.done(student, folder);
}

/**
 * Read a zip of the same layout: `exercises/…` at the top, or inside one folder
 * (`<anything>/exercises/…`, what zipping a student folder gives). Entries with "..",
 * absolute paths or backslashes are refused; sizes are checked before inflating.
 */
function readZip(student: string, file: string, limits: ReadLimits): Submission {
  const c = new Collector(limits);
  const wanted = new Map<string, { rel: string; size: number }>();
  let declared = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(readFileSync(file), {
      filter: (f) => {
        if (f.name.endsWith("/")) return false;
        if (!isSafeRelativePath(f.name)) {
          c.refuse(`zip entry "${f.name.slice(0, 100)}" has an absolute or escaping path; refused`);
          return false;
        }
        const parts = f.name.split("/");
        const at = parts.indexOf("exercises");
        if (at < 0 || at > 1 || at === parts.length - 1) return false;
        const rel = parts.slice(at + 1).join("/");
        declared += f.originalSize;
        if (f.originalSize > limits.maxFileBytes || declared > limits.maxTotalBytes || wanted.size >= limits.maxFiles || !ALLOWED_FILE.test(rel)) {
          if (ALLOWED_FILE.test(rel)) c.refuse(`exercises/${rel}: too large or too many files; refused`);
          return false;
        }
        wanted.set(f.name, { rel, size: f.originalSize });
        return true;
      },
    });
  } catch (err) {
    c.refuse(`the zip file could not be read (${err instanceof Error ? err.message : String(err)})`);
    return c.done(student, file);
  }
  const seen = new Set<string>();
  for (const [name, { rel }] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    const data = entries[name];
    if (!data) continue;
    if (seen.has(rel)) {
      c.refuse(`exercises/${rel} appears twice in the zip; the first copy is used`);
      continue;
    }
    seen.add(rel);
    c.add(rel, data.length, () => data);
  }
  if (c.files.size === 0 && c.refused.length === 0) c.refuse("the zip file has no exercises/ folder");
  return c.done(student, file);
}

export interface FoundSubmission {
  student: string;
  path: string;
  kind: "folder" | "zip";
}

/**
 * The submissions in a folder: one sub-folder per student, or `<student>.zip`. Symbolic links
 * at this level are refused too (reported in `skipped`). When both a folder and a zip exist
 * for one student, the folder wins.
 * @throws {InputError} when `dir` is not a readable folder
 */
export function findSubmissions(dir: string): { found: FoundSubmission[]; skipped: string[] } {
  let names: string[];
  try {
    if (!lstatSync(dir).isDirectory()) throw new Error("not a folder");
    names = readdirSync(dir).sort();
  } catch {
    throw new InputError("grade", "submissions", "must be a folder holding one folder (or .zip) per student", dir);
  }
  const found = new Map<string, FoundSubmission>();
  const skipped: string[] = [];
  for (const name of names) {
    if (name.startsWith(".")) continue;
    const path = join(dir, name);
    const st = lstatSync(path);
    const isZip = st.isFile() && name.toLowerCase().endsWith(".zip");
    const student = isZip ? name.slice(0, -4) : name;
    if (st.isSymbolicLink()) skipped.push(`${name}: a symbolic link; refused`);
    else if (!st.isDirectory() && !isZip) continue;
    else if (!STUDENT_ID.test(student)) skipped.push(`${name}: not a valid student id (letters, digits, . _ - @)`);
    else if (found.has(student)) skipped.push(`${name}: ${student} also has a folder; the folder is graded`);
    else found.set(student, { student, path, kind: isZip ? "zip" : "folder" });
  }
  return { found: [...found.values()], skipped };
}

/** Read one found submission into memory. */
export function readSubmission(found: FoundSubmission, limits: ReadLimits = DEFAULT_READ_LIMITS): Submission {
  return found.kind === "zip" ? readZip(found.student, found.path, limits) : readFolder(found.student, found.path, limits);
}
