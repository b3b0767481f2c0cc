// Grades.csv and the Canvas gradebook import, from the gradebook's rows.
import type { GradebookRow } from "../gradebook/types";

/**
 * RFC 4180 cell: quoted when needed; a cell that a spreadsheet would run as a formula
 * (leading = + - @ or a tab) gets a leading apostrophe. Numbers are written as numbers.
 * @example csvCell('say "hi", then') // => '"say ""hi"", then"'
 */
export function csvCell(value: string | number): string {
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const line = (cells: Array<string | number>): string => cells.map(csvCell).join(",");

/**
 * `student, <points per exercise, after overrides>, raw, late_penalty, audit, total, max, status,
 * name`, one row per gradebook row (every roster student, "no submission" included), sorted by
 * id. `raw` is the sum after overrides, `late_penalty` the points deducted (empty without a late
 * policy), `total` = raw − late_penalty; `audit` lists every change in words, separated by " | ".
 * `status` is "graded", "no submission", "refused: <reason>" or "error: <message>" (all but
 * "graded" score 0 unless overridden); `name` is the roster's name, else the folder name as found.
 */
export function gradesCsv(rows: readonly GradebookRow[], exerciseIds: readonly string[]): string {
  const out = [line(["student", ...exerciseIds, "raw", "late_penalty", "audit", "total", "max", "status", "name"])];
  for (const r of [...rows].sort((a, b) => a.student.localeCompare(b.student))) {
    const points = new Map(r.exercises.map((e) => [e.id, e.points]));
    out.push(
      line([
        r.student,
        ...exerciseIds.map((id) => points.get(id) ?? 0),
        r.raw,
        r.late ? r.late.points : "",
        r.audit.join(" | "),
        r.total,
        r.max,
        r.status,
        r.name,
      ]),
    );
  }
  return `${out.join("\r\n")}\r\n`;
}

export interface CanvasOptions {
  /** The assignment column, e.g. "Microdosing Workbook". Canvas creates it on import when new. */
  assignment: string;
  /** Which Canvas identifier the student ids are when the roster gives none: "SIS User ID" (default) or "SIS Login ID". */
  idColumn: "SIS User ID" | "SIS Login ID";
}

/**
 * Canvas gradebook import: the columns Canvas expects before the assignments
 * (Student, ID, SIS User ID, SIS Login ID, Section), a "Points Possible" row, then one row per
 * student with the total after overrides and late penalty. Canvas matches rows by ID or the SIS
 * columns: the roster's values when known, else the student id in `idColumn`. Scores follow
 * Canvas's import semantics, where an empty cell leaves the grade as it was and a number sets it:
 * "no submission" is an explicit 0 (the course's rule: no submission earns 0, and Canvas must
 * count it in the current grade); a submission that was not graded (refused, grader error) is
 * left empty, so an instructor looks at it instead of Canvas recording a 0 it did not earn.
 */
export function canvasCsv(rows: readonly GradebookRow[], options: CanvasOptions): string {
  const max = rows.reduce((m, r) => Math.max(m, r.max), 0);
  const head = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", options.assignment];
  const out = [line(head), line(["Points Possible", "", "", "", "", max])];
  for (const r of [...rows].sort((a, b) => a.student.localeCompare(b.student))) {
    const user = r.roster?.sisUserId ?? (options.idColumn === "SIS User ID" ? r.student : "");
    const login = r.roster?.sisLoginId ?? (options.idColumn === "SIS Login ID" ? r.student : "");
    const overridden = r.exercises.some((e) => e.override);
    const score = r.status === "graded" || r.status === "no submission" || overridden ? r.total : "";
    out.push(line([r.name, r.roster?.lmsId ?? "", user, login, r.roster?.section ?? "", score]));
  }
  return `${out.join("\r\n")}\r\n`;
}
