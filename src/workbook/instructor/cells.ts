import { getExercise } from "../catalog";
import type { Exercise } from "../types";
import { joinText, type Cell } from "../../core/nbformat";

function lines(text: string): string[] {
  const parts = text.split("\n");
  return parts.map((l, i) => (i < parts.length - 1 ? `${l}\n` : l));
}

function produce(ex: Exercise): string {
  const unit = ex.answer.type === "number" && ex.answer.unit ? ` Answer unit: **${ex.answer.unit}**.` : "";
  const declaration =
    ex.kind === "value"
      ? `export const ${ex.exportName}: ${ex.tsType}`
      : `export function ${ex.exportName}${ex.signature}`;
  return `**Write** \`${declaration}\` in \`exercises/${ex.file}.ts\`.${unit}`;
}

/**
 * The three notebook cells of an exercise (nbformat 4, src/core/nbformat.ts), so chapter
 * writers insert every exercise with the same rhythm: a prompt (id, points, what to produce,
 * unit), a work cell pointing at the exercises file, and a check cell.
 * @param id exercise id, e.g. "ex-2.3"
 * @param checkCall the check expression (default `check("<id>")`), for notebooks that import check under another name
 * @example exerciseCells("ex-2.1")[2].source // => ['check("ex-2.1")']
 */
export function exerciseCells(id: string, checkCall?: string): Cell[] {
  const ex = getExercise(id);
  const markdown = [
    `### Exercise ${ex.id} · ${ex.points} point${ex.points === 1 ? "" : "s"} — ${ex.title}`,
    "",
    ex.prompt,
    "",
    produce(ex),
  ].join("\n");
  const work = [
    `// ${ex.id}: your answer goes in exercises/${ex.file}.ts (replace notAttempted("${ex.id}") in ${ex.exportName}).`,
    "// Explore here with the library if you like, then save the file and run the check below.",
  ].join("\n");
  return [
    { cell_type: "markdown", metadata: { tags: ["exercise", ex.id] }, source: lines(markdown) },
    {
      cell_type: "code",
      metadata: { tags: ["exercise-work", ex.id] },
      source: lines(work),
      execution_count: null,
      outputs: [],
    },
    {
      cell_type: "code",
      metadata: { tags: ["exercise-check", ex.id] },
      source: lines(checkCall ?? `check("${ex.id}")`),
      execution_count: null,
      outputs: [],
    },
  ];
}

/** Tags that mark the cells this module writes, so insertion can be repeated safely. */
const EXERCISE_TAGS = ["exercise-setup", "exercise", "exercise-work", "exercise-check"] as const;

/** A notebook as far as exercise insertion needs it (nbformat 4.5: cells carry ids). */
export interface ChapterNotebook {
  cells: Cell[];
  [key: string]: unknown;
}

/** The marker chapter writers leave where the exercises go: `<!-- exercises:02 -->`. */
export function exercisesMarker(chapter: number): string {
  return `<!-- exercises:${String(chapter).padStart(2, "0")} -->`;
}

/**
 * The chapter notebook with its exercise cells (re)inserted after the `## Exercises` marker
 * cell: one setup cell importing check, then prompt, work and check cells for every
 * exercise of the chapter in catalog order. Cells inserted earlier are replaced, so the
 * notebook follows the catalog when exercises change. The input is not modified.
 * @throws {Error} when the notebook has no marker cell for the chapter
 */
export function withExerciseCells(
  notebook: ChapterNotebook,
  chapter: number,
  exercises: readonly Exercise[],
): ChapterNotebook {
  const kept = notebook.cells.filter(
    (c) => !(c.metadata.tags ?? []).some((t) => (EXERCISE_TAGS as readonly string[]).includes(t)),
  );
  const at = kept.findIndex((c) => c.cell_type === "markdown" && joinText(c.source).includes(exercisesMarker(chapter)));
  if (at < 0) throw new Error(`withExerciseCells: the notebook has no markdown cell with ${exercisesMarker(chapter)}`);
  const setup: Cell = {
    cell_type: "code",
    id: `exercises-${chapter}-setup`,
    metadata: { tags: ["exercise-setup"] },
    source: lines('import { check } from "microdosing-workbook/workbook";'),
    execution_count: null,
    outputs: [],
  };
  const inserted = exercises
    .filter((ex) => ex.chapter === chapter)
    .flatMap((ex) =>
      exerciseCells(ex.id).map((cell, i) => ({
        ...cell,
        id: `${ex.id.replace(/\./g, "-")}-${["prompt", "work", "check"][i]}`,
      })),
    );
  return { ...notebook, cells: [...kept.slice(0, at + 1), setup, ...inserted, ...kept.slice(at + 1)] };
}
