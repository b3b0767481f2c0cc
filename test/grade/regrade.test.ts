// Regrading one student or one exercise, and the setup cache (built runtime, proven answers) that makes re-runs fast.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceSolutions } from "../../src/cli/instructor/reference-solutions";
import { CACHE_DIR, gradeClass, type GradeClassOptions, type SubmissionResult } from "../../src/course/grade";
import { checkRegrade, splitList } from "../../src/course/grade/regrade";
import { cachedKnownAnswers, cachedRuntime, SETUP_DIR, setupKey } from "../../src/course/grade/setup-cache";
import type { Runtime } from "../../src/course/grade/sandbox/runtime";
import { EXERCISES } from "../../src/workbook";
import { forgetKnownAnswers, hashAnswer, knownAnswers, registerKnownAnswer } from "../../src/workbook/answer-hash";
import { FILES, idsOfFile, makeDir, projectCopy, solution, stubs, writeStudent } from "./fixtures";

const dir = makeDir();
const subs = join(dir, "submissions");
const out = join(dir, "out");
const settings = { exerciseMs: 6000, loadMs: 20_000 };
const students = ["ada", "ben", "cy"];
/** Every file of ben's submission says when it is loaded, so the log shows which files a regrade ran. */
const LOADED = (file: string): string => `console.log("LOADED ${file}");\n`;
// A private copy of the project: the fingerprint must not change under these runs because someone edits the shared tree.
let root: string;

