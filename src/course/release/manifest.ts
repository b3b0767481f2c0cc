// @instructor-only — what the student edition leaves out.
/**
 * The student edition is the repository minus everything that reveals answers or grades:
 * these paths (folders end with "/"), any file whose first lines carry the marker
 * `@instructor-only`, and the npm scripts that would call what was left out.
 */
export const INSTRUCTOR_ONLY_PATHS: readonly string[] = [
  "solutions/",
  "src/workbook/hidden/",
  "test/exercises/instructor/",
  "test/workbook/instructor/",
  "src/course/release/",
  "src/course/grade/",
  "src/course/cli/grade.ts",
  "src/course/cli/release.ts",
  "src/course/cli/stubs.ts",
  "test/grade/",
  "bench/grade/",
  "bench/grade.ts",
];

/** Never copied, whatever git says (build outputs, caches, secrets). */
export const NEVER_COPIED: readonly string[] = ["node_modules/", ".git/", "dist/", "site/", ".cache/", "tmp/", "coverage/"];

/** A file is instructor-only when this marker appears in its first 5 lines. */
export const INSTRUCTOR_MARKER = "@instructor-only";

/** Notebook cells with this tag are removed from the student edition. */
export const SOLUTION_CELL_TAG = "solution";

export function isUnder(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => (p.endsWith("/") ? path.startsWith(p) : path === p));
}

export function hasInstructorMarker(text: string): boolean {
  return text.split("\n", 5).some((line) => line.includes(INSTRUCTOR_MARKER));
}
