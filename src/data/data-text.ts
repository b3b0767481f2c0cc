import { readFileSync } from "node:fs";

/**
 * The text of a data file, read from disk (UTF-8). The one place the loaders touch the
 * file system: the browser bundle swaps this module for dataText.browser.ts, which serves
 * the same files embedded at bundle time.
 * @param filePath absolute path, or relative to the current directory
 * @throws the file system's error (with its `code`, e.g. "ENOENT") when it cannot be read
 */
export function readDataText(filePath: string): string {
  return readFileSync(filePath, "utf8");
}
