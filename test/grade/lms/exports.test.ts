// Moodle grading worksheet, PrairieLearn results.json and Gradescope results.json from gradebook rows, cell by cell.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { GradebookRow } from "../../../src/course/grade/gradebook/types";
import { gradescopeResults } from "../../../src/course/grade/outputs/gradescope";
import { writeMoodleWorksheet, writePrairieLearnResults } from "../../../src/course/grade/outputs/lms-writers";
import { moodleDate, moodleWorksheetCsv } from "../../../src/course/grade/outputs/moodle-worksheet";
import { prairieLearnResults } from "../../../src/course/grade/outputs/prairielearn";
import type { SubmissionResult } from "../../../src/course/grade/types";
import type { Verdict } from "../../../src/workbook/types";

const dir = mkdtempSync(join(tmpdir(), "lms-exports-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const verdict = (id: string, points: number, max: number, hidden: boolean[], passed: boolean[]): Verdict => ({
  id,
  title: `Title ${id}`,
  file: "ch01",
  exportName: `ex_${id.replace(/\W/g, "_")}`,
  status: passed.every(Boolean) ? "pass" : "fail",
  points,
  maxPoints: max,
  checks: hidden.map((h, i) => ({
    name: `check ${i + 1}`,
    visibility: h ? "hidden" : "public",
    passed: passed[i],
    ...(h ? {} : { expected: `${i + 10}`, received: passed[i] ? `${i + 10}` : "0" }),
  })),
  hints: ["Think about the units."],
});

const result = (student: string, verdicts: Verdict[]): SubmissionResult => ({
  student,
  name: student,
  status: "graded",
  contentHash: "h",
  fingerprint: "f",
  verdicts,
  total: verdicts.reduce((s, v) => s + v.points, 0),
  max: verdicts.reduce((s, v) => s + v.maxPoints, 0),
  notices: ["ignored: notes.txt"],
  log: {
    source: "x",
    output: "SECRET-HIDDEN-INPUT 42",
    outputTruncated: false,
    outputBytes: 22,
    processes: 1,
    durationMs: 1234,
  },
});

// ada: ex-1.1 public only (2/2), ex-1.2 public + hidden with the hidden failing (0/3), overridden to 1.5; 1 day late −0.5.
const ada: GradebookRow = {
  student: "alovelace",
  name: "Ada Lovelace",
  roster: { id: "alovelace", name: "Ada Lovelace", lmsId: "12345", email: "ada@uni.edu" },
  status: "graded",
  exercises: [
    { id: "ex-1.1", graded: 2, points: 2, max: 2 },
    { id: "ex-1.2", graded: 0, points: 1.5, max: 3, override: { points: 1.5, reason: "regrade request" } },
  ],
  raw: 3.5,
  late: {
    deadline: "2026-12-01T23:59:00Z",
    submittedAt: "2026-12-02T21:05:00Z",
    daysLate: 1,
    fraction: 0.1,
    points: 0.5,
  },
  total: 3,
  max: 5,
  audit: ["ex-1.2 set to 1.5"],
  result: result("alovelace", [
    verdict("ex-1.1", 2, 2, [false], [true]),
    verdict("ex-1.2", 0, 3, [false, true], [true, false]),
  ]),
};
const bob: GradebookRow = {
  student: "bob",
  name: 'Bob, Jr. "B"',
  roster: { id: "bob", name: 'Bob, Jr. "B"' },
  status: "no submission",
  exercises: [
    { id: "ex-1.1", graded: 0, points: 0, max: 2 },
    { id: "ex-1.2", graded: 0, points: 0, max: 3 },
  ],
  raw: 0,
  total: 0,
  max: 5,
  audit: [],
};
const eve: GradebookRow = {
  ...bob,
  student: "eve",
  name: "=cmd()",
  roster: { id: "eve", name: "=cmd()", lmsId: "777" },
  status: "refused: symlink",
};

