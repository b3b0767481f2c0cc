// Builds the read-only runtime folder every sandbox process loads from, and the startup snapshot (bench/instructor/grade-machinery.ts: 2.8× faster first answer).
import { build } from "esbuild";
import { spawn } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";

/**
 * The files a sandbox may read besides the student's own copy: the child runner, the course
 * library bundled (library.js, with small not-attempted.js and data.js beside it, so a sandbox reads a few files instead of walking src/ and
 * node_modules/), and a copy of the public data/ folder (so `loadDataset` works when a student
 * uses it). Nothing from solutions/ or src/workbook/instructor can be in here: the library entry
 * is src/index.ts (science + charts), and the runner bundles only the workbook's invoke path
 * (invoke, normalize, not-attempted, timed-call). A test asserts this.
 */
export interface Runtime {
  dir: string;
  childScript: string;
  libraryBundle: string;
  /** V8 startup snapshot with the library initialised, or undefined when it could not be built. */
  snapshotBlob?: string;
  /** Why there is no snapshot (for the log). */
  snapshotProblem?: string;
}

/** Three bundles, so without a snapshot a stub file (which imports only the sentinel and the data) never loads the course library. */
const ENTRIES = (root: string): Record<string, string> => ({
  "library.js": `export * as library from ${JSON.stringify(join(root, "src", "index"))};\nexport * as mathjs from "mathjs";\n`,
  "not-attempted.js": `export * from ${JSON.stringify(join(root, "src", "workbook", "not-attempted"))};\n`,
  "data.js": `export * from ${JSON.stringify(join(root, "src", "workbook", "catalog", "data"))};\n`,
});

/** Run a command to completion; never rejects. */
function run(
  command: string,
  args: string[],
  cwd: string,
  timeoutMs: number,
): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"], timeout: timeoutMs });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString("utf8");
    });
    child.on("error", (err) => done({ status: null, stderr: err.message }));
    child.on("close", (status) => done({ status, stderr }));
  });
}

/**
 * Bundle the runner and the library into `dir` (created, world-readable so a sandbox running
 * as `nobody` can load it), and build the startup snapshot. A few seconds, once per grading
 * run; asynchronous, so the grader's other start-up work (hashing the reference answers)
 * goes on meanwhile.
 * @param root the project root (src/, data/, node_modules/)
 */
export async function buildRuntime(
  root: string,
  dir: string,
  options: { memoryMb: number; snapshot?: boolean } = { memoryMb: 256 },
): Promise<Runtime> {
  mkdirSync(join(dir, "lib"), { recursive: true });
  const common = {
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "error",
    absWorkingDir: root,
  } as const;
  const sandboxSrc = join(root, "src", "course", "grade", "sandbox");
  const libraryBundle = join(dir, "lib", "library.js");
  const childScript = join(dir, "child.js");
  const entry = join(dir, "snapshot-entry.js");
  const wantSnapshot = options.snapshot !== false;
  await Promise.all([
    // vega and vega-lite stay outside: the library loads them lazily for charts, which grading never draws.
    ...Object.entries(ENTRIES(root)).map(([name, contents]) =>
      build({
        ...common,
        stdin: { contents, resolveDir: root, loader: "ts", sourcefile: `grader-${name}.ts` },
        outfile: join(dir, "lib", name),
        external: ["vega", "vega-lite", "typescript"],
      }),
    ),
    build({ ...common, entryPoints: [join(sandboxSrc, "child-entry.ts")], outfile: childScript }),
    ...(wantSnapshot
      ? [
          build({
            ...common,
            entryPoints: [join(sandboxSrc, "snapshot-entry.ts")],
            outfile: entry,
            external: ["vega", "vega-lite", "typescript"],
          }),
        ]
      : []),
  ]);
  if (existsSync(join(root, "data"))) cpSync(join(root, "data"), join(dir, "data"), { recursive: true });
  for (const path of [dir, join(dir, "lib")]) chmodSync(path, 0o755);
  const runtime: Runtime = { dir, childScript, libraryBundle };
  if (!wantSnapshot) return { ...runtime, snapshotProblem: "disabled" };
  // The snapshot must be built with the same V8 flags the sandbox runs with (the heap limit).
  const blob = join(dir, "sandbox.blob");
  const built = await run(
    process.execPath,
    [`--max-old-space-size=${options.memoryMb}`, "--no-warnings", "--snapshot-blob", blob, "--build-snapshot", entry],
    dir,
    120_000,
  );
  if (built.status !== 0 || !existsSync(blob))
    return { ...runtime, snapshotProblem: `node --build-snapshot failed: ${built.stderr.slice(0, 300)}` };
  chmodSync(blob, 0o644);
  return { ...runtime, snapshotBlob: blob };
}
