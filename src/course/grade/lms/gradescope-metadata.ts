// Who a Gradescope submission belongs to, from /autograder/submission_metadata.json.
import { InputError } from "../../../core/errors";
import { readJsonFile } from "../../../core/read-json";
import { STUDENT_ID } from "../student-id";

/**
 * The Student ID (`users[0].sid`) of a Gradescope submission: the id a student's variant is
 * drawn from, so the course roster on Gradescope must hold the same ids students set in
 * workbook.json. A group submission has no single variant, and a missing or unsafe id would
 * grade the student against someone else's numbers: each is an error naming what is wrong.
 * @param path submission_metadata.json
 * @throws {InputError} for an unreadable file, no user, several users, or a missing or unsafe sid
 */
export function gradescopeStudentId(path: string): string {
  const fn = "gradescopeStudentId";
  const data = readJsonFile(fn, "path", path, "Gradescope's readable submission_metadata.json");
  const users = (data as { users?: unknown } | null)?.users;
  if (!Array.isArray(users) || users.length === 0)
    throw new InputError(fn, `${path}: users`, "must list the submitting student", users);
  if (users.length > 1)
    throw new InputError(
      fn,
      `${path}: users`,
      "must be one student: per-student variants cannot grade a group submission",
      users.length,
    );
  const sid = (users[0] as { sid?: unknown } | null)?.sid;
  if (typeof sid !== "string" || !STUDENT_ID.test(sid))
    throw new InputError(
      fn,
      `${path}: users[0].sid`,
      "must be the student's id (set Student ID in the Gradescope roster to the id students use in workbook.json)",
      sid,
    );
  return sid;
}
