import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/workbook/paths";
import { FUZZ, propertyParameters, seedFromName } from "../support/properties";

/**
 * Property tests are reproducible (issue 12): every one goes through assertProperty, which
 * fixes the seed in CI and prints it on failure; `npm run test:fuzz` runs all of them with
 * fresh seeds and 100× the cases.
 */
const root = findProjectRoot();
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
const testSources = (): string[] =>
  (readdirSync(join(root, "test"), { recursive: true }) as string[])
    .map((p) => `test/${p.split("\\").join("/")}`)
    .filter((p) => p.endsWith(".ts"));
/** The rule vitest.config.mts applies under FUZZ: the test files that call assertProperty. */
const propertyTestFiles = (): string[] =>
  testSources().filter((p) => p.endsWith(".test.ts") && /\bassertProperty\(/.test(readFileSync(join(root, p), "utf8")));

describe("property tests", () => {
  it("no test calls fast-check's fc.assert / fc.check directly (unseeded: CI could fail by chance); assertProperty instead", () => {
    const direct = testSources()
      .filter((rel) => rel !== "test/support/properties.ts")
      .filter((rel) => /\bfc\s*\.\s*(assert|check)\s*\(/.test(readFileSync(join(root, rel), "utf8")));
    expect(direct).toEqual([]);
  });

  it("the files with property tests include every science area that has them", () => {
    const files = propertyTestFiles();
    for (const dir of [
      "ams",
      "charts",
      "core",
      "dosage-forms",
      "nca",
      "pharmacology",
      "pk",
      "regulatory",
      "site",
      "studies",
      "translation",
    ]) {
      expect(
        files.some((f) => f.startsWith(`test/${dir}/`)),
        dir,
      ).toBe(true);
    }
    expect(files).not.toContain("test/platform/property-tests.test.ts");
  });

  it("`npm run test:fuzz` runs them all: no file-name filter (vitest.config.mts picks the files under FUZZ)", () => {
    expect(pkg.scripts["test:fuzz"]).toBe("FUZZ=1 vitest run --testTimeout=0");
    const config = readFileSync(join(root, "vitest.config.mts"), "utf8");
    expect(config).toContain("include: fuzz ? propertyTestFiles() :");
    expect(config).toContain('p.endsWith(".test.ts") && /\\bassertProperty\\(/.test(readFileSync(p, "utf8"))');
  });

  it.skipIf(FUZZ || process.env.FC_SEED !== undefined)(
    "in CI a property's seed is fixed by its test name, and numRuns is its own",
    () => {
      expect(propertyParameters(40, "a > b")).toEqual({ seed: seedFromName("a > b"), numRuns: 40 });
      expect(propertyParameters(40, "a > b")).toEqual(propertyParameters(40, "a > b"));
      expect(seedFromName("a > b")).not.toBe(seedFromName("a > c"));
    },
  );
});
