// Plants an edited solution in a temporary copy (never in the real solutions/).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { referenceSolutions } from "../../../src/cli/instructor/reference-solutions";
import { staleAnswersMessage, staleReferenceAnswers } from "../../../src/workbook/instructor/stale-answers";
import { findProjectRoot } from "../../../src/workbook/paths";

const root = findProjectRoot();
const temps: string[] = [];

/** A project copy whose solutions/ may be edited: src/ and node_modules/ are linked, solutions/ copied. */
function projectCopy(withSolutions: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), "stale-answers-"));
  temps.push(dir);
  for (const name of ["src", "node_modules", "exercises"]) symlinkSync(join(root, name), join(dir, name), "dir");
  writeFileSync(join(dir, "package.json"), readFileSync(join(root, "package.json")));
  if (withSolutions) cpSync(join(root, "solutions"), join(dir, "solutions"), { recursive: true });
  return dir;
}

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe("staleReferenceAnswers", () => {
  it("is empty when answer-hashes.json matches solutions/ (the committed state)", () => {
    expect(staleReferenceAnswers(referenceSolutions(root), root)).toEqual([]);
  }, 60_000);

  it("names ex-1.1 after its solution was edited without `npm run stubs`", () => {
    const dir = projectCopy(true);
    const file = join(dir, "solutions", "ch01.ts");
    const source = readFileSync(file, "utf8");
    const edited = source.replace(
      // The unit slip µg → mg: 250 mg / 100 mg = 2.5.
      'export const ex1_1_doseRatio: number = math.divide(unit(ex1_1.therapeuticMg, "mg"), unit("100 ug")) as number;',
      'export const ex1_1_doseRatio: number = math.divide(unit(ex1_1.therapeuticMg, "mg"), unit("100 mg")) as number;',
    );
    expect(edited).not.toBe(source);
    writeFileSync(file, edited);
    const stale = staleReferenceAnswers(referenceSolutions(dir), dir);
    expect(stale.map((s) => s.id)).toEqual(["ex-1.1"]);
    expect(stale[0].reason).toContain("2.5");
    expect(stale[0].reason).toContain("solutions/ch01.ts");
  }, 60_000);

  it("makes `npm run check` say so: the exercises, the reason and `npm run stubs`, exit 1", () => {
    const dir = projectCopy(true);
    const file = join(dir, "solutions", "ch01.ts");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        'export const ex1_1_doseRatio: number = math.divide(unit(ex1_1.therapeuticMg, "mg"), unit("100 ug")) as number;',
        'export const ex1_1_doseRatio: number = math.divide(unit(ex1_1.therapeuticMg, "mg"), unit("100 mg")) as number;',
      ),
    );
    const r = spawnSync(process.execPath, [join(root, "src", "cli", "check.cjs"), "--only", "ex-1.1"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, WORKBOOK_ROOT: dir },
      timeout: 120_000,
    });
    expect(r.stderr).toContain("stale for exercise: ex-1.1");
    expect(r.stderr).toContain("now gives 2.5");
    expect(r.stderr).toContain("Run `npm run stubs`");
    expect(r.status).toBe(1);
  }, 120_000);

  it("names a function exercise whose hashed case changed", () => {
    const dir = projectCopy(true);
    const file = join(dir, "solutions", "ch02.ts");
    const source = readFileSync(file, "utf8");
    // The protein cap: 30 nmol → 40 nmol changes the hashed cases b and c of ex-2.3.
    const edited = source.replace(/unit\("30 nmol"\)/g, 'unit("40 nmol")');
    expect(edited).not.toBe(source);
    writeFileSync(file, edited);
    expect(staleReferenceAnswers(referenceSolutions(dir), dir).map((s) => s.id)).toContain("ex-2.3");
  }, 60_000);

  it("rejects reference solutions whose folder is missing, naming the function and the argument", () => {
    const dir = projectCopy(false);
    expect(() => staleReferenceAnswers(referenceSolutions(dir), dir)).toThrow(InputError);
    expect(() => staleReferenceAnswers(referenceSolutions(dir), dir)).toThrow(
      /staleReferenceAnswers: reference\.dir must be an existing folder/,
    );
  });

  it("rejects a root that is not a folder, and a reference that is not { dir, modules }", () => {
    expect(() => staleReferenceAnswers(referenceSolutions(root), "/no/such/folder")).toThrow(
      /staleReferenceAnswers: root .*\/no\/such\/folder/,
    );
    expect(() => staleReferenceAnswers({ dir: root } as never, root)).toThrow(
      /staleReferenceAnswers: reference must be \{ dir/,
    );
  });
});

describe("staleAnswersMessage", () => {
  it("names the exercises, the reasons and `npm run stubs`", () => {
    const text = staleAnswersMessage([
      { id: "ex-1.1", reason: "solutions/ch01.ts now gives 2.5" },
      { id: "ex-2.3", reason: "case b changed" },
    ]);
    expect(text).toContain("ex-1.1, ex-2.3");
    expect(text).toContain("solutions/ch01.ts now gives 2.5");
    expect(text).toContain("npm run stubs");
  });
  it("rejects a malformed list", () => {
    expect(() => staleAnswersMessage([{ id: "ex-1.1" }] as never)).toThrow(
      /staleAnswersMessage: stale must be an array/,
    );
  });
});
