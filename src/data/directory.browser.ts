import { InputError } from "../core/errors";

/**
 * Browser twin of directory.ts: in the live bundle the data folder is the embedded one
 * (see dataText.browser.ts), named "data". Same contract and messages as the Node module.
 * @example dataFile("Theoph.csv", "data") // => "data/Theoph.csv"
 */
export function dataDirectory(): string {
  return "data";
}

/**
 * The path of a file in the (embedded) data folder.
 * @param relativePath path inside `data/`, e.g. "Theoph.csv"
 * @param directory the data folder to use instead of {@link dataDirectory} [optional]
 * @throws {InputError} when the path is empty or leaves the data folder
 */
export function dataFile(relativePath: string, directory?: string): string {
  if (typeof relativePath !== "string" || relativePath === "")
    throw new InputError("dataFile", "relativePath", "must be a non-empty path", relativePath);
  if (relativePath.startsWith("/") || /^[a-zA-Z]:/.test(relativePath) || relativePath.split(/[\\/]/).includes("..")) {
    throw new InputError("dataFile", "relativePath", "must stay inside the data folder", relativePath);
  }
  return `${(directory ?? dataDirectory()).replace(/\/+$/, "")}/${relativePath.split("\\").join("/")}`;
}
