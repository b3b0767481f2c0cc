import { escapeHtml } from "../../core/html";
import { getExercise } from "../catalog";
import { displayRich } from "../display";
import { inlineMarkdownToHtml, inlineMarkdownToText } from "../inline-markdown";
import { describeParams, isVaried, variantParams } from "./params";
import { promptFor } from "./prompt";
import { currentStudentId } from "./student-id";

/**
 * An exercise's prompt as it is displayed, for a student (undefined: the published numbers):
 * HTML and a plain-text alternative, with a line saying whose numbers these are. The notebook's
 * prompt cells store this rendering for no id (src/workbook/instructor/cells.ts), so a notebook
 * read without running shows the published exercise and running it shows the student's.
 * @throws {Error} for an unknown exercise id (getExercise)
 * @throws {InputError} for an invalid student id
 */
export function exerciseDisplay(id: string, studentId: string | undefined): { html: string; text: string } {
  const ex = getExercise(id);
  const mine = studentId !== undefined && isVaried(ex.id);
  const prompt = promptFor(ex, studentId);
  const title = `Exercise ${ex.id} · ${ex.points} point${ex.points === 1 ? "" : "s"} — ${ex.title}`;
  const whose = mine
    ? `Your numbers (id ${studentId}): ${describeParams(ex.id, variantParams(ex.id, studentId))}`
    : isVaried(ex.id)
      ? 'Published numbers: no student id set (setStudentId("…") or workbook.json gives you your own).'
      : "";
  const paragraphs = prompt.split(/\n\n+/);
  const html =
    `<div class="workbook-exercise" data-exercise="${escapeHtml(ex.id)}"><h4>${escapeHtml(title)}</h4>` +
    paragraphs.map((p) => `<p>${inlineMarkdownToHtml(p, escapeHtml)}</p>`).join("") +
    (whose ? `<p><em>${escapeHtml(whose)}</em></p>` : "") +
    "</div>";
  const text = [
    title,
    "",
    ...paragraphs.flatMap((p, i) => [...(i > 0 ? [""] : []), inlineMarkdownToText(p, false)]),
    ...(whose ? ["", whose] : []),
  ].join("\n");
  return { html, text };
}

/**
 * `exercise("ex-2.1")` in a notebook (or a live page): the exercise's prompt with YOUR numbers
 * (the id set by setStudentId / workbook.json; none: the published numbers), as HTML with a
 * plain-text alternative. The notebooks' prompt cells call it for every varied exercise.
 * @throws {Error} for an unknown exercise id (getExercise)
 */
export function exercise(id: string): void {
  const { html, text } = exerciseDisplay(id, currentStudentId());
  displayRich(html, text);
}
