// A fake Gradescope /autograder tree and its run_autograder, shared by the tests that run the wrapper.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import { expect } from "vitest";
import type { GradescopeResults } from "../../../src/course/grade/outputs/gradescope";
import { ROOT } from "../fixtures";

/**
 * `<dir>/<name>`: the autograder zip (gradescopeZip) unpacked in source/ with node_modules linked
 * (as setup.sh would install it), run_autograder beside it, `submission` under submission/, and
 * `metadata` as submission_metadata.json when given.
 */
export function fakeAutograder(
  dir: string,
  name: string,
  zip: Uint8Array,
  submission: Readonly<Record<string, string>>,
  metadata?: unknown,
): string {
  const root = join(dir, name);
  for (const [path, data] of Object.entries(unzipSync(zip))) {
    mkdirSync(dirname(join(root, "source", path)), { recursive: true });
    writeFileSync(join(root, "source", path), data);
  }
  symlinkSync(join(ROOT, "node_modules"), join(root, "source", "node_modules"), "dir");
  writeFileSync(join(root, "run_autograder"), readFileSync(join(root, "source", "run_autograder")));
  chmodSync(join(root, "run_autograder"), 0o755);
  for (const [path, text] of Object.entries(submission)) {
    mkdirSync(dirname(join(root, "submission", path)), { recursive: true });
    writeFileSync(join(root, "submission", path), text);
  }
  // Gradescope writes who submitted beside submission/ (submission_metadata.json).
  if (metadata !== undefined) writeFileSync(join(root, "submission_metadata.json"), JSON.stringify(metadata));
  return root;
}

/** Run `<root>/run_autograder` as Gradescope does (exit 0 expected) and read results/results.json. */
export function runAutograder(root: string, env: Record<string, string> = {}): GradescopeResults {
  const run = spawnSync(join(root, "run_autograder"), [], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, GRADESCOPE_AUTOGRADER_ROOT: root, GRADER_NO_SNAPSHOT: "1", ...env },
    timeout: 300_000,
  });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  return JSON.parse(readFileSync(join(root, "results", "results.json"), "utf8")) as GradescopeResults;
}
