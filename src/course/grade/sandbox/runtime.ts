// @instructor-only — builds the read-only runtime folder every sandbox process loads from.
import { buildSync } from "esbuild";
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";

/**
 * The files a sandbox may read besides the student's own copy: the child runner, the course
 * library bundled (library.js, with small not-attempted.js and data.js beside it, so a sandbox reads a few files instead of walking src/ and
 * node_modules/), and a copy of the public data/ folder (so `loadDataset` works when a student
 * uses it). Nothing from solutions/ or src/workbook/hidden can be in here: the library entry
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

/** Three bundles, so a stub file (which imports only the sentinel and the data) never pays for mathjs. */
const ENTRIES = (root: string): Record<string, string> => ({
  "library.js": `export * as library from ${JSON.stringify(join(root, "src", "index"))};\nexport * as mathjs from "mathjs";\n`,
  "not-attempted.js": `export * from ${JSON.stringify(join(root, "src", "workbook", "not-attempted"))};\n`,
  "data.js": `export * from ${JSON.stringify(join(root, "src", "workbook", "catalog", "data"))};\n`,
});

/**
 * Bundle the runner and the library into `dir` (created, world-readable so a sandbox running
 * as `nobody` can load it). About a second; done once per grading run.
 * @param root the project root (src/, data/, node_modules/)
 */
export function buildRuntime(root: string, dir: string, options: { memoryMb: number; snapshot?: boolean } = { memoryMb: 256 }): Runtime {
  mkdirSync(join(dir, "lib"), { recursive: true });
  const common = { bundle: true, platform: "node", format: "cjs", target: "node20", logLevel: "error", absWorkingDir: root } as const;
  for (const [name, contents] of Object.entries(ENTRIES(root))) {
    // vega and vega-lite stay outside: the library loads them lazily for charts, which grading never draws.
    buildSync({ ...common, stdin: { contents, resolveDir: root, loader: "ts", sourcefile: `grader-${name}.ts` }, outfile: join(dir, "lib", name), external: ["vega", "vega-lite", "typescript"] });
  }
  const libraryBundle = join(dir, "lib", "library.js");
  const sandboxSrc = join(root, "src", "course", "grade", "sandbox");
  const childScript = join(dir, "child.js");
  buildSync({ ...common, entryPoints: [join(sandboxSrc, "child-entry.ts")], outfile: childScript });
  if (existsSync(join(root, "data"))) cpSync(join(root, "data"), join(dir, "data"), { recursive: true });
  for (const path of [dir, join(dir, "lib")]) chmodSync(path, 0o755);
  const runtime: Runtime = { dir, childScript, libraryBundle };
  if (options.snapshot === false) return { ...runtime, snapshotProblem: "disabled" };
  // The snapshot must be built with the same V8 flags the sandbox runs with (the heap limit).
  const entry = join(dir, "snapshot-entry.js");
  const blob = join(dir, "sandbox.blob");
  try {
    buildSync({ ...common, entryPoints: [join(sandboxSrc, "snapshot-entry.ts")], outfile: entry, external: ["vega", "vega-lite", "typescript"] });
    const built = spawnSync(process.execPath, [`--max-old-space-size=${options.memoryMb}`, "--no-warnings", "--snapshot-blob", blob, "--build-snapshot", entry], { cwd: dir, encoding: "utf8", timeout: 120_000 });
    if (built.status !== 0 || !existsSync(blob)) return { ...runtime, snapshotProblem: `node --build-snapshot failed: ${(built.stderr || built.error?.message || "").slice(0, 300)}` };
    chmodSync(blob, 0o644);
    return { ...runtime, snapshotBlob: blob };
  } catch (err) {
    return { ...runtime, snapshotProblem: err instanceof Error ? err.message : String(err) };
  }
}
