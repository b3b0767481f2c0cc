// The instructor's overrides: points set by hand for one student's exercise, with a reason.
import { parseCsvTable, throwProblems, type CsvProblem } from "./csv-table";

export interface Override {
  student: string;
  exercise: string;
  points: number;
  reason: string;
  /** "overrides.csv line 4": named in errors and in the audit trail. */
  source: string;
}

/**
 * An overrides CSV: `student, exercise, points, reason` (all required; points a number ≥ 0). The
 * names are checked against the roster and the exercises when the gradebook is built (an unknown
 * one is an error naming it and its line). A (student, exercise) pair listed twice is an error.
 * @throws {InputError} naming the file and every bad line
 */
export function parseOverrides(text: string, file: string): Override[] {
  const problems: CsvProblem[] = [];
  const rows = parseCsvTable(
    text,
    file,
    { required: ["student", "exercise", "points", "reason"] },
    "parseOverrides",
    problems,
  );
  const seen = new Map<string, number>();
  const out: Override[] = [];
  for (const r of rows) {
    const { student, exercise, points, reason } = r.cells;
    const key = `${student}\0${exercise}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ line: r.line, message: `repeats ${student} ${exercise} (first on line ${first})` });
      continue;
    }
    seen.set(key, r.line);
    const n = Number(points);
    if (!/^\d+(\.\d+)?$/.test(points) || !Number.isFinite(n)) {
      problems.push({ line: r.line, message: `has points "${points}", not a number ≥ 0` });
      continue;
    }
    out.push({ student, exercise, points: n, reason, source: r.where });
  }
  throwProblems("parseOverrides", file, problems);
  return out;
}
