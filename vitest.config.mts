import { readdirSync, readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

/**
 * `npm run test:fuzz` (FUZZ=1 or FUZZ_RUNS=n; see test/support/properties.ts) runs every test
 * file with property tests — those that call assertProperty — and only those.
 */
const fuzz = process.env.FUZZ !== undefined || process.env.FUZZ_RUNS !== undefined;
const propertyTestFiles = (): string[] =>
  (readdirSync("test", { recursive: true }) as string[])
    .map((p) => `test/${p.split("\\").join("/")}`)
    .filter((p) => p.endsWith(".test.ts") && /\bassertProperty\(/.test(readFileSync(p, "utf8")));

export default defineConfig({
  test: {
    include: fuzz ? propertyTestFiles() : ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // One line per test file as it finishes, so a long run is never silent (the summary comes at the end).
    reporters: [["default", { summary: false }]],
    // `npm test` builds the course first; the browser test then audits that real site.
    env: { SITE_DIR: process.env.SITE_DIR ?? "site" },
  },
});
