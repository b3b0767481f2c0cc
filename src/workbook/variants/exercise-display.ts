import { escapeHtml } from "../../core/html";
import { getExercise } from "../catalog";
import { displayRich } from "../display";
import { inlineMarkdownToHtml, inlineMarkdownToText } from "../inline-markdown";
import { describeParams, isVaried, variantParams } from "./params";
import { promptFor } from "./prompt";
import { currentStudentId } from "./student-id";

/**
 * `exercise("ex-2.1")` in a notebook (or a live page): the exercise's prompt with YOUR numbers
 * (the id set by setStudentId / workbook.json; none: the published numbers), as HTML with a
 * plain-text alternative. The markdown cell above shows the published numbers only.
 * @throws {Error} for an unknown exercise id (getExercise)
 */
export function exercise(id: string): void {
  const ex = getExercise(id);
  const studentId = currentStudentId();
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
  displayRich(html, text);
}
