import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative } from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * `npm run test:fuzz` (FUZZ=1 or FUZZ_RUNS=n; see test/support/properties.ts) runs every test
 * file with property tests — those that call assertProperty — and only those.
 */
const fuzz = process.env.FUZZ !== undefined || process.env.FUZZ_RUNS !== undefined;
const propertyTestFiles = (): string[] =>
  (readdirSync("test", { recursive: true }) as string[])
    .map((p) => `test/${p.split("\\").join("/")}`)
    .filter((p) => p.endsWith(".test.ts") && /\bassertProperty\(/.test(readFileSync(p, "utf8")));

/**
 * Test files longest first, so that with two workers the long ones overlap instead of one of them
 * ending the run alone. test/support/file-durations.json holds seconds per file as measured on a
 * 2-core machine by `npx vitest run --reporter=json --outputFile=profile.json` (endTime − startTime);
 * a stale table only changes the order, never what runs. A file it does not list (newer than the
 * table) goes first, as Vitest's own sequencer runs files it has no timing for first: it may be long.
 */
class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const table = join(root, "test", "support", "file-durations.json");
    const durations = JSON.parse(readFileSync(table, "utf8")) as Record<string, number>;
    const seconds = (spec: TestSpecification): number =>
      durations[relative(root, spec.moduleId).split("\\").join("/")] ?? Number.MAX_SAFE_INTEGER;
    return [...files].sort((a, b) => seconds(b) - seconds(a));
  }
}

export default defineConfig({
  test: {
    include: fuzz ? propertyTestFiles() : ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // At least two files at once, also on the 2-core CI machine (where Vitest's default is one):
    // much of a long file's time is spent waiting on Chromium, Jupyter or grader processes, which
    // the other file fills. The longest start first, so no long file ends the run alone.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: LongestFirstSequencer },
    // One line per test file as it finishes, so a long run is never silent (the summary comes at the end).
    reporters: [["default", { summary: false }]],
    // `npm test` builds the course first; the browser test then audits that real site.
    env: { SITE_DIR: process.env.SITE_DIR ?? "site" },
  },
});
