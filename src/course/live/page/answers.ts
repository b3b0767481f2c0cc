import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { InputError } from "../../../core/errors";
import type { LiveCourse, LiveExercise } from "./data";
import {
  fileSpecifier,
  findImports,
  mentions,
  notebookSpecifier,
  renderImports,
  withoutImports,
  type ImportedName,
} from "./imports";
import { statementEnd } from "./statement-end";

/**
 * "Download my answers" and "Load answers": the student's work cells ⇄ the zip the grader
 * reads (docs/grading.md: `exercises/chNN.ts` at the top of the zip). Each file is the
 * released stub with every answered exercise's stub declaration replaced by the work
 * cell's code between two marker comments, and the library imports that code made
 * notebook-style (`from "microdosing-workbook"`) added the way the file imports
 * (`from "../src"`). Loading reads the marked blocks back; in a file edited by hand (no
 * markers) it takes each exercise's declaration.
 */

/** The marker comments around an answer in a downloaded file. */
export const beginMarker = (id: string): string => `// BEGIN LIVE ANSWER ${id}`;
export const endMarker = (id: string): string => `// END LIVE ANSWER ${id}`;

/** Work-cell code by exercise id. */
export type Answers = Record<string, string>;

function exercisesOf(course: LiveCourse, file: string): LiveExercise[] {
  return course.exercises.filter((e) => e.file === file);
}

/** Names the released stubs import, and the path each comes from. */
function importOrigins(course: LiveCourse): Map<string, string> {
  const origins = new Map<string, string>();
  for (const source of Object.values(course.files)) {
    for (const statement of findImports(source))
      for (const name of statement.names) origins.set(name.local, statement.specifier);
  }
  return origins;
}

/** True when a work cell still holds what it started with (nothing to write back). */
export function isUnanswered(exercise: LiveExercise, code: string | undefined): boolean {
  return code === undefined || code.trim() === "" || code.trim() === exercise.prefill.trim();
}

/**
 * One exercises file with the student's answers in place of the stubs.
 * @param course the live course data (released stubs)
 * @param file "ch02"
 * @param answers work-cell code by exercise id; unanswered exercises keep their stub
 * @throws {InputError} for a file the course does not have
 */
export function assembleAnswerFile(course: LiveCourse, file: string, answers: Answers): string {
  const fn = "assembleAnswerFile";
  const stubSource = course.files[file];
  if (stubSource === undefined)
    throw new InputError(fn, "file", `must be one of ${Object.keys(course.files).join(", ")}`, file);
  const origins = importOrigins(course);
  const existing = findImports(stubSource);
  const bound = new Map(existing.flatMap((s) => s.names.map((n) => [n.local, s.specifier] as const)));
  const added: Array<{ specifier: string; name: ImportedName }> = [];
  let source = stubSource;
  for (const exercise of exercisesOf(course, file)) {
    const code = answers[exercise.id];
    if (isUnanswered(exercise, code)) continue;
    for (const statement of findImports(code!)) {
      for (const name of statement.names) {
        const specifier = fileSpecifier(
          statement.specifier,
          name.imported === "*" || name.imported === "default" ? name.local : name.imported,
          origins,
        );
        if (bound.has(name.local)) continue; // already imported by the file (or by an earlier answer)
        bound.set(name.local, specifier);
        added.push({ specifier, name });
      }
    }
    let body = withoutImports(code!).trimEnd();
    if (exercise.context && body.includes(exercise.context))
      body = body.replace(exercise.context, "").replace(/^(?:[ \t]*\n)+/, "");
    const at = source.indexOf(exercise.stub);
    if (at === -1) throw new InputError(fn, "course", `must hold the stub of ${exercise.id} in ${file}`, exercise.stub);
    const block = `${beginMarker(exercise.id)}\n${body}\n${endMarker(exercise.id)}`;
    source = source.slice(0, at) + block + source.slice(at + exercise.stub.length);
  }
  if (added.length === 0) return source;
  // answers had their imports taken out, so the file's last import is the header's
  const lastImport = findImports(source).pop();
  const insertAt = lastImport ? lastImport.end : 0;
  const lines = renderImports(added).join("\n");
  return `${source.slice(0, insertAt)}${insertAt > 0 ? "\n" : ""}${lines}${insertAt > 0 ? "" : "\n"}${source.slice(insertAt)}`;
}

/**
 * The zip "Download my answers" saves: `exercises/chNN.ts` for every chapter file.
 * @param answers work-cell code by exercise id (all chapters)
 */
