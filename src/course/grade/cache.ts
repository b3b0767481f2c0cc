// Per-student result cache in the output folder (resume, late submissions).
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../../core/files";
import type { SubmissionResult } from "./types";

/**
 * `<out>/.grade-cache/<student>.json` holds the full result. It is written as soon as a
 * student is graded, so an interrupted run loses at most the submissions in flight; a
 * re-run reuses every entry whose submission hash and grader fingerprint both match.
 * The same files are what `grade merge` reads from each shard.
 */
export const CACHE_DIR = ".grade-cache";

export function cachePath(out: string, student: string): string {
  return join(out, CACHE_DIR, `${student}.json`);
}

function isResult(value: unknown): value is SubmissionResult {
  const r = value as SubmissionResult;
  return (
    typeof r === "object" &&
    r !== null &&
    typeof r.student === "string" &&
    typeof r.contentHash === "string" &&
    typeof r.fingerprint === "string" &&
    Array.isArray(r.verdicts) &&
    typeof r.total === "number"
  );
}

/** Entries written before results had a name and a status were graded under their id. */
function upgrade(r: SubmissionResult): SubmissionResult {
  return {
    ...r,
    name: typeof r.name === "string" ? r.name : r.student,
    status: typeof r.status === "string" ? r.status : "graded",
  };
}

/**
 * The cached result, when it is for exactly this content and grader. With `fingerprint`
 * undefined, a result of this content by ANY grader (a regrade keeps the results it was not
 * asked to redo, see regrade.ts).
 */
export function readCached(
  out: string,
  student: string,
  contentHash: string,
  fingerprint: string | undefined,
): SubmissionResult | undefined {
  const path = cachePath(out, student);
  if (!existsSync(path)) return undefined;
  try {
    const r: unknown = JSON.parse(readFileSync(path, "utf8"));
    return isResult(r) &&
      r.contentHash === contentHash &&
      (fingerprint === undefined || r.fingerprint === fingerprint) &&
      r.student === student &&
      (r.status ?? "graded") === "graded"
      ? upgrade(r)
      : undefined;
  } catch {
    return undefined; // a torn or foreign file is simply re-graded
  }
}

export function writeCached(out: string, result: SubmissionResult): void {
  writeFileAtomic(cachePath(out, result.student), JSON.stringify(result));
}

/** Every cached result of an output folder (for merging shards). */
export function readAllCached(out: string): SubmissionResult[] {
  const dir = join(out, CACHE_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as unknown)
    .filter(isResult)
    .map(upgrade);
}

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
}
