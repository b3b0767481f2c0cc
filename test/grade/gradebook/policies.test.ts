// The gradebook stage on hand-made results: late policy, extensions, LATE flags, overrides, roster, input errors.
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import {
  buildGradebook,
  canvasCsv,
  daysLate,
  gradesCsv,
  latePenalty,
  parseExtensions,
  parseLatePolicy,
  parseOverrides,
  parseRoster,
  parseSubmissionTimes,
  type GradebookInputs,
  type SubmissionResult,
} from "../../../src/course/grade";
import type { Exercise, Verdict } from "../../../src/workbook";

const ex = (id: string, points: number): Exercise =>
  ({ id, points, title: id, kind: "value", file: "ch01", exportName: id.replace(/\W/g, "_") }) as unknown as Exercise;
const EXS = [ex("ex-1.1", 4), ex("ex-1.2", 6)];

function verdict(id: string, points: number, max: number): Verdict {
  return {
    id,
    title: id,
    file: "ch01",
    exportName: id,
    status: points === max ? "pass" : "fail",
    points,
    maxPoints: max,
    checks: [],
    hints: [],
  };
}
function result(student: string, p1: number, p2: number, name = student): SubmissionResult {
  return {
    student,
    name,
    status: "graded",
    contentHash: "h",
    fingerprint: "f",
    verdicts: [verdict("ex-1.1", p1, 4), verdict("ex-1.2", p2, 6)],
    total: p1 + p2,
    max: 10,
    notices: [],
    log: { source: "", output: "", outputTruncated: false, outputBytes: 0, processes: 0, durationMs: 0 },
  };
}

