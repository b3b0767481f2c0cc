// Grading an LMS download directly: a Canvas or Moodle "download all submissions" zip → a private tree of student folders.
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import { InputError } from "../../../core/errors";
import type { Roster, RosterStudent, SubmissionTiming } from "../gradebook/types";
import { foldName, nameKeys } from "../roster/name-keys";
import { STUDENT_ID, safeStudentId } from "../student-id";
import { DEFAULT_READ_LIMITS, findSubmissions, isSafeRelativePath, type FoundSubmission } from "../submissions";
import { parseCanvasEntry, parseMoodleEntry } from "./lms-names";
import { zipEntryTimes } from "./zip-times";

export interface LmsZipLimits {
  /** Bytes of the download itself. */
  maxZipBytes: number;
  /** Entries in the download. */
  maxEntries: number;
  /** Unpacked bytes of the whole class (declared sizes, checked before inflating). */
  maxTotalBytes: number;
}

export const DEFAULT_LMS_ZIP_LIMITS: LmsZipLimits = {
  maxZipBytes: 1 << 30,
  maxEntries: 50_000,
  maxTotalBytes: 1 << 30,
};

export interface LmsImport {
  kind: "canvas" | "moodle";
  /** The private tree `<student>/exercises/…` (mode 700); removed by cleanup(). */
  dir: string;
  /** One per student found in the download: the LATE flag (Canvas) or the latest entry time (Moodle). */
  timings: SubmissionTiming[];
  /** For the instructor: which LMS, entries not graded, students the roster does not know, conflicts. */
  notes: string[];
  /** Student id → the name the LMS gave ("lovelaceada (Canvas user 12345)"). */
  names: Map<string, string>;
  /** Student id → lines the student is told (files refused or replaced by a re-upload). */
  studentNotes: Map<string, string[]>;
  /** findSubmissions over the tree, with the LMS names and the notes above attached to each student. */
  find(): ReturnType<typeof findSubmissions>;
  cleanup(): void;
}

interface LmsUser {
  lmsId: string;
  /** The name as the LMS wrote it: Canvas's "lovelaceada", Moodle's "Ada Lovelace". */
  lmsName: string;
  late: boolean;
  latest?: Date;
  latestEntry?: string;
  firstEntry: string;
  /** Path under exercises/ → the entry that wins (Canvas: the highest "-N" copy). */
  files: Map<string, { entry: string; copy: number; size: number }>;
  notes: string[];
}

const describeErr = (err: unknown): string =>
  err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? err.message) : String(err);

/** `Ada Lovelace` + `12345` → `Ada-Lovelace_12345`: readable, unique per LMS user, safe as a file name. */
function lmsStudentId(lmsName: string, lmsId: string): string {
  const base = lmsName
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  const id = `${base || "student"}_${lmsId}`;
  return STUDENT_ID.test(id) ? id : safeStudentId(id);
}

/** The roster student an LMS user is: by LMS id, else by name when that student has no LMS id and the name is unique. */
function rosterMatch(roster: Roster, user: LmsUser): RosterStudent | undefined {
  const byId = roster.students.find((s) => s.lmsId === user.lmsId);
  if (byId) return byId;
  const key = foldName(user.lmsName);
  const byName = roster.students.filter((s) => s.lmsId === undefined && nameKeys(s.name).includes(key));
  return byName.length === 1 ? byName[0] : undefined;
}

/**
 * Unpack a Canvas "Download submissions" zip (flat `name[_LATE]_userid_submissionid_file`) or a
 * Moodle "Download all submissions" zip (`Full Name_id_assignsubmission_file_/…`, folders or flat)
 * into a fresh private folder of `<student>/exercises/<file>`, ready for findSubmissions. The zip
 * is only read. Entry names with an absolute or escaping path are refused (named in the notes, and
 * to the student when the name still says whose it is); sizes are checked before anything is
 * inflated; files are created exclusively in folders made here, so no link is ever followed.
 * Canvas's re-upload copies (`ch02-1.ts`) are graded as `ch02.ts`, the highest copy winning.
 *
 * With a roster, each LMS user is filed under their roster id (matched by LMS id, else by a name
 * only one roster student without an LMS id has). An LMS user the roster does not know, or two
 * LMS users claiming one roster student, are graded under their LMS name and id
 * (`lovelaceada_12345`) and named in the notes — never dropped. Without a roster, everyone is.
 * @throws {InputError} when the file cannot be read, is not a zip, exceeds the limits, or holds
 *   neither Canvas nor Moodle submission names
 */
