// Issue 15's walk through a whole course, in the order an instructor lives it (docs/grading.md):
// roster of 40, a Canvas download with late, missing, variant and broken submissions, course.json,
// `npm run grade` (variants on in course.json), a regrade of one exercise, the similarity report, the Canvas and
// Moodle exports, `grade release`, and Gradescope's run_autograder — every number computed here
// from the catalog's points, the late policy and the fixture's story, never copied from the grader.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradescopeZip } from "../../src/course/grade/lms/gradescope-bundle";
import type { GradescopeResults } from "../../src/course/grade/outputs/gradescope";
import type { PrairieLearnResults } from "../../src/course/grade/outputs/prairielearn";
import { csvRecords } from "../../src/course/grade/roster/csv-records";
import type { SubmissionResult } from "../../src/course/grade/types";
import { EXERCISES } from "../../src/workbook";
import { variantParams } from "../../src/workbook/variants/params";
import {
  ASSIGNMENT,
  DEADLINE,
  EXTENSION_DAYS,
  LATE_POLICY,
  OVERRIDE,
  ROSTER,
  SUBMITTERS,
  expectedLateDays,
  student,
  submitter,
  writeCourse,
  writeOverrides,
} from "./course-walk-fixtures";
import { MAX, ROOT, exercise, idsOfFile, makeDir, projectCopy } from "./fixtures";
import { fakeAutograder, runAutograder } from "./lms/fake-autograder";
import { runInstructorCli, type InstructorCommand } from "../support/instructor-cli";

const dir = makeDir();
const courseDir = join(dir, "course");
const out = join(dir, "graded");
let root: string;
let zip: string;
let course: string;
let zipHash: string;
/** Every output file after the first run, and after the regrade. */
let first: Map<string, Buffer>;
let second: Map<string, Buffer>;
let firstRun: ReturnType<typeof cli>;
let regradeRun: ReturnType<typeof cli>;

const REGRADED_OVERRIDE = { ...OVERRIDE, points: 2.5, reason: "right idea, unit slip (second look)" };
const IDS = EXERCISES.map((e) => e.id);
const sha = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

/** An instructor command (tsx, as the npm scripts run it) against the private project copy. */
const cli = (command: InstructorCommand, args: string[]) =>
  runInstructorCli(command, args, { env: { WORKBOOK_ROOT: root } });

/** path (relative to the output folder) → bytes, the setup cache (runtime bundles) left out. */
function snapshot(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const rel = relative(folder, p);
      if (rel === join(".grade-cache", "setup")) continue;
      if (statSync(p).isDirectory()) walk(p);
      else files.set(rel, readFileSync(p));
    }
  };
  walk(folder);
  return files;
}

/** CSV text → objects by header (the project's RFC 4180 reader). */
function table(text: string): Array<Record<string, string>> {
  const [head, ...rows] = csvRecords(text, "output").map((r) => r.fields);
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}
const read = (files: Map<string, Buffer>, rel: string): string => {
  const b = files.get(rel);
  if (!b) throw new Error(`no output ${rel}`);
  return b.toString("utf8");
};

/** To the cent, written here rather than borrowed from the grader's credit.ts. */
const cents = (x: number): number => Math.round(x * 100) / 100;
const sum = (xs: Iterable<number>): number => cents([...xs].reduce((a, b) => a + b, 0));

interface Expected {
  points: Map<string, number>;
  raw: number;
  days: number;
  penalty: number;
  total: number;
  status: string;
}

/** What a student should get, from the fixture's story: catalog points of what they solved, the override, the late policy. */
function expected(id: string, override = OVERRIDE): Expected {
  const sub = SUBMITTERS.find((s) => s.id === id);
  const points = new Map(IDS.map((x) => [x, sub?.solved.has(x) ? exercise(x).points : 0]));
  if (override.student === id) points.set(override.exercise, override.points);
  const raw = sum(points.values());
  const days = sub ? expectedLateDays(id) : 0;
  const fraction = Math.min(LATE_POLICY.cap, LATE_POLICY.perDay * days);
  const penalty = Math.min(raw, cents(fraction * MAX));
  return { points, raw, days, penalty, total: cents(raw - penalty), status: sub ? "graded" : "no submission" };
}
const EVERYONE = [...ROSTER.map((s) => s.id), "zedzero_9999"].sort();