const DEADLINE = "2026-12-01T23:59:00Z";
const at = (ms: number) => new Date(Date.parse(DEADLINE) + ms).toISOString();
const MIN = 60_000;
const DAY = 86_400_000;
const policy = parseLatePolicy("10%/day,cap=50%,grace=15m");
const timing = (student: string, ms: number) => ({ student, submittedAt: at(ms), source: `test ${student}` });
const row = (rows: ReturnType<typeof buildGradebook>, s: string) => rows.find((r) => r.student === s)!;
const errorOf = (f: () => unknown): Error => {
  try {
    f();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected an error");
};

describe("parseLatePolicy", () => {
  it("reads per day, cap and grace in any order", () => {
    expect(policy).toEqual({ perDay: 0.1, cap: 0.5, graceMinutes: 15 });
    expect(parseLatePolicy("grace=2h, 5%/day")).toEqual({ perDay: 0.05, cap: 1, graceMinutes: 120 });
  });
  it.each(["", "10%", "10%/day,cap=150%", "10%/day,grace=15s", "10%/day,bonus=1"])("refuses %j", (text) =>
    expect(() => parseLatePolicy(text)).toThrow(InputError),
  );
});

describe("daysLate counts started 24-hour periods after deadline + grace", () => {
  const d = Date.parse(DEADLINE);
  it.each([
    ["on time", -MIN, 0],
    ["exactly at the deadline", 0, 0],
    ["inside the grace period", 14 * MIN, 0],
    ["1 s after the grace period", 15 * MIN + 1000, 1],
    ["1 day 1 second late (no grace)", DAY + 1000, 2],
  ])("%s", (_label, ms, days) => expect(daysLate(d, d + ms, _label.includes("no grace") ? 0 : 15)).toBe(days));
  it("caps the penalty", () => {
    expect(latePenalty(policy, 3, 10)).toEqual({ fraction: 0.3, points: 3 });
    expect(latePenalty(policy, 9, 10)).toEqual({ fraction: 0.5, points: 5 });
  });
});

describe("buildGradebook: late policy", () => {
  const inputs = (extra: Partial<GradebookInputs> = {}): GradebookInputs => ({
    deadline: DEADLINE,
    latePolicy: policy,
    ...extra,
  });
  const results = [
    result("ontime", 4, 6),
    result("grace", 4, 6),
    result("late2", 4, 5),
    result("verylate", 1, 0),
    result("ext", 4, 6),
    result("flag", 4, 6),
  ];
  const timings = [
    timing("ontime", -DAY),
    timing("grace", 10 * MIN),
    timing("late2", DAY + 15 * MIN + 1000),
    timing("verylate", 20 * DAY),
    timing("ext", 2 * DAY),
    { student: "flag", lateFlag: true, source: "Canvas file name flag_LATE_1_2_ch01.ts" },
  ];
  const rows = buildGradebook(
    results,
    EXS,
    inputs({ timings, extensions: parseExtensions("student,days\next,3\n", "extensions.csv") }),
  );

  it("on time and inside the grace period cost nothing (with a penalty record of 0)", () => {
    expect(row(rows, "ontime")).toMatchObject({ raw: 10, total: 10, late: { daysLate: 0, points: 0 } });
    expect(row(rows, "grace")).toMatchObject({ raw: 10, total: 10, late: { daysLate: 0, points: 0 } });
    expect(row(rows, "grace").audit.join()).toMatch(/inside the 15-minute grace period: no penalty/);
  });
  it("1 day and 1 second after deadline + grace is 2 days: 20 % of the maximum", () => {
    const r = row(rows, "late2");
    expect(r).toMatchObject({ raw: 9, total: 7, late: { daysLate: 2, fraction: 0.2, points: 2 } });
    expect(r.audit).toContain(`late 2 days (submitted ${at(DAY + 15 * MIN + 1000)}): 20% of 10 = 2 points; 9 → 7`);
  });
  it("caps at 50 % and never goes below 0", () => {
    expect(row(rows, "verylate")).toMatchObject({ raw: 1, total: 0, late: { daysLate: 20, fraction: 0.5, points: 1 } });
    expect(row(rows, "verylate").audit.join()).toMatch(/5 points, limited to the 1 earned; 1 → 0/);
  });
  it("an extension moves the deadline and is audited", () => {
    const r = row(rows, "ext");
    expect(r).toMatchObject({ total: 10, late: { daysLate: 0, deadline: "2026-12-04T23:59:00.000Z" } });
    expect(r.audit[0]).toBe("extension to 2026-12-04T23:59:00.000Z (+3 days) (extensions.csv line 2)");
  });
  it("a LATE flag without a time costs 1 day, and says so", () => {
    expect(row(rows, "flag")).toMatchObject({ total: 9, late: { daysLate: 1, points: 1 } });
    expect(row(rows, "flag").audit[0]).toMatch(
      /marked late by the LMS without a time \(Canvas file name .*\): charged as 1 day late/,
    );
  });
  it("a LATE flag without a time for a student with an extension is not charged, and flagged for a check", () => {
    const r = buildGradebook(
      [result("flag", 4, 6)],
      EXS,
      inputs({
        timings: [{ student: "flag", lateFlag: true, source: "Canvas" }],
        extensions: [{ student: "flag", extraDays: 1, source: "x" }],
      }),
    );
    expect(r[0].total).toBe(10);
    expect(r[0].audit.join()).toMatch(/has an extension: not charged — check by hand/);
  });
  it("a late policy without a deadline is an error", () =>
    expect(() => buildGradebook([], EXS, { latePolicy: policy })).toThrow(/deadline must be given with a late policy/));
});

describe("buildGradebook: overrides", () => {
  const overrides = parseOverrides(
    'student,exercise,points,reason\nada,ex-1.2,5.5,"regraded by hand, unit typo"\nbob,ex-1.1,4,emailed answer\n',
    "overrides.csv",
  );
  const rows = buildGradebook([result("ada", 4, 0), result("bob", 0, 6)], EXS, { overrides });
  it("replace the exercise's points, keep what was graded, and audit the change with reason and line", () => {
    const ada = row(rows, "ada");
    expect(ada.exercises[1]).toEqual({
      id: "ex-1.2",
      graded: 0,
      points: 5.5,
      max: 6,
      override: { points: 5.5, reason: "regraded by hand, unit typo" },
    });
    expect([ada.raw, ada.total]).toEqual([9.5, 9.5]);
    expect(ada.audit).toEqual([
      "ex-1.2: 0 → 5.5 points by override (regraded by hand, unit typo; overrides.csv line 2)",
    ]);
    expect(row(rows, "bob").total).toBe(10);
  });
  it("appear in grades.csv (points, audit) and the Canvas CSV (total)", () => {
    const csv = gradesCsv(rows, ["ex-1.1", "ex-1.2"]).split("\r\n");
    expect(csv[0]).toBe("student,ex-1.1,ex-1.2,raw,late_penalty,audit,total,max,status,name");
    expect(csv[1]).toBe(
      'ada,4,5.5,9.5,,"ex-1.2: 0 → 5.5 points by override (regraded by hand, unit typo; overrides.csv line 2)",9.5,10,graded,ada',
    );
    expect(canvasCsv(rows, { assignment: "A", idColumn: "SIS User ID" }).split("\r\n")[2]).toBe("ada,,ada,,,9.5");
  });
  it("an unknown student is an error naming the student and the line", () => {
    const bad = parseOverrides("student,exercise,points,reason\nzed,ex-1.1,1,x\n", "overrides.csv");
    const err = errorOf(() => buildGradebook([result("ada", 4, 0)], EXS, { overrides: bad }));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/names student "zed" \(overrides\.csv line 2\)/);
  });
  it("an unknown exercise is an error naming the exercise", () => {
    const bad = parseOverrides("student,exercise,points,reason\nada,ex-9.9,1,x\n", "overrides.csv");
    expect(() => buildGradebook([result("ada", 4, 0)], EXS, { overrides: bad })).toThrow(
      /names exercise "ex-9\.9" \(overrides\.csv line 2\)/,
    );
  });
  it("points above the exercise's maximum are an error", () => {
    const bad = parseOverrides("student,exercise,points,reason\nada,ex-1.1,5,x\n", "overrides.csv");
    expect(() => buildGradebook([result("ada", 4, 0)], EXS, { overrides: bad })).toThrow(/must be between 0 and 4/);
  });
  it("applies before the late penalty, which is audited after it", () => {
    const rows2 = buildGradebook([result("ada", 4, 0)], EXS, {
      overrides: overrides.filter((o) => o.student === "ada"),
      deadline: DEADLINE,
      latePolicy: policy,
      timings: [timing("ada", DAY)],
    });
    expect(row(rows2, "ada")).toMatchObject({ raw: 9.5, total: 8.5 });
    expect(row(rows2, "ada").audit[1]).toMatch(/late 1 day .*10% of 10 = 1 points; 9\.5 → 8\.5/);
  });
});

