import { getExercise } from "../catalog";
import type { Exercise } from "../types";
import { exerciseDisplay } from "../variants/exercise-display";
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

/** Where a varied exercise's markdown sends the reader: the prompt cell below shows their numbers. */
export const YOUR_NUMBERS_BELOW =
  "**Your numbers are shown below**: each student gets their own for this exercise. Set your student id once " +
  '(`setStudentId("your id")` in the first cell of the exercises, or `{ "studentId": "your id" }` in `workbook.json`) ' +
  "and run the cell below; without an id it shows the published numbers.";

/**
 * The cell that shows a varied exercise's prompt: `exercise("ex-2.1")`, stored with its output
 * for no id (the published exercise), so the notebook reads as published until a student with
 * an id runs it (src/workbook/variants/exercise-display.ts).
 */
function promptCell(ex: Exercise): Cell {
  const { html, text } = exerciseDisplay(ex.id, undefined);
  return {
    cell_type: "code",
    metadata: { tags: ["exercise-display", ex.id] },
    source: lines(`exercise("${ex.id}")`),
    execution_count: null,
    outputs: [
      { output_type: "display_data", data: { "text/html": lines(html), "text/plain": lines(text) }, metadata: {} },
    ],
  };
}

/**
 * The notebook cells of an exercise (nbformat 4, src/core/nbformat.ts), so chapter writers
 * insert every exercise with the same rhythm: a prompt (id, points, what to produce, unit), a
 * work cell pointing at the exercises file, and a check cell. A varied exercise's markdown
 * states no numbers (they may not be the student's): it says they are shown below, and a
 * prompt cell after it, `exercise("<id>")`, shows them (stored with the published rendering).
 * @param id exercise id, e.g. "ex-2.3"
 * @param checkCall the check expression (default `check("<id>")`), for notebooks that import check under another name
 * @example exerciseCells("ex-3.2")[2].source // => ['check("ex-3.2")']
 */
export function exerciseCells(id: string, checkCall?: string): Cell[] {
  const ex = getExercise(id);
  const varied = ex.promptTemplate !== undefined;
  const markdown = [
    `### Exercise ${ex.id} · ${ex.points} point${ex.points === 1 ? "" : "s"} — ${ex.title}`,
    "",
    varied ? YOUR_NUMBERS_BELOW : ex.prompt,
    "",
    produce(ex),
  ].join("\n");
  const work = [
    `// ${ex.id}: your answer goes in exercises/${ex.file}.ts (replace notAttempted("${ex.id}") in ${ex.exportName}).`,
    "// Explore here with the library if you like, then save the file and run the check below.",
  ].join("\n");
  return [
    { cell_type: "markdown", metadata: { tags: ["exercise", ex.id] }, source: lines(markdown) },
    ...(varied ? [promptCell(ex)] : []),
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

/** A cell's part in its exercise, from its tag: "prompt" (the markdown), "display", "work" or "check" (its id ends so). */
function cellRole(cell: Cell): string {
  const tags = cell.metadata.tags ?? [];
  if (tags.includes("exercise-display")) return "display";
  if (tags.includes("exercise-work")) return "work";
  if (tags.includes("exercise-check")) return "check";
  return "prompt";
}

/** Tags that mark the cells this module writes, so insertion can be repeated safely. */
const EXERCISE_TAGS = ["exercise-setup", "exercise", "exercise-display", "exercise-work", "exercise-check"] as const;

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
    source: lines(
      [
        'import { check, exercise, setStudentId } from "microdosing-workbook/workbook";',
        '// Your own numbers for the varied exercises: setStudentId("your id") here, or { "studentId": "your id" } in workbook.json.',
      ].join("\n"),
    ),
    execution_count: null,
    outputs: [],
  };
  const inserted = exercises
    .filter((ex) => ex.chapter === chapter)
    .flatMap((ex) =>
      exerciseCells(ex.id).map((cell) => ({ ...cell, id: `${ex.id.replace(/\./g, "-")}-${cellRole(cell)}` })),
    );
  return { ...notebook, cells: [...kept.slice(0, at + 1), setup, ...inserted, ...kept.slice(at + 1)] };
}
