// The data/ files the loaders read, embedded when the live bundle is built (see
// src/course/live/bundle.ts): a virtual module mapping "Theoph.csv", "reference/…" to text.
import files from "mdw-live:data";

/**
 * Browser twin of dataText.ts: the text of a data file embedded in the bundle. Paths are
 * those dataFile() builds in the browser ("data/Theoph.csv").
 * @throws an Error with code "ENOENT" when the file was not embedded, as the file system would
 */
export function readDataText(filePath: string): string {
  const relative = filePath.replace(/^data\//, "");
  const text = (files as Readonly<Record<string, string>>)[relative];
  if (text === undefined)
    throw Object.assign(new Error(`ENOENT: no such embedded data file, open '${filePath}'`), { code: "ENOENT" });
  return text;
}
