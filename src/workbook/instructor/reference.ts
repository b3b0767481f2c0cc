import { InputError } from "../../core/errors";
import { exercisesByFile } from "../catalog";
import { normalizeAnswer } from "../normalize";
import { decodeProbeArgs } from "../probe-args";
import type { Answer, ChapterFile, Exercise, JsonValue } from "../types";

/**
 * The reference solutions, as the instructor tools RECEIVE them from their caller (the
 * programs in src/cli/instructor, the tests): nothing under src/workbook imports or names the
 * solutions folder. `modules` are the chapter files' exports (the hidden checks, the grader's
 * known answers, the release's leak scan call them); `dir` is the folder they come from, for the
 * tools that read its source text (stubs, stale-hash check, the grader's cache fingerprint).
 */
export interface ReferenceSolutions {
  /** Absolute path of the folder holding chNN.ts. */
  readonly dir: string;
  /** The exports of each chapter file, by file. */
  readonly modules: Readonly<Record<ChapterFile, Readonly<Record<string, unknown>>>>;
}

/**
 * The argument as ReferenceSolutions, checked: a folder path and one module object per chapter file.
 * @param fn the public function receiving it, named in the error
 * @throws {InputError} naming fn, "reference", the rule and the value received
 */
export function assertReferenceSolutions(fn: string, reference: unknown): ReferenceSolutions {
  const r = reference as Partial<ReferenceSolutions> | null | undefined;
  const modules = r?.modules as Record<string, unknown> | undefined;
  const ok =
    typeof r === "object" &&
    r !== null &&
    typeof r.dir === "string" &&
    r.dir !== "" &&
    typeof modules === "object" &&
    modules !== null &&
    [...exercisesByFile().keys()].every((file) => typeof modules[file] === "object" && modules[file] !== null);
  if (!ok)
    throw new InputError(
      fn,
      "reference",
      "must be { dir: the solutions folder, modules: { ch01: module, …, ch06: module } }",
      reference,
    );
  return r as ReferenceSolutions;
}

function referenceExport(reference: ReferenceSolutions, ex: Exercise): unknown {
  const mod = reference.modules[ex.file];
  if (!(ex.exportName in mod))
    throw new Error(`no reference for ${ex.id} (${ex.exportName} in ${ex.file}.ts of ${reference.dir})`);
  return mod[ex.exportName];
}

/**
 * The reference answer of a value exercise, or of a function exercise for these arguments.
 * @throws {InputError} when reference is not ReferenceSolutions
 * @throws {Error} when the reference lacks the export or gives no answer
 */
export function referenceAnswer(reference: ReferenceSolutions, ex: Exercise, args?: JsonValue[]): Answer {
  assertReferenceSolutions("referenceAnswer", reference);
  const target = referenceExport(reference, ex);
  const raw =
    ex.kind === "function" ? (target as (...a: unknown[]) => unknown)(...decodeProbeArgs(args ?? [])) : target;
  const outcome = normalizeAnswer(raw, ex.answer);
  if (outcome.kind !== "answer") throw new Error(`the reference of ${ex.id} gave no answer (${outcome.kind})`);
  return outcome.value;
}
