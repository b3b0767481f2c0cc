// Finding submissions and reading them safely (folders and zip files).
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, type Stats } from "node:fs";
import { basename, join } from "node:path";
import { unzipSync } from "fflate";
import { InputError } from "../../core/errors";
import { safeStudentId } from "./student-id";

/**
 * A submission is read ONCE into memory, without following any link, and never written to:
 * everything after this point works on the in-memory copy. Only the files under `exercises/`
 * count. Refused entries (symbolic links, paths that leave the folder, oversized or too many
 * files) are left out and named in `refused`, so the student is told why; files that are not
 * code, or not under `exercises/`, are named in `ignored`.
 */
export interface Submission {
  /** The student id: the folder name, or the zip file name without `.zip`, made safe (see student-id.ts). */
  student: string;
  /** The folder or zip name as found (without `.zip`), before it was made safe. */
  name: string;
  /** Where it came from (for the log). */
  source: string;
  /** Paths relative to exercises/ ("ch02.ts", "lib/helpers.ts") → bytes. */
  files: Map<string, Uint8Array>;
  /** Human-readable reasons for every entry that was left out. */
  refused: string[];
  /** Paths relative to the submission ("notes.txt", "exercises/data.csv", "exercises/node_modules/") that were not graded. */
  ignored: string[];
  /** sha256 over the paths, contents, refusals and ignored names: the cache key of this submission. */
  contentHash: string;
}

export interface ReadLimits {
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxFiles: 200, maxFileBytes: 1 << 20, maxTotalBytes: 8 << 20 };

const ALLOWED_FILE = /\.(ts|js|cjs|json)$/;

/** A path is safe when it is relative, has no "..", no empty or "." segment, no backslash or NUL. */
export function isSafeRelativePath(path: string): boolean {
  if (path === "" || path.startsWith("/") || /^[A-Za-z]:/.test(path) || /[\\\0]/.test(path)) return false;
  return path.split("/").every((seg) => seg !== "" && seg !== "." && seg !== "..");
}

function hashSubmission(files: Map<string, Uint8Array>, refused: string[], ignored: string[]): string {
  const h = createHash("sha256");
  for (const path of [...files.keys()].sort())
    h.update(`${path}\0${createHash("sha256").update(files.get(path)!).digest("hex")}\n`);
  for (const r of refused) h.update(`refused\0${r}\n`);
  for (const i of ignored) h.update(`ignored\0${i}\n`);
  return h.digest("hex");
}

class Collector {
  files = new Map<string, Uint8Array>();
  refused: string[] = [];
  ignored: string[] = [];
  private total = 0;
  constructor(private readonly limits: ReadLimits) {}

  /** @returns false when the entry was refused */
  add(path: string, size: number, read: () => Uint8Array): boolean {
    if (!ALLOWED_FILE.test(path)) return this.ignore(`exercises/${path}`); // not code
    if (this.files.size >= this.limits.maxFiles)
      return this.refuse(`exercises/${path}: more than ${this.limits.maxFiles} files`);
    if (size > this.limits.maxFileBytes)
      return this.refuse(`exercises/${path}: larger than ${this.limits.maxFileBytes} bytes`);
    if (this.total + size > this.limits.maxTotalBytes)
      return this.refuse(`exercises/${path}: the submission exceeds ${this.limits.maxTotalBytes} bytes`);
    const data = read();
    this.total += data.length;
    this.files.set(path, data);
    return true;
  }

  refuse(reason: string): false {
    this.refused.push(reason);
    return false;
  }

  /** Not graded, and the student is told so ("ignored: notes.txt"). */
  ignore(path: string): false {
    this.ignored.push(path);
    return false;
  }

  done(found: FoundSubmission): Submission {
    return {
      student: found.student,
      name: found.name,
      source: found.path,
      files: this.files,
      refused: [...found.notes, ...this.refused],
      ignored: this.ignored,
      contentHash: hashSubmission(this.files, [...found.notes, ...this.refused], this.ignored),
    };
  }
}

/** lstat, or undefined when the entry cannot be read (a name that is not valid UTF-8 reads back as another name). */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

