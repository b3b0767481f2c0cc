// Grades.csv and the Canvas gradebook import.
import type { SubmissionResult } from "../types";

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
 * `student, <one column per exercise id>, total, max, status, name`, one row per submission
 * found, sorted by id. `status` is "graded", "refused: <reason>" or "error: <message>" (those
 * score 0); `name` is the folder name as found, when the id had to be made safe.
 */
export function gradesCsv(results: readonly SubmissionResult[], exerciseIds: readonly string[]): string {
  const rows = [line(["student", ...exerciseIds, "total", "max", "status", "name"])];
  for (const r of [...results].sort((a, b) => a.student.localeCompare(b.student))) {
    const points = new Map(r.verdicts.map((v) => [v.id, v.points]));
    rows.push(line([r.student, ...exerciseIds.map((id) => points.get(id) ?? 0), r.total, r.max, r.status, r.name]));
  }
  return `${rows.join("\r\n")}\r\n`;
}

export interface CanvasOptions {
  /** The assignment column, e.g. "Microdosing Workbook". Canvas creates it on import when new. */
  assignment: string;
  /** Which Canvas identifier the student folder names are: "SIS User ID" (default) or "SIS Login ID". */
  idColumn: "SIS User ID" | "SIS Login ID";
}

/**
 * Canvas gradebook import: the columns Canvas expects before the assignments
 * (Student, ID, SIS User ID, SIS Login ID, Section), a "Points Possible" row, then one row per
 * student with the total. Canvas matches rows by the SIS id column; the Student column holds
 * the name as found. A submission that was not graded (refused, grader error) has an empty
 * score — Canvas leaves the grade as it was — rather than a 0 it did not earn.
 */
export function canvasCsv(results: readonly SubmissionResult[], options: CanvasOptions): string {
  const max = results.reduce((m, r) => Math.max(m, r.max), 0);
  const head = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", options.assignment];
  const rows = [line(head), line(["Points Possible", "", "", "", "", max])];
  for (const r of [...results].sort((a, b) => a.student.localeCompare(b.student))) {
    const user = options.idColumn === "SIS User ID" ? r.student : "";
    const login = options.idColumn === "SIS Login ID" ? r.student : "";
    rows.push(line([r.name, "", user, login, "", r.status === "graded" ? r.total : ""]));
  }
  return `${rows.join("\r\n")}\r\n`;
}
