import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { assertStudentId, resetSlot, setSlotId, slotId } from "./id-slot";

/**
 * The student id in Node (notebook kernel, `npm run check`, the grader's sandbox), first found of:
 * 1. `setStudentId("s1234")` in this process (a notebook cell);
 * 2. the environment variable WORKBOOK_STUDENT_ID;
 * 3. `workbook.json` ({ "studentId": "s1234" }) in the working folder or a folder above it, up
 *    to the project root (the folder with package.json) — notebooks run in notebooks/, the CLI
 *    at the root, and the grader writes one beside each submission's private copy.
 * None of them: no id, the published default variant. Browser twin: student-id.browser.ts.
 */

/** The config file a student (or the grader) writes once. */
export const STUDENT_CONFIG_FILE = "workbook.json";

export interface StudentIdSource {
  id: string;
  /** "setStudentId", "WORKBOOK_STUDENT_ID" or the path of the config file. */
  from: string;
}

function fromConfig(): StudentIdSource | undefined {
  const project = process.env.WORKBOOK_ROOT;
  if (project && existsSync(join(project, STUDENT_CONFIG_FILE))) return readConfig(join(project, STUDENT_CONFIG_FILE));
  let dir = process.cwd();
  for (let depth = 0; depth < 6; depth++) {
    const file = join(dir, STUDENT_CONFIG_FILE);
    try {
      if (existsSync(file)) return readConfig(file);
      if (existsSync(join(dir, "package.json"))) return undefined;
    } catch (err) {
      // a malformed file is reported; a folder this process may not read (the grader's sandbox) ends the search
      if (err instanceof Error && (err.name === "InputError" || err.message.includes("is not valid JSON"))) throw err;
      return undefined;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

function readConfig(file: string): StudentIdSource {
  let parsed: { studentId?: unknown };
  try {
    parsed = JSON.parse(readFileSync(file, "utf8")) as { studentId?: unknown };
  } catch (err) {
    throw new Error(`${file} is not valid JSON (${(err as Error).message}); write { "studentId": "your id" }`, {
      cause: err,
    });
  }
  return { id: assertStudentId("currentStudentId", `${file}: studentId`, parsed?.studentId), from: file };
}

/** Where the current id comes from, or undefined when there is none (the default variant). */
export function studentIdSource(): StudentIdSource | undefined {
  const set = slotId();
  if (set === null) return undefined;
  if (set !== undefined) return { id: set, from: "setStudentId" };
  const env = process.env.WORKBOOK_STUDENT_ID;
  if (env !== undefined && env !== "")
    return { id: assertStudentId("currentStudentId", "WORKBOOK_STUDENT_ID", env), from: "WORKBOOK_STUDENT_ID" };
  return fromConfig();
}

/** The current student id, or undefined (the published default variant). */
export function currentStudentId(): string | undefined {
  return studentIdSource()?.id;
}

/**
 * Work under this student id from now on in this process (a notebook cell: `setStudentId("s1234")`):
 * every varied exercise's prompt, data and check use that student's numbers. `null` clears it
 * (the default variant, even when workbook.json names an id).
 * @throws {InputError} when id is neither null nor a valid id
 */
export function setStudentId(id: string | null): void {
  if (id !== null) assertStudentId("setStudentId", "id", id);
  setSlotId(id);
}

/** Forget setStudentId: the id comes from WORKBOOK_STUDENT_ID or workbook.json again. */
export function forgetStudentId(): void {
  resetSlot();
}
