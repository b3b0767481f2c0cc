import type { Notebook } from "../../src/core/nbformat";

/** A notebook made of code cells (and optional tags), for engine tests. */
export function codeNotebook(...cells: (string | { source: string; tags: string[] })[]): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
    cells: cells.map((cell, i) => {
      const { source, tags } = typeof cell === "string" ? { source: cell, tags: undefined } : cell;
      return {
        cell_type: "code",
        id: `c${i}`,
        metadata: tags ? { tags } : {},
        source,
        execution_count: null,
        outputs: [],
      };
    }),
  };
}

/** The text of a cell's stream output of the given name. */
export function streamText(notebook: Notebook, index: number, name: "stdout" | "stderr"): string {
  const cell = notebook.cells[index];
  if (cell.cell_type !== "code") return "";
  return cell.outputs
    .filter((o) => o.output_type === "stream" && o.name === name)
    .map((o) => (o.output_type === "stream" ? (Array.isArray(o.text) ? o.text.join("") : o.text) : ""))
    .join("");
}
