// What Dolos compares: one document per student, their code files end to end, with a line map back.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../../core/errors";
import type { Roster } from "../gradebook/types";
import { importIfLmsZip } from "../lms/import-zip";
import { findSubmissions, readSubmission } from "../submissions";

/** Code that is compared (JSON data files are not code a student writes). */
const CODE_FILE = /\.(ts|js|cjs)$/;

/** A part of a document: one file, and where its lines start in the document (0-based). */
export interface DocumentPart {
  path: string;
  firstLine: number;
  lineCount: number;
}

/**
 * One student's code as one text: their `exercises/` code files in path order, joined by a
 * newline. One document per student (instead of one per file) keeps a copy found when it moves
 * between files, and needs one Dolos analysis for the class.
 */
export interface StudentDocument {
  student: string;
  /** The folder or zip name as found (may be anything an LMS or a student chose: escape it). */
  name: string;
  text: string;
  parts: DocumentPart[];
}

/**
 * Join files into one document.
 * @param files path → text, joined in path order
 * @throws {InputError} when files is not a Map
 */
export function joinFiles(student: string, name: string, files: ReadonlyMap<string, string>): StudentDocument {
  if (!(files instanceof Map)) throw new InputError("joinFiles", "files", "must be a Map of path → text", files);
  const parts: DocumentPart[] = [];
  const texts: string[] = [];
  let line = 0;
  for (const path of [...files.keys()].sort()) {
    const text = (files.get(path) ?? "").replace(/\r\n?/g, "\n");
    const lineCount = text.split("\n").length;
    parts.push({ path, firstLine: line, lineCount });
    texts.push(text);
    line += lineCount;
  }
  return { student, name, text: texts.join("\n"), parts };
}

/**
 * Where line `row` (0-based, of the document) comes from: the file and its 1-based line number.
 * @throws {InputError} when row is outside the document
 */
export function locate(doc: StudentDocument, row: number): { path: string; line: number } {
  const part = doc.parts.find((p) => row >= p.firstLine && row < p.firstLine + p.lineCount);
  if (!Number.isInteger(row) || !part)
    throw new InputError("locate", "row", `must be a line of ${doc.student}'s document (0-based)`, row);
  return { path: part.path, line: row - part.firstLine + 1 };
}

/**
 * Every readable submission as a document, read through submissions.ts (links never followed,
 * zips read in memory, nothing written). `submissions` is a folder of student folders (or
 * `<id>.zip`), or a Canvas / Moodle download zip, unpacked once by the grader's own import
 * (lms/import-zip.ts) into a private folder that is removed before returning: the students then
 * carry the ids grading gives them (the roster's, when one is given). Refused entries, the
 * import's notes and submissions without code are named in `notes`; the latter two are left out.
 * @throws {InputError} when `submissions` is neither a readable folder nor an LMS download
 */
export function studentDocuments(
  submissions: string,
  options: { roster?: Roster } = {},
): { documents: StudentDocument[]; notes: string[] } {
  const lms = importIfLmsZip(submissions, options.roster);
  try {
    const { found, refused, notes } = lms ? lms.find() : findSubmissions(submissions);
    const out = [...notes, ...refused.map((r) => `${r.detail}: not compared`)];
    const documents: StudentDocument[] = [];
    const decoder = new TextDecoder("utf-8", { fatal: false });
    for (const f of found) {
      const sub = readSubmission(f);
      const code = new Map<string, string>();
      for (const [path, bytes] of sub.files) if (CODE_FILE.test(path)) code.set(path, decoder.decode(bytes));
      if (code.size === 0) out.push(`${f.student}: no code under exercises/; not compared`);
      else documents.push(joinFiles(sub.student, sub.name, code));
    }
    return { documents, notes: out };
  } finally {
    lms?.cleanup();
  }
}

/**
 * The released stubs (`exercises/*.ts` of the project) as one document: the base code whose
 * fragments are never counted as shared.
 * @throws {InputError} when the folder holds no .ts file
 */
export function stubDocument(exercisesDir: string): StudentDocument {
  let names: string[];
  try {
    names = readdirSync(exercisesDir).filter((n) => n.endsWith(".ts"));
  } catch {
    names = [];
  }
  if (names.length === 0)
    throw new InputError(
      "stubDocument",
      "exercisesDir",
      "must be a folder holding the released stubs (*.ts)",
      exercisesDir,
    );
  return joinFiles("(stubs)", "(stubs)", new Map(names.map((n) => [n, readFileSync(join(exercisesDir, n), "utf8")])));
}
