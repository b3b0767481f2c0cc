// A small class graded end to end with a course: roster, deadline, late policy, extension, override, release.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  gradeClass,
  loadGradebookInputs,
  readCourseConfig,
  type GradeClassReport,
  type GradebookRow,
} from "../../../src/course/grade";
import { creditPoints, roundPoints, sumPoints } from "../../../src/workbook/credit";
import { referenceSolutions } from "../../../src/cli/instructor/reference-solutions";
import { runInstructorCli } from "../../support/instructor-cli";
import {
  MAX,
  exercise,
  firstFunction,
  fullSolution,
  idsOfFile,
  injectIntoFunction,
  makeDir,
  mixed,
  pointsOf,
  projectCopy,
  solution,
  stubs,
  writeStudent,
} from "../fixtures";

const dir = makeDir();
const subs = join(dir, "submissions");
const out = join(dir, "out");
const buggy = firstFunction("ch03");
const benSolved = new Set(idsOfFile("ch01"));
let report: GradeClassReport;
const row = (s: string): GradebookRow => report.rows.find((r) => r.student === s)!;
const read = (...p: string[]) => readFileSync(join(out, ...p), "utf8");
/** `npm run grade -- release --out <out> --course course.json …extra` on the graded class. */
const release = (...extra: string[]) =>
  runInstructorCli("grade", ["release", "--out", out, "--course", join(dir, "course.json"), ...extra], {
    timeout: 120_000,
  });

