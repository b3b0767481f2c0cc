// The class list: a roster CSV (or a Canvas gradebook export, or a Moodle grading worksheet) → Roster.
import { readFileSync } from "node:fs";
import { InputError } from "../../../core/errors";
import type { Roster, RosterStudent } from "../gradebook/types";
import { safeStudentId, STUDENT_ID } from "../student-id";
import { csvRecords } from "./csv-records";
import { foldName, nameKeys } from "./name-keys";

type Field = Exclude<keyof RosterStudent, "name"> | "name" | "first" | "last";

/** Header spellings, folded (lower case, no spaces or punctuation), → the field they fill. */
const COLUMNS: Record<string, Field> = {
  id: "id",
  studentid: "id",
  name: "name",
  fullname: "name",
  student: "name",
  firstname: "first",
  lastname: "last",
  surname: "last",
  lmsid: "lmsId",
  canvasuserid: "lmsId",
  canvasid: "lmsId",
  userid: "lmsId",
  participantid: "lmsId",
  identifier: "lmsId",
  sisuserid: "sisUserId",
  sisloginid: "sisLoginId",
  login: "sisLoginId",
  email: "email",
  emailaddress: "email",
  section: "section",
};

const fold = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * Parse a roster. Accepted columns (any case, spaces or underscores alike): `id` (or `student`
 * beside a `name` column), `name` (or
 * `first_name` + `last_name`), `lms_id` / `canvas_user_id` / `participant_id`, `sis_user_id`,
 * `sis_login_id`, `email`, `section`. A Canvas gradebook export is read as is ("Student, ID, SIS
 * User ID, SIS Login ID, Section": "ID" is the Canvas user id; its "Points Possible" row is
 * skipped), and so is a Moodle grading worksheet ("Identifier" "Participant 12345" → lmsId 12345,
 * "Full name", "Email address"); other columns (assignments, grades) are ignored.
 *
 * A student's `id` is the `id` column; without one, the SIS login id, else the SIS user id,
 * else the LMS id — made safe as a file name (student-id.ts). An `id` column that is not a safe
 * id is an error, not a silent rename: outputs are filed under it.
 * @param text the file content
 * @param source the file name, used in every error ("roster.csv line 7: …")
 * @throws {InputError} on a missing name or id column, an empty name or id, an unsafe id, a
 *   ragged row, or an id, LMS id or SIS id that appears twice (naming both lines)
 */
