import { declarationOf, stubFor } from "../stub";
import type { Exercise } from "../types";

/**
 * Student stubs generated from the reference solutions. A solutions file marks each answer
 * with `// BEGIN SOLUTION ex-2.3` … `// END SOLUTION`; the stub generator replaces each block
 * with the exercise's stub (../stub.ts: the prompt as a doc comment and a declaration of the
 * same export that returns `notAttempted("ex-2.3")`). Everything outside the blocks (header,
 * imports, shared data) is copied verbatim. `// BEGIN INSTRUCTOR` … `// END INSTRUCTOR`
 * blocks are dropped.
 */

export interface SolutionBlock {
  /** Exercise id named on the BEGIN marker. */
  id: string;
  /** 1-based line numbers of the BEGIN and END markers. */
  beginLine: number;
  endLine: number;
  /** The lines strictly between the markers. */
  body: string;
}

const BEGIN = /^\s*\/\/ BEGIN SOLUTION (ex-\d+\.\d+)\s*$/;
const END = /^\s*\/\/ END SOLUTION\s*$/;
const BEGIN_INSTRUCTOR = /^\s*\/\/ BEGIN INSTRUCTOR\s*$/;
const END_INSTRUCTOR = /^\s*\/\/ END INSTRUCTOR\s*$/;

/**
 * Code with layout removed: whitespace collapsed, none inside brackets, and no trailing comma
 * or semicolon before a closing bracket (Prettier adds them when it breaks a long parameter
 * list or type over lines), so a formatted solution still matches its catalog declaration.
 */
function tokens(code: string): string {
  return code
    .replace(/\s+/g, " ")
    .replace(/[,;]?\s*([)}\]])/g, "$1")
    .replace(/([({[])\s+/g, "$1");
}

export class StubError extends Error {
  override readonly name = "StubError";
}

/** Parse the solution blocks of a file. @throws {StubError} on unbalanced, nested or duplicate markers */
export function parseSolutionBlocks(source: string, fileLabel: string): SolutionBlock[] {
  const lines = source.split("\n");
  const blocks: SolutionBlock[] = [];
  let open: { id: string; line: number } | undefined;
  lines.forEach((line, i) => {
    const begin = BEGIN.exec(line);
    if (begin) {
      if (open)
        throw new StubError(
          `${fileLabel}:${i + 1}: BEGIN SOLUTION ${begin[1]} inside the block of ${open.id} (line ${open.line})`,
        );
      if (blocks.some((b) => b.id === begin[1]))
        throw new StubError(`${fileLabel}:${i + 1}: a second solution block for ${begin[1]}`);
      open = { id: begin[1], line: i + 1 };
    } else if (END.test(line)) {
      if (!open) throw new StubError(`${fileLabel}:${i + 1}: END SOLUTION without BEGIN SOLUTION`);
      blocks.push({ id: open.id, beginLine: open.line, endLine: i + 1, body: lines.slice(open.line, i).join("\n") });
      open = undefined;
    } else if (/BEGIN SOLUTION|END SOLUTION/.test(line)) {
      throw new StubError(
        `${fileLabel}:${i + 1}: malformed marker (expected "// BEGIN SOLUTION ex-N.M" or "// END SOLUTION"): ${line.trim()}`,
      );
    }
  });
  if (open) throw new StubError(`${fileLabel}:${open.line}: BEGIN SOLUTION ${open.id} is never closed`);
  return blocks;
}

/**
 * Generate the stub file for a solutions file.
 * @param exercises the catalog entries of this file, by id
 * @throws {StubError} when a block names an unknown exercise, lacks the declared export, or
 *   an exercise of this file has no block
 */
export function generateStubSource(solutionSource: string, fileLabel: string, exercises: readonly Exercise[]): string {
  const blocks = parseSolutionBlocks(solutionSource, fileLabel);
  const byId = new Map(exercises.map((e) => [e.id, e]));
  for (const b of blocks) {
    const ex = byId.get(b.id);
    if (!ex) throw new StubError(`${fileLabel}:${b.beginLine}: no exercise ${b.id} in the catalog for this file`);
    if (!tokens(b.body).includes(tokens(declarationOf(ex)))) {
      throw new StubError(
        `${fileLabel}:${b.beginLine}: the block of ${b.id} must declare \`${declarationOf(ex)}\` exactly as the catalog states`,
      );
    }
  }
  for (const ex of exercises)
    if (!blocks.some((b) => b.id === ex.id)) throw new StubError(`${fileLabel}: no solution block for ${ex.id}`);
  const lines = solutionSource.split("\n");
  const out: string[] = [];
  let skipping = false;
  let instructor = false;
  for (const line of lines) {
    const begin = BEGIN.exec(line);
    if (begin) {
      out.push(stubFor(byId.get(begin[1])!));
      skipping = true;
    } else if (END.test(line)) skipping = false;
    else if (BEGIN_INSTRUCTOR.test(line)) instructor = true;
    else if (END_INSTRUCTOR.test(line)) instructor = false;
    else if (!skipping && !instructor) out.push(line);
  }
  return out.join("\n");
}
