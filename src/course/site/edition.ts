import { InputError } from "../../core/errors";
import { joinText, type Cell, type Notebook } from "../../core/nbformat";

/**
 * Who a build is for. The student edition leaves out every instructor-only cell
 * (reference solutions and hidden checks); the instructor edition shows them,
 * collapsed, so the page still reads like the student's.
 */
export type Edition = "student" | "instructor";

export const EDITIONS: readonly Edition[] = ["student", "instructor"];

/** Why a cell is for instructors only: it holds a reference solution or a hidden check. */
export type InstructorOnlyKind = "solution" | "hidden";

const SOLUTION_MARKER = /\b(BEGIN|END) SOLUTION\b/;
const HIDDEN_MARKER = /\b(BEGIN|END) HIDDEN TESTS?\b/;

/**
 * Classifies a cell as instructor-only, following the course's marking conventions:
 * a `BEGIN SOLUTION` / `END SOLUTION` marker anywhere in the source (either marker alone
 * counts, so a half-deleted pair never leaks), the tag `"solution"`, or nbgrader's
 * `metadata.nbgrader.solution`; a hidden check is tagged `"hidden"` or carries
 * `BEGIN HIDDEN TESTS` markers. Hidden wins over solution when both apply.
 * @param cell a notebook cell
 * @returns "solution", "hidden", or null for a cell every reader sees
 * @example instructorOnly({ cell_type: "code", source: "// BEGIN SOLUTION\nx = 1\n// END SOLUTION", metadata: {}, outputs: [], execution_count: null }) // => "solution"
 */
export function instructorOnly(cell: Cell): InstructorOnlyKind | null {
  const tags = Array.isArray(cell.metadata?.tags) ? cell.metadata.tags : [];
  const source = joinText(cell.source);
  if (tags.includes("hidden") || HIDDEN_MARKER.test(source)) return "hidden";
  const nbgrader = cell.metadata?.nbgrader as { solution?: unknown } | undefined;
  if (tags.includes("solution") || nbgrader?.solution === true || SOLUTION_MARKER.test(source)) return "solution";
  return null;
}

/** A cell as one edition shows it: the cell and, when instructor-only, why. */
export interface EditionCell {
  cell: Cell;
  instructorOnly: InstructorOnlyKind | null;
}

/**
 * The cells one edition shows, in order: the student edition drops every instructor-only
 * cell (with its outputs); the instructor edition keeps them, labelled.
 * @param notebook the notebook (not modified)
 * @param edition "student" or "instructor"
 * @throws {InputError} when edition is not "student" or "instructor"
 * @example cellsForEdition(nb, "student").some((c) => c.instructorOnly !== null) // => false
 */
export function cellsForEdition(notebook: Notebook, edition: Edition): EditionCell[] {
  checkEdition("cellsForEdition", edition);
  const labelled = notebook.cells.map((cell) => ({ cell, instructorOnly: instructorOnly(cell) }));
  return edition === "student" ? labelled.filter((c) => c.instructorOnly === null) : labelled;
}

/**
 * The notebook a reader of this edition may download: for students, a copy without the
 * instructor-only cells; for instructors, the notebook unchanged. Never modifies its input.
 * @param notebook the source notebook
 * @param edition "student" or "instructor"
 * @throws {InputError} when edition is not "student" or "instructor"
 */
export function notebookForEdition(notebook: Notebook, edition: Edition): Notebook {
  checkEdition("notebookForEdition", edition);
  return { ...notebook, cells: cellsForEdition(notebook, edition).map((c) => c.cell) };
}

/**
 * Validates an edition name at the boundary (command line, build options).
 * @throws {InputError} when value is not "student" or "instructor"
 */
export function checkEdition(fn: string, value: unknown): Edition {
  if (value !== "student" && value !== "instructor") {
    throw new InputError(fn, "edition", 'must be "student" or "instructor"', value);
  }
  return value;
}
