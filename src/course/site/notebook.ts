import { readFileSync } from "node:fs";
import { InputError } from "../../core/errors";

/**
 * The slice of the Jupyter notebook format (nbformat v4) the site renderer reads.
 * Every field the renderer does not use is kept untouched (index signatures), so a
 * notebook read here and written back loses nothing.
 * @see https://nbformat.readthedocs.io/en/latest/format_description.html
 */

/** Text in nbformat is either one string or a list of lines to be concatenated. */
export type MultilineString = string | string[];

/** A display bundle: one representation of the same value per MIME type. */
export type MimeBundle = Record<string, unknown>;

export interface StreamOutput {
  output_type: "stream";
  name: "stdout" | "stderr";
  text: MultilineString;
}

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

export interface MarkdownCell {
  cell_type: "markdown" | "raw";
  source: MultilineString;
  metadata: CellMetadata;
  [key: string]: unknown;
}

export interface CodeCell {
  cell_type: "code";
  source: MultilineString;
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

/** Joins nbformat's multiline text (string or list of lines) into one string. */
export function joinText(text: MultilineString | undefined): string {
  if (text === undefined) return "";
  return Array.isArray(text) ? text.join("") : text;
}

/**
 * Checks that a parsed JSON value is an nbformat v4 notebook the renderer can read.
 * Validates the structure once, at the boundary, so rendering can trust it.
 * @param value parsed JSON
 * @param where the file or source the value came from, named in errors
 * @returns the same value, typed
 * @throws {InputError} when it is not an nbformat 4 notebook with a cells array of
 *   markdown, raw or code cells
 * @example parseNotebook({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] }, "x").cells.length // => 0
 */
export function parseNotebook(value: unknown, where: string): Notebook {
  const fn = "parseNotebook";
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputError(fn, where, "must be a JSON object (an nbformat v4 notebook)", value);
  }
  const nb = value as Partial<Notebook>;
  if (nb.nbformat !== 4) throw new InputError(fn, `${where} nbformat`, "must be 4", nb.nbformat);
  if (!Array.isArray(nb.cells)) throw new InputError(fn, `${where} cells`, "must be an array", nb.cells);
  nb.cells.forEach((cell, i) => {
    const type = (cell as Partial<Cell> | null)?.cell_type;
    if (type !== "markdown" && type !== "raw" && type !== "code") {
      throw new InputError(fn, `${where} cells[${i}].cell_type`, 'must be "markdown", "raw" or "code"', type);
    }
    const source = cell.source as unknown;
    if (typeof source !== "string" && !(Array.isArray(source) && source.every((s) => typeof s === "string"))) {
      throw new InputError(fn, `${where} cells[${i}].source`, "must be a string or a list of strings", source);
    }
    if (type === "code" && !Array.isArray((cell as CodeCell).outputs)) {
      throw new InputError(fn, `${where} cells[${i}].outputs`, "must be an array for a code cell", (cell as CodeCell).outputs);
    }
  });
  return {
    ...nb,
    metadata: nb.metadata ?? {},
    nbformat_minor: nb.nbformat_minor ?? 0,
    cells: nb.cells.map((cell) => ({ ...cell, metadata: cell.metadata ?? {} })),
  } as Notebook;
}

/**
 * Reads and validates a notebook file.
 * @param path path of a .ipynb file
 * @throws {InputError} when the file is not valid JSON or not an nbformat 4 notebook
 */
export function readNotebook(path: string): Notebook {
  const text = readFileSync(path, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError("readNotebook", "path", `must be a JSON notebook (${(error as Error).message})`, path);
  }
  return parseNotebook(json, path);
}