const errorCode = (err: unknown): string =>
  err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? err.message) : String(err);

/** Walk `exercises/` of a student folder with lstat: links are refused, never followed. Anything else in the folder is named as ignored. */
function readFolder(found: FoundSubmission, limits: ReadLimits): Submission {
  const c = new Collector(limits);
  const folder = found.path;
  for (const name of readdirSync(folder).sort()) {
    if (name === "exercises") continue;
    const st = statOrUndefined(join(folder, name));
    c.ignore(st?.isDirectory() ? `${name}/` : name);
  }
  const top = join(folder, "exercises");
  let topStat;
  try {
    topStat = lstatSync(top);
  } catch {
    c.refuse("the submission has no exercises/ folder");
    return c.done(found);
  }
  if (topStat.isSymbolicLink() || !topStat.isDirectory()) {
    c.refuse("exercises/ is a symbolic link or not a folder; refused");
    return c.done(found);
  }
  const walk = (dir: string, rel: string, depth: number): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const relPath = rel ? `${rel}/${name}` : name;
      const st = statOrUndefined(path);
      if (st === undefined) c.refuse(`exercises/${relPath} could not be read (is its name valid UTF-8?); refused`);
      else if (st.isSymbolicLink()) c.refuse(`exercises/${relPath} is a symbolic link; refused`);
      else if (st.isDirectory()) {
        if (name === "node_modules" || name.startsWith(".")) c.ignore(`exercises/${relPath}/`);
        else if (depth >= 4) c.refuse(`exercises/${relPath}: folders nested too deep`);
        else walk(path, relPath, depth + 1);
      } else if (st.isFile()) {
        try {
          c.add(relPath, st.size, () => readFileSync(path));
        } catch (err) {
          c.refuse(`exercises/${relPath} could not be read (${errorCode(err)}); refused`);
        }
      } else c.refuse(`exercises/${relPath} is not a regular file; refused`);
    }
  };
  walk(top, "", 0);
  return c.done(found);
}

/**
 * Read a zip of the same layout: `exercises/…` at the top, or inside one folder
 * (`<anything>/exercises/…`, what zipping a student folder gives). Entries with "..",
 * absolute paths or backslashes are refused; sizes are checked before inflating. Entries
 * outside `exercises/` are named as ignored (one line per top folder).
 */
function readZip(found: FoundSubmission, limits: ReadLimits): Submission {
  const c = new Collector(limits);
  const wanted = new Map<string, { rel: string; size: number }>();
  const outside = new Set<string>();
  let declared = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(readFileSync(found.path), {
      filter: (f) => {
        if (f.name.endsWith("/")) return false;
        if (!isSafeRelativePath(f.name)) {
          c.refuse(`zip entry "${f.name.slice(0, 100)}" has an absolute or escaping path; refused`);
          return false;
        }
        const parts = f.name.split("/");
        const at = parts.indexOf("exercises");
        if (at < 0 || at > 1 || at === parts.length - 1) {
          // notes.txt, ada/notes.txt, __MACOSX/…: named down to two levels, so a folder of junk is one line
          outside.add(parts.length > 2 ? `${parts.slice(0, 2).join("/")}/` : f.name);
          return false;
        }
        const rel = parts.slice(at + 1).join("/");
        declared += f.originalSize;
        if (
          f.originalSize > limits.maxFileBytes ||
          declared > limits.maxTotalBytes ||
          wanted.size >= limits.maxFiles ||
          !ALLOWED_FILE.test(rel)
        ) {
          if (ALLOWED_FILE.test(rel)) c.refuse(`exercises/${rel}: too large or too many files; refused`);
          else c.ignore(`exercises/${rel}`);
          return false;
        }
        wanted.set(f.name, { rel, size: f.originalSize });
        return true;
      },
    });
  } catch (err) {
    c.refuse(`the zip file could not be read (${err instanceof Error ? err.message : String(err)})`);
    return c.done(found);
  }
  for (const name of [...outside].sort()) c.ignore(name);
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
  return c.done(found);
}