beforeAll(() => {
  root = projectCopy(dir); // the fingerprint must not move between the run and the regrade
  mkdirSync(courseDir);
  ({ zip, course } = writeCourse(courseDir));
  zipHash = sha(zip);
  firstRun = cli("grade", ["--submissions", zip, "--out", out, "--course", course, "--quiet"]);
  expect(firstRun.status, String(firstRun.stderr)).toBe(0);
  first = snapshot(out);
  // Step 5 of the workflow: a second look at s1010's ex-6.2 — a new override, and that exercise re-run.
  writeOverrides(courseDir, REGRADED_OVERRIDE);
  regradeRun = cli("grade", [
    ...["--submissions", zip, "--out", out, "--course", course, "--quiet"],
    ...["--exercise", OVERRIDE.exercise, "--student", OVERRIDE.student],
  ]);
  expect(regradeRun.status, String(regradeRun.stderr)).toBe(0);
  second = snapshot(out);
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the class the walk grades means something", () => {
  it("has 40 on the roster, 11 submitters of whom 10 are on it, 30 missing", () => {
    expect(ROSTER).toHaveLength(40);
    expect(new Set(ROSTER.map((s) => s.id)).size).toBe(40);
    expect(SUBMITTERS).toHaveLength(11);
    expect(SUBMITTERS.filter((s) => ROSTER.some((r) => r.id === s.id))).toHaveLength(10);
  });
  it("gives s1006 numbers of their own that differ from the published ones in every ch02 exercise", () => {
    for (const id of idsOfFile("ch02").filter((x) => exercise(x).kind === "value"))
      expect(variantParams(id, "s1006"), id).not.toEqual(variantParams(id));
  });
  it("leaves the download as it was", () => expect(sha(zip)).toBe(zipHash));
});

