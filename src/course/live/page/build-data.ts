import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../../core/errors";
import { exercisesByFile } from "../../../workbook/catalog";
import { declarationOf, stubFor } from "../../../workbook/stub";
import type { Exercise } from "../../../workbook/types";
import { notebookImportsFor } from "./answers";
import type { LiveCourse, LiveExercise } from "./data";
import { mentions } from "./imports";
import { statementEnd } from "./statement-end";

/**
 * The course part of the live data, built from the released stubs (exercises/chNN.ts) and
 * the public catalog facts (ids, export names, declarations). Node only: the build calls
 * it; the page reads its JSON.
 */

/** The stub declaration of an exercise, as the stub generator writes it (stubFor without its doc comment). */
function stubDeclaration(ex: Exercise): string {
  const stub = stubFor(ex);
  return stub.slice(stub.lastIndexOf(" */\n") + 4);
}

/** Top-level `export const` statements of a stub file that are not exercises (shared data), by name. */
function sharedStatements(source: string, exportNames: ReadonlySet<string>): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of source.matchAll(/^export const ([\w$]+)/gm)) {
    if (exportNames.has(m[1])) continue;
    const start = m.index ?? 0;
    found.set(m[1], source.slice(start, statementEnd(source, start, "value")).trim());
  }
  return found;
}

/**
 * The live course data.
 * @param root the project root (holding exercises/; a course without that folder has no
 *   exercises, and its pages no answers files)
 * @throws {InputError} when an exercises file of the catalog is missing or does not hold an exercise's stub
 *   exactly as the stub generator writes it (run `npm run stubs`)
 */
export function liveCourseData(root: string): LiveCourse {
  const fn = "liveCourseData";
  const files: Record<string, string> = {};
  const exercises: LiveExercise[] = [];
  const variants: Record<string, string> = {};
  if (!existsSync(join(root, "exercises"))) return { files, exercises };
  for (const [file, list] of exercisesByFile()) {
    const path = join(root, "exercises", `${file}.ts`);
    if (!existsSync(path))
      throw new InputError(fn, "root", `must hold exercises/${file}.ts (the released stubs)`, root);
    const source = readFileSync(path, "utf8");
    files[file] = source;
    const shared = sharedStatements(source, new Set(list.map((e) => e.exportName)));
    for (const ex of list) {
      const stub = stubDeclaration(ex);
      if (!source.includes(stub))
        throw new InputError(
          fn,
          "root",
          `must hold the stub of ${ex.id} in exercises/${file}.ts as generated (run npm run stubs)`,
          stub,
        );
      const context = [...shared]
        .filter(([name]) => mentions(ex.prompt, name))
        .map(([, text]) => text)
        .join("\n");
      const comment = `// ${ex.id}: replace notAttempted(…) below with your answer, then run the check cell under this one.`;
      const imports = notebookImportsFor(source, `${context}\n${stub}`);
      const prefill = [
        ...(imports.length ? [...imports, ""] : []),
        comment,
        ...(context ? [context, ""] : []),
        stub,
        "",
      ].join("\n");
      exercises.push({ id: ex.id, file, exportName: ex.exportName, stub, head: declarationOf(ex), context, prefill });
      if (ex.promptTemplate !== undefined) variants[ex.id] = ex.promptTemplate;
    }
  }
  return { files, exercises, variants };
}
