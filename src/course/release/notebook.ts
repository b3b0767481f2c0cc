// @instructor-only — notebooks for the student edition.
import { SOLUTION_CELL_TAG } from "./manifest";

interface Cell {
  cell_type: string;
  metadata?: { tags?: string[]; [k: string]: unknown };
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
  [k: string]: unknown;
}

interface Notebook {
  cells: Cell[];
  [k: string]: unknown;
}

const BEGIN = /^\s*(\/\/|#)\s*BEGIN SOLUTION/;
const END = /^\s*(\/\/|#)\s*END SOLUTION/;

function sourceLines(source: string | string[]): string[] {
  return Array.isArray(source) ? source.join("").split("\n") : source.split("\n");
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
    const out: Cell = { ...cell };
    if (cell.cell_type === "code") {
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
      out.source = lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l));
      out.outputs = [];
      out.execution_count = null;
    }
    cells.push(out);
  }
  return { text: `${JSON.stringify({ ...nb, cells }, null, 1)}\n`, removedCells, strippedBlocks };
}