describe("npm run grade -- --submissions canvas.zip --course course.json (variants on)", () => {
  const grades = () => table(read(first, "grades.csv"));

  it("ends by counting the 11 submissions and the 30 roster students without one", () => {
    const lines = String(firstRun.stdout).trim().split("\n");
    expect(lines[lines.length - 1]).toBe("11 submissions: 11 graded, 0 refused.");
    expect(String(firstRun.stdout)).toContain("30 roster students without a submission: 0 points.");
    expect(String(firstRun.stderr)).toMatch(/zedzero \(Canvas id 9999\) matches nobody in the roster/);
  });

  it("puts every roster student and the stray Canvas user in every output", () => {
    expect(grades().map((r) => r.student)).toEqual(EVERYONE);
    const canvas = table(read(first, "gradebook-canvas.csv"));
    expect(canvas[0].Student).toBe("Points Possible");
    expect(canvas.slice(1).map((r) => r.Student)).toEqual(
      EVERYONE.map((id) => (id.startsWith("zed") ? "zedzero (Canvas user 9999)" : student(id).name)),
    );
    const moodle = table(read(first, "gradebook-moodle.csv"));
    expect(moodle.map((r) => r["Full name"]).sort()).toEqual(
      canvas
        .slice(1)
        .map((r) => r.Student)
        .sort(),
    );
    for (const id of EVERYONE) {
      expect(first.has(join("results", `${id}.json`)), id).toBe(true);
      expect(first.has(join("feedback", `${id}.html`)), id).toBe(true);
      expect(read(first, "summary.html")).toContain(id);
    }
    expect(grades().find((r) => r.student === "zedzero_9999")!.audit).toMatch(/not on the roster/);
  });

  it("gives each student, exercise by exercise, the catalog points of what they solved", () => {
    for (const row of grades()) {
      const want = expected(row.student);
      for (const id of IDS) expect(Number(row[id]), `${row.student} ${id}`).toBe(want.points.get(id));
      expect(Number(row.raw), row.student).toBe(want.raw);
      expect(row.status, row.student).toBe(want.status);
      expect(Number(row.max)).toBe(MAX);
    }
    // The story behind the numbers, so the expectations above are not all zeros.
    const raw = (id: string) => expected(id).raw;
    expect(raw("s1003")).toBe(MAX);
    expect(raw("s1002")).toBe(raw("s1001"));
    expect(raw("s1001")).toBeGreaterThan(0);
    expect(raw("s1008")).toBe(0);
  });

  it("takes the late penalty as a share of the maximum per started day, the extension and the grace period into account", () => {
    const byId = new Map(grades().map((r) => [r.student, r]));
    expect(Object.fromEntries(SUBMITTERS.map((s) => [s.id, expectedLateDays(s.id)]))).toMatchObject({
      s1003: 2, // 1 day 0 h 46 min after deadline + grace
      s1004: 0, // flagged late, but has an extension
      s1005: 1, // flagged late, no time: the least a late submission can be
      s1007: 0, // inside the grace period
    });
    for (const id of EVERYONE) {
      const want = expected(id);
      const row = byId.get(id)!;
      expect(Number(row.total), id).toBe(want.total);
      expect(row.late_penalty === "" ? 0 : Number(row.late_penalty), id).toBe(want.penalty);
    }
    expect(byId.get("s1003")!.audit).toContain(
      `late 2 days (submitted 2026-12-03T01:00:00Z): 20% of ${MAX} = ${cents(0.2 * MAX)} points; ${MAX} → ${expected("s1003").total}`,
    );
    const dee = byId.get("s1004")!.audit;
    const extended = new Date(Date.parse(DEADLINE) + EXTENSION_DAYS.s1004 * 86_400_000).toISOString();
    expect(dee).toContain(`extension to ${extended} (+3 days)`);
    expect(dee).toContain("but has an extension: not charged — check by hand");
    expect(byId.get("s1005")!.audit).toContain("charged as 1 day late");
    expect(byId.get("s1007")!.audit).toContain("inside the 15-minute grace period: no penalty");
    expect(expected("s1005").penalty).toBeGreaterThan(0);
  });

  it("applies the override before the penalty and writes it in the audit", () => {
    const jon = grades().find((r) => r.student === OVERRIDE.student)!;
    expect(Number(jon[OVERRIDE.exercise])).toBe(OVERRIDE.points);
    expect(jon.audit).toMatch(
      new RegExp(
        `${OVERRIDE.exercise}: 0 → ${OVERRIDE.points} points by override \\(${OVERRIDE.reason}; .*overrides\\.csv line 2\\)`,
      ),
    );
  });

  it("grades varied exercises against each student's own numbers: the published ones earn nothing", () => {
    const fay = grades().find((r) => r.student === "s1006")!;
    const ch02Values = idsOfFile("ch02").filter((x) => exercise(x).kind === "value");
    for (const id of ch02Values) expect(Number(fay[id]), id).toBe(0);
    for (const id of idsOfFile("ch04").filter((x) => exercise(x).kind === "value"))
      expect(Number(fay[id]), id).toBe(exercise(id).points);
    const eve = grades().find((r) => r.student === "s1005")!;
    expect(Number(eve["ex-1.1"])).toBe(exercise("ex-1.1").points); // from the re-upload ch01-1.ts
    const cache = JSON.parse(read(first, join(".grade-cache", "s1006.json"))) as SubmissionResult;
    const v = cache.verdicts.find((x) => x.id === "ex-2.1")!;
    expect(v.checks.map((c) => c.name).join("\n")).toContain(`D_min = ${variantParams("ex-2.1", "s1006").dMinMg} mg`);
  });

  it("costs a file that does not compile its exercises only", () => {
    const ivy = JSON.parse(read(first, join(".grade-cache", "s1009.json"))) as SubmissionResult;
    expect(ivy.notices.join("\n")).toMatch(/ch04/);
    expect(ivy.verdicts.filter((v) => v.file === "ch04").every((v) => v.points === 0)).toBe(true);
  });
});

