import type { Answer } from "./types";
import { canonicalAnswer, canonicalCandidates } from "./canonical";
import { answerSalt, scryptHex, scryptHexAsync } from "./answer-kdf";

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
function saltFor(key: string): Uint8Array {
  return answerSalt(`microdosing-workbook/answer/v1/${key}`);
}

const memo = new Map<string, string>();

/** scrypt hash (hex) of a canonical answer under the key's salt; memoised within the process. */
export function hashCanonical(key: string, canonical: string): string {
  const memoKey = `${key}\u0000${canonical}`;
  const known = memo.get(memoKey);
  if (known !== undefined) return known;
  const hex = scryptHex(canonical, saltFor(key), HASH_PARAMS);
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

/** The same hash as hashCanonical, computed on libuv's thread pool (does not block the event loop); shares its memo. */
function hashCanonicalAsync(key: string, canonical: string): Promise<string> {
  const memoKey = `${key}\u0000${canonical}`;
  const known = memo.get(memoKey);
  if (known !== undefined) return Promise.resolve(known);
  return scryptHexAsync(canonical, saltFor(key), HASH_PARAMS).then((hex) => {
    memo.set(memoKey, hex);
    return hex;
  });
}

/**
 * Answers whose stored hash is known to be the hash of one canonical string, by key. Filled
 * only on the trusted side that holds the reference (the grader), after proving it (see
 * registerKnownAnswer).
 */
const known = new Map<string, { stored: string; canonical: string; sigFigs: number }>();

/**
 * Teach this process the answer behind a stored hash, so matchesHash can compare canonical
 * strings instead of hashing every candidate (≈ 50 ms each). The reference is hashed ONCE
 * (off the event loop) and registered only when that hash equals the stored one; since a
 * candidate matches the stored hash exactly when its canonical string is the reference's
 * (scrypt being collision-free in practice), every verdict stays what hashing would give.
 * A stale hash file (reference changed, hashes not regenerated) registers nothing and the
 * comparison keeps hashing.
 * @param key the answer key ("ex-2.1", "ex-3.2#a", "ex-2.7!linear-extrapolation")
 * @param stored the stored hash of that key
 * @param value the answer the reference (or the catalogued mistake) gives for that key
 * @param sigFigs the exercise's significant figures (the ones the hash was made with)
 * @returns true when registered
 */
export async function registerKnownAnswer(
  key: string,
  stored: string,
  value: Answer,
  sigFigs: number,
): Promise<boolean> {
  if (typeof value === "number" && !Number.isFinite(value)) return false;
  const canonical = canonicalAnswer(value, sigFigs);
  if ((await hashCanonicalAsync(key, canonical)) !== stored) return false;
  known.set(key, { stored, canonical, sigFigs });
  return true;
}

/** A registered answer: the stored hash of `key` is the scrypt hash of `canonical` (proven by registerKnownAnswer). */
export interface KnownAnswer {
  key: string;
  stored: string;
  canonical: string;
  sigFigs: number;
}

/** Every registered answer, so the grader can keep them beside its fingerprint and skip the proof next run. */
export function knownAnswers(): KnownAnswer[] {
  return [...known].map(([key, a]) => ({ key, ...a }));
}

/**
 * Register answers proven by registerKnownAnswer in an earlier run of the same grader (same
 * reference, same stored hashes: the grader keys them by its fingerprint, which covers both).
 * Trusted side only, like the cached results it sits beside; an entry whose stored hash is not
 * the current one is skipped, so its comparisons keep hashing.
 * @param current the stored hashes by key (answer-hashes.json `entries`)
 * @returns how many were registered
 */
export function restoreKnownAnswers(
  entries: readonly KnownAnswer[],
  current: Readonly<Record<string, string>>,
): number {
  let restored = 0;
  for (const { key, stored, canonical, sigFigs } of entries) {
    if (current[key] !== stored || typeof canonical !== "string" || !Number.isInteger(sigFigs)) continue;
    known.set(key, { stored, canonical, sigFigs });
    restored++;
  }
  return restored;
}

/** Forget every registered answer: matchesHash hashes again (tests compare both ways). */
export function forgetKnownAnswers(): void {
  known.clear();
}

/** True when the received answer rounds (within the slack) to the answer whose hash is stored. */
export function matchesHash(
  key: string,
  stored: string,
  received: Answer,
  sigFigs: number,
  slack = DEFAULT_SLACK,
): boolean {
  const candidates = canonicalCandidates(received, sigFigs, slack);
  const reference = known.get(key);
  if (reference !== undefined && reference.stored === stored && reference.sigFigs === sigFigs)
    return candidates.includes(reference.canonical);
  return candidates.some((c) => hashCanonical(key, c) === stored);
}
