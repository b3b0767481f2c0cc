// Reading the instructor's CSV files (roster, extensions, submission times, overrides) line by line.
import { readFileSync } from "node:fs";
import { InputError } from "../../../core/errors";
import { csvRecords } from "../roster/csv-records";

/** One data line of a CSV file: its cells by (normalised) header name, and where it came from. */
export interface CsvRecord {
  /** 1-based line number of the record's first line in the file. */
  line: number;
  cells: Record<string, string>;
  /** "overrides.csv line 4", for messages and the audit trail. */
  where: string;
}

/** A bad line: reported with every other bad line of the file, never skipped. */
export interface CsvProblem {
  line: number;
  message: string;
}

/** "Submitted At" → "submitted_at": header names compare case- and spacing-blind. */
export const headerKey = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

/**
 * Parse a CSV file with a header row. `required` columns must be in the header (else an error
 * naming the file and the missing column); a line with more cells than the header, or a required
 * cell left empty, is added to `problems` with its line number (the caller adds its own checks'
 * problems and reports them all at once with throwProblems).
 * @throws {InputError} naming the file for a missing header or column
 */
export function parseCsvTable(
  text: string,
  file: string,
  columns: { required: readonly string[]; optional?: readonly string[]; aliases?: Readonly<Record<string, string>> },
  fn: string,
  problems: CsvProblem[],
): CsvRecord[] {
  if (typeof text !== "string") throw new InputError(fn, "text", "must be the CSV file's text", text);
  const all = csvRecords(text, file).map((r) => ({ line: r.line, cells: r.fields }));
  if (all.length === 0) throw new InputError(fn, file, "must have a header row (it is empty)", text);
  const [head, ...body] = all;
  const names = head.cells.map((c) => {
    const k = headerKey(c);
    return columns.aliases?.[k] ?? k;
  });
  const known = new Set([...columns.required, ...(columns.optional ?? [])]);
  for (const col of columns.required)
    if (!names.includes(col))
      throw new InputError(fn, file, `must have a column "${col}" in its header (line ${head.line})`, head.cells);
  const out: CsvRecord[] = [];
  for (const r of body) {
    if (r.cells.length > names.length) {
      problems.push({ line: r.line, message: `has ${r.cells.length} cells for ${names.length} columns` });
      continue;
    }
    const cells: Record<string, string> = {};
    names.forEach((n, i) => {
      if (known.has(n)) cells[n] = (r.cells[i] ?? "").trim();
    });
    const empty = columns.required.filter((c) => cells[c] === "");
    if (empty.length) {
      problems.push({ line: r.line, message: `leaves ${empty.map((c) => `"${c}"`).join(", ")} empty` });
      continue;
    }
    out.push({ line: r.line, cells, where: `${file} line ${r.line}` });
  }
  return out;
}

/**
 * Throw one error listing every bad line of a file (nothing is silently skipped).
 * @throws {InputError} when problems is not empty
 */
export function throwProblems(fn: string, file: string, problems: readonly CsvProblem[]): void {
  if (problems.length === 0) return;
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const list = sorted.map((p) => `line ${p.line} ${p.message}`).join("; ");
  throw new InputError(
    fn,
    file,
    `has ${problems.length} bad line${problems.length > 1 ? "s" : ""}: ${list}`,
    sorted[0],
  );
}

/**
 * A CSV file's text, with the file named when it cannot be read.
 * @throws {InputError} naming the path when it cannot be read
 */
export function readCsvFile(fn: string, path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    throw new InputError(
      fn,
      path,
      `must be a readable file (${err instanceof Error ? err.message : String(err)})`,
      path,
    );
  }
}
