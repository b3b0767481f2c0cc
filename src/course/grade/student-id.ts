// Student ids that are safe as file names and CSV cells, from the names rosters and LMSs produce.
import { createHash } from "node:crypto";
import { InputError } from "../../core/errors";

/** Letters, digits, dot, dash, underscore, @; not starting with a dot or dash; at most 128 characters. */
export const STUDENT_ID = /^[A-Za-z0-9_@][A-Za-z0-9._@-]{0,127}$/;

/**
 * The id a submission is graded and filed under. A folder name that is already safe is kept
 * as it is; any other (an LMS download such as "José Müller 🧪 (late)") is transliterated —
 * accents dropped, every run of other characters one dash — and given the first 6 hex digits
 * of the name's sha256, so two names that read alike never share an id and the id never
 * changes between runs. The original name stays in the outputs (`name`).
 * @param name the folder name, or the zip file name without `.zip`
 * @throws {InputError} when name is not a non-empty string
 * @example safeStudentId("ada") // => "ada"
 * @example safeStudentId("José Müller 🧪 (late)") // => "Jose-Muller-late-" + 6 hex digits
 */
export function safeStudentId(name: string): string {
  if (typeof name !== "string" || name === "")
    throw new InputError("safeStudentId", "name", "must be a non-empty string", name);
  if (STUDENT_ID.test(name)) return name;
  const base = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9._@-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 100)
    .replace(/[-.]+$/, "");
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 6);
  return `${base || "student"}-${hash}`;
}
