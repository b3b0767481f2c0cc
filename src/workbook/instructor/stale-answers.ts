import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { InputError } from "../../core/errors";
import { writeFileAtomic } from "../../core/files";
import { answerKey, hashCanonical } from "../answer-hash";
import { canonicalAnswer } from "../canonical";
import { exercisesByFile } from "../catalog";
import { invokeProbe } from "../invoke";
import { createAnswerLoader, LoadError } from "../loader";
import { answerHashesPath, findProjectRoot, readAnswerHashes } from "../paths";
import { projectTranspileCache } from "../transpile-cache";
import type { Answer, Exercise, Probe } from "../types";
import { assertReferenceSolutions, type ReferenceSolutions } from "./reference";

/**
 * Stale reference answers: an instructor edited the solutions without `npm run stubs`, so a
 * stored hash in src/workbook/answer-hashes.json still encodes the OLD answer. The public
 * check would then fail the right answer and the hidden one pass it (or the reverse):
 * nobody earns the points, silently. The grader refuses to grade and `npm run check` warns.
 *
 * The comparison is the one `npm run stubs` made (build-artifacts.ts): the reference's
 * value, or its output on each hashed case, canonicalised and scrypt-hashed under its key.
 * scrypt costs ≈ 50 ms a key, so matches already proven are remembered in
 * node_modules/.cache (content-addressed by key, stored hash and canonical answer, so an
 * edit can never hit a stale entry). Evaluating the reference answers costs a few hundred
 * ms more, so the whole result is remembered too, under a digest of everything it depends
 * on: the solutions folder, src/ (the library the solutions call, the catalog), the hash file
 * and the lockfile. A run with none of those changed reads a file and hashes ≈ 1 MB of source.
 * The solutions are read from the folder the caller names (reference.dir), fresh from disk:
 * the question is whether the files as they are now match the stored hashes.
 */

export interface StaleAnswer {
  /** Exercise id, e.g. "ex-1.1". */
  id: string;
  /** Why, naming the case, e.g. "solutions/ch01.ts gives 2.5 (3 s.f.), not the answer hashed for ex-1.1". */
  reason: string;
}

const CACHE_VERSION = 1;

/** Where proven (key, stored hash, canonical answer) matches are remembered. Never committed: node_modules/.cache. */
export function verifiedHashesCachePath(root: string): string {
  return join(root, "node_modules", ".cache", "microdosing-workbook", "verified-answer-hashes.json");
}

/** Where the last result is remembered with the digest of its inputs. */
function resultCachePath(root: string): string {
  return join(root, "node_modules", ".cache", "microdosing-workbook", "stale-answers.json");
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|json)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** sha256 over the names and contents of every input of the comparison. */
function inputsDigest(root: string, solutionsDir: string): string {
  const hash = createHash("sha256").update(`v${CACHE_VERSION}\n`);
  const files = [
    ...sourceFiles(solutionsDir),
    ...sourceFiles(join(root, "src")),
    answerHashesPath(root),
    join(root, "package-lock.json"),
  ];
  for (const file of files) {
    if (!existsSync(file)) continue;
    hash
      .update(`${relative(root, file)}\u0000`)
      .update(readFileSync(file))
      .update("\u0000");
  }
  return hash.digest("hex");
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

function proofId(key: string, stored: string, canonical: string): string {
  return createHash("sha256").update(`${key}\u0000${stored}\u0000${canonical}`).digest("hex");
}

function readProofs(path: string): Set<string> {
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as { version?: number; proofs?: unknown };
    return data.version === CACHE_VERSION && Array.isArray(data.proofs)
      ? new Set(data.proofs.filter((p): p is string => typeof p === "string"))
      : new Set();
  } catch {
    return new Set(); // absent or unreadable: prove again
  }
}

/** The (key, probe) pairs whose reference answer `npm run stubs` hashed for this exercise. */
function hashedCases(ex: Exercise): Array<{ key: string; probe: Probe }> {
  if (ex.kind === "value") return [{ key: answerKey(ex.id), probe: { exportName: ex.exportName } }];
  return ex.checks.flatMap((c) =>
    c.type === "hashed" ? [{ key: answerKey(ex.id, c.key), probe: { exportName: ex.exportName, args: c.args } }] : [],
  );
}

/**
 * The exercises whose stored answer hash no longer matches the reference solution.
 * @param reference the reference solutions; their chNN.ts files are read from reference.dir
 * @param root project root holding src/workbook/answer-hashes.json (default: found from this module, see findProjectRoot)
 * @returns one entry per stale exercise (the first stale case's reason); empty when current
 * @throws {InputError} when reference is not ReferenceSolutions, its folder does not exist, or
 *   root is given and is not a non-empty string naming a folder
 */
