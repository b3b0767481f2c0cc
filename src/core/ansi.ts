import { InputError } from "./errors";

// CSI sequences (colours, cursor moves): Jupyter tracebacks and the terminal check report carry them.
// eslint-disable-next-line no-control-regex -- ESC is the very character this matches
const CSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

/**
 * Removes terminal escape sequences (colours, cursor moves) from text, leaving what a reader sees.
 * @param text any text
 * @throws {InputError} when text is not a string
 * @example stripAnsi("\u001b[1;31mError\u001b[0m: x") // => "Error: x"
 */
export function stripAnsi(text: string): string {
  if (typeof text !== "string") throw new InputError("stripAnsi", "text", "must be a string", text);
  return text.replace(CSI, "");
}
