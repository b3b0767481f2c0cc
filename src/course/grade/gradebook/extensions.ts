// Per-student extensions of the deadline.
import { parseCsvTable, throwProblems, type CsvProblem } from "./csv-table";
import { DAY, parseInstant } from "./late-policy";

/** One student's extension: a new deadline, or extra days on the course deadline. */
export interface Extension {
  student: string;
  deadline?: string;
  extraDays?: number;
  /** "extensions.csv line 3", for messages and the audit trail. */
  source: string;
}

/**
 * An extensions CSV: `student` and either `deadline` (ISO 8601 with a zone) or `days` (extra
 * days, a positive number; "extra_days" also reads). A line with both, neither, a bad value or
 * a student listed twice is reported with its line number.
 * @throws {InputError} naming the file and every bad line
 */
export function parseExtensions(text: string, file: string): Extension[] {
  const problems: CsvProblem[] = [];
  const rows = parseCsvTable(
    text,
    file,
    {
      required: ["student"],
      optional: ["deadline", "days"],
      aliases: { extra_days: "days", new_deadline: "deadline" },
    },
    "parseExtensions",
    problems,
  );
  const seen = new Map<string, number>();
  const out: Extension[] = [];
  for (const r of rows) {
    const { student, deadline = "", days = "" } = r.cells;
    const first = seen.get(student);
    if (first !== undefined) {
      problems.push({ line: r.line, message: `repeats student "${student}" (first on line ${first})` });
      continue;
    }
    seen.set(student, r.line);
    if ((deadline === "") === (days === "")) {
      problems.push({ line: r.line, message: `must give either a deadline or a number of days for "${student}"` });
      continue;
    }
    if (deadline !== "") {
      try {
        parseInstant("parseExtensions", "deadline", deadline);
      } catch {
        problems.push({ line: r.line, message: `has deadline "${deadline}", not an ISO 8601 time with a zone` });
        continue;
      }
      out.push({ student, deadline, source: r.where });
    } else {
      const n = Number(days);
      if (!(Number.isFinite(n) && n > 0)) {
        problems.push({ line: r.line, message: `has days "${days}", not a positive number` });
        continue;
      }
      out.push({ student, extraDays: n, source: r.where });
    }
  }
  throwProblems("parseExtensions", file, problems);
  return out;
}

/** The deadline that applies to a student with this extension [ms since the epoch]. */
export function extendedDeadline(courseDeadlineMs: number, ext: Extension): number {
  return ext.deadline !== undefined
    ? parseInstant("extendedDeadline", "ext.deadline", ext.deadline)
    : courseDeadlineMs + (ext.extraDays ?? 0) * DAY;
}