beforeAll(() => {
  root = projectCopy(dir);
  students.forEach((s, i) => {
    const tree = { ...stubs(), [`${FILES[i]}.ts`]: solution(FILES[i]) };
    if (s === "ben") for (const f of FILES) tree[`${f}.ts`] = `${LOADED(f)}${tree[`${f}.ts`] as string}`;
    writeStudent(subs, s, tree);
  });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const grade = (more: Partial<GradeClassOptions> = {}): ReturnType<typeof gradeClass> =>
  gradeClass({ reference: referenceSolutions(root), submissions: subs, out, root, progress: false, settings, ...more });
const cacheFile = (student: string): string => join(out, CACHE_DIR, `${student}.json`);
const cached = (student: string): SubmissionResult =>
  JSON.parse(readFileSync(cacheFile(student), "utf8")) as SubmissionResult;

describe("gradeClass({ regrade })", () => {
  it("regrades only the named student: every other cached result stays byte-identical, all outputs complete", async () => {
    const first = await grade();
    expect([first.graded, first.cached, first.regraded]).toEqual([3, 0, 0]);
    const before = new Map(students.map((s) => [s, readFileSync(cacheFile(s), "utf8")]));
    const setups = readdirSync(join(out, CACHE_DIR, SETUP_DIR));
    expect(setups).toHaveLength(1); // the runtime and the proven answers, kept for the next run

    const again = await grade({ regrade: { students: ["ben"] } });
    expect([again.graded, again.cached, again.regraded]).toEqual([1, 2, 1]);
    for (const s of ["ada", "cy"]) expect(readFileSync(cacheFile(s), "utf8"), s).toBe(before.get(s));
    const ben = cached("ben");
    expect(readFileSync(cacheFile("ben"), "utf8")).not.toBe(before.get("ben"));
    expect(ben.regrades).toHaveLength(1);
    expect(ben.regrades![0]).toMatchObject({ scope: "student", previousTotal: ben.total });
    expect(Date.parse(ben.regrades![0].at)).toBeGreaterThan(Date.parse("2020-01-01"));
    expect(ben.notices.at(-1)).toMatch(/^Regraded .*: the whole submission graded again/);
    expect(ben.verdicts).toEqual(JSON.parse(before.get("ben")!).verdicts);
    // Every student is still in every output.
    expect(again.results.map((r) => r.student).sort()).toEqual(students);
    expect(
      readFileSync(join(out, "grades.csv"), "utf8")
        .split("\n")
        .filter((l) => /^(ada|ben|cy),/.test(l)),
    ).toHaveLength(3);
    expect(readdirSync(join(out, "logs")).sort()).toEqual(students.map((s) => `${s}.txt`));
    expect(readdirSync(join(out, CACHE_DIR, SETUP_DIR))).toEqual(setups); // same grader: the setup was reused
  }, 240_000);

  it("regrades one exercise for the class: only its file runs, its verdict is judged again, the other verdicts are kept", async () => {
    const file = FILES[1]; // ben solved it
    const target = idsOfFile(file)[0];
    const kept = idsOfFile(FILES[0])[0];
    // What an earlier grader left (the instructor has since fixed the check of `target`): a
    // wrong verdict for it, a marked verdict for another exercise, an older fingerprint.
    const doctored = new Map<string, SubmissionResult>();
    for (const s of students) {
      const r = cached(s);
      const verdicts = r.verdicts.map((v) =>
        v.id === target ? { ...v, points: 0 } : v.id === kept ? { ...v, title: "kept as it was" } : v,
      );
      const changed = {
        ...r,
        verdicts,
        total: verdicts.reduce((t, v) => t + v.points, 0),
        fingerprint: "0".repeat(64),
      };
      doctored.set(s, changed);
      writeFileSync(cacheFile(s), JSON.stringify(changed));
    }
    const processesBefore = cached("ben").log.processes;

    const report = await grade({ regrade: { exercises: [target] } });
    expect([report.graded, report.cached, report.regraded]).toEqual([3, 0, 3]);
    for (const s of students) {
      const r = cached(s);
      const old = doctored.get(s)!;
      expect(r.fingerprint).toBe(report.fingerprint);
      expect(r.verdicts.find((v) => v.id === kept)!.title, s).toBe("kept as it was");
      for (const v of r.verdicts.filter((x) => x.id !== target))
        expect(v).toEqual(old.verdicts.find((o) => o.id === v.id));
      expect(r.regrades!.at(-1)).toMatchObject({ scope: "exercise", exercises: [target], previousTotal: old.total });
      expect(r.notices.at(-1)).toMatch(new RegExp(`^Regraded .*: exercise ${target.replace(".", "\\.")} graded again`));
    }
    const ben = cached("ben");
    const fresh = ben.verdicts.find((v) => v.id === target)!;
    expect(fresh.points).toBe(fresh.maxPoints); // judged again: ben's solution earns it
    expect(ben.total).toBe(doctored.get("ben")!.total + fresh.points);
    // One sandbox process, which loaded only the target's file.
    expect(ben.log.processes).toBe(processesBefore + 1);
    const regradeOutput = ben.log.output.split(/--- regrade .*---/)[1];
    expect(regradeOutput).toContain(`LOADED ${file}`);
    for (const f of FILES.filter((x) => x !== file)) expect(regradeOutput).not.toContain(`LOADED ${f}`);
  }, 240_000);

  it("rejects an unknown exercise or a student who did not submit, before grading anything", async () => {
    expect(() => checkRegrade({ exercises: ["ex-99.9"] }, EXERCISES)).toThrow(/--exercise.*must be an exercise id/);
    expect(() => checkRegrade({ students: [] }, EXERCISES)).toThrow(/--student.*at least one/);
    expect(() => checkRegrade({ students: ["ada"], exercises: [EXERCISES[0].id] }, EXERCISES)).not.toThrow();
    const before = readFileSync(cacheFile("ada"), "utf8");
    await expect(grade({ regrade: { students: ["nobody-here"] } })).rejects.toThrow(/--student.*nobody-here/);
    expect(readFileSync(cacheFile("ada"), "utf8")).toBe(before);
    expect(splitList(["a,b", "c"])).toEqual(["a", "b", "c"]);
  }, 120_000);
});

describe("setup cache (setup-cache.ts)", () => {
  const fakeBuild = (target: string, calls: string[]) => async (): Promise<Runtime> => {
    calls.push(target);
    mkdirSync(join(target, "lib"), { recursive: true });
    for (const f of ["child.js", "lib/library.js", "sandbox.blob"])
      writeFileSync(join(target, f), `built for ${target}`);
    return {
      dir: target,
      childScript: join(target, "child.js"),
      libraryBundle: join(target, "lib", "library.js"),
      snapshotBlob: join(target, "sandbox.blob"),
    };
  };

  it("keeps the built runtime under the grader fingerprint and rebuilds (dropping the old entry) when it changes", async () => {
    const folder = join(dir, "setup-out");
    const calls: string[] = [];
    const [a, b] = [setupKey("f".repeat(64), true), setupKey("e".repeat(64), true)];
    expect(setupKey("f".repeat(64), false)).not.toBe(a);
    const first = await cachedRuntime(folder, a, join(dir, "rt1"), fakeBuild(join(dir, "rt1"), calls));
    expect([first.reused, calls.length]).toEqual([false, 1]);
    const second = await cachedRuntime(folder, a, join(dir, "rt2"), fakeBuild(join(dir, "rt2"), calls));
    expect([second.reused, calls.length]).toEqual([true, 1]);
    expect(second.runtime.snapshotBlob).toBe(join(dir, "rt2", "sandbox.blob"));
    expect(readFileSync(join(dir, "rt2", "sandbox.blob"), "utf8")).toBe(`built for ${join(dir, "rt1")}`);
    const stale = await cachedRuntime(folder, b, join(dir, "rt3"), fakeBuild(join(dir, "rt3"), calls));
    expect([stale.reused, calls.length]).toEqual([false, 2]);
    expect(readdirSync(join(folder, CACHE_DIR, SETUP_DIR))).toEqual([b]);
  });

  it("restores the proven reference answers without hashing, and proves them again when the fingerprint or a hash changed", async () => {
    const folder = join(dir, "known-out");
    const key = "ex-test.1";
    const stored = hashAnswer(key, 0.125, 3);
    const hashes = { [key]: stored };
    let proofs = 0;
    const register = async (): Promise<{ registered: number; refused: string[] }> => {
      proofs++;
      return { registered: (await registerKnownAnswer(key, stored, 0.125, 3)) ? 1 : 0, refused: [] };
    };
    forgetKnownAnswers();
    const k1 = setupKey("a".repeat(64), true);
    expect(await cachedKnownAnswers(folder, k1, hashes, register)).toMatchObject({ registered: 1, reused: false });
    forgetKnownAnswers();
    expect(await cachedKnownAnswers(folder, k1, hashes, register)).toMatchObject({ registered: 1, reused: true });
    expect(proofs).toBe(1);
    expect(knownAnswers().find((a) => a.key === key)).toMatchObject({ stored, sigFigs: 3 });
    forgetKnownAnswers();
    // A stored hash that is not the one proven: nothing restored blindly, proven again.
    await cachedKnownAnswers(folder, k1, { [key]: hashAnswer(key, 0.5, 3) }, async () => {
      proofs++;
      return { registered: 0, refused: [key] };
    });
    expect(proofs).toBe(2);
    expect(knownAnswers().find((a) => a.key === key)).toBeUndefined();
    await cachedKnownAnswers(folder, setupKey("b".repeat(64), true), hashes, register);
    expect(proofs).toBe(3);
    expect(existsSync(join(folder, CACHE_DIR, SETUP_DIR, k1))).toBe(false);
    forgetKnownAnswers();
  });
});
