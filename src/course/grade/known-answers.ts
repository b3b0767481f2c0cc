// The grader knows the reference, so its public hash checks need not hash every candidate.
import { answerKey, exampleCaseKey, mistakeKey, registerKnownAnswer } from "../../workbook/answer-hash";
import { mistakenAnswer } from "../../workbook/instructor/mistakes";
import {
  assertReferenceSolutions,
  referenceAnswer,
  type ReferenceSolutions,
} from "../../workbook/instructor/reference";
import type { Answer, Exercise, JsonValue } from "../../workbook/types";

/**
 * The public checks compare a salted scrypt hash (≈ 50 ms) of each candidate rounding of a
 * student's answer — and of each hint's transform of it — with the stored hash. The grader
 * receives the reference solutions, so it can register, once per run, the answer behind every stored hash:
 * the reference answer of each value and public case, and the answer of each catalogued
 * mistake for that case (exactly the entries `npm run stubs` hashed, see
 * src/workbook/instructor/build-artifacts.ts). Each registration hashes the reference once, on the
 * thread pool, and is refused unless it reproduces the stored hash, so every verdict is the
 * one hashing would give; the comparisons themselves become string comparisons.
 */
export interface KnownAnswersReport {
  /** Keys whose answer is now compared without hashing. */
  registered: number;
  /** Keys whose stored hash does not match the reference (a stale answer-hashes.json): they keep hashing. */
  refused: string[];
}

/**
 * The (key, answer) pairs behind the stored hashes of one exercise, as build-artifacts.ts made them.
 * @throws {InputError} when reference is not ReferenceSolutions
 */
export function knownAnswersOf(reference: ReferenceSolutions, ex: Exercise): Array<{ key: string; value: Answer }> {
  assertReferenceSolutions("knownAnswersOf", reference);
  const pairs: Array<{ key: string; value: Answer }> = [];
  const addCase = (key: string, args?: JsonValue[]): void => {
    try {
      pairs.push({ key, value: referenceAnswer(reference, ex, args) });
    } catch {
      // no reference answer for this case: its comparisons keep hashing
    }
    for (const hint of ex.hints) {
      const wrong = mistakenAnswer(ex, hint.id, args);
      if (wrong !== undefined) pairs.push({ key: mistakeKey(key, hint.id), value: wrong });
    }
  };
  if (ex.kind === "value") addCase(answerKey(ex.id));
  else {
    let exampleIndex = 0;
    for (const c of ex.checks) {
      if (c.type === "hashed") addCase(answerKey(ex.id, c.key), c.args);
      else if (c.type === "example") addCase(answerKey(ex.id, exampleCaseKey(exampleIndex++)), c.args);
    }
  }
  return pairs;
}

/**
 * Register the answers behind the stored hashes of these exercises (only keys that have a
 * stored hash). Runs the hashes concurrently on libuv's thread pool, so it overlaps other
 * start-up work.
 * @param reference the reference solutions (received from the caller)
 * @param hashes the stored hashes by key (answer-hashes.json `entries`)
 * @throws {InputError} when reference is not ReferenceSolutions
 */
export async function registerReferenceAnswers(
  reference: ReferenceSolutions,
  exercises: readonly Exercise[],
  hashes: Readonly<Record<string, string>>,
): Promise<KnownAnswersReport> {
  assertReferenceSolutions("registerReferenceAnswers", reference);
  const jobs = exercises.flatMap((ex) =>
    knownAnswersOf(reference, ex)
      .filter(({ key }) => hashes[key] !== undefined)
      .map(async ({ key, value }) => ({ key, ok: await registerKnownAnswer(key, hashes[key], value, ex.sigFigs) })),
  );
  const outcomes = await Promise.all(jobs);
  return { registered: outcomes.filter((o) => o.ok).length, refused: outcomes.filter((o) => !o.ok).map((o) => o.key) };
}
