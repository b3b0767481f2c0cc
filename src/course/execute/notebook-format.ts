import { readFileSync } from "node:fs";
import { InputError } from "../../core/errors";
import { checkNotebook, type Notebook } from "../../core/nbformat";

/** Reading and writing notebook files for the embedded engine; the format itself is src/core/nbformat.ts. */

/**
 * Checks that a value is an nbformat v4 notebook and returns a deep copy, so the engine
 * never modifies its input.
 * @throws {InputError} when the value is not an nbformat 4 notebook with a cells array
 */
export function readNotebookValue(fn: string, value: unknown): Notebook {
  return structuredClone(checkNotebook(fn, "notebook", value));
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
    throw new InputError(
      fn,
      "path",
      `must name a readable notebook file (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`,
      path,
    );
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