export function importLmsZip(
  zipPath: string,
  options: { roster?: Roster; limits?: Partial<LmsZipLimits> } = {},
): LmsImport {
  if (typeof zipPath !== "string" || zipPath === "")
    throw new InputError("importLmsZip", "zipPath", "must be the path of a .zip file", zipPath);
  const limits = { ...DEFAULT_LMS_ZIP_LIMITS, ...options.limits };
  let bytes: Uint8Array;
  try {
    const st = lstatSync(zipPath);
    if (!st.isFile()) throw new Error("not a regular file");
    if (st.size > limits.maxZipBytes) throw new Error(`larger than ${limits.maxZipBytes} bytes`);
    bytes = readFileSync(zipPath);
  } catch (err) {
    throw new InputError("importLmsZip", "zipPath", `must be a readable zip file (${describeErr(err)})`, zipPath);
  }
  // Pass 1: names and declared sizes only (the filter inflates nothing).
  const listed: Array<{ name: string; size: number }> = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (listed.length >= limits.maxEntries) throw new Error(`more than ${limits.maxEntries} entries`);
        listed.push({ name: f.name, size: f.originalSize });
        return false;
      },
    });
  } catch (err) {
    throw new InputError("importLmsZip", "zipPath", `must be a readable zip file (${describeErr(err)})`, zipPath);
  }
  const files = listed.filter((e) => !e.name.endsWith("/"));
  const kind = files.some((e) => parseMoodleEntry(e.name))
    ? "moodle"
    : files.some((e) => parseCanvasEntry(e.name))
      ? "canvas"
      : undefined;
  if (!kind)
    throw new InputError(
      "importLmsZip",
      "zipPath",
      "must be a Canvas or Moodle submissions download (entries named name_userid_submissionid_file, or Full Name_id_assignsubmission_file_/…)",
      zipPath,
    );
  const LMS = kind === "canvas" ? "Canvas" : "Moodle";
  const notes: string[] = [];
  const times = kind === "moodle" ? zipEntryTimes(bytes) : new Map<string, Date>();
  const users = new Map<string, LmsUser>();
  let declared = 0;
  for (const { name, size } of files) {
    const shown = JSON.stringify(name.slice(0, 120));
    const canvas = kind === "canvas" ? parseCanvasEntry(name) : undefined;
    const moodle = kind === "moodle" ? parseMoodleEntry(name) : undefined;
    const lmsId = canvas?.userId ?? moodle?.participantId;
    const lmsName = canvas?.login ?? moodle?.fullName;
    if (lmsId === undefined || lmsName === undefined) {
      notes.push(`${LMS} download: entry ${shown} is not a ${LMS} submission name; not graded`);
      continue;
    }
    const user: LmsUser = users.get(lmsId) ?? {
      lmsId,
      lmsName,
      late: false,
      firstEntry: name,
      files: new Map(),
      notes: [],
    };
    users.set(lmsId, user);
    if (canvas?.late) user.late = true;
    const time = times.get(name);
    if (time && (!user.latest || time > user.latest)) {
      user.latest = time;
      user.latestEntry = name;
    }
    if (moodle && moodle.plugin !== "file") {
      user.notes.push(`the ${moodle.plugin} part of the ${LMS} submission is not graded (only files are)`);
      continue;
    }
    // The path under exercises/: Canvas's original file name, or Moodle's path with a leading exercises/ dropped.
    const rel = canvas ? canvas.file : moodle!.path.replace(/^exercises\//, "");
    if (!isSafeRelativePath(name) || !isSafeRelativePath(rel)) {
      notes.push(`${LMS} download: entry ${shown} has an absolute or escaping path; refused`);
      user.notes.push(`a file named ${shown} has an absolute or escaping path; refused`);
      continue;
    }
    declared += size;
    if (size > DEFAULT_READ_LIMITS.maxFileBytes || declared > limits.maxTotalBytes) {
      user.notes.push(`exercises/${rel}: too large; refused`);
      continue;
    }
    const copy = canvas?.copy ?? 0;
    const had = user.files.get(rel);
    if (had && had.copy === copy) {
      user.notes.push(`exercises/${rel} appears twice in the ${LMS} download; the first copy is used`);
      continue;
    }
    if (had) {
      const [older, newer] = had.copy < copy ? [had.entry, name] : [name, had.entry];
      user.notes.push(
        `exercises/${rel}: graded from the later upload ${JSON.stringify(newer)}; ${JSON.stringify(older)} was not graded`,
      );
      if (had.copy > copy) continue;
    }
    if (!had && user.files.size >= DEFAULT_READ_LIMITS.maxFiles) {
      user.notes.push(`exercises/${rel}: more than ${DEFAULT_READ_LIMITS.maxFiles} files; refused`);
      continue;
    }
    user.files.set(rel, { entry: name, copy, size });
  }

  // Student ids: the roster's when one LMS user matches a roster student, else the LMS name and id.
  const claims = new Map<string, LmsUser[]>();
  if (options.roster) {
    for (const user of users.values()) {
      const s = rosterMatch(options.roster, user);
      if (s) claims.set(s.id, [...(claims.get(s.id) ?? []), user]);
      else
        notes.push(
          `${LMS} download: ${user.lmsName} (${LMS} id ${user.lmsId}) matches nobody in the roster; graded as ${lmsStudentId(user.lmsName, user.lmsId)}`,
        );
    }
  }
  const idOf = new Map<LmsUser, string>();
  for (const [rosterId, claimants] of claims) {
    if (claimants.length === 1) idOf.set(claimants[0], rosterId);
    else
      notes.push(
        `${LMS} download: ${claimants.map((u) => `${u.lmsName} (${LMS} id ${u.lmsId})`).join(" and ")} all match roster student ${rosterId}; each is graded under their ${LMS} name and id — fix the roster's LMS ids`,
      );
  }
  const taken = new Set(idOf.values());
  for (const user of users.values()) {
    if (idOf.has(user)) continue;
    let id = lmsStudentId(user.lmsName, user.lmsId);
    for (let n = 2; taken.has(id); n++) id = `${lmsStudentId(user.lmsName, user.lmsId)}-${n}`;
    idOf.set(user, id);
    taken.add(id);
  }

  // Pass 2: inflate only the entries that won, into a tree made here.
  const wanted = new Set([...users.values()].flatMap((u) => [...u.files.values()].map((f) => f.entry)));
  let data: Record<string, Uint8Array>;
  try {
    data = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
  } catch (err) {
    throw new InputError("importLmsZip", "zipPath", `must be a readable zip file (${describeErr(err)})`, zipPath);
  }
  const dir = mkdtempSync(join(tmpdir(), "microdosing-lms-"));
  const timings: SubmissionTiming[] = [];
  const names = new Map<string, string>();
  const studentNotes = new Map<string, string[]>();
  try {
    chmodSync(dir, 0o700);
    for (const user of users.values()) {
      const id = idOf.get(user)!;
      const exercises = join(dir, id, "exercises");
      mkdirSync(exercises, { recursive: true, mode: 0o700 });
      for (const [rel, { entry }] of user.files) {
        const target = join(exercises, ...rel.split("/"));
        try {
          mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
          writeFileSync(target, data[entry] ?? new Uint8Array(), { flag: "wx", mode: 0o600 });
        } catch (err) {
          // e.g. both "lib" and "lib/x.ts": one student's odd tree never stops the class.
          user.notes.push(`exercises/${rel} could not be unpacked (${describeErr(err)}); refused`);
        }
      }
      names.set(id, `${user.lmsName} (${LMS} ${kind === "canvas" ? "user" : "participant"} ${user.lmsId})`);
      if (user.notes.length) studentNotes.set(id, user.notes);
      timings.push({
        student: id,
        ...(user.latest ? { submittedAt: user.latest.toISOString() } : {}),
        ...(kind === "canvas" ? { lateFlag: user.late } : {}),
        source:
          kind === "canvas"
            ? `Canvas file name ${JSON.stringify(user.firstEntry)}`
            : user.latest
              ? `Moodle zip entry time of ${JSON.stringify(user.latestEntry)} (an MS-DOS time without a zone is read as UTC)`
              : `Moodle download ${JSON.stringify(user.firstEntry)} (no entry time in the zip)`,
      });
    }
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  timings.sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : 0));
  notes.unshift(
    `${zipPath}: a ${LMS} submissions download (${users.size} students, ${wanted.size} files); graded from a private unpacked copy`,
  );
  return {
    kind,
    dir,
    timings,
    notes,
    names,
    studentNotes,
    find() {
      const found = findSubmissions(dir);
      const attach = (f: FoundSubmission): void => {
        const name = names.get(f.student);
        if (name) f.name = name;
        f.notes.push(...(studentNotes.get(f.student) ?? []));
      };
      found.found.forEach(attach);
      return { ...found, notes: [...notes, ...found.notes] };
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `--submissions` may be an LMS download: import it when the path is a `.zip` file, else
 * undefined (a folder of student folders, graded as before).
 */
export function importIfLmsZip(path: string, roster: Roster | undefined): LmsImport | undefined {
  let isZipFile: boolean;
  try {
    isZipFile = lstatSync(path).isFile() && path.toLowerCase().endsWith(".zip");
  } catch {
    return undefined;
  }
  return isZipFile ? importLmsZip(path, roster ? { roster } : {}) : undefined;
}
