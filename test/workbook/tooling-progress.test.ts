import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/workbook/paths";

const root = findProjectRoot();
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };

describe("long commands say what they are doing", () => {
  it("vitest reports each file as it finishes (the default reporter, set explicitly)", () => {
    // Read as text: tsc refuses to import a .mts file from here.
    const config = readFileSync(join(root, "vitest.config.mts"), "utf8");
    expect(config).toContain('reporters: [["default", { summary: false }]]');
    expect(config).toContain("env: { SITE_DIR:"); // still passed to the browser test
  });
  it("npm test announces the type-check, the lint, the build and vitest before each starts", () => {
    expect(pkg.scripts.test).toMatch(
      /echo '[^']*type-checking[^']*' && npm run typecheck && echo '[^']*lint[^']*' && npm run lint && npm run format:check && echo '[^']*building[^']*' && npm run build .* && echo '[^']*vitest[^']*' && vitest run$/,
    );
  });
  it("the prepare step announces its three steps, and bundles npm run check", () => {
    const source = readFileSync(join(root, "src", "cli", "prepare.ts"), "utf8");
    for (const step of ["1/3", "2/3", "3/3"]) expect(source).toContain(`prepare: ${step}`);
    expect(source).toContain("buildCheckBundle");
  });
  it("docs/exercises.md does not ask to add scripts that package.json already has", () => {
    const doc = readFileSync(join(root, "docs", "exercises.md"), "utf8");
    expect(doc).not.toMatch(/add to package\.json/i);
    for (const name of ["check", "stubs", "release"]) expect(pkg.scripts[name]).toBeDefined();
  });
});
