import { InputError } from "./errors";

/**
 * The Jupyter notebook format (nbformat v4), the one definition of a notebook, a cell and an
 * output that the exercise cells, the release, the execution engines and the site import.
 * It lives in core because every layer that touches .ipynb files (workbook, course) needs it
 * and it depends on nothing. Fields a reader does not use are kept (index signatures), so a
 * notebook read and written back loses nothing.
 * @see https://nbformat.readthedocs.io/en/latest/format_description.html
 */

/** Text in nbformat is either one string or a list of lines to be concatenated. */
export type MultilineText = string | string[];

/** A display bundle: one representation of the same value per MIME type. */
export type MimeBundle = Record<string, unknown>;

export interface StreamOutput {
  output_type: "stream";
  name: "stdout" | "stderr";
  text: MultilineText;
}

/** display_data and execute_result: a MIME bundle, the latter with its execution count. */
export interface DisplayOutput {
  output_type: "display_data" | "execute_result";
  data: MimeBundle;
  metadata?: Record<string, unknown>;
  execution_count?: number | null;
}

export interface ErrorOutput {
  output_type: "error";
  ename: string;
  evalue: string;
  traceback: string[];
}

export type Output = StreamOutput | DisplayOutput | ErrorOutput;

export interface CellMetadata {
  tags?: string[];
  [key: string]: unknown;
}

/** A markdown or raw cell. */
export interface MarkdownCell {
  cell_type: "markdown" | "raw";
  id?: string;
  source: MultilineText;
  metadata: CellMetadata;
  attachments?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface CodeCell {
  cell_type: "code";
  id?: string;
  source: MultilineText;
  metadata: CellMetadata;
  outputs: Output[];
  execution_count: number | null;
  [key: string]: unknown;
}

export type Cell = MarkdownCell | CodeCell;

export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: Cell[];
}

/**
 * Joins nbformat's multiline text (string or list of lines) into one string.
 * @example joinText(["a\n", "b"]) // => "a\nb"
 */
export function joinText(text: MultilineText | undefined): string {
  if (text === undefined) return "";
  return Array.isArray(text) ? text.join("") : text;
}

/**
 * Splits text into lines that keep their "\n", the way Jupyter stores multi-line strings
 * on disk, so notebooks written here diff cleanly against ones saved by Jupyter.
 * @example toLines("a\nb") // => ["a\n", "b"]
 */
export function toLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === "" ? [] : lines;
}

/**
 * Checks that a parsed JSON value is an nbformat v4 notebook, once, at the boundary, so
 * readers can trust it; fills the optional top-level and cell metadata.
 * @param fn the public function the value was given to, named in errors
 * @param where the argument or file the value came from, named in errors
 * @returns a shallow copy, typed (cells copied, their contents shared)
 * @throws {InputError} when it is not an nbformat 4 notebook with a cells array of markdown,
 *   raw or code cells, each with a string or list-of-strings source and, for code, outputs
 * @example checkNotebook("f", "x", { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] }).cells.length // => 0
 */
export function checkNotebook(fn: string, where: string, value: unknown): Notebook {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputError(fn, where, "must be a JSON object (an nbformat v4 notebook)", value);
  }
  const nb = value as Partial<Notebook>;
  if (nb.nbformat !== 4) throw new InputError(fn, `${where} nbformat`, "must be 4", nb.nbformat);
  if (!Array.isArray(nb.cells)) throw new InputError(fn, `${where} cells`, "must be an array", nb.cells);
  nb.cells.forEach((cell: unknown, i) => {
    if (typeof cell !== "object" || cell === null)
      throw new InputError(fn, `${where} cells[${i}]`, "must be a cell object", cell);
    const { cell_type: type, source, outputs } = cell as Record<string, unknown>;
    if (type !== "markdown" && type !== "raw" && type !== "code") {
      throw new InputError(fn, `${where} cells[${i}].cell_type`, 'must be "markdown", "raw" or "code"', type);
    }
    if (typeof source !== "string" && !(Array.isArray(source) && source.every((s) => typeof s === "string"))) {
      throw new InputError(fn, `${where} cells[${i}].source`, "must be a string or a list of strings", source);
    }
    if (type === "code" && !Array.isArray(outputs))
      throw new InputError(fn, `${where} cells[${i}].outputs`, "must be an array for a code cell", outputs);
  });
  return {
    ...nb,
    metadata: nb.metadata ?? {},
    nbformat_minor: nb.nbformat_minor ?? 0,
    cells: nb.cells.map((cell) => ({ ...cell, metadata: cell.metadata ?? {} })),
  } as Notebook;
}
