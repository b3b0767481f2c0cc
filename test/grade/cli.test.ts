// `npm run grade` end to end: the last line counts every submission; stale answer hashes stop it before it grades.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceSolutions } from "../../src/cli/instructor/reference-solutions";
import { gradeClass, StaleAnswersError } from "../../src/course/grade";
import { runInstructorCli } from "../support/instructor-cli";
import { ROOT, makeDir, stubs, writeStudent } from "./fixtures";

const dir = makeDir();
const subs = join(dir, "submissions");
const JOSE = "José Müller 🧪 (late)";

/** `npm run grade -- …` as a child process (tsx, like the npm script), with extra environment. */
const grade = (args: string[], env: Record<string, string> = {}) =>
  runInstructorCli("grade", args, { env: { GRADER_NO_SNAPSHOT: "1", ...env } });

beforeAll(() => {
  writeStudent(subs, "ada", stubs());
  writeStudent(subs, JOSE, stubs());
  symlinkSync(join(subs, "ada"), join(subs, "bob"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run grade -- --submissions DIR --out DIR", () => {
  it("lists every submission found and ends with a line that counts them", () => {
    const out = join(dir, "out");
    const run = grade(["--submissions", subs, "--out", out, "--quiet"]);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[lines.length - 1]).toBe("3 submissions: 2 graded, 1 refused.");
    expect(run.stderr).toContain("bob: a symbolic link; refused (never followed)");
    expect(run.stderr).toMatch(
      /José Müller 🧪 \(late\): not a safe student id; graded as Jose-Muller-late-[0-9a-f]{6}/,
    );
    const rows = readFileSync(join(out, "grades.csv"), "utf8").trim().split("\r\n").slice(1);
    expect(rows.map((r) => [r.split(",")[0].replace(/-[0-9a-f]{6}$/, "-…"), ...r.split(",").slice(-2)])).toEqual([
      ["ada", "graded", "ada"],
      ["bob", "refused: symlink", "bob"],
      ["Jose-Muller-late-…", "graded", JOSE],
    ]);
  }, 300_000);
});

describe("the grader refuses to judge against stale answer hashes", () => {
  // A copy of what the check reads, with one solution edited as an instructor would, without `npm run stubs`.
  const root = join(dir, "project");
  beforeAll(() => {
    for (const part of ["src", "solutions", "exercises", "package.json"])
      cpSync(join(ROOT, part), join(root, part), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
    const ch01 = join(root, "solutions", "ch01.ts");
    const edited = readFileSync(ch01, "utf8").replace(
      /export const ex1_1_doseRatio: number = [^;]+;/,
      "export const ex1_1_doseRatio: number = 250 / 100;",
    );
    expect(edited).toContain("= 250 / 100;");
    writeFileSync(ch01, edited);
    mkdirSync(join(dir, "empty"));
  });

  it("gradeClass({ root }) rejects with StaleAnswersError naming the exercise and `npm run stubs`, and writes nothing", async () => {
    const out = join(dir, "stale-out");
    const failure = await gradeClass({
      reference: referenceSolutions(root),
      submissions: subs,
      out,
      root,
      progress: false,
    }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(StaleAnswersError);
    expect((failure as StaleAnswersError).stale.map((s) => s.id)).toEqual(["ex-1.1"]);
    expect((failure as Error).message).toMatch(/ex-1\.1/);
    expect((failure as Error).message).toMatch(/npm run stubs/);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it("npm run grade exits 2 with that message", () => {
    const out = join(dir, "stale-cli-out");
    const run = grade(["--submissions", subs, "--out", out, "--quiet"], { WORKBOOK_ROOT: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/refusing to grade.*stale for exercise: ex-1\.1/s);
    expect(run.stderr).toContain("Run `npm run stubs`");
    expect(existsSync(out)).toBe(false);
  }, 300_000);
});
