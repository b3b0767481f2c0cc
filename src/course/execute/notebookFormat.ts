import { readFileSync } from "node:fs";
import { InputError } from "../../core/errors";

/**
 * The parts of the Jupyter notebook format (nbformat v4) the engine reads and writes.
 * Multi-line strings may be stored as one string or as a list of lines, as Jupyter does.
 */
export type MultilineText = string | string[];

export interface StreamOutput {
  output_type: "stream";
  name: "stdout" | "stderr";
  text: MultilineText;
}

export interface DisplayDataOutput {
  output_type: "display_data";
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface ExecuteResultOutput {
  output_type: "execute_result";
  execution_count: number | null;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface ErrorOutput {
  output_type: "error";
  ename: string;
  evalue: string;
  traceback: string[];
}

export type Output = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

export interface CodeCell {
  cell_type: "code";
  id?: string;
  metadata: Record<string, unknown>;
  source: MultilineText;
  execution_count: number | null;
  outputs: Output[];
}

export interface TextCell {
  cell_type: "markdown" | "raw";
  id?: string;
  metadata: Record<string, unknown>;
  source: MultilineText;
  attachments?: Record<string, unknown>;
}

export type Cell = CodeCell | TextCell;

export interface Notebook {
  nbformat: 4;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: Cell[];
}

/** A cell's source as one string. */
export function sourceText(source: MultilineText): string {
  return Array.isArray(source) ? source.join("") : source;
}

/**
 * Splits text into lines that keep their "\n", the way Jupyter stores multi-line strings
 * on disk, so executed notebooks diff cleanly against ones saved by Jupyter.
 * @example toLines("a\nb") // => ["a\n", "b"]
 */
export function toLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === "" ? [] : lines;
}

/**
 * Checks that a value is an nbformat v4 notebook and returns a deep copy, so the engine
 * never modifies its input.
 * @throws {InputError} when the value is not an nbformat 4 notebook with a cells array
 */
export function readNotebookValue(fn: string, value: unknown): Notebook {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new InputError(fn, "notebook", "must be an nbformat v4 notebook object", value);
  const nb = value as Record<string, unknown>;
  if (nb.nbformat !== 4) throw new InputError(fn, "notebook", "must be nbformat version 4", nb.nbformat);
  if (!Array.isArray(nb.cells)) throw new InputError(fn, "notebook.cells", "must be an array", nb.cells);
  nb.cells.forEach((cell, i) => {
    const c = cell as Record<string, unknown> | null;
    if (typeof c !== "object" || c === null) throw new InputError(fn, `notebook.cells[${i}]`, "must be a cell object", cell);
    if (c.cell_type !== "code" && c.cell_type !== "markdown" && c.cell_type !== "raw") throw new InputError(fn, `notebook.cells[${i}].cell_type`, 'must be "code", "markdown" or "raw"', c.cell_type);
    if (typeof c.source !== "string" && !(Array.isArray(c.source) && c.source.every((s) => typeof s === "string"))) {
      throw new InputError(fn, `notebook.cells[${i}].source`, "must be a string or an array of strings", c.source);
    }
  });
  return structuredClone(value) as Notebook;
}

/**
 * Reads and checks a notebook file.
 * @throws {InputError} when the file is not JSON or not an nbformat v4 notebook
 */
export function readNotebookFile(fn: string, path: string): Notebook {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new InputError(fn, "path", `must name a readable notebook file (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`, path);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(fn, "path", `must contain JSON (${(error as Error).message})`, path);
  }
  return readNotebookValue(fn, value);
}

/**
 * Serializes a notebook the way Jupyter does (sorted keys, one-space indent, final
 * newline), so the same notebook always gives the same bytes.
 */
export function serializeNotebook(notebook: Notebook): string {
  return `${JSON.stringify(sortKeys(notebook), null, 1)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

export { writeFileAtomic } from "../../core/files";