describe("the LMS exports", () => {
  it("Canvas: one row per student, the total, an explicit 0 for no submission, the roster's ids", () => {
    const rows = table(read(first, "gradebook-canvas.csv"));
    expect(rows[0][ASSIGNMENT]).toBe(String(MAX));
    for (const r of rows.slice(1)) {
      const s = ROSTER.find((x) => x.name === r.Student);
      const id = s?.id ?? "zedzero_9999";
      expect(r[ASSIGNMENT], id).toBe(String(expected(id).total));
      expect([r.ID, r["SIS User ID"], r["SIS Login ID"], r.Section], id).toEqual(
        s ? [s.lmsId, s.sisUserId, s.sisLoginId, s.section] : ["", id, "", ""],
      );
    }
    expect(rows.filter((r) => r[ASSIGNMENT] === "0").length).toBeGreaterThanOrEqual(30);
  });

  it("Moodle: the grading worksheet has each participant's total with two decimals", () => {
    const rows = table(read(first, "gradebook-moodle.csv"));
    expect(rows).toHaveLength(41);
    for (const s of ROSTER) {
      const r = rows.find((x) => x.Identifier === `Participant ${s.lmsId}`)!;
      const want = expected(s.id);
      expect([r["Full name"], r.Grade, r["Maximum Grade"]], s.id).toEqual([
        s.name,
        want.total.toFixed(2),
        MAX.toFixed(2),
      ]);
      expect(r.Status, s.id).toBe(want.status === "graded" ? "Submitted for grading - Graded" : "No submission");
    }
  });

  it("Gradescope results/: the total after overrides and penalty for everyone, held back until published", () => {
    for (const id of EVERYONE) {
      const r = JSON.parse(read(first, join("results", `${id}.json`))) as GradescopeResults;
      expect([r.score, r.max_score, r.visibility], id).toEqual([expected(id).total, MAX, "after_published"]);
    }
  });
});

describe("regrading one exercise of one student (--exercise ex-6.2 --student s1010) after a new override", () => {
  const changed = () => [...second.keys()].filter((k) => !first.get(k)?.equals(second.get(k)!)).sort();

  it("regrades s1010 only and says so", () => {
    expect(String(regradeRun.stdout)).toContain("Regraded at your request: 1");
    expect(String(regradeRun.stdout).trim().split("\n").pop()).toBe(
      "11 submissions: 11 graded (10 from the cache), 0 refused.",
    );
  });

  it("changes s1010's files and the class-wide tables, nothing else, byte for byte", () => {
    const own = [".grade-cache/s1010.json", "feedback/s1010.html", "logs/s1010.txt", "results/s1010.json"];
    const tables = ["gradebook-canvas.csv", "gradebook-moodle.csv", "gradebook.json", "grades.csv", "summary.html"];
    expect(new Set(second.keys())).toEqual(new Set(first.keys()));
    expect(changed().filter((k) => !own.includes(k) && !tables.includes(k))).toEqual([]);
    expect(changed()).toEqual(expect.arrayContaining([".grade-cache/s1010.json", "grades.csv"]));
  });

  it("changes only s1010's row of every table, to the new override", () => {
    for (const name of ["grades.csv", "gradebook-canvas.csv", "gradebook-moodle.csv"]) {
      const a = read(first, name).split("\r\n");
      const b = read(second, name).split("\r\n");
      const differ = a.map((line, i) => (line === b[i] ? undefined : i)).filter((i) => i !== undefined);
      expect(differ.length, name).toBe(1);
      expect(a[differ[0]!], name).toMatch(/s1010|Jon Snow|Participant 5010/);
    }
    const jon = table(read(second, "grades.csv")).find((r) => r.student === "s1010")!;
    const want = expected("s1010", REGRADED_OVERRIDE);
    expect([Number(jon[OVERRIDE.exercise]), Number(jon.total)]).toEqual([REGRADED_OVERRIDE.points, want.total]);
    expect(jon.audit).toContain(`0 → ${REGRADED_OVERRIDE.points} points by override (${REGRADED_OVERRIDE.reason};`);
  });

  it("keeps the other verdicts of s1010 as they were and records the regrade", () => {
    const before = JSON.parse(read(first, join(".grade-cache", "s1010.json"))) as SubmissionResult;
    const after = JSON.parse(read(second, join(".grade-cache", "s1010.json"))) as SubmissionResult;
    expect(after.verdicts.filter((v) => v.id !== OVERRIDE.exercise)).toEqual(
      before.verdicts.filter((v) => v.id !== OVERRIDE.exercise),
    );
    expect(after.verdicts.find((v) => v.id === OVERRIDE.exercise)!.points).toBe(0);
    expect(after.regrades).toHaveLength(1);
    expect(after.regrades![0]).toMatchObject({ scope: "exercise", exercises: [OVERRIDE.exercise] });
    expect(read(second, join("feedback", "s1010.html"))).toContain(`exercise ${OVERRIDE.exercise} graded again`);
  });
});