export function answersZip(course: LiveCourse, answers: Answers): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const file of Object.keys(course.files).sort())
    entries[`exercises/${file}.ts`] = strToU8(assembleAnswerFile(course, file, answers));
  return zipSync(entries, { level: 6, mtime: new Date("2026-01-01T00:00:00Z") });
}

/** Notebook-style import lines for the names of `source`'s imports that `code` uses. */
export function notebookImportsFor(source: string, code: string): string[] {
  const used = findImports(source).flatMap((s) =>
    s.names.filter((n) => mentions(code, n.local)).map((name) => ({ specifier: notebookSpecifier(s.specifier), name })),
  );
  return renderImports(used);
}

/**
 * The work cells an exercises file holds: the marked blocks of a downloaded file, else
 * (a file edited by hand) each exercise's declaration that is no longer the stub.
 * @param file "ch02"
 * @param source the file's text
 * @returns work-cell code (with notebook-style imports) by exercise id, answered exercises only
 * @throws {InputError} for a file the course does not have
 */
export function extractAnswers(course: LiveCourse, file: string, source: string): Answers {
  if (course.files[file] === undefined)
    throw new InputError("extractAnswers", "file", `must be one of ${Object.keys(course.files).join(", ")}`, file);
  const answers: Answers = {};
  for (const exercise of exercisesOf(course, file)) {
    let body: string | undefined;
    const begin = source.indexOf(`${beginMarker(exercise.id)}\n`);
    const end = source.indexOf(endMarker(exercise.id));
    if (begin !== -1 && end > begin) body = source.slice(begin + beginMarker(exercise.id).length + 1, end).trimEnd();
    else if (!source.includes(exercise.stub)) {
      const head = new RegExp(`^export\\s+(?:async\\s+)?(const|let|function)\\s+${exercise.exportName}\\b`, "m").exec(
        source,
      );
      if (head) {
        const stop = statementEnd(source, head.index, head[1] === "function" ? "function" : "value");
        body = source.slice(head.index, stop).trimEnd();
      }
    }
    if (body === undefined || body.trim() === exercise.stub.trim()) continue;
    const context = exercise.context && !body.includes(exercise.context) ? `${exercise.context}\n\n` : "";
    const imports = notebookImportsFor(source, context + body);
    answers[exercise.id] = `${imports.length ? `${imports.join("\n")}\n\n` : ""}${context}${body}\n`;
  }
  return answers;
}

/** The exercises files inside a zip: `exercises/chNN.ts` at the top or inside one folder. */
function zipExerciseFiles(bytes: Uint8Array): Map<string, string> {
  const files = new Map<string, string>();
  for (const [path, data] of Object.entries(unzipSync(bytes))) {
    const m = /^(?:[^/]+\/)?exercises\/(ch\d+)\.ts$/.exec(path);
    if (m) files.set(m[1], strFromU8(data));
  }
  return files;
}

/**
 * "Load answers": the work cells held by a downloaded zip, or by one exercises file.
 * @param name the file's name (decides zip or .ts; a .ts file must be named chNN.ts)
 * @param bytes its content
 * @returns work-cell code by exercise id, and the chapter files read
 * @throws {InputError} when the file is neither, or holds no exercises file of this course
 */
export function readAnswers(
  course: LiveCourse,
  name: string,
  bytes: Uint8Array,
): { answers: Answers; files: string[] } {
  const fn = "readAnswers";
  let files: Map<string, string>;
  if (/\.zip$/i.test(name)) {
    try {
      files = zipExerciseFiles(bytes);
    } catch (error) {
      throw new InputError(fn, "bytes", "must be a zip archive", `${name}: ${(error as Error).message}`);
    }
  } else {
    const m = /(ch\d+)\.ts$/i.exec(name);
    if (!m) throw new InputError(fn, "name", "must be a .zip of answers or an exercises file named chNN.ts", name);
    files = new Map([[m[1].toLowerCase(), strFromU8(bytes)]]);
  }
  const known = [...files].filter(([file]) => course.files[file] !== undefined);
  if (known.length === 0)
    throw new InputError(
      fn,
      "bytes",
      `must hold exercises/chNN.ts for one of ${Object.keys(course.files).join(", ")}`,
      name,
    );
  const answers: Answers = {};
  for (const [file, source] of known) Object.assign(answers, extractAnswers(course, file, source));
  return { answers, files: known.map(([file]) => file) };
}
