import { existsSync } from "node:fs";
import * as path from "node:path";
import { InputError } from "../core/errors";

/** The file that marks the repository's data folder. */
const MARKER = path.join("data", "Theoph.csv");

/**
 * The absolute path of the course's `data/` folder. It is found by walking up from this
 * source file's own folder (not from `process.cwd()`), so the loaders work from a notebook
 * in `notebooks/`, from tests, and from a compiled copy of the library under `dist/`.
 * @returns absolute path of the folder holding Theoph.csv, Indometh.csv and reference/
 * @throws {InputError} when no enclosing folder has a `data/Theoph.csv`
 * @example readCsv(dataFile("Theoph.csv", dataDirectory())).rows.length // => 132 (12 subjects × 11 samples)
 */
export function dataDirectory(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, MARKER))) return path.join(dir, "data");
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new InputError(
        "dataDirectory",
        "data folder",
        "must exist in a folder above the library (data/Theoph.csv)",
        __dirname,
      );
    dir = parent;
  }
}

/**
 * The absolute path of a file in the data folder.
 * @param relativePath path inside `data/`, e.g. "Theoph.csv" or "reference/winnonlin-Theoph-linear.csv"
 * @param directory the data folder to use instead of {@link dataDirectory} [optional]
 * @throws {InputError} when the path is empty or leaves the data folder
 * @example readCsv(dataFile("Indometh.csv")).rows.length // => 66 (6 subjects × 11 samples)
 */
export function dataFile(relativePath: string, directory?: string): string {
  if (typeof relativePath !== "string" || relativePath === "")
    throw new InputError("dataFile", "relativePath", "must be a non-empty path", relativePath);
  if (path.isAbsolute(relativePath) || relativePath.split(/[\\/]/).includes("..")) {
    throw new InputError("dataFile", "relativePath", "must stay inside the data folder", relativePath);
  }
  return path.join(directory ?? dataDirectory(), relativePath);
}
