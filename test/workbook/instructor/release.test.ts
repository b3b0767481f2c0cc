import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceSolutions } from "../../../src/cli/instructor/reference-solutions";
import { buildStudentEdition, type EditionReport } from "../../../src/course/release/edition";
import { findLeaks, solutionFingerprints, walk } from "../../../src/course/release/leaks";
import { INSTRUCTOR_ONLY_FOLDERS } from "../../../src/course/release/manifest";
import { studentNotebook } from "../../../src/course/release/notebook";
import { EXERCISES, findProjectRoot } from "../../../src/workbook";
import { parseSolutionBlocks } from "../../../src/workbook/instructor/stub-source";

/**
 * `npm run release -- --out DIR`, end to end: the edition is built into a temporary folder
 * (node_modules shared through a symlink there, outside the repository, so no install is
 * needed), searched for every solution block's text, type-checked, and checked with
 * `npm run check` (every exercise not attempted).
 */
const root = findProjectRoot();
const reference = referenceSolutions(root);
const parent = mkdtempSync(join(tmpdir(), "workbook-release-"));
const out = join(parent, "student");
let report: EditionReport;

beforeAll(() => {
  report = buildStudentEdition({ root, reference, out });
  symlinkSync(join(root, "node_modules"), join(out, "node_modules"));
}, 120_000);
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const env = { ...process.env };
delete env.ANSWERS;
delete env.WORKBOOK_ROOT;
const run = (args: string[]) =>
  execFileSync(process.execPath, args, { cwd: out, encoding: "utf8", env, stdio: ["ignore", "pipe", "pipe"] });

describe("the student edition", () => {
  it("has no solutions/, no hidden checks, no instructor tests or tools: exactly the instructor-only folders are left out", () => {
    for (const p of [
      "solutions",
      "src/workbook/instructor",
      "src/cli/instructor",
      "test/exercises/instructor",
      "src/course/release",
      "src/course/grade",
      "bench/instructor",
    ])
      expect(existsSync(join(out, p)), p).toBe(false);
    expect(existsSync(join(out, "exercises", "ch02.ts"))).toBe(true);
    expect(existsSync(join(out, "src", "cli", "check.ts"))).toBe(true);
    expect(report.excluded).toContain("src/workbook/instructor/hidden-checks.ts");
    for (const rel of report.excluded)
      expect(
        INSTRUCTOR_ONLY_FOLDERS.some((f) => rel.startsWith(f)),
        rel,
      ).toBe(true);
    for (const rel of report.copied)
      expect(
        INSTRUCTOR_ONLY_FOLDERS.some((f) => rel.startsWith(f)),
        rel,
      ).toBe(false);
  });

  it("names only folders as instructor-only, and nothing in the shipped student runtime names the solutions folder", () => {
    for (const f of INSTRUCTOR_ONLY_FOLDERS) expect(f, f).toMatch(/\/$/);
    for (const file of walk(join(out, "src", "workbook")))
      expect(readFileSync(file, "utf8"), file).not.toMatch(/solutions\//);
  });

  it("contains no line of any solution block (nor any 6-figure reference value)", () => {
    const fingerprints = solutionFingerprints(root, reference);
    expect(fingerprints.length).toBeGreaterThan(100);
    expect(findLeaks(out, fingerprints)).toEqual([]);
  });

  it("the leak scan does find a solution line planted into a copy", () => {
    const block = parseSolutionBlocks(readFileSync(join(root, "solutions", "ch04.ts"), "utf8"), "ch04")[0];
    const fingerprints = new Set(solutionFingerprints(root, reference));
    const line = block.body
      .split("\n")
      .map((l) => l.trim())
      .find((l) => fingerprints.has(l))!;
    expect(line).toBeDefined();
    const planted = join(out, "docs-planted-leak.md");
    writeFileSync(planted, `notes\n${line}\n`);
    try {
      expect(findLeaks(out, solutionFingerprints(root, reference)).map((l) => l.file)).toContain(
        "docs-planted-leak.md",
      );
    } finally {
      rmSync(planted);
    }
  });

  it("ships notebooks without outputs or solution cells", () => {
    for (const file of walk(join(out, "notebooks")).filter((f) => f.endsWith(".ipynb"))) {
      const nb = JSON.parse(readFileSync(file, "utf8")) as {
        cells: Array<{ cell_type: string; outputs?: unknown[]; metadata?: { tags?: string[] } }>;
      };
      for (const cell of nb.cells) {
        if (cell.cell_type === "code") expect(cell.outputs, file).toEqual([]);
        expect(cell.metadata?.tags ?? [], file).not.toContain("solution");
      }
    }
  });

  it("keeps the npm scripts students need and drops the instructor's", () => {
    const pkg = JSON.parse(readFileSync(join(out, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.test).toBeDefined();
    for (const s of Object.values(pkg.scripts)) expect(s).not.toMatch(/cli\/instructor\//);
    expect(pkg.scripts.check).toBe("node src/cli/check.cjs");
  });

  it("type-checks (tsc --noEmit) with the left-out files gone", () => {
    expect(() => run(["node_modules/typescript/bin/tsc", "--noEmit"])).not.toThrow();
  }, 180_000);

  it("`npm run check` reports every exercise as not attempted", () => {
    const json = JSON.parse(run(["node_modules/tsx/dist/cli.mjs", "src/cli/check.ts", "--json"])) as {
      verdicts: Array<{ id: string; status: string }>;
      summary: { done: number };
    };
    expect(json.verdicts.map((v) => [v.id, v.status])).toEqual(EXERCISES.map((e) => [e.id, "not-attempted"]));
    expect(json.summary.done).toBe(0);
  }, 60_000);
});

describe("studentNotebook(text)", () => {
  it("drops cells tagged solution, replaces BEGIN/END SOLUTION regions, clears outputs", () => {
    const nb = {
      cells: [
        {
          cell_type: "code",
          metadata: { tags: ["solution"] },
          source: ["secret()"],
          outputs: [{ text: "x" }],
          execution_count: 3,
        },
        {
          cell_type: "code",
          metadata: {},
          source: ["const a = 1;\n", "// BEGIN SOLUTION\n", "const hidden = 2;\n", "// END SOLUTION\n", "a"],
          outputs: [{ text: "1" }],
          execution_count: 4,
        },
      ],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    };
    const result = studentNotebook(JSON.stringify(nb));
    const cleaned = JSON.parse(result.text) as typeof nb;
    expect(result.removedCells).toBe(1);
    expect(cleaned.cells).toHaveLength(1);
    expect(cleaned.cells[0].source.join("")).toBe("const a = 1;\n// your code here\na");
    expect(cleaned.cells[0]).toMatchObject({ outputs: [], execution_count: null });
  });
});
