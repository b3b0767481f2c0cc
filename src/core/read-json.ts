import { readFileSync } from "node:fs";
import { InputError } from "./errors";

/**
 * The parsed contents of a JSON file that a person wrote or a tool handed over (course.json,
 * Gradescope's metadata). An unreadable file or bad JSON is an InputError naming the caller,
 * the argument, what the file must be and why it is not, so no caller shows a bare SyntaxError.
 * @param fn the public function reading it, for the message
 * @param argument the argument (or setting) that named the file
 * @param path the file
 * @param must what the file must be, e.g. "Gradescope's submission_metadata.json"
 * @throws {InputError} when the file cannot be read or is not JSON
 */
export function readJsonFile(fn: string, argument: string, path: string, must = "a readable JSON file"): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new InputError(fn, argument, `must be ${must} (${why})`, path);
  }
}
