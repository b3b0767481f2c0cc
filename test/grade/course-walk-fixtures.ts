// The class the course walk grades: a roster of 40, a Canvas download of 11 submissions, course files — and what each student should get.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { EXERCISES, type Exercise } from "../../src/workbook";
import { referenceAnswer } from "../../src/workbook/instructor/reference";
import { variantReferenceAnswer } from "../../src/workbook/instructor/variants";
import { isVaried } from "../../src/workbook/variants/params";
import { FILES, REFERENCE, idsOfFile, mixed, solution, stub, stubWith } from "./fixtures";

export const DEADLINE = "2026-12-01T23:59:00Z";
export const LATE_POLICY = { perDay: 0.1, cap: 0.5, graceMinutes: 15 };
export const ASSIGNMENT = "Workbook A";
const DAY_MS = 86_400_000;

const FIRST = ["Ada", "Ben", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal", "Ivy", "Jon"];
const LAST = ["Lovelace", "Okri", "Young", "Dee", "Noether", "Wray", "Grissom", "Abelson", "Baker", "Snow"];

export interface WalkStudent {
  id: string;
  name: string;
  lmsId: string;
  sisUserId: string;
  sisLoginId: string;
  email: string;
  section: string;
  /** Canvas's name part of its download entries: the sortable name, lower case, no spaces. */
  canvasLogin: string;
}

/** 40 students: s1001 … s1040, Canvas ids 5001 …, SIS user ids U1001 …, logins first.last. */
export const ROSTER: WalkStudent[] = Array.from({ length: 40 }, (_, i) => {
  const first = FIRST[i % 10];
  const last = `${LAST[i % 10]}${i >= 10 ? ` ${["II", "III", "IV"][Math.floor(i / 10) - 1]}` : ""}`;
  const n = 1001 + i;
  const login = `${first}.${last}`.toLowerCase().replace(/\s+/g, "");
  return {
    id: `s${n}`,
    name: `${first} ${last}`,
    lmsId: String(5000 + i + 1),
    sisUserId: `U${n}`,
    sisLoginId: login,
    email: `${login}@uni.example`,
    section: i % 2 === 0 ? "A" : "B",
    canvasLogin: `${last}${first}`.toLowerCase().replace(/\s+/g, ""),
  };
});

export const student = (id: string): WalkStudent => {
  const s = ROSTER.find((x) => x.id === id);
  if (!s) throw new Error(`fixture: no roster student ${id}`);
  return s;
};

/** One submitter: the files they upload and what the grader should make of them, stated independently of it. */
export interface Submitter {
  id: string;
  /** Canvas login and user id (a roster student's, or someone Canvas knows and the roster does not). */
  canvasLogin: string;
  lmsId: string;
  /** Uploaded file → text; a key like `ch01-1.ts` is Canvas's re-upload copy of ch01.ts. */
  files: Record<string, string>;
  /** Exercises that earn their full points. Every other exercise earns 0 before overrides. */
  solved: Set<string>;
  /** Canvas put `_LATE_` in the file names. */
  lateFlag: boolean;
  story: string;
}

const allStubs = (): Record<string, string> => Object.fromEntries(FILES.map((f) => [`${f}.ts`, stub(f)]));
const valuesOf = (file: string, keep: (ex: Exercise) => boolean = () => true): Exercise[] =>
  EXERCISES.filter((e) => e.file === file && e.kind === "value" && keep(e));

/** The stub with the varied value exercises of `file` answered by a typed number: the student's own variant or the published one. */
function typedNumbers(file: string, who: string | "published"): { text: string; answered: Exercise[] } {
  const answered = valuesOf(file, (e) => isVaried(e.id));
  const text = stubWith(file, (ex) => {
    if (!answered.includes(ex)) return undefined;
    const answer = who === "published" ? referenceAnswer(REFERENCE, ex) : variantReferenceAnswer(REFERENCE, ex, who);
    if (typeof answer !== "number") throw new Error(`fixture: ${ex.id} is not a number`);
    return String(answer);
  });
  return { text, answered };
}

/** A copy dressed up: a comment before every exported declaration (what Dolos, comparing tokens, sees through). */
const disguised = (source: string): string =>
  source.replace(/^export /gm, "// written on my own, step by step\nexport ");

const ids = (...files: string[]): string[] => files.flatMap(idsOfFile);

function submitters(): Submitter[] {
  const s = (id: string) => ({ id, canvasLogin: student(id).canvasLogin, lmsId: student(id).lmsId });
  const eve01 = typedNumbers("ch01", "s1005");
  const eve03 = typedNumbers("ch03", "s1005");
  const fay02 = typedNumbers("ch02", "published");
  const fay04 = typedNumbers("ch04", "s1006");
  const ada = { ...allStubs(), "ch05.ts": solution("ch05"), "ch06.ts": solution("ch06") };
  return [
    {
      ...s("s1001"),
      files: ada,
      solved: new Set(ids("ch05", "ch06")),
      lateFlag: false,
      story: "solves ch05 and ch06, on time",
    },
    {
      ...s("s1002"),
      files: Object.fromEntries(Object.entries(ada).map(([f, t]) => [f, disguised(t)])),
      solved: new Set(ids("ch05", "ch06")),
      lateFlag: false,
      story: "copies s1001, with comments added",
    },
    {
      ...s("s1003"),
      files: Object.fromEntries(FILES.map((f) => [`${f}.ts`, solution(f)])),
      solved: new Set(EXERCISES.map((e) => e.id)),
      lateFlag: true,
      story: "solves everything, 2 days late (submissions.csv)",
    },
    {
      ...s("s1004"),
      files: { ...allStubs(), "ch01.ts": solution("ch01"), "ch02.ts": solution("ch02") },
      solved: new Set(ids("ch01", "ch02")),
      lateFlag: true,
      story: "solves ch01 and ch02, flagged late without a time, has a 3-day extension",
    },
    {
      ...s("s1005"),
      // ch01.ts first uploaded as the stub, then again (Canvas: ch01-1.ts) with the answers.
      files: { ...allStubs(), "ch01-1.ts": eve01.text, "ch03.ts": eve03.text },
      solved: new Set([...eve01.answered, ...eve03.answered].map((e) => e.id)),
      lateFlag: true,
      story: "types their own variant's numbers for ch01 and ch03, flagged late without a time: 1 day",
    },
    {
      ...s("s1006"),
      files: { ...allStubs(), "ch02.ts": fay02.text, "ch04.ts": fay04.text },
      solved: new Set(fay04.answered.map((e) => e.id)),
      lateFlag: false,
      story: "types the PUBLISHED numbers for ch02 (wrong for them) and their own for ch04",
    },
    {
      ...s("s1007"),
      files: {
        ...allStubs(),
        "ch03.ts": mixed("ch03", new Set(["ex-3.2", "ex-3.4"])),
        "ch04.ts": mixed("ch04", new Set(["ex-4.1"])),
      },
      solved: new Set(["ex-3.2", "ex-3.4", "ex-4.1"]),
      lateFlag: true,
      story: "solves three functions, inside the grace period",
    },
    {
      ...s("s1008"),
      files: allStubs(),
      solved: new Set(),
      lateFlag: false,
      story: "hands in the stubs",
    },
    {
      ...s("s1009"),
      files: { ...allStubs(), "ch01.ts": solution("ch01"), "ch04.ts": `${solution("ch04")}\nexport const = ;\n` },
      solved: new Set(ids("ch01")),
      lateFlag: false,
      story: "solves ch01; ch04 does not compile",
    },
    {
      ...s("s1010"),
      files: { ...allStubs(), "ch06.ts": mixed("ch06", new Set(["ex-6.1"])) },
      solved: new Set(["ex-6.1"]),
      lateFlag: false,
      story: "solves ex-6.1; ex-6.2 gets points by override",
    },
    {
      id: "zedzero_9999",
      canvasLogin: "zedzero",
      lmsId: "9999",
      files: allStubs(),
      solved: new Set(),
      lateFlag: false,
      story: "is in Canvas but not on the roster",
    },
  ];
}

export const SUBMITTERS: Submitter[] = submitters();
export const submitter = (id: string): Submitter => {
  const s = SUBMITTERS.find((x) => x.id === id);
  if (!s) throw new Error(`fixture: no submitter ${id}`);
  return s;
};

/** Submission times the instructor exports (the Canvas download has none): s1003 2 days late, s1007 in the grace period. */
export const SUBMISSION_TIMES: Record<string, string> = {
  s1001: "2026-12-01T20:00:00Z",
  s1003: "2026-12-03T01:00:00Z",
  s1007: "2026-12-02T00:10:00Z",
};
export const EXTENSION_DAYS: Record<string, number> = { s1004: 3 };
export const OVERRIDE = { student: "s1010", exercise: "ex-6.2", points: 1.5, reason: "right idea, unit slip" };

/** Started late days after deadline (+ extension) + grace, counted here from the times, not by the grader. */
export function expectedLateDays(id: string): number {
  const time = SUBMISSION_TIMES[id];
  const deadline = Date.parse(DEADLINE) + (EXTENSION_DAYS[id] ?? 0) * DAY_MS + LATE_POLICY.graceMinutes * 60_000;
  if (time !== undefined) return Math.max(0, Math.ceil((Date.parse(time) - deadline) / DAY_MS));
  // A LATE flag without a time: 1 day, unless an extension the LMS may not know of covers it.
  return submitter(id).lateFlag && EXTENSION_DAYS[id] === undefined ? 1 : 0;
}

/** Write roster.csv, the Canvas zip, submissions.csv, extensions.csv, overrides.csv and course.json into `dir`. */
export function writeCourse(dir: string, override: typeof OVERRIDE = OVERRIDE): { zip: string; course: string } {
  const roster = [
    "id,name,lms_id,sis_user_id,sis_login_id,email,section",
    ...ROSTER.map((s) => [s.id, s.name, s.lmsId, s.sisUserId, s.sisLoginId, s.email, s.section].join(",")),
  ];
  writeFileSync(join(dir, "roster.csv"), `${roster.join("\n")}\n`);
  const entries: Record<string, Uint8Array> = {};
  SUBMITTERS.forEach((s, i) => {
    for (const [file, text] of Object.entries(s.files)) {
      const name = `${s.canvasLogin}${s.lateFlag ? "_LATE" : ""}_${s.lmsId}_${700_001 + i}_${file}`;
      entries[name] = new TextEncoder().encode(text);
    }
  });
  const zip = join(dir, "submissions.zip");
  writeFileSync(zip, zipSync(entries));
  // The SIS login names s1004 in extensions.csv: any of a student's ids will do.
  writeFileSync(
    join(dir, "extensions.csv"),
    `student,days\n${Object.entries(EXTENSION_DAYS)
      .map(([id, days]) => `${student(id).sisLoginId},${days}`)
      .join("\n")}\n`,
  );
  writeFileSync(
    join(dir, "submissions.csv"),
    `student,submitted_at\n${Object.entries(SUBMISSION_TIMES)
      .map(([id, t]) => `${id},${t}`)
      .join("\n")}\n`,
  );
  writeOverrides(dir, override);
  const course = join(dir, "course.json");
  writeFileSync(
    course,
    JSON.stringify({
      assignment: ASSIGNMENT,
      roster: "roster.csv",
      deadline: DEADLINE,
      latePolicy: "10%/day,cap=50%,grace=15m",
      extensions: "extensions.csv",
      submissionTimes: "submissions.csv",
      overrides: "overrides.csv",
      variants: true,
    }),
  );
  return { zip, course };
}

export function writeOverrides(dir: string, o: typeof OVERRIDE): void {
  writeFileSync(
    join(dir, "overrides.csv"),
    `student,exercise,points,reason\n${o.student},${o.exercise},${o.points},"${o.reason}"\n`,
  );
}
