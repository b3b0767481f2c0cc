/** Notebooks for the student edition. */
import { joinText, type Cell, type Notebook } from "../../core/nbformat";
import { SOLUTION_CELL_TAG } from "./manifest";

const BEGIN = /^\s*(\/\/|#)\s*BEGIN SOLUTION/;
const END = /^\s*(\/\/|#)\s*END SOLUTION/;

function sourceLines(source: string | string[]): string[] {
  return joinText(source).split("\n");
}

/**
 * A notebook as students get it: cells tagged "solution" removed, BEGIN/END SOLUTION
 * regions inside code cells replaced by a "your code here" line, every output and
 * execution count cleared. The input text is not modified.
 */
export function studentNotebook(text: string): { text: string; removedCells: number; strippedBlocks: number } {
  const nb = JSON.parse(text) as Notebook;
  let removedCells = 0;
  let strippedBlocks = 0;
  const cells: Cell[] = [];
  for (const cell of nb.cells) {
    if (cell.metadata?.tags?.includes(SOLUTION_CELL_TAG)) {
      removedCells++;
      continue;
    }
    if (cell.cell_type !== "code") {
      cells.push({ ...cell });
      continue;
    }
    const lines: string[] = [];
    let skipping = false;
    for (const line of sourceLines(cell.source)) {
      if (BEGIN.test(line)) {
        skipping = true;
        strippedBlocks++;
        lines.push(`${line.match(/^\s*/)?.[0] ?? ""}// your code here`);
      } else if (END.test(line)) skipping = false;
      else if (!skipping) lines.push(line);
    }
    cells.push({
      ...cell,
      source: lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)),
      outputs: [],
      execution_count: null,
    });
  }
  return { text: `${JSON.stringify({ ...nb, cells }, null, 1)}\n`, removedCells, strippedBlocks };
}
