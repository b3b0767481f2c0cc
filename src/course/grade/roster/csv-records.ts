// RFC 4180 records with the line each starts on, so roster errors can name "roster.csv line 7".
import { InputError } from "../../../core/errors";

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

/**
 * Split CSV text into records (quoted fields may hold commas, newlines and doubled quotes).
 * Blank lines are skipped; a UTF-8 byte-order mark (Excel writes one) is dropped.
 * @param text the whole file
 * @param source the file name, for errors
 * @throws {InputError} when a quote is left open (naming the line it opened on)
 */
export function csvRecords(text: string, source: string): CsvRecord[] {
  if (typeof text !== "string") throw new InputError("csvRecords", "text", "must be a string", text);
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  const end = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === "")) records.push({ line: start, fields });
    fields = [];
    field = "";
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === "") {
      quoted = true;
      quoteLine = line;
      field = "";
    } else if (ch === ",") {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      end();
      line++;
      start = line;
    } else field += ch;
  }
  if (quoted)
    throw new InputError("csvRecords", source, `has a quote opened on line ${quoteLine} and never closed`, "");
  if (field !== "" || fields.length > 0) end();
  return records;
}
