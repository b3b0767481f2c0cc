import { resolve } from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * `npm run lint` passing proves nothing unless its two architecture rules can fail: this lints
 * deliberate violations with the project's own eslint.config.mjs (ignores off, since the
 * fixtures are ignored by the real run) and expects exactly the errors those rules exist for.
 */
const root = resolve(__dirname, "../..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, ignore: false });
});

const ruleIds = (results: ESLint.LintResult[]): string[] =>
  results.flatMap((r) => r.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`));

describe("eslint.config.mjs", () => {
  it("import-x/no-cycle reports a two-file import cycle", async () => {
    const results = await eslint.lintFiles([resolve(__dirname, "lint-fixtures/cycle-a.ts")]);
    expect(ruleIds(results)).toEqual(["import-x/no-cycle"]);
  });

  // The layer rule reads only the importing file's path and resolves the import on disk, so a
  // virtual file placed in a layer is enough (nothing is written into src/).
  const importCharts = 'import { barChart } from "../charts";\nexport const chart = barChart;\n';

  it("import-x/no-restricted-paths reports the science layer importing the charts", async () => {
    const results = await eslint.lintText(importCharts, { filePath: resolve(root, "src/pk/lint-fixture.ts") });
    expect(ruleIds(results)).toEqual(["import-x/no-restricted-paths"]);
    expect(results[0].messages[0].message).toContain("The science layer imports only the science layer");
  });

  it("the same import from the command-line programs (src/cli) is allowed", async () => {
    const results = await eslint.lintText(importCharts, { filePath: resolve(root, "src/cli/lint-fixture.ts") });
    expect(ruleIds(results)).toEqual([]);
  });
});
