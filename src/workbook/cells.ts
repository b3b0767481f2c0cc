import { getExercise } from "./catalog";
import type { Exercise } from "./types";

/**
 * The three notebook cells of an exercise, in nbformat 4 shape, so chapter writers insert
 * every exercise with the same rhythm: a prompt (id, points, what to produce, unit), a work
 * cell pointing at the exercises file, and a check cell.
 */
export interface NotebookCell {
  cell_type: "markdown" | "code";
  metadata: { tags: string[] };
  source: string[];
  execution_count?: null;
  outputs?: unknown[];
}

function lines(text: string): string[] {
  const parts = text.split("\n");
  return parts.map((l, i) => (i < parts.length - 1 ? `${l}\n` : l));
}

function produce(ex: Exercise): string {
  const unit = ex.answer.type === "number" && ex.answer.unit ? ` Answer unit: **${ex.answer.unit}**.` : "";
  const declaration = ex.kind === "value" ? `export const ${ex.exportName}: ${ex.tsType}` : `export function ${ex.exportName}${ex.signature}`;
  return `**Write** \`${declaration}\` in \`exercises/${ex.file}.ts\`.${unit}`;
}

/**
 * @param id exercise id, e.g. "ex-2.3"
 * @param checkCall the check expression (default `check("<id>")`), for notebooks that import check under another name
 * @example exerciseCells("ex-2.1")[2].source // => ['check("ex-2.1")']
 */
export function exerciseCells(id: string, checkCall?: string): NotebookCell[] {
  const ex = getExercise(id);
  const markdown = [`### Exercise ${ex.id} · ${ex.points} point${ex.points === 1 ? "" : "s"} — ${ex.title}`, "", ex.prompt, "", produce(ex)].join("\n");
  const work = [
    `// ${ex.id}: your answer goes in exercises/${ex.file}.ts (replace notAttempted("${ex.id}") in ${ex.exportName}).`,
    "// Explore here with the library if you like, then save the file and run the check below.",
  ].join("\n");
  return [
    { cell_type: "markdown", metadata: { tags: ["exercise", ex.id] }, source: lines(markdown) },
    { cell_type: "code", metadata: { tags: ["exercise-work", ex.id] }, source: lines(work), execution_count: null, outputs: [] },
    { cell_type: "code", metadata: { tags: ["exercise-check", ex.id] }, source: lines(checkCall ?? `check("${ex.id}")`), execution_count: null, outputs: [] },
  ];
}
