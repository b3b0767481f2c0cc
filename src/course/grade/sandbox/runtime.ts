// @instructor-only — builds the read-only runtime folder every sandbox process loads from.
import { buildSync } from "esbuild";
import { chmodSync, cpSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";

/**
 * The files a sandbox may read besides the student's own copy: the child runner, the course
 * library bundled into one file (so a sandbox reads two files instead of walking src/ and
 * node_modules/), and a copy of the public data/ folder (so `loadDataset` works when a student
 * uses it). Nothing from solutions/ or src/workbook/hidden can be in here: the library entry
 * is src/index.ts (science + charts), and the runner bundles only the workbook's invoke path
 * (invoke, normalize, not-attempted, timed-call). A test asserts this.
 */
export interface Runtime {
  dir: string;
  childScript: string;
  libraryBundle: string;
}

const ENTRY = (root: string) => `
export * as library from ${JSON.stringify(join(root, "src", "index"))};
export * as notAttempted from ${JSON.stringify(join(root, "src", "workbook", "not-attempted"))};
export * as data from ${JSON.stringify(join(root, "src", "workbook", "catalog", "data"))};
export * as mathjs from "mathjs";
`;

/**
 * Bundle the runner and the library into `dir` (created, world-readable so a sandbox running
 * as `nobody` can load it). About a second; done once per grading run.
 * @param root the project root (src/, data/, node_modules/)
 */
export function buildRuntime(root: string, dir: string): Runtime {
  mkdirSync(join(dir, "lib"), { recursive: true });
  const common = { bundle: true, platform: "node", format: "cjs", target: "node20", logLevel: "error", absWorkingDir: root } as const;
  const libraryBundle = join(dir, "lib", "library.js");
  // vega and vega-lite stay outside: the library loads them lazily for charts, which grading never draws.
  buildSync({ ...common, stdin: { contents: ENTRY(root), resolveDir: root, loader: "ts", sourcefile: "grader-library-entry.ts" }, outfile: libraryBundle, external: ["vega", "vega-lite", "typescript"] });
  const childScript = join(dir, "child.js");
  buildSync({ ...common, entryPoints: [join(root, "src", "course", "grade", "sandbox", "child.ts")], outfile: childScript });
  if (existsSync(join(root, "data"))) cpSync(join(root, "data"), join(dir, "data"), { recursive: true });
  for (const path of [dir, join(dir, "lib")]) chmodSync(path, 0o755);
  return { dir, childScript, libraryBundle };
}
