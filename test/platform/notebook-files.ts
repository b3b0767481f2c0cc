import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";

export const notebooksDir = resolve(__dirname, "../../notebooks");

/** Every notebook of the course, in chapter order. */
export function courseNotebooks(): string[] {
  return readdirSync(notebooksDir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => join(notebooksDir, f));
}
