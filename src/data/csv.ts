import { InputError } from "../core/errors";
import { readDataText } from "./data-text";

/** A parsed CSV file: the header names and one record per data row, values as text. */
export interface CsvTable {
  /** Column names from the first line, in file order. */
  readonly columns: readonly string[];
  /** One record per data row, keyed by column name; values are the raw (unquoted) text. */
  readonly rows: readonly Readonly<Record<string, string>>[];
}

/**
 * Parse comma-separated text (RFC 4180: double-quoted fields may hold commas, newlines and
 * doubled quotes `""`). The first line is the header. Blank lines are skipped; LF and CRLF
 * line ends are both accepted. Small and strict on purpose: the course's datasets are a few
 * hundred rows, and a ragged row is an error rather than a silently shifted column.
 * @param text the whole file content
 * @param source a name for error messages (e.g. the file path) [default "text"]
 * @returns the header and the rows as text records
 * @throws {InputError} when the text is empty, a header name is empty or repeated, a row has
 *   a different number of fields than the header, or a quote is left open
 * @example parseCsv("t,c\n0,1.5\n1,0.9\n").rows[1].c // => "0.9"
 */
export function parseCsv(text: string, source = "text"): CsvTable {
  if (typeof text !== "string") throw new InputError("parseCsv", "text", "must be a string", text);
  const records = splitRecords(text, source);
  if (records.length === 0) throw new InputError("parseCsv", source, "must contain a header line", "empty text");
  const columns = records[0].map((c) => c.trim());
  columns.forEach((name, i) => {
    if (name === "")
      throw new InputError(
        "parseCsv",
        source,
        `must name every column (column ${i + 1} of the header is empty)`,
        records[0],
      );
    if (columns.indexOf(name) !== i)
      throw new InputError("parseCsv", source, `must not repeat a column name ("${name}")`, records[0]);
  });
  const rows = records.slice(1).map((fields, r) => {
    if (fields.length !== columns.length) {
      throw new InputError(
        "parseCsv",
        source,
        `row ${r + 2} must have ${columns.length} fields like the header`,
        fields,
      );
    }
    const row: Record<string, string> = {};
    columns.forEach((name, i) => (row[name] = fields[i]));
    return row;
  });
  return { columns, rows };
}

/**
 * Read and parse a CSV file (UTF-8). See {@link parseCsv} for the accepted format.
 * @param filePath absolute path, or relative to the current directory
 * @throws {InputError} when the file cannot be read or is not well-formed CSV
 * @example readCsv(dataFile("Indometh.csv")).columns // => ["Subject", "time", "conc"]
 */
export function readCsv(filePath: string): CsvTable {
  if (typeof filePath !== "string" || filePath === "")
    throw new InputError("readCsv", "filePath", "must be a non-empty path", filePath);
  let text: string;
  try {
    text = readDataText(filePath);
  } catch (err) {
    throw new InputError(
      "readCsv",
      "filePath",
      `must name a readable file (${(err as NodeJS.ErrnoException).code ?? "unreadable"})`,
      filePath,
    );
  }
  return parseCsv(text.replace(/^\uFEFF/, ""), filePath);
}

/**
 * The number in one CSV cell. Strict: an empty cell, "NA" or any non-numeric text is an
 * error naming the column and row, because a dataset with holes must be handled on purpose.
 * @param table the table the row came from (for the message)
 * @param row the record
 * @param column the column name
 * @param rowIndex 0-based data-row index (reported as a 1-based line number)
 * @throws {InputError} when the column is missing or the cell is not a finite number
 * @example csvNumber(parseCsv("t\n2.5"), { t: "2.5" }, "t", 0) // => 2.5
 */
export function csvNumber(
  table: CsvTable,
  row: Readonly<Record<string, string>>,
  column: string,
  rowIndex: number,
): number {
  if (!table.columns.includes(column))
    throw new InputError(
      "csvNumber",
      "column",
      `must be one of the table's columns (${table.columns.join(", ")})`,
      column,
    );
  const text = (row[column] ?? "").trim();
  const value = text === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(value))
    throw new InputError(
      "csvNumber",
      `${column} (line ${rowIndex + 2})`,
      "must be a finite number",
      text === "" ? "an empty cell" : text,
    );
  return value;
}

function splitRecords(text: string, source: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let fieldWasQuoted = false;
  const endRecord = (): void => {
    fields.push(field);
    // A blank line is a single empty unquoted field: skip it.
    if (!(fields.length === 1 && fields[0] === "" && !fieldWasQuoted)) records.push(fields);
    fields = [];
    field = "";
    fieldWasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") {
      quoted = true;
      fieldWasQuoted = true;
    } else if (ch === ",") {
      fields.push(field);
      field = "";
      fieldWasQuoted = false;
    } else if (ch === "\n") endRecord();
    else if (ch === "\r" && text[i + 1] === "\n") {
      endRecord();
      i++;
    } else field += ch;
  }
  if (quoted)
    throw new InputError("parseCsv", source, "must close every quoted field", "an open quote at the end of the text");
  if (field !== "" || fields.length > 0 || fieldWasQuoted) endRecord();
  return records;
}
