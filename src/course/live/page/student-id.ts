import { escapeHtml } from "../../../core/html";
import { inlineMarkdownToHtml } from "../../../workbook/inline-markdown";
import { STUDENT_ID_PATTERN } from "../../../workbook/variants/id-slot";
import { describeParams, fillTemplate, variantParams } from "../../../workbook/variants/params";

/**
 * Per-student variants on the live page: the student types their id once (kept in
 * localStorage, so every chapter page knows it), the kernel sends it with every cell to the
 * worker (variant(), check() use it), and every varied exercise gets a "Your numbers" box
 * above its work cell with its prompt filled with the student's numbers. The printed prompt
 * above stays the published one (the page is the built notebook); the stored output of its
 * exercise(…) cell, which shows the published numbers, is hidden while an id is set.
 */
export const STUDENT_ID_KEY = "mdw-live:student-id";

/** The saved id, or null (none, or localStorage unavailable). */
export function savedStudentId(storage: Storage | undefined): string | null {
  try {
    const id = storage?.getItem(STUDENT_ID_KEY) ?? null;
    return id !== null && STUDENT_ID_PATTERN.test(id) ? id : null;
  } catch {
    return null;
  }
}

function save(storage: Storage | undefined, id: string | null): void {
  try {
    if (id === null) storage?.removeItem(STUDENT_ID_KEY);
    else storage?.setItem(STUDENT_ID_KEY, id);
  } catch {
    // a private window may refuse: the id holds for this visit
  }
}

/** The "Your numbers" boxes of the varied exercises on this page, for this id (removed when id is null). */
export function showVariantNumbers(
  doc: Document,
  templates: Readonly<Record<string, string>>,
  id: string | null,
): number {
  for (const old of Array.from(doc.querySelectorAll(".live-variant"))) old.remove();
  // A varied exercise's exercise(…) output on the page was rendered for no id (the built page)
  // or for an earlier id: under a new id it would contradict the box, so it waits hidden until
  // the student runs that cell again (the new output is theirs) or clears the id.
  for (const shown of Array.from(doc.querySelectorAll<HTMLElement>(".workbook-exercise[data-exercise]")))
    if (Object.hasOwn(templates, shown.dataset.exercise ?? "")) shown.hidden = id !== null;
  if (id === null) return 0;
  let shown = 0;
  for (const [exercise, template] of Object.entries(templates)) {
    const work = doc.querySelector(`[data-exercise-role="work"][data-exercise="${exercise}"]`);
    if (!work) continue;
    const params = variantParams(exercise, id);
    const box = doc.createElement("div");
    box.className = "live-variant";
    box.dataset.exercise = exercise;
    box.setAttribute("role", "note");
    box.innerHTML =
      `<p><strong>Your numbers (id ${escapeHtml(id)}):</strong> ${escapeHtml(describeParams(exercise, params))}</p>` +
      fillTemplate(template, params)
        .split(/\n\n+/)
        .map((p) => `<p>${inlineMarkdownToHtml(p, escapeHtml)}</p>`)
        .join("");
    work.before(box);
    shown++;
  }
  return shown;
}

/**
 * The id form (label, input, "Set id" button), placed by the caller. Submitting an id saves
 * it, tells onChange, and shows the numbers; an empty input clears it.
 */
export function createStudentIdForm(
  doc: Document,
  storage: Storage | undefined,
  onChange: (id: string | null) => void,
): { element: HTMLElement; current: string | null } {
  const form = doc.createElement("form");
  form.className = "live-student-id";
  const label = doc.createElement("label");
  label.textContent = "Student id ";
  const input = doc.createElement("input");
  input.type = "text";
  input.name = "student-id";
  input.autocomplete = "off";
  input.placeholder = "e.g. s1234";
  input.setAttribute("aria-label", "Student id");
  const current = savedStudentId(storage);
  input.value = current ?? "";
  label.append(input);
  const button = doc.createElement("button");
  button.type = "submit";
  button.textContent = "Set id";
  const note = doc.createElement("span");
  note.className = "live-student-id-note";
  note.setAttribute("role", "status");
  form.append(label, button, note);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (value !== "" && !STUDENT_ID_PATTERN.test(value)) {
      note.textContent = "An id is letters, digits, '.', '_', '@', '+' or '-'.";
      return;
    }
    const id = value === "" ? null : value;
    save(storage, id);
    note.textContent = id === null ? "No id: the published numbers." : `Your numbers: id ${id}.`;
    onChange(id);
  });
  return { element: form, current };
}
