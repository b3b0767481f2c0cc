import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

/**
 * Type declarations of src/ for notebooks. tslab type-checks every TypeScript source file
 * a cell depends on, each time a cell imports it — seconds for the whole library — but it
 * reads .d.ts files without checking them. So notebooks get their types from declarations
 * generated with the project's TypeScript (tsconfig.types.json), while the code itself
 * runs live from src/. When src/ changes, the declarations are regenerated: before an
 * engine run (synchronously) or, in a kernel, in the background on import.
 */

/** Where the declarations go, inside the generated package. */
export function workbookTypesDirectory(projectRoot: string): string {
  return join(projectRoot, "node_modules", "microdosing-workbook", "types");
}

const stampName = ".generated";

/** True when a file under src/ is newer than the last generation (or none happened). */
export function workbookTypesStale(projectRoot: string): boolean {
  const stamp = join(workbookTypesDirectory(projectRoot), stampName);
  if (!existsSync(stamp)) return true;
  return newestMtime(join(projectRoot, "src")) > statSync(stamp).mtimeMs;
}

export interface TypesGeneration {
  /** Whether tsc was run (false: already up to date). */
  ran: boolean;
  /** tsc's exit status: 0 clean; 2 means type errors in src, declarations written anyway. */
  status: number | null;
  /** tsc's report when it was not clean. */
  output: string;
  ms: number;
}

/**
 * Regenerates the declarations when src/ changed since the last time (or always with
 * `force`). Type errors in src/ do not stop it: tsc still writes declarations, and the
 * errors are returned for the caller to show.
 */
export function generateWorkbookTypes(projectRoot: string, { force = false } = {}): TypesGeneration {
  if (!force && !workbookTypesStale(projectRoot)) return { ran: false, status: 0, output: "", ms: 0 };
  const t0 = performance.now();
  const startedAt = new Date();
  const result = spawnSync(
    process.execPath,
    [typescriptCompiler(projectRoot), "-p", join(projectRoot, "tsconfig.types.json")],
    { cwd: projectRoot, encoding: "utf8" },
  );
  if (result.status === 0 || result.status === 2) writeStamp(projectRoot, startedAt);
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`;
  return { ran: true, status: result.status, output, ms: performance.now() - t0 };
}

/**
 * Starts regeneration in a detached background process when src/ changed, so a kernel's
 * import stays fast; tslab notices the new declarations and later cells use them.
 * @returns whether a background generation was started
 */
export function refreshWorkbookTypesInBackground(projectRoot: string): boolean {
  if (!workbookTypesStale(projectRoot)) return false;
  writeStamp(projectRoot, new Date()); // claims this source state, so parallel kernels do not start it again
  const child = spawn(
    process.execPath,
    [typescriptCompiler(projectRoot), "-p", join(projectRoot, "tsconfig.types.json")],
    { cwd: projectRoot, stdio: "ignore", detached: true },
  );
  child.on("error", () => undefined);
  child.unref();
  return true;
}

function typescriptCompiler(projectRoot: string): string {
  // The project's TypeScript 5.9, not tslab's 5.0 (node_modules/.bin/tsc belongs to tslab).
  return createRequire(join(projectRoot, "package.json")).resolve("typescript/bin/tsc");
}

function writeStamp(projectRoot: string, at: Date): void {
  const directory = workbookTypesDirectory(projectRoot);
  mkdirSync(directory, { recursive: true });
  const stamp = join(directory, stampName);
  writeFileSync(stamp, `${at.toISOString()}\n`);
  utimesSync(stamp, at, at); // the source state covered is the one when generation started
}

function newestMtime(directory: string): number {
  let newest = existsSync(directory) ? statSync(directory).mtimeMs : 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}