describe("buildGradebook: roster", () => {
  const roster = parseRoster(
    "student,name,sis_user_id,sis_login_id,lms_id,section\nada,Ada Lovelace,S1,ada.l,101,A\ncyd,Cyd Charisse,S3,cyd.c,103,B\n",
    "roster.csv",
  );
  const rows = buildGradebook([result("ada.l", 4, 6, "Ada L (folder)"), result("stray", 1, 1)], EXS, { roster });
  it("lists a roster student without a submission with 0 points and status 'no submission'", () => {
    expect(row(rows, "cyd")).toMatchObject({
      status: "no submission",
      raw: 0,
      total: 0,
      max: 10,
      name: "Cyd Charisse",
    });
    expect(row(rows, "cyd").exercises.map((e) => e.points)).toEqual([0, 0]);
    expect(row(rows, "cyd").audit).toEqual(["no submission: 0 points"]);
  });
  it("files a submission found under an LMS login under the roster id, and keeps a stray one", () => {
    expect(row(rows, "ada")).toMatchObject({ name: "Ada Lovelace", total: 10, status: "graded" });
    expect(row(rows, "stray").audit).toEqual(['not on the roster: listed as found ("stray")']);
    expect(rows.map((r) => r.student)).toEqual(["ada", "cyd", "stray"]);
  });
  it("gives 'no submission' an explicit 0 in the Canvas CSV, with the roster's ids and section", () => {
    const lines = canvasCsv(rows, { assignment: "A", idColumn: "SIS User ID" }).split("\r\n");
    expect(lines.slice(2, 4)).toEqual(["Ada Lovelace,101,S1,ada.l,A,10", "Cyd Charisse,103,S3,cyd.c,B,0"]);
  });
  it("leaves a refused submission empty in the Canvas CSV", () => {
    const refused = { ...result("ada", 0, 0), status: "refused: symlink", verdicts: [] };
    const lines = canvasCsv(buildGradebook([refused], EXS, {}), { assignment: "A", idColumn: "SIS User ID" });
    expect(lines.split("\r\n")[2]).toBe("ada,,ada,,,");
  });
});

describe("input files: every bad line is reported by file and line", () => {
  it("roster: a bad id and a duplicate are each named by file and line", () => {
    expect(errorOf(() => parseRoster("student,name\nada,Ada\nbad id,B\n", "roster.csv")).message).toMatch(
      /roster\.csv line 3 must give an id of letters, digits/,
    );
    expect(errorOf(() => parseRoster("student,name\nada,Ada\nada,Again\n", "roster.csv")).message).toMatch(
      /roster\.csv line 3 must not repeat the id of line 2/,
    );
  });
  it("roster: a missing column names the file and line", () =>
    expect(() => parseRoster("student\nada\n", "roster.csv")).toThrow(/roster\.csv line 1 must name a name column/));
  it("extensions: neither deadline nor days, bad days, zone-less deadline", () => {
    const err = errorOf(() =>
      parseExtensions("student,deadline,days\na,,\nb,,-1\nc,2026-12-03T10:00,\nd,2026-12-03T10:00Z,\n", "ext.csv"),
    );
    expect(err.message).toMatch(
      /ext\.csv has 3 bad lines: line 2 must give either.*; line 3 has days "-1".*; line 4 has deadline "2026-12-03T10:00"/,
    );
  });
  it("submission times: a bad time, an empty time without a LATE flag, a bad flag", () => {
    const err = errorOf(() =>
      parseSubmissionTimes("student,submitted_at,late\na,yesterday,\nb,,\nc,,maybe\nd,,yes\n", "subs.csv"),
    );
    expect(err.message).toMatch(
      /subs\.csv has 3 bad lines: line 2 has submitted_at "yesterday".*; line 3 gives no submitted_at.*; line 4 has late "maybe"/,
    );
    expect(parseSubmissionTimes("student,submitted_at,late\nd,,yes\n", "subs.csv")).toEqual([
      { student: "d", lateFlag: true, source: "subs.csv line 2" },
    ]);
  });
  it("overrides: bad points, empty reason, too many cells, quoted multi-line cells keep line numbers", () => {
    const err = errorOf(() =>
      parseOverrides(
        'student,exercise,points,reason\na,ex-1.1,"two\nlines",x\nb,ex-1.1,1,\nc,ex-1.1,1,x,extra\n',
        "ov.csv",
      ),
    );
    expect(err.message).toMatch(
      /ov\.csv has 3 bad lines: line 2 has points "two\nlines".*; line 4 leaves "reason" empty; line 5 has 5 cells for 4 columns/,
    );
  });
});
