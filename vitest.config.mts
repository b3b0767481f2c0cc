import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // One line per test file as it finishes, so a long run is never silent (the summary comes at the end).
    reporters: [["default", { summary: false }]],
    // `npm test` builds the course first; the browser test then audits that real site.
    env: { SITE_DIR: process.env.SITE_DIR ?? "site" },
  },
});