describe("Moodle grading worksheet", () => {
  it("has Moodle's columns and one row per student, cell by cell", () => {
    const csv = moodleWorksheetCsv(
      [eve, bob, ada],
      [{ student: "alovelace", submittedAt: "2026-12-02T21:05:00Z", source: "t" }],
    );
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "Identifier,Full name,Email address,Status,Grade,Maximum Grade,Grade can be changed,Last modified (submission),Last modified (grade),Feedback comments",
    );
    expect(lines[1]).toBe(
      'Participant 12345,Ada Lovelace,ada@uni.edu,Submitted for grading - Graded,3.00,5.00,Yes,"Wednesday, 2 December 2026, 9:05 PM",-,3 of 5 points (graded). ex-1.1: 2/2; ex-1.2: 1.5/3. Late by 1 day(s): −0.5 points. ex-1.2 set to 1.5: regrade request.',
    );
    // No LMS id: the Identifier stays empty (Moodle reports it on upload); a name with a comma and quotes is quoted.
    expect(lines[2]).toBe(
      ',"Bob, Jr. ""B""",,No submission,0.00,5.00,Yes,-,-,0 of 5 points (no submission). ex-1.1: 0/2; ex-1.2: 0/3.',
    );
    // Not graded: the grade is left empty, so Moodle keeps what it has; a formula-like name is defused.
    expect(lines[3]).toBe(
      "Participant 777,'=cmd(),,Submitted for grading,,5.00,Yes,-,-,0 of 5 points (refused: symlink). ex-1.1: 0/2; ex-1.2: 0/3.",
    );
    expect(lines[4]).toBe("");
    expect(lines).toHaveLength(5);
  });
  it("writes Moodle's long date form in UTC", () => {
    expect(moodleDate("2020-09-23T21:00:00Z")).toBe("Wednesday, 23 September 2020, 9:00 PM");
    expect(moodleDate("2020-09-23T00:07:00Z")).toBe("Wednesday, 23 September 2020, 12:07 AM");
    expect(moodleDate("not a date")).toBe("-");
  });
});

describe("PrairieLearn results.json", () => {
  it("scores the final total over the maximum, one test per exercise with the points after overrides", () => {
    const pl = prairieLearnResults(ada);
    expect(pl.gradable).toBe(true);
    expect(pl.score).toBe(3 / 5);
    expect(pl.message.split("\n")).toEqual([
      "3 of 5 points.",
      "Late by 1 day(s): −0.5 points.",
      "ex-1.2 set to 1.5 points: regrade request.",
      "ignored: notes.txt",
    ]);
    expect(pl.tests.map((t) => [t.name, t.points, t.max_points, t.message])).toEqual([
      ["ex-1.1 Title ex-1.1", 2, 2, ""],
      ["ex-1.2 Title ex-1.2", 1.5, 3, "Set to 1.5 points by the instructor: regrade request"],
    ]);
    expect(pl.tests[1].output).toContain("check 2 (hidden)");
    expect(pl.tests[1].description).toBe("exercises/ch01.ts, ex_ex_1_2");
    expect(JSON.stringify(pl)).not.toContain("SECRET-HIDDEN-INPUT");
  });
  it("marks a row without a graded submission not gradable, with no score", () => {
    const pl = prairieLearnResults(bob);
    expect(pl.gradable).toBe(false);
    expect(pl.score).toBeUndefined();
    expect(pl.format_errors).toEqual(["no submission"]);
  });
});

describe("Gradescope results.json", () => {
  it("shows public checks at once and hidden checks with their points after publication", () => {
    const gs = gradescopeResults(ada, false);
    expect(gs.visibility).toBe("after_published");
    expect(gs.score).toBe(3);
    expect(gs.max_score).toBe(5);
    expect(gs.execution_time).toBe(1.234);
    expect(gs.tests.map((t) => [t.number, t.score, t.max_score, t.status, t.visibility])).toEqual([
      ["ex-1.1", 2, 2, "passed", "visible"],
      ["ex-1.2.public", 0, 0, "passed", "visible"],
      ["ex-1.2", 1.5, 3, "failed", "after_published"],
    ]);
    const pub = gs.tests[1].output;
    expect(pub).toContain("check 1");
    expect(pub).not.toContain("check 2");
    expect(pub).not.toMatch(/points —|Hint/);
    expect(gs.tests[2].output).toContain("✘ check 2 (hidden)");
    expect(gs.tests[2].output).toContain("Set to 1.5 points by the instructor: regrade request");
    expect(gs.output).not.toContain("Late");
    expect(JSON.stringify(gs)).not.toContain("SECRET-HIDDEN-INPUT");
  });
  it("after release, the whole result is visible and explains the late penalty", () => {
    const gs = gradescopeResults(ada, true);
    expect(gs.visibility).toBe("visible");
    expect(gs.output).toBe("ignored: notes.txt\nLate by 1 day(s): −0.5 points.");
  });
});

describe("writers", () => {
  it("write gradebook-moodle.csv, and prairielearn/<student>.json only once released", () => {
    writeMoodleWorksheet(dir, [ada, bob]);
    expect(readFileSync(join(dir, "gradebook-moodle.csv"), "utf8")).toBe(moodleWorksheetCsv([ada, bob]));
    writePrairieLearnResults(dir, [ada, bob], false);
    expect(readdirSync(dir)).toEqual(["gradebook-moodle.csv"]);
    writePrairieLearnResults(dir, [ada, bob], true);
    expect(readdirSync(join(dir, "prairielearn")).sort()).toEqual(["alovelace.json", "bob.json"]);
    expect(JSON.parse(readFileSync(join(dir, "prairielearn", "alovelace.json"), "utf8"))).toEqual(
      prairieLearnResults(ada),
    );
  });
});
