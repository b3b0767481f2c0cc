import type { ChapterInfo } from "./chapter";
import type { Edition } from "./edition";
import { escapeHtml } from "../../core/html";
import { EDITION_LABEL, pageShell } from "./layout";

/**
 * The course's front page: its title, a short introduction, and every chapter with its
 * summary and learning goals (read from the chapter notebooks, see chapterInfo).
 */
export interface IndexPageInput {
  courseTitle: string;
  /** introduction shown under the title (HTML), "" for none */
  introHtml: string;
  edition: Edition;
  chapters: readonly ChapterInfo[];
}

function chapterEntry(chapter: ChapterInfo): string {
  const number = chapter.number === null ? "" : `<span class="chapter-number">Chapter ${chapter.number}</span> `;
  const goals =
    chapter.goals.length === 0
      ? ""
      : `<p class="goals-label">Learning goals</p><ul class="goals">${chapter.goals.map((g) => `<li>${g}</li>`).join("")}</ul>`;
  return `<li class="chapter">
<h2><a href="${chapter.slug}.html">${number}${chapter.titleHtml}</a></h2>
${chapter.summaryHtml ? `<p class="chapter-summary">${chapter.summaryHtml}</p>` : ""}
${goals}
</li>`;
}

export function renderIndexPage(input: IndexPageInput): string {
  const body = `<div class="page page-index">
<main id="main" tabindex="-1">
<h1>${escapeHtml(input.courseTitle)}</h1>
${input.introHtml ? `<div class="intro">${input.introHtml}</div>` : ""}
<p class="edition-note">${escapeHtml(EDITION_LABEL[input.edition])}. Every page works offline; each chapter links its notebook for download.</p>
<ol class="chapters">
${input.chapters.map(chapterEntry).join("\n")}
</ol>
</main>
</div>`;
  return pageShell({
    title: input.courseTitle,
    courseTitle: input.courseTitle,
    edition: input.edition,
    body,
    footer: `<p>${input.chapters.length} chapters.</p>`,
    charts: false,
  });
}
