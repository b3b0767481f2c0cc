// @instructor-only — builds the student stubs and the answer-hash file from solutions/.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { answerKey, canonicalAnswerEquals, exampleCaseKey, HASH_PARAMS, hashAnswer, mistakeKey } from "./answer-hash";
import { mistakenAnswer } from "./hidden/mistakes";
import { exercisesByFile } from "./catalog";
import { invokeProbe } from "./invoke";
import { createAnswerLoader } from "./loader";
import type { AnswerHashFile } from "./paths";
import { generateStubSource } from "./stubs";
import type { Answer, Exercise, JsonValue, Outcome } from "./types";

/** exercises/chNN.ts contents generated from solutions/chNN.ts, keyed by relative path. */
export function buildStubFiles(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, exercises] of exercisesByFile()) {
    const solutionPath = join(root, "solutions", `${file}.ts`);
    if (!existsSync(solutionPath)) throw new Error(`solutions/${file}.ts not found: stubs are generated from the solutions (instructor edition only)`);
    out.set(join("exercises", `${file}.ts`), generateStubSource(readFileSync(solutionPath, "utf8"), `solutions/${file}.ts`, exercises));
  }
  return out;
}

function expectAnswer(ex: Exercise, outcome: Outcome, what: string) {
  if (outcome.kind !== "answer") throw new Error(`the reference ${what} of ${ex.id} did not produce an answer: ${outcome.kind}${"message" in outcome ? ` (${outcome.message})` : ""}`);
  return outcome.value;
}

/** Hash every expected answer of the reference solutions (values and hashed function cases). */
export function buildAnswerHashes(root: string): AnswerHashFile {
  const loader = createAnswerLoader({ root, timeoutMs: 30_000 });
  const entries: Record<string, string> = {};
  for (const [file, exercises] of exercisesByFile()) {
    const mod = loader.load(join(root, "solutions", `${file}.ts`));
    for (const ex of exercises) {
      const label = `solutions/${file}.ts`;
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
        addCase(answerKey(ex.id), expectAnswer(ex, invokeProbe(mod, { exportName: ex.exportName }, ex.answer, label), "value"), true);
      } else {
        let exampleIndex = 0;
        for (const c of ex.checks) {
          if (c.type === "property") continue;
          const key = c.type === "hashed" ? answerKey(ex.id, c.key) : answerKey(ex.id, exampleCaseKey(exampleIndex++));
          const expected = expectAnswer(ex, invokeProbe(mod, { exportName: ex.exportName, args: c.args }, ex.answer, label, 30_000), `case ${key}`);
          addCase(key, expected, c.type === "hashed", c.args);
        }
      }
    }
  }
  const sorted = Object.fromEntries(Object.keys(entries).sort().map((k) => [k, entries[k]]));
  return { version: 1, params: { ...HASH_PARAMS, salt: "sha256(microdosing-workbook/answer/v1/<key>)", canonical: "toPrecision(sigFigs) in exponent form" }, entries: sorted };
}

/** The hash file as written to disk (stable formatting). */
export function formatAnswerHashes(file: AnswerHashFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
