import type { ErrorOutput } from "../../core/nbformat";

/**
 * The error output of a cell TypeScript refused, as the course shows it everywhere (the
 * built pages and the live kernel): tslab's diagnostic lines, the first as the message.
 * @param where the cell, as the reader knows it ("cell 3 (execution count 2)", "Cell 4")
 * @param diagnostics tslab's printed lines, e.g. "1:7 - Type 'Unit' is not assignable to type 'number'."
 */
export function typeScriptErrorOutput(where: string, diagnostics: readonly string[]): ErrorOutput {
  const evalue = diagnostics.length === 1 ? diagnostics[0] : `${diagnostics[0]} (and ${diagnostics.length - 1} more)`;
  return {
    output_type: "error",
    ename: "TypeScriptError",
    evalue,
    traceback: [`TypeScriptError in ${where}: TypeScript reported ${diagnostics.length} error(s)`, ...diagnostics],
  };
}