export function staleReferenceAnswers(reference: ReferenceSolutions, root?: string): StaleAnswer[] {
  assertReferenceSolutions("staleReferenceAnswers", reference);
  if (!existsSync(reference.dir))
    throw new InputError(
      "staleReferenceAnswers",
      "reference.dir",
      "must be an existing folder of reference solutions",
      reference.dir,
    );
  if (root !== undefined && (typeof root !== "string" || root === "" || !existsSync(root))) {
    throw new InputError("staleReferenceAnswers", "root", "must be an existing project folder when given", root);
  }
  const base = resolve(root ?? findProjectRoot());
  const solutionsDir = resolve(reference.dir);

  const digest = inputsDigest(base, solutionsDir);
  const remembered = readJson(resultCachePath(base)) as
    { version?: number; digest?: string; stale?: StaleAnswer[] } | undefined;
  if (remembered?.version === CACHE_VERSION && remembered.digest === digest && Array.isArray(remembered.stale))
    return remembered.stale;

  const stored = readAnswerHashes(base).entries;
  const cachePath = verifiedHashesCachePath(base);
  const proofs = readProofs(cachePath);
  const proofsBefore = proofs.size;
  const loader = createAnswerLoader({ root: base, timeoutMs: 30_000, transpileCache: projectTranspileCache(base) });
  const stale: StaleAnswer[] = [];

  for (const [file, exercises] of exercisesByFile()) {
    const path = join(solutionsDir, `${file}.ts`);
    const label = relative(base, path);
    let mod: Record<string, unknown> | undefined;
    let loadProblem: string | undefined;
    if (!existsSync(path)) loadProblem = `${label} is missing`;
    else {
      try {
        mod = loader.load(path);
      } catch (err) {
        loadProblem = err instanceof LoadError ? err.message : `${label} failed to load: ${String(err)}`;
      }
    }
    for (const ex of exercises) {
      const reason =
        mod === undefined ? (loadProblem ?? `${label} could not be read`) : staleReason(ex, mod, label, stored, proofs);
      if (reason !== undefined) stale.push({ id: ex.id, reason });
    }
  }
  try {
    if (proofs.size !== proofsBefore)
      writeFileAtomic(cachePath, `${JSON.stringify({ version: CACHE_VERSION, proofs: [...proofs].sort() })}\n`);
    writeFileAtomic(resultCachePath(base), `${JSON.stringify({ version: CACHE_VERSION, digest, stale })}\n`);
  } catch {
    // a read-only node_modules only costs the next run its work
  }
  return stale;
}

/** Why this exercise's stored hashes are stale, or undefined when every hashed case matches. */
function staleReason(
  ex: Exercise,
  mod: Record<string, unknown>,
  label: string,
  stored: Readonly<Record<string, string>>,
  proofs: Set<string>,
): string | undefined {
  for (const { key, probe } of hashedCases(ex)) {
    const hash = stored[key];
    if (hash === undefined) return `src/workbook/answer-hashes.json has no hash for ${key}`;
    const outcome = invokeProbe(mod, probe, ex.answer, label, 30_000);
    if (outcome.kind !== "answer")
      return `the reference in ${label} gives no answer for ${key} (${outcome.kind}${"message" in outcome ? `: ${outcome.message}` : ""})`;
    const canonical = canonicalAnswer(outcome.value, ex.sigFigs);
    const proof = proofId(key, hash, canonical);
    if (proofs.has(proof)) continue;
    if (hashCanonical(key, canonical) === hash) {
      proofs.add(proof);
      continue;
    }
    return `${label} now gives ${showAnswer(outcome.value, ex)} for ${key}, not the answer hashed in src/workbook/answer-hashes.json`;
  }
  return undefined;
}

function showAnswer(value: Answer, ex: Exercise): string {
  return typeof value === "number"
    ? `${Number(value.toPrecision(ex.sigFigs))}${ex.answer.type === "number" && ex.answer.unit ? ` ${ex.answer.unit}` : ""}`
    : String(value);
}

/**
 * The message shown when answers are stale: which exercises, why, and the command that fixes it.
 * @throws {InputError} when stale is not an array of { id, reason }
 */
export function staleAnswersMessage(stale: readonly StaleAnswer[]): string {
  if (!Array.isArray(stale) || stale.some((s) => typeof s?.id !== "string" || typeof s?.reason !== "string")) {
    throw new InputError("staleAnswersMessage", "stale", "must be an array of { id: string, reason: string }", stale);
  }
  if (stale.length === 0) return "The stored answer hashes match the reference solutions.";
  const ids = stale.map((s) => s.id);
  return [
    `The stored answer hashes are stale for ${ids.length === 1 ? "exercise" : `${ids.length} exercises`}: ${ids.join(", ")}.`,
    "The public checks would judge these against the OLD reference answers (the right answer fails, the old one passes).",
    ...stale.map((s) => `  ${s.id}: ${s.reason}`),
    "Run `npm run stubs` to regenerate exercises/ and src/workbook/answer-hashes.json from the reference solutions.",
  ].join("\n");
}
