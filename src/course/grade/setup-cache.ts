// A grading run's start-up work, kept beside the results in the output folder's cache: the built runtime and the proven reference answers.
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../../core/files";
import { knownAnswers, restoreKnownAnswers, type KnownAnswer } from "../../workbook/answer-hash";
import { CACHE_DIR } from "./cache";
import type { KnownAnswersReport } from "./known-answers";
import type { Runtime } from "./sandbox/runtime";

/**
 * Building the sandbox runtime (three esbuild bundles and a V8 startup snapshot) and proving
 * the reference answers (one scrypt hash each, ≈ 140) cost ≈ 10 CPU-s at every run, more than a
 * re-run with one changed submission may take in all. Both depend only on what the grader
 * fingerprint covers (src/, solutions/, data/, the lock file, Node's version, the limits), so
 * they are kept in `<out>/.grade-cache/setup/<key>/` under a key made from that fingerprint
 * and reused while it is unchanged; any change of the fingerprint is a different key, and the
 * entries of every other key are deleted when a new one is written. The runtime is copied
 * into the run's private folder before use (a sandbox running as `nobody` may not be able to
 * reach the output folder), so a sandbox never reads the cache itself.
 */
export const SETUP_DIR = "setup";

/** The cache key of a run's start-up work: the grader fingerprint and whether the snapshot was wanted. */
export function setupKey(fingerprint: string, snapshot: boolean): string {
  return createHash("sha256").update(`${fingerprint}\0snapshot ${snapshot}`).digest("hex").slice(0, 24);
}

const setupDir = (out: string, key: string): string => join(out, CACHE_DIR, SETUP_DIR, key);

interface RuntimeEntry {
  snapshot: boolean;
}

/** Delete the setup entries of every other key (a changed grader never reads them again). */
function pruneOthers(out: string, key: string): void {
  const dir = join(out, CACHE_DIR, SETUP_DIR);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name !== key) rmSync(join(dir, name), { recursive: true, force: true });
}

/** Ensure setup/<key>/ exists and is the only key (called before writing into it). */
function entryDir(out: string, key: string): string {
  pruneOthers(out, key);
  return setupDir(out, key);
}

function runtimeAt(dir: string, snapshot: boolean): Runtime {
  return {
    dir,
    childScript: join(dir, "child.js"),
    libraryBundle: join(dir, "lib", "library.js"),
    ...(snapshot ? { snapshotBlob: join(dir, "sandbox.blob") } : { snapshotProblem: "disabled" }),
  };
}

/**
 * The runtime for this key in `target` (the run's private folder): copied from the cache when
 * it holds one, else built by `build` into `target` and then kept in the cache. A runtime
 * whose snapshot failed to build is not kept (the failure may be the machine's, not the code's).
 * @returns the runtime and whether it came from the cache
 */
export async function cachedRuntime(
  out: string,
  key: string,
  target: string,
  build: () => Promise<Runtime>,
): Promise<{ runtime: Runtime; reused: boolean }> {
  const cached = join(setupDir(out, key), "runtime");
  const meta = join(setupDir(out, key), "runtime.json");
  if (existsSync(meta) && existsSync(cached)) {
    try {
      const entry = JSON.parse(readFileSync(meta, "utf8")) as RuntimeEntry;
      const runtime = runtimeAt(target, entry.snapshot === true);
      cpSync(cached, target, { recursive: true });
      for (const file of [runtime.childScript, runtime.libraryBundle, runtime.snapshotBlob])
        if (file !== undefined && !statSync(file).isFile()) throw new Error(`missing ${file}`);
      for (const path of [target, join(target, "lib")]) chmodSync(path, 0o755);
      return { runtime, reused: true };
    } catch {
      rmSync(target, { recursive: true, force: true }); // a torn entry is rebuilt
    }
  }
  const runtime = await build();
  const snapshot = runtime.snapshotBlob !== undefined;
  if (runtime.snapshotProblem === undefined || runtime.snapshotProblem === "disabled") {
    try {
      const dir = entryDir(out, key);
      const temp = join(dir, `.runtime-${process.pid}-${randomBytes(4).toString("hex")}`);
      cpSync(runtime.dir, temp, { recursive: true });
      rmSync(cached, { recursive: true, force: true });
      renameSync(temp, cached);
      writeFileAtomic(meta, JSON.stringify({ snapshot } satisfies RuntimeEntry));
    } catch {
      // a cache that cannot be written costs the next run a rebuild, nothing else
    }
  }
  return { runtime, reused: false };
}

interface KnownEntry {
  entries: KnownAnswer[];
  refused: string[];
}

/**
 * Register the reference answers: restored from the cache for this key when it holds them (no
 * hashing), else proven by `register` (registerReferenceAnswers) and kept.
 * @param hashes the stored hashes by key (answer-hashes.json `entries`)
 */
export async function cachedKnownAnswers(
  out: string,
  key: string,
  hashes: Readonly<Record<string, string>>,
  register: () => Promise<KnownAnswersReport>,
): Promise<KnownAnswersReport & { reused: boolean }> {
  const file = join(setupDir(out, key), "known-answers.json");
  if (existsSync(file)) {
    try {
      const entry = JSON.parse(readFileSync(file, "utf8")) as KnownEntry;
      if (Array.isArray(entry.entries) && Array.isArray(entry.refused)) {
        const registered = restoreKnownAnswers(entry.entries, hashes);
        if (registered === entry.entries.length) return { registered, refused: entry.refused, reused: true };
      }
    } catch {
      // torn: proven again below
    }
  }
  const report = await register();
  const entries = knownAnswers().filter((a) => hashes[a.key] === a.stored);
  try {
    writeFileAtomic(
      join(entryDir(out, key), "known-answers.json"),
      JSON.stringify({ entries, refused: report.refused } satisfies KnownEntry),
    );
  } catch {
    // as above: only the next run's time is at stake
  }
  return { ...report, reused: false };
}
