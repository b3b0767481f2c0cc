import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { answerKey, canonicalAnswerEquals, exampleCaseKey, HASH_PARAMS, hashAnswer, mistakeKey } from "../answer-hash";
import { exercisesByFile } from "../catalog";
import { invokeProbe } from "../invoke";
import type { AnswerHashFile } from "../paths";
import type { Answer, Exercise, JsonValue, Outcome } from "../types";
import { mistakenAnswer } from "./mistakes";
import { assertReferenceSolutions, type ReferenceSolutions } from "./reference";
import { generateStubSource } from "./stub-source";

/**
 * What `npm run stubs` writes from the reference solutions it receives: the student stubs
 * (exercises/chNN.ts) and the answer-hash file.
 */

/**
 * exercises/chNN.ts contents generated from the reference's chNN.ts sources, keyed by path relative to the project root.
 * @throws {InputError} when reference is not ReferenceSolutions
 */
export function buildStubFiles(reference: ReferenceSolutions): Map<string, string> {
  assertReferenceSolutions("buildStubFiles", reference);
  const out = new Map<string, string>();
  for (const [file, exercises] of exercisesByFile()) {
    const solutionPath = join(reference.dir, `${file}.ts`);
    const label = `${basename(reference.dir)}/${file}.ts`;
    if (!existsSync(solutionPath))
      throw new Error(`${label} not found: stubs are generated from the reference solutions (instructor edition only)`);
    out.set(join("exercises", `${file}.ts`), generateStubSource(readFileSync(solutionPath, "utf8"), label, exercises));
  }
  return out;
}

function expectAnswer(ex: Exercise, outcome: Outcome, what: string) {
  if (outcome.kind !== "answer")
    throw new Error(
      `the reference ${what} of ${ex.id} did not produce an answer: ${outcome.kind}${"message" in outcome ? ` (${outcome.message})` : ""}`,
    );
  return outcome.value;
}

/**
 * Hash every expected answer of the reference solutions (values and hashed function cases).
 * @throws {InputError} when reference is not ReferenceSolutions
 */
export function buildAnswerHashes(reference: ReferenceSolutions): AnswerHashFile {
  assertReferenceSolutions("buildAnswerHashes", reference);
  const entries: Record<string, string> = {};
  for (const [file, exercises] of exercisesByFile()) {
    const mod = reference.modules[file];
    for (const ex of exercises) {
      const label = `${basename(reference.dir)}/${file}.ts`;
      // Each public case: the expected answer's hash (hashed cases and values) and the hashes
      // of the classic mistakes' answers that differ from it (so hints need no computation).
      const addCase = (key: string, expected: Answer, store: boolean, args?: JsonValue[]) => {
        if (store) entries[key] = hashAnswer(key, expected, ex.sigFigs);
        for (const hint of ex.hints) {
          const wrong = mistakenAnswer(ex, hint.id, args);
          if (wrong === undefined || canonicalAnswerEquals(wrong, expected, ex.sigFigs)) continue;
          entries[mistakeKey(key, hint.id)] = hashAnswer(mistakeKey(key, hint.id), wrong, ex.sigFigs);
        }
      };
      if (ex.kind === "value") {
        addCase(
          answerKey(ex.id),
          expectAnswer(ex, invokeProbe(mod, { exportName: ex.exportName }, ex.answer, label), "value"),
          true,
        );
      } else {
        let exampleIndex = 0;
        for (const c of ex.checks) {
          if (c.type === "property") continue;
          const key = c.type === "hashed" ? answerKey(ex.id, c.key) : answerKey(ex.id, exampleCaseKey(exampleIndex++));
          const expected = expectAnswer(
            ex,
            invokeProbe(mod, { exportName: ex.exportName, args: c.args }, ex.answer, label, 30_000),
            `case ${key}`,
          );
          addCase(key, expected, c.type === "hashed", c.args);
        }
      }
    }
  }
  const sorted = Object.fromEntries(
    Object.keys(entries)
      .sort()
      .map((k) => [k, entries[k]]),
  );
  return {
    version: 1,
    params: {
      ...HASH_PARAMS,
      salt: "sha256(microdosing-workbook/answer/v1/<key>)",
      canonical: "toPrecision(sigFigs) in exponent form",
    },
    entries: sorted,
  };
}

/** The hash file as written to disk (stable formatting). */
export function formatAnswerHashes(file: AnswerHashFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
