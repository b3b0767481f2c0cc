// When each student submitted, from a submissions CSV (LMS imports produce SubmissionTiming too).
import { parseCsvTable, throwProblems, type CsvProblem } from "./csv-table";
import { parseInstant } from "./late-policy";
import type { SubmissionTiming } from "./types";

const LATE_WORDS = new Set(["1", "true", "yes", "late", "y"]);
const ON_TIME_WORDS = new Set(["", "0", "false", "no", "n"]);

/**
 * A submissions CSV: `student`, `submitted_at` (ISO 8601 with a zone; may be empty when `late`
 * says the LMS flagged it late without a time), optional `late` (yes/no). A student listed twice
 * or a bad time is reported with its line number.
 * @throws {InputError} naming the file and every bad line
 */
export function parseSubmissionTimes(text: string, file: string): SubmissionTiming[] {
  const problems: CsvProblem[] = [];
  const rows = parseCsvTable(
    text,
    file,
    {
      required: ["student"],
      optional: ["submitted_at", "late"],
      aliases: { submitted: "submitted_at", time: "submitted_at" },
    },
    "parseSubmissionTimes",
    problems,
  );
  const seen = new Map<string, number>();
  const out: SubmissionTiming[] = [];
  for (const r of rows) {
    const { student, submitted_at: at = "", late = "" } = r.cells;
    const first = seen.get(student);
    if (first !== undefined) {
      problems.push({ line: r.line, message: `repeats student "${student}" (first on line ${first})` });
      continue;
    }
    seen.set(student, r.line);
    const flag = late.toLowerCase();
    if (!LATE_WORDS.has(flag) && !ON_TIME_WORDS.has(flag)) {
      problems.push({ line: r.line, message: `has late "${late}", not yes or no` });
      continue;
    }
    if (at === "" && !LATE_WORDS.has(flag)) {
      problems.push({ line: r.line, message: `gives no submitted_at time for "${student}"` });
      continue;
    }
    if (at !== "") {
      try {
        parseInstant("parseSubmissionTimes", "submitted_at", at);
      } catch {
        problems.push({ line: r.line, message: `has submitted_at "${at}", not an ISO 8601 time with a zone` });
        continue;
      }
    }
    const t: SubmissionTiming = { student, source: r.where };
    if (at !== "") t.submittedAt = at;
    if (LATE_WORDS.has(flag)) t.lateFlag = true;
    out.push(t);
  }
  throwProblems("parseSubmissionTimes", file, problems);
  return out;
}
