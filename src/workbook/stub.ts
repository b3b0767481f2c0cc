import type { Exercise } from "./types";

/**
 * What an exercise looks like before the student answers it: the prompt as a doc comment and
 * a declaration of its export that returns `notAttempted(id)`. The stub generator writes these
 * into exercises/chNN.ts (instructor/stub-source.ts) and the live course starts each work
 * cell from them (src/course/live/page/build-data.ts).
 */

/** Markdown prompt → plain doc-comment lines, wrapped at about 96 characters. */
function promptLines(markdown: string): string[] {
  const plain = markdown.replace(/\*\*(.+?)\*\*/g, "$1");
  const out: string[] = [];
  for (const paragraph of plain.split(/\n\n+/)) {
    if (out.length > 0) out.push("");
    let line = "";
    for (const word of paragraph.replace(/\n/g, " ").split(/\s+/).filter(Boolean)) {
      if (line.length + word.length + 1 > 96 && line.length > 0) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(line);
  }
  return out;
}

/** The declaration a solution block must contain, and the stub that replaces it. */
export function declarationOf(ex: Exercise): string {
  return ex.kind === "value"
    ? `export const ${ex.exportName}: ${ex.tsType} =`
    : `export function ${ex.exportName}${ex.signature} {`;
}

/** The stub text for one exercise: the prompt as a doc comment and a not-attempted declaration. */
export function stubFor(ex: Exercise): string {
  const unit = ex.answer.type === "number" && ex.answer.unit ? ` [${ex.answer.unit}]` : "";
  const doc = [
    `${ex.id} (${ex.points} point${ex.points === 1 ? "" : "s"}) — ${ex.title}`,
    "",
    ...promptLines(ex.prompt),
    "",
    // a varied exercise: the numbers above are the published ones
    ...(ex.promptTemplate !== undefined
      ? [
          `Your numbers: variant("${ex.id}") (after setStudentId or workbook.json; exercise("${ex.id}") shows your prompt).`,
          "",
        ]
      : []),
    `Check: check("${ex.id}") in the notebook, or npm run check -- --only ${ex.id}${unit ? `; answer unit${unit}` : ""}`,
  ];
  const comment = ["/**", ...doc.map((l) => (l ? ` * ${l}` : " *")), " */"].join("\n");
  const body =
    ex.kind === "value"
      ? `${declarationOf(ex)} notAttempted("${ex.id}");`
      : `${declarationOf(ex)}\n  return notAttempted("${ex.id}");\n}`;
  return `${comment}\n${body}`;
}
