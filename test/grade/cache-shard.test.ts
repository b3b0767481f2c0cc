// Incremental re-runs, shards and their merge, and the pure helpers.
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  csvCell,
  gradeClass,
  graderFingerprint,
  isSafeRelativePath,
  mergeShards,
  parseShard,
  shardOf,
} from "../../src/course/grade";
import { referenceSolutions } from "../../src/cli/instructor/reference-solutions";
import { FILES, idsOfFile, makeDir, mixed, pointsOf, projectCopy, solution, stubs, writeStudent } from "./fixtures";

const dir = makeDir();
const subs = join(dir, "submissions");
const settings = { exerciseMs: 6000, loadMs: 20_000 };
const students = ["ada", "ben", "cy", "dee"];
// Graded against a private copy of the project: the grader fingerprint hashes src/, solutions/,
// data/ and the lock file, and the shared working tree may be edited while these runs go on.
let root: string;

beforeAll(() => {
  root = projectCopy(dir);
  students.forEach((s, i) =>
    writeStudent(subs, s, { ...stubs(), [`${FILES[i % FILES.length]}.ts`]: solution(FILES[i % FILES.length]) }),
  );
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("gradeClass(options) re-runs", () => {
  it("reuses every unchanged submission and regrades only the changed one", async () => {
    const out = join(dir, "out");
    const first = await gradeClass({
      reference: referenceSolutions(root),
      submissions: subs,
      out,
      root,
      progress: false,
      settings,
    });
    expect([first.graded, first.cached]).toEqual([4, 0]);
    const csv = readFileSync(join(out, "grades.csv"), "utf8");
    // What another process leaves in src/ meanwhile (an atomic write's temporary file, an editor's
    // swap file and lock) is not part of the grader: the fingerprint, and so the cache, ignore it.
    writeFileSync(join(root, "src", "pk", `.oral.ts.${process.pid}.1a2b3c4d.tmp`), "half a file");
    writeFileSync(join(root, "src", "pk", ".oral.ts.swp"), "vim");
    symlinkSync("someone@host.4242", join(root, "src", "pk", ".#oral.ts"));
    const again = await gradeClass({
      reference: referenceSolutions(root),
      submissions: subs,
      out,
      root,
      progress: false,
      settings,
    });
    expect([again.graded, again.cached]).toEqual([0, 4]);
    expect(readFileSync(join(out, "grades.csv"), "utf8")).toBe(csv);
    expect(again.results.map((r) => r.total).sort()).toEqual(first.results.map((r) => r.total).sort());
    const late = new Set(idsOfFile("ch02").slice(0, 1));
    writeFileSync(join(subs, "ben", "exercises", "ch02.ts"), mixed("ch02", late));
    const third = await gradeClass({
      reference: referenceSolutions(root),
      submissions: subs,
      out,
      root,
      progress: false,
      settings,
    });
    expect([third.graded, third.cached]).toEqual([1, 3]);
    expect(third.results.find((r) => r.student === "ben")!.total).toBe(pointsOf(late));
  }, 120_000);

  it("--shard i/n splits the class and merge gives the same grades.csv as one run", async () => {
    const whole = join(dir, "whole");
    await gradeClass({
      reference: referenceSolutions(root),
      submissions: subs,
      out: whole,
      root,
      progress: false,
      settings,
    });
    const shardDirs = [1, 2].map((i) => join(dir, `shard-${i}`));
    const parts = await Promise.all(
      shardDirs.map((out, i) =>
        gradeClass({
          reference: referenceSolutions(root),
          submissions: subs,
          out,
          root,
          shard: { index: i + 1, count: 2 },
          progress: false,
          settings,
          concurrency: 1,
        }),
      ),
    );
    expect(parts[0].results.length + parts[1].results.length).toBe(students.length);
    const merged = join(dir, "merged");
    await mergeShards(merged, shardDirs);
    expect(readFileSync(join(merged, "grades.csv"), "utf8")).toBe(readFileSync(join(whole, "grades.csv"), "utf8"));
  }, 120_000);
});

describe("grader helpers", () => {
  it("graderFingerprint(root, settings, solutionsDir) changes with a source, a solution, data or the lock file, and ignores stray files", () => {
    const project = join(dir, "tiny-project");
    for (const [rel, text] of [
      ["src/a.ts", "export const a = 1;\n"],
      ["solutions/ch01.ts", "export const x = 1;\n"],
      ["data/d.csv", "t,c\n"],
      ["package-lock.json", "{}"],
    ]) {
      mkdirSync(join(project, rel, ".."), { recursive: true });
      writeFileSync(join(project, rel), text);
    }
    const before = graderFingerprint(project, settings, join(project, "solutions"));
    writeFileSync(join(project, "src", `.a.ts.${process.pid}.0badf00d.tmp`), "export const a = 2;"); // an atomic write in flight
    writeFileSync(join(project, "src", ".a.ts.swp"), "");
    writeFileSync(join(project, "src", "a.ts~"), "");
    writeFileSync(join(project, "solutions", ".DS_Store"), "");
    symlinkSync("someone@host.4242", join(project, "src", ".#a.ts")); // an editor's lock: a dangling link (statSync threw ENOENT)
    symlinkSync(join(project, "gone.ts"), join(project, "src", "vanished.ts")); // an entry gone between listing and reading
    expect(graderFingerprint(project, settings, join(project, "solutions"))).toBe(before);
    for (const rel of ["src/a.ts", "solutions/ch01.ts", "data/d.csv", "package-lock.json"]) {
      const old = readFileSync(join(project, rel), "utf8");
      writeFileSync(join(project, rel), `${old} `);
      expect(graderFingerprint(project, settings, join(project, "solutions")), rel).not.toBe(before);
      writeFileSync(join(project, rel), old);
    }
    expect(graderFingerprint(project, { ...settings, exerciseMs: 1 }, join(project, "solutions"))).not.toBe(before);
    expect(graderFingerprint(project, settings, join(project, "solutions"))).toBe(before);
  });
  it('parseShard("2/8") reads a 1-based shard and rejects nonsense', () => {
    expect(parseShard("2/8")).toEqual({ index: 2, count: 8 });
    expect(() => parseShard("0/8")).toThrow(/must be "i\/n" with 1 ≤ i ≤ n/);
    expect(() => parseShard("9/8")).toThrow(/received 9\/8/);
  });
  it("shardOf(student, n) is stable and within 1..n", () => {
    for (const s of students) {
      expect(shardOf(s, 5)).toBe(shardOf(s, 5));
      expect(shardOf(s, 5)).toBeGreaterThanOrEqual(1);
      expect(shardOf(s, 5)).toBeLessThanOrEqual(5);
    }
  });
  it("isSafeRelativePath(path) refuses .., absolute and backslash paths", () => {
    expect(isSafeRelativePath("exercises/ch01.ts")).toBe(true);
    for (const bad of ["../x", "exercises/../../x", "/etc/passwd", "C:/x", "a\\b", "a//b", "./a"])
      expect(isSafeRelativePath(bad)).toBe(false);
  });
  it("csvCell(value) quotes separators and defuses spreadsheet formulas", () => {
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(3)).toBe("3");
  });
});
