import { createHash, scryptSync } from "node:crypto";
import type { Answer } from "./types";
import { canonicalAnswer, canonicalCandidates } from "./canonical";

/**
 * Salted, deliberately slow hashes of expected answers. The public checks compare a hash
 * of the student's rounded answer with the stored hash, so reading the check code or the
 * hash file does not reveal the answer. scrypt (memory-hard) at N = 2^14, r = 8 costs about
 * 50 ms per hash on a laptop core: instant for one check, expensive for a brute-force
 * search. A determined student can still search a small answer space, which is why the
 * hidden checks, not these, decide the grade.
 */
export const HASH_PARAMS = { algorithm: "scrypt", N: 16384, r: 8, p: 1, keyLength: 32 } as const;

/** Relative slack of the public comparison around the canonical rounding (see canonicalCandidates). */
export const DEFAULT_SLACK = 5e-4;

/** The key of an exercise's stored hash: "ex-2.1" for a value, "ex-3.2#a" for a function case. */
export function answerKey(exerciseId: string, caseKey?: string): string {
  return caseKey === undefined ? exerciseId : `${exerciseId}#${caseKey}`;
}

/** The key of a stored mistaken answer: "ex-2.7!linear-extrapolation", "ex-3.2#a!linear-only". */
export function mistakeKey(caseAnswerKey: string, hintId: string): string {
  return `${caseAnswerKey}!${hintId}`;
}

/** The case key of the i-th worked example of a function exercise (examples store only mistake hashes). */
export function exampleCaseKey(index: number): string {
  return `example${index}`;
}

/** Per-key salt: public and deterministic, so regenerating the hash file is reproducible. */
function saltFor(key: string): Buffer {
  return createHash("sha256").update(`microdosing-workbook/answer/v1/${key}`).digest();
}

const memo = new Map<string, string>();

/** scrypt hash (hex) of a canonical answer under the key's salt; memoised within the process. */
export function hashCanonical(key: string, canonical: string): string {
  const memoKey = `${key}\u0000${canonical}`;
  const known = memo.get(memoKey);
  if (known !== undefined) return known;
  const { N, r, p, keyLength } = HASH_PARAMS;
  const hex = scryptSync(canonical, saltFor(key), keyLength, { N, r, p, maxmem: 64 * 1024 * 1024 }).toString("hex");
  memo.set(memoKey, hex);
  return hex;
}

/** Hash an expected answer for storage. */
export function hashAnswer(key: string, value: Answer, sigFigs: number): string {
  return hashCanonical(key, canonicalAnswer(value, sigFigs));
}

/** True when two answers have the same canonical form. */
export function canonicalAnswerEquals(a: Answer, b: Answer, sigFigs: number): boolean {
  return canonicalAnswer(a, sigFigs) === canonicalAnswer(b, sigFigs);
}

/** True when the received answer rounds (within the slack) to the answer whose hash is stored. */
export function matchesHash(key: string, stored: string, received: Answer, sigFigs: number, slack = DEFAULT_SLACK): boolean {
  return canonicalCandidates(received, sigFigs, slack).some((c) => hashCanonical(key, c) === stored);
}