export interface FoundSubmission {
  /** The id it is graded under (safe as a file name; see student-id.ts). */
  student: string;
  /** The entry's name as found (a zip's without `.zip`). */
  name: string;
  path: string;
  kind: "folder" | "zip";
  /** Told to the student with the grades (e.g. a zip that lost to a folder of the same name). */
  notes: string[];
}

/** An entry of the submissions folder that is not graded, but still listed in every output. */
export interface RefusedSubmission {
  student: string;
  name: string;
  path: string;
  /** Short, for the status column: "symlink". */
  reason: string;
  /** One line for the instructor's terminal. */
  detail: string;
}

/**
 * The submissions in a folder: one sub-folder per student, or `<student>.zip`. A folder name
 * that is not a safe id (spaces, accents, emoji) is mapped to one (`safeStudentId`). A
 * symbolic link is never followed: it is listed as refused. When both a folder and a zip exist
 * for one student, the folder is graded and the student is told. Other files are not
 * submissions (named in `notes`, for the instructor).
 * @throws {InputError} when `dir` is not a readable folder
 */
export function findSubmissions(dir: string): {
  found: FoundSubmission[];
  refused: RefusedSubmission[];
  notes: string[];
} {
  let names: string[];
  try {
    if (!lstatSync(dir).isDirectory()) throw new Error("not a folder");
    names = readdirSync(dir).sort();
  } catch {
    throw new InputError("grade", "submissions", "must be a folder holding one folder (or .zip) per student", dir);
  }
  const entries: Array<{ name: string; path: string; kind: "folder" | "zip" | "symlink" }> = [];
  const notes: string[] = [];
  const refused: RefusedSubmission[] = [];
  for (const entry of names) {
    if (entry.startsWith(".")) continue;
    const path = join(dir, entry);
    const st = statOrUndefined(path);
    if (st === undefined) {
      const student = safeStudentId(entry);
      refused.push({
        student,
        name: entry,
        path,
        reason: "unreadable",
        detail: `${entry}: could not be read (is its name valid UTF-8?); refused`,
      });
      continue;
    }
    const isZip = st.isFile() && entry.toLowerCase().endsWith(".zip");
    if (st.isSymbolicLink()) entries.push({ name: entry, path, kind: "symlink" });
    else if (st.isDirectory()) entries.push({ name: entry, path, kind: "folder" });
    else if (isZip) entries.push({ name: entry.slice(0, -4), path, kind: "zip" });
    else notes.push(`${entry}: not a folder or a .zip; not a submission`);
  }
  // Folders first, so a zip of the same name is the one set aside.
  const order = { folder: 0, symlink: 1, zip: 2 } as const;
  entries.sort((a, b) => order[a.kind] - order[b.kind] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found = new Map<string, FoundSubmission>();
  const taken = new Set<string>(refused.map((r) => r.student));
  for (const e of entries) {
    const student = safeStudentId(e.name);
    const graded = found.get(student);
    if (graded) {
      const which = graded.kind === "folder" ? `the folder ${basename(graded.path)}/` : basename(graded.path);
      graded.notes.push(`${basename(e.path)} was not graded: ${which} was`);
      notes.push(`${basename(e.path)}: not graded; ${student} is graded from ${which}`);
    } else if (taken.has(student))
      notes.push(`${basename(e.path)}: ${student} is listed already (as refused); not graded`);
    else if (e.kind === "symlink") {
      refused.push({
        student,
        name: e.name,
        path: e.path,
        reason: "symlink",
        detail: `${e.name}: a symbolic link; refused (never followed)`,
      });
    } else {
      if (student !== e.name) notes.push(`${basename(e.path)}: not a safe student id; graded as ${student}`);
      found.set(student, { student, name: e.name, path: e.path, kind: e.kind, notes: [] });
    }
    taken.add(student);
  }
  return { found: [...found.values()].sort((a, b) => (a.student < b.student ? -1 : 1)), refused, notes };
}

/** Read one found submission into memory. */
export function readSubmission(found: FoundSubmission, limits: ReadLimits = DEFAULT_READ_LIMITS): Submission {
  return found.kind === "zip" ? readZip(found, limits) : readFolder(found, limits);
}
