/**
 * What the student edition leaves out: whole folders, nothing else. Every instructor-only file
 * lives in one of these folders (the reference solutions, the instructor's workbook tools,
 * the grader, the release itself, the instructor programs and their tests and benchmarks), so
 * the folders alone say what a student gets; npm scripts that would run a left-out file are
 * dropped from package.json.
 */
export const INSTRUCTOR_ONLY_FOLDERS: readonly string[] = [
  "solutions/",
  "src/workbook/instructor/",
  "src/course/grade/",
  "src/course/release/",
  "src/cli/instructor/",
  "test/exercises/instructor/",
  "test/workbook/instructor/",
  "test/live/instructor/",
  "test/grade/",
  "bench/instructor/",
];

/** Never copied, whatever git says (build outputs, caches, secrets). */
export const NEVER_COPIED: readonly string[] = [
  "node_modules/",
  ".git/",
  "dist/",
  "site/",
  ".cache/",
  "tmp/",
  "coverage/",
];

/** Notebook cells with this tag are removed from the student edition. */
export const SOLUTION_CELL_TAG = "solution";

/** True when `path` (relative, with "/") lies under one of the folders (each written with a trailing "/"). */
export function isUnder(path: string, folders: readonly string[]): boolean {
  return folders.some((folder) => path.startsWith(folder));
}
