// Reads the hidden checks to prove the live bundle does not carry them.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { referenceSolutions } from "../../../src/cli/instructor/reference-solutions";
import { buildLiveAssets } from "../../../src/course/live/bundle";
import { EXERCISES, findProjectRoot, type Exercise } from "../../../src/workbook";
import { hiddenCases } from "../../../src/workbook/instructor/hidden-checks";

/** Numbers with many decimals from the first hidden case of each function exercise (seeded, trusted side). */
function hiddenCaseValues(): string[] {
  return EXERCISES.filter((e): e is Exercise & { kind: "function" } => e.kind === "function").flatMap(
    (ex) => JSON.stringify(hiddenCases(referenceSolutions(findProjectRoot()), ex)[0].args).match(/\d+\.\d{5,}/g) ?? [],
  );
}

describe("buildLiveAssets(outDir, { edition: 'student' })", () => {
  it("writes assets that hold no hidden case value and no solution marker", async () => {
    const dir = mkdtempSync(join(tmpdir(), "live-hidden-"));
    const { files } = await buildLiveAssets(dir, { edition: "student" });
    const values = hiddenCaseValues();
    expect(values.length).toBeGreaterThan(0);
    expect(files).toContain(join("assets", "live", "worker.js"));
    for (const name of readdirSync(join(dir, "assets", "live"))) {
      const text = readFileSync(join(dir, "assets", "live", name), "utf8");
      expect({ name, leaked: values.filter((v) => text.includes(v)) }).toEqual({ name, leaked: [] });
      expect({ name, solution: /BEGIN SOLUTION|WORKBOOK_HIDDEN_SEED|referenceAnswer/.test(text) }).toEqual({
        name,
        solution: false,
      });
    }
  }, 120_000);

  it("rejects an unknown edition with InputError", async () => {
    await expect(buildLiveAssets("/tmp/x", { edition: "teacher" as "student" })).rejects.toThrow(
      'buildLiveAssets: options.edition must be "student" or "instructor"; received teacher',
    );
  });
});