beforeAll(async () => {
  process.env.GRADER_NO_SNAPSHOT = "1";
  // A private copy of the project with its answer hashes regenerated: the shared tree may be mid-edit.
  const root = projectCopy(dir);
  const hashes = runInstructorCli("stubs", [], { root, env: { WORKBOOK_ROOT: root }, timeout: 120_000 });
  if (hashes.status !== 0) throw new Error(`npm run stubs failed in the project copy: ${hashes.stderr}`);
  writeStudent(subs, "ada.l", fullSolution()); // found under her SIS login: filed under the roster id "ada"
  writeStudent(subs, "ben", { ...stubs(), "ch01.ts": mixed("ch01", benSolved) });
  writeStudent(subs, "cyd", {
    ...fullSolution(),
    // Wrong on about half of the inputs, deterministically: partial credit per case.
    "ch03.ts": injectIntoFunction(
      solution("ch03"),
      buggy.exportName,
      "if (JSON.stringify([...arguments]).length % 2 === 0) return -12345;",
    ),
  });
  writeFileSync(
    join(dir, "roster.csv"),
    "student,name,sis_login_id,section\nada,Ada Lovelace,ada.l,A\nben,Ben Okri,,A\ncyd,Cyd Charisse,,B\ndee,Dee Dee,,B\n",
  );
  writeFileSync(
    join(dir, "times.csv"),
    "student,submitted_at\nada.l,2026-12-01T20:00:00Z\nben,2026-12-03T00:14:01Z\ncyd,2026-12-03T12:00:00Z\n",
  );
  writeFileSync(join(dir, "extensions.csv"), "student,days\ncyd,3\n");
  writeFileSync(join(dir, "overrides.csv"), "student,exercise,points,reason\ncyd,ex-1.1,0,copied from a classmate\n");
  writeFileSync(
    join(dir, "course.json"),
    JSON.stringify({
      assignment: "Workbook A",
      roster: "roster.csv",
      deadline: "2026-12-01T23:59:00Z",
      latePolicy: "10%/day,cap=50%,grace=15m",
      extensions: "extensions.csv",
      submissionTimes: "times.csv",
      overrides: "overrides.csv",
    }),
  );
  report = await gradeClass({
    reference: referenceSolutions(root),
    submissions: subs,
    out,
    root,
    progress: false,
    assignment: "Workbook A",
    course: loadGradebookInputs(readCourseConfig(join(dir, "course.json"))),
  });
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the gradebook of a graded class", () => {
  it("has one row per roster student, the one without a submission at 0", () => {
    expect(report.rows.map((r) => [r.student, r.status])).toEqual([
      ["ada", "graded"],
      ["ben", "graded"],
      ["cyd", "graded"],
      ["dee", "no submission"],
    ]);
    expect(row("dee")).toMatchObject({ raw: 0, total: 0, max: MAX, name: "Dee Dee" });
  });
  it("gives the full solution submitted on time everything", () =>
    expect(row("ada")).toMatchObject({ raw: MAX, total: MAX, late: { daysLate: 0, points: 0 } }));
  it("charges 1 day and 1 second after deadline + grace as 2 days: 20 % of the maximum", () => {
    const raw = pointsOf(benSolved);
    expect(row("ben").raw).toBe(raw);
    expect(row("ben").late).toMatchObject({ daysLate: 2, fraction: 0.2 });
    expect(row("ben").total).toBe(sumPoints([raw, -Math.min(raw, roundPoints(0.2 * MAX))]));
  });
  it("gives a function right on some hidden cases proportional credit from its case counts", () => {
    const v = row("cyd").result!.verdicts.find((x) => x.id === buggy.id)!;
    const hidden = v.checks.find((c) => c.visibility === "hidden")!;
    expect(hidden.cases!.total).toBe(25);
    expect(hidden.cases!.passed).toBeGreaterThan(0);
    expect(hidden.cases!.passed).toBeLessThan(25);
    expect(hidden.message).toMatch(new RegExp(`^${25 - hidden.cases!.passed} of 25 hidden cases differ`));
    // Proportional over the cases that compare with an answer; property checks do not pay.
    const paying = v.checks.filter((c) => !c.sanity);
    const passed = paying.reduce((s, c) => s + c.cases!.passed, 0);
    const total = paying.reduce((s, c) => s + c.cases!.total, 0);
    expect(total).toBeGreaterThanOrEqual(25);
    expect(v.points).toBe(roundPoints((buggy.points * passed) / total));
    expect(v.points).toBe(creditPoints(buggy.points, v.checks));
    expect(v.points).toBeGreaterThan(0);
  });
  it("applies the override and the extension, audited, with totals that are exact sums", () => {
    const cyd = row("cyd");
    const ex11 = cyd.exercises.find((e) => e.id === "ex-1.1")!;
    expect(ex11).toMatchObject({ graded: exercise("ex-1.1").points, points: 0 });
    expect(cyd.raw).toBe(sumPoints(cyd.exercises.map((e) => e.points)));
    expect(cyd.total).toBe(cyd.raw); // 2 days late, 3 days of extension
    expect(cyd.audit).toEqual([
      `ex-1.1: ${exercise("ex-1.1").points} → 0 points by override (copied from a classmate; ${join(dir, "overrides.csv")} line 2)`,
      `extension to 2026-12-04T23:59:00.000Z (+3 days) (${join(dir, "extensions.csv")} line 2)`,
    ]);
    for (const r of report.rows) expect(r.total).toBe(sumPoints([r.raw, -(r.late?.points ?? 0)]));
  });
  it("writes grades.csv and the Canvas CSV with every roster student (no submission: an explicit 0)", () => {
    const grades = read("grades.csv").trim().split("\r\n");
    expect(grades.map((l) => l.split(",")[0])).toEqual(["student", "ada", "ben", "cyd", "dee"]);
    expect(grades[4].endsWith(`,0,${MAX},no submission,Dee Dee`)).toBe(true);
    const canvas = read("gradebook-canvas.csv").trim().split("\r\n");
    expect(canvas[1]).toBe(`Points Possible,,,,,${MAX}`);
    expect(canvas[2]).toBe(`Ada Lovelace,,ada,ada.l,A,${MAX}`);
    expect(canvas[5]).toBe("Dee Dee,,dee,,B,0");
    expect(read("summary.html")).toContain("1 roster student without a submission (0 points)");
  });
});

describe("release of the hidden checks", () => {
  it("holds back hidden checks and scores in the feedback until released", () => {
    const html = read("feedback", "cyd.html");
    expect(html).toContain("Hidden checks are graded and will be released");
    expect(html).not.toContain("(hidden)");
    expect(html).not.toContain(`${row("cyd").total} of ${MAX} points`);
    expect(read("feedback", "dee.html")).toContain(`No submission was received: 0 of ${MAX} points.`);
  });
  it("`grade release --out DIR --course course.json` re-renders from the cache with them, grades.csv unchanged", () => {
    const grades = read("grades.csv");
    const run = release();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Released the hidden checks of 4 students");
    const html = read("feedback", "cyd.html");
    expect(html).toContain("(hidden)");
    expect(html).toContain(`${row("cyd").total} of ${MAX} points.`);
    expect(html).toContain("copied from a classmate");
    expect(read("grades.csv")).toBe(grades);
  }, 120_000);
  it("an override naming an unknown exercise stops `grade release` with the file line", () => {
    writeFileSync(join(dir, "bad.csv"), "student,exercise,points,reason\ncyd,ex-9.9,1,typo\n");
    const run = release("--overrides", join(dir, "bad.csv"));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/names exercise "ex-9\.9" \(.*bad\.csv line 2\)/);
  }, 120_000);
});
