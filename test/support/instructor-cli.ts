// An instructor command (`npm run grade`, `similarity`, `stubs` …) run as its npm script runs it: node with tsx, as a child process.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { join } from "node:path";
import { findProjectRoot } from "../../src/workbook/paths";

const ROOT = findProjectRoot();

export type InstructorCommand = "grade" | "similarity" | "stubs" | "gradescope-build";

/**
 * Runs src/cli/instructor/<command>.ts of `root` (this project by default) with `args`, in
 * `root`, and returns its exit status and output; `env` is added to this process's environment.
 */
export function runInstructorCli(
  command: InstructorCommand,
  args: readonly string[],
  options: { root?: string; env?: Record<string, string>; timeout?: number } = {},
): SpawnSyncReturns<string> {
  const root = options.root ?? ROOT;
  return spawnSync(
    process.execPath,
    ["--import", "tsx", join(root, "src", "cli", "instructor", `${command}.ts`), ...args],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, ...options.env },
      timeout: options.timeout ?? 300_000,
    },
  );
}