describe("npm run similarity -- --submissions canvas.zip --course course.json", () => {
  let run: ReturnType<typeof cli>;
  let pairs: Array<Record<string, string>>;
  beforeAll(() => {
    run = cli("similarity", ["--submissions", zip, "--out", out, "--course", course]);
    pairs = existsSync(join(out, "similarity.csv")) ? table(readFileSync(join(out, "similarity.csv"), "utf8")) : [];
  }, 300_000);

  it("ranks the student who copied and the one copied from first, under their roster ids", () => {
    expect(run.status, String(run.stderr)).toBe(0);
    expect([pairs[0].student_a, pairs[0].student_b]).toEqual(["s1001", "s1002"]);
    expect(Number(pairs[0].similarity)).toBeGreaterThan(Number(pairs[1].similarity));
    expect(String(run.stdout)).toMatch(/^11 submissions compared/);
    // Who handed in the stubs shares nothing beyond them, with anyone.
    const paired = new Set(pairs.flatMap((p) => [p.student_a, p.student_b]));
    expect(["s1008", "zedzero_9999"].filter((id) => paired.has(id))).toEqual([]);
  });

  it("changes no score and no other output, and leaves the download as it was", () => {
    const after = snapshot(out);
    for (const [k, v] of second) expect(after.get(k)?.equals(v), k).toBe(true);
    expect([...after.keys()].filter((k) => !second.has(k)).sort()).toEqual(["similarity.csv", "similarity.html"]);
    expect(sha(zip)).toBe(zipHash);
  });
});

describe("grade release, then PrairieLearn", () => {
  it("writes prairielearn/<student>.json with each total over the maximum", () => {
    const run = cli("grade", ["release", "--out", out, "--course", course]);
    expect(run.status, String(run.stderr)).toBe(0);
    for (const id of EVERYONE) {
      const r = JSON.parse(readFileSync(join(out, "prairielearn", `${id}.json`), "utf8")) as PrairieLearnResults;
      const want = expected(id, REGRADED_OVERRIDE);
      expect(r.gradable, id).toBe(want.status === "graded");
      if (r.gradable) expect(r.score, id).toBeCloseTo(want.total / MAX, 10);
      expect(sum(r.tests.map((t) => t.points)), id).toBe(want.raw);
    }
  }, 300_000);
});

describe("Gradescope's run_autograder on one student's submission, with variants", () => {
  it("gives s1006 (their own numbers for ch04, the published ones for ch02) the score the class run gave", () => {
    const s = submitter("s1006");
    const files = Object.fromEntries(Object.entries(s.files).map(([f, t]) => [`exercises/${f}`, t]));
    const metadata = { users: [{ name: "Fay", email: "fay@example.edu", sid: "s1006" }] };
    const tree = fakeAutograder(dir, "gradescope-s1006", gradescopeZip(ROOT, { variants: true }), files, metadata);
    const results = runAutograder(tree, { GRADESCOPE_RELEASE: "1" });
    const classRun = table(read(first, "grades.csv")).find((r) => r.student === "s1006")!;
    expect(results.score).toBe(Number(classRun.total));
    expect(results.score).toBe(expected("s1006").total);
    expect(results.score).toBeGreaterThan(0); // ch04's own numbers earn points; ch02's published ones none (expected)
    expect(results.max_score).toBe(MAX);
  }, 300_000);
});
