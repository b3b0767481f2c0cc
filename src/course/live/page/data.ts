/**
 * What the build hands the live page, as plain JSON. The course part (every chapter's
 * released stub file and its exercises) goes into assets/live/course.js, loaded by every
 * chapter page, so answers of all chapters can be downloaded from any page; the page part
 * sits in the page itself (`<script type="application/json" id="live-page">`).
 * Only released material: exercises/chNN.ts stubs and public catalog facts, never
 * solutions/ or hidden checks.
 */

/** One exercise, as the work cell and the answers file need it. */
export interface LiveExercise {
  id: string;
  /** the exercises file holding it, e.g. "ch02" */
  file: string;
  exportName: string;
  /** the stub declaration exactly as in exercises/chNN.ts (replaced by the answer on download) */
  stub: string;
  /** the first line of that declaration (`export const x: number =`, `export function f(…): number {`) */
  head: string;
  /** statements of the stub file outside every exercise that this one needs (its data), as written */
  context: string;
  /** the work cell's initial code: notebook-style imports, context and stub */
  prefill: string;
}

/** The course part of the live data. */
export interface LiveCourse {
  /** exercises/chNN.ts as released, by file name ("ch02") */
  files: Record<string, string>;
  /** every exercise, in course order */
  exercises: LiveExercise[];
  /** the prompt templates of the varied exercises (src/workbook/variants), by id: the page fills them with the student's numbers */
  variants?: Record<string, string>;
}

/** The page part of the live data. */
export interface LivePage {
  /** the chapter's slug, e.g. "02-principles": the key of its edits in localStorage */
  page: string;
  /** "student" or "instructor" */
  edition: string;
}

/** The global assets/live/course.js defines. */
export const COURSE_GLOBAL = "__mdwLiveCourse";
/** The id of the page's JSON script. */
export const PAGE_DATA_ID = "live-page";
