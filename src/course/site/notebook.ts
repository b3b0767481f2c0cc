import { readFileSync } from "node:fs";
import { InputError } from "../../core/errors";
import { checkNotebook, type Notebook } from "../../core/nbformat";

/** Reading notebooks for the site renderer; the format itself is src/core/nbformat.ts. */

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
  return checkNotebook("parseNotebook", where, value);
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