export function parseRoster(text: string, source: string): Roster {
  if (typeof source !== "string" || source === "")
    throw new InputError("parseRoster", "source", "must be a non-empty file name", source);
  const records = csvRecords(text, source);
  if (records.length === 0) throw new InputError("parseRoster", source, "must have a header line", "empty file");
  const header = records[0].fields.map((h) => h.trim());
  const isCanvas = header.includes("Student") && header.includes("SIS User ID");
  const fieldAt = new Map<Field, number>();
  header.forEach((h, i) => {
    // "student" is the name in a Canvas export, the id in a roster that also has a name column.
    const studentIsId =
      !isCanvas && fold(h) === "student" && header.some((x) => ["name", "fullname"].includes(fold(x)));
    const field: Field | undefined = isCanvas && h === "ID" ? "lmsId" : studentIsId ? "id" : COLUMNS[fold(h)];
    if (field && !fieldAt.has(field)) fieldAt.set(field, i);
  });
  const hasName = fieldAt.has("name") || fieldAt.has("first") || fieldAt.has("last");
  const idFields: Field[] = ["id", "sisLoginId", "sisUserId", "lmsId"];
  if (!hasName || !idFields.some((f) => fieldAt.has(f)))
    throw new InputError(
      "parseRoster",
      `${source} line ${records[0].line}`,
      "must name a name column (name, full name, student or first/last name) and an id column (id, sis_login_id, sis_user_id or lms_id)",
      header,
    );
  const students: RosterStudent[] = [];
  const seen = new Map<string, number>(); // "id:ada" → line
  for (const { line, fields } of records.slice(1)) {
    const where = `${source} line ${line}`;
    if (fields.length !== header.length)
      throw new InputError("parseRoster", where, `must have ${header.length} fields like the header`, fields);
    const cell = (f: Field): string | undefined => {
      const i = fieldAt.get(f);
      const v = i === undefined ? undefined : fields[i].trim();
      return v === "" ? undefined : v;
    };
    const name = cell("name") ?? [cell("first"), cell("last")].filter(Boolean).join(" ");
    // Canvas exports carry a "Points Possible" row, and newer ones a row of posting policies without a student.
    if (isCanvas && (/^(points possible|muted)$/i.test(name) || (name === "" && cell("lmsId") === undefined))) continue;
    if (name === "") throw new InputError("parseRoster", where, "must give the student's name", fields);
    const moodleParticipant = /^participant\s*(\d+)$/i.exec(cell("lmsId") ?? "");
    const student: RosterStudent = { id: "", name };
    const lmsId = moodleParticipant ? moodleParticipant[1] : cell("lmsId");
    if (lmsId !== undefined) student.lmsId = lmsId;
    for (const f of ["sisUserId", "sisLoginId", "email", "section"] as const) {
      const v = cell(f);
      if (v !== undefined) student[f] = v;
    }
    const explicit = cell("id");
    if (explicit !== undefined) {
      if (!STUDENT_ID.test(explicit))
        throw new InputError(
          "parseRoster",
          where,
          "must give an id of letters, digits, . _ @ - (not starting with . or -), at most 128 characters",
          explicit,
        );
      student.id = explicit;
    } else {
      const derived = student.sisLoginId ?? student.sisUserId ?? student.lmsId;
      if (derived === undefined)
        throw new InputError("parseRoster", where, "must give an id (id, sis_login_id, sis_user_id or lms_id)", fields);
      student.id = safeStudentId(derived);
    }
    for (const [kind, value] of [
      ["id", student.id],
      ["LMS id", student.lmsId],
      ["SIS user id", student.sisUserId],
      ["SIS login id", student.sisLoginId],
    ] as const) {
      if (value === undefined) continue;
      const key = `${kind}\0${value}`;
      const first = seen.get(key);
      if (first !== undefined)
        throw new InputError("parseRoster", where, `must not repeat the ${kind} of line ${first}`, value);
      seen.set(key, line);
    }
    students.push(student);
  }
  return { students };
}

/**
 * Read a roster CSV file (UTF-8). See {@link parseRoster} for the columns.
 * @throws {InputError} when the file cannot be read, or as parseRoster
 */
export function readRoster(path: string): Roster {
  if (typeof path !== "string" || path === "")
    throw new InputError("readRoster", "path", "must be a non-empty file path", path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new InputError(
      "readRoster",
      "path",
      `must be a readable roster CSV (${err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? err.message) : String(err)})`,
      path,
    );
  }
  return parseRoster(text, path);
}

/**
 * The roster student a key names: their id, LMS id, SIS user or login id, email (any case) —
 * or their name, in any of the spellings of {@link nameKeys} ("Lovelace, Ada", "lovelaceada").
 * Identifiers win over names; a name two students share matches nobody (undefined), so an
 * ambiguous match is never guessed.
 * @throws {InputError} when roster is not a Roster or key is not a non-empty string
 */
export function matchStudent(roster: Roster, key: string): RosterStudent | undefined {
  if (!roster || !Array.isArray(roster.students))
    throw new InputError("matchStudent", "roster", "must be a Roster ({ students: [...] })", roster);
  if (typeof key !== "string" || key.trim() === "")
    throw new InputError("matchStudent", "key", "must be a non-empty string", key);
  const k = key.trim();
  const byId = roster.students.filter(
    (s) =>
      s.id === k ||
      s.lmsId === k ||
      s.sisUserId === k ||
      s.sisLoginId === k ||
      (s.email !== undefined && s.email.toLowerCase() === k.toLowerCase()),
  );
  if (byId.length === 1) return byId[0];
  if (byId.length > 1) return undefined;
  const folded = foldName(k);
  if (folded === "") return undefined;
  const byName = roster.students.filter((s) => nameKeys(s.name).includes(folded));
  return byName.length === 1 ? byName[0] : undefined;
}
