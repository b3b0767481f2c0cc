// The grader against honest and hostile submissions, with the exact score each must get.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeClass, type GradeClassReport, type SubmissionResult } from "../../src/course/grade";
import { readAnswerHashes } from "../../src/workbook/paths";
import {
  FILES,
  MAX,
  REFERENCE,
  ROOT,
  correctIfAllowed,
  firstFunction,
  fullSolution,
  hashTree,
  idsOfFile,
  injectIntoFunction,
  makeDir,
  mixed,
  pointsOf,
  solution,
  stub,
  stubWith,
  stubs,
  writeStudent,
  writeZip,
} from "./fixtures";

/**
 * One class, graded once: every trick below is a student. Each expectation is the exact
 * score: the reference earns everything, a trick earns nothing, and a trick confined to one
 * exercise costs exactly that exercise.
 */
const classDir = makeDir();
const subs = join(classDir, "submissions");
const out = join(classDir, "out");
let report: GradeClassReport;
let before: string;
const result = (student: string): SubmissionResult => {
  const r = report.results.find((x) => x.student === student);
  if (!r) throw new Error(`no result for ${student}`);
  return r;
};
const without = (...ids: string[]) => MAX - pointsOf(ids);
/**
 * The exercises a student lost, in catalog order; an unexpected loss carries its first failure
 * message, so a failing expectation says what went wrong. Also checks the total.
 */
function expectLost(student: string, expected: readonly string[]): void {
  const r = result(student);
  const lost = r.verdicts
    .filter((v) => v.points < v.maxPoints)
    .map((v) =>
      expected.includes(v.id)
        ? v.id
        : `${v.id}: ${v.loadError ?? v.checks.find((c) => !c.passed)?.message ?? v.status}`,
    );
  expect(lost).toEqual(expected);
  expect(r.total).toBe(without(...expected));
}
const allIds = FILES.flatMap(idsOfFile);
const notices = (student: string) => result(student).notices.join("\n");

const loopFn = firstFunction("ch03");
const exitFn = firstFunction("ch02");
const memoryFn = firstFunction("ch04");
const noisyFn = firstFunction("ch05");
const floodFn = firstFunction("ch06");
/** Printed bytes from which a kill or timeout is blamed on printing, lowered for this class (default 8 MB). */
const FLOOD_BYTES = 1024 * 1024;
const JOSE = "José Müller 🧪 (late)";

/** A correct chapter file followed by an n-branch `if (x === i) return …; else …` chain. */
const longChain = (n: number): string => {
  let s = "export function lookup(x: number): string {\n  ";
  for (let i = 0; i < n; i++) s += `if (x === ${i}) return "v${i}"; else `;
  return `${s}return "none";\n}\n`;
};
/** Deterministic "random" bytes (sha256 in counter mode): the same garbage on every run. */
const garbage = (bytes: number): Buffer =>
  Buffer.concat(
    Array.from({ length: Math.ceil(bytes / 32) }, (_, i) => createHash("sha256").update(String(i)).digest()),
  ).subarray(0, bytes);
const throwFn = firstFunction(FILES[FILES.length - 1]);
const solvedHalf = new Set(FILES.flatMap((f) => idsOfFile(f).filter((_, i) => i % 2 === 0)));

function withFile(file: string, source: string) {
  return { ...fullSolution(), [`${file}.ts`]: source };
}

const attempt = (code: string) => Object.fromEntries(FILES.map((f) => [`${f}.ts`, correctIfAllowed(f, code)]));

beforeAll(async () => {
  mkdirSync(subs, { recursive: true });
  writeStudent(subs, "full", fullSolution());
  writeStudent(subs, "stubs", stubs());
  writeStudent(subs, "half", Object.fromEntries(FILES.map((f) => [`${f}.ts`, mixed(f, solvedHalf)])));
  // Tricks that would fool an in-process checker.
  const wrong = Object.fromEntries(FILES.map((f) => [`${f}.ts`, stubWith(f, () => "(12345 as any)")]));
  wrong["ch01.ts"] += `
Math.abs = () => 0; Number.isFinite = () => true; (Array.prototype as any).every = () => true;
(Object.prototype as any).passed = true; JSON.parse = () => ({ passed: true }); (globalThis as any).structuredClone = (x: unknown) => x;`;
  writeStudent(subs, "monkeypatch", wrong);
  writeStudent(
    subs,
    "fake-number",
    Object.fromEntries(
      FILES.map((f) => [
        `${f}.ts`,
        stubWith(f, (ex) =>
          ex.kind === "value"
            ? "(new Proxy({}, { get: (_t, k) => (k === Symbol.toPrimitive ? () => 42 : () => 42) }) as any)"
            : '({ valueOf: () => 42, toString: () => "42", type: "Unit", toNumber: () => NaN, [Symbol.toPrimitive]: () => 42 } as any)',
        ),
      ]),
    ),
  );
  writeStudent(subs, "fake-output", {
    ...stubs(),
    "ch01.ts": `${stub("ch01")}\nconsole.log("✓ 47 of 47 checks passed — all tests passed!"); process.stdout.write(JSON.stringify({ score: ${MAX}, tests: [] }));\n`,
  });
  writeStudent(subs, "writer", {
    ...stubs(),
    "ch01.ts": `${stub("ch01")}
const fs = require("fs");
for (const p of [${JSON.stringify(join(out, "grades.csv"))}, ${JSON.stringify(join(out, "pwned.txt"))}, ${JSON.stringify(join(ROOT, "solutions", "pwned.ts"))}, ${JSON.stringify(join(subs, "full", "exercises", "pwned.ts"))}, "../../pwned.txt", "/tmp/pwned-by-student.txt"]) {
  try { fs.writeFileSync(p, "pwned"); } catch {}
}
`,
  });
  // Each attempt earns the correct value answers only if it succeeds.
  writeStudent(
    subs,
    "read-solutions",
    attempt(`require("fs").readFileSync(${JSON.stringify(join(ROOT, "solutions", "ch01.ts"))})`),
  );
  writeStudent(
    subs,
    "require-solutions",
    attempt(`require("../../solutions/ch01"); require(${JSON.stringify(join(ROOT, "solutions", "ch01"))})`),
  );
  writeStudent(subs, "read-hidden", attempt(`require("../src/workbook/instructor/hidden-checks").hiddenChecks.name`));
  writeStudent(
    subs,
    "read-other-student",
    attempt(`require("fs").readFileSync(${JSON.stringify(join(subs, "full", "exercises", "ch01.ts"))})`),
  );
  writeStudent(subs, "read-passwd", attempt(`require("fs").readFileSync("/etc/passwd")`));
  writeStudent(
    subs,
    "list-workdir",
    attempt(`require("fs").readdirSync(require("path").resolve(process.cwd(), "../.."))`),
  );
  writeStudent(
    subs,
    "spawn",
    attempt(`require("child_process").execSync("cat ${join(ROOT, "solutions", "ch01.ts")}")`),
  );
  writeStudent(subs, "worker", attempt(`new (require("worker_threads").Worker)("1", { eval: true })`));
  writeStudent(subs, "binding", attempt(`(process as any).binding("fs")`));
  writeStudent(subs, "ipc-spoof", {
    ...stubs(),
    "ch01.ts": `${stub("ch01")}
for (let id = 1; id < 400; id++) process.send?.({ type: "outcomes", id, outcomes: Array(60).fill({ kind: "answer", value: 0.123456 }) });
process.send = () => true;
`,
  });
  // Failures confined to one file or one exercise.
  writeStudent(subs, "exit-at-import", withFile("ch02", `process.exit(0);\n${solution("ch02")}`));
  writeStudent(
    subs,
    "exit-in-call",
    withFile("ch02", injectIntoFunction(solution("ch02"), exitFn.exportName, "process.exit(0);")),
  );
  writeStudent(
    subs,
    "loop",
    withFile("ch03", injectIntoFunction(solution("ch03"), loopFn.exportName, "while (true) {}")),
  );
  writeStudent(
    subs,
    "memory",
    withFile(
      "ch04",
      injectIntoFunction(
        solution("ch04"),
        memoryFn.exportName,
        "const hog: number[][] = []; for (;;) hog.push(new Array(1e6).fill(1));",
      ),
    ),
  );
  writeStudent(
    subs,
    "output",
    withFile(
      "ch05",
      injectIntoFunction(
        solution("ch05"),
        noisyFn.exportName,
        `if (!(globalThis as any).printed) { (globalThis as any).printed = 1; process.stdout.write("x".repeat(20e6)); console.error("y".repeat(1e6)); }`,
      ),
    ),
  );
  const lastFile = FILES[FILES.length - 1];
  writeStudent(
    subs,
    "throw-non-error",
    withFile(
      lastFile,
      injectIntoFunction(
        solution(lastFile),
        throwFn.exportName,
        'throw { toString() { throw new Error("gotcha"); } };',
      ),
    ),
  );
  writeStudent(subs, "compile-error", withFile("ch02", `${solution("ch02")}\nexport const = ;\n`));
  writeStudent(subs, "symlinks", {
    ...fullSolution(),
    "ch01.ts": { symlink: join(ROOT, "solutions", "ch01.ts") },
    "passwd.json": { symlink: "/etc/passwd" },
  });
  mkdirSync(join(subs, "symlinked-dir"));
  symlinkSync(join(ROOT, "solutions"), join(subs, "symlinked-dir", "exercises"));
  writeZip(subs, "zip-slip", {
    "exercises/ch01.ts": solution("ch01"),
    "../../evil.ts": "export const x = 1;",
    "/abs/evil.ts": "x",
    "exercises/../../escape.ts": "x",
  });
  writeZip(subs, "zip-nested", Object.fromEntries(FILES.map((f) => [`zip-nested/exercises/${f}.ts`, solution(f)])));
  // Files that once overflowed the grader's own stack (exit 2, nobody graded), and other things TypeScript chokes on.
  writeStudent(subs, "long-chain", withFile("ch06", `${solution("ch06")}\n${longChain(1500)}`));
  writeStudent(
    subs,
    "deep-parens",
    withFile("ch01", `${solution("ch01")}\nexport const deep = ${"(".repeat(1000)}1${")".repeat(1000)};\n`),
  );
  writeStudent(
    subs,
    "deep-brackets",
    withFile("ch02", `${solution("ch02")}\nexport const deep = ${"[".repeat(800)}1${"]".repeat(800)};\n`),
  );
  writeStudent(
    subs,
    "too-deep",
    withFile("ch03", `${solution("ch03")}\nexport const deep = ${"[".repeat(30_000)}1${"]".repeat(30_000)};\n`),
  );
  writeStudent(
    subs,
    "huge-literal",
    withFile("ch04", `${solution("ch04")}\nexport const table = ${JSON.stringify("x".repeat(900_000))};\n`),
  );
  writeStudent(subs, "binary-garbage", fullSolution());
  writeFileSync(join(subs, "binary-garbage", "exercises", "ch05.ts"), garbage(300_000));
  // Nobody vanishes: an LMS-style name, a linked folder, extra files.
  writeStudent(subs, JOSE, fullSolution());
  symlinkSync(join(subs, "full"), join(subs, "linked-student"));
  writeStudent(subs, "extra-files", { ...fullSolution(), "data.csv": "a,b\n", "notes/todo.md": "x" });
  writeFileSync(join(subs, "extra-files", "notes.txt"), "my notes");
  // Printing as the cause of a kill or a timeout.
  writeStudent(subs, "flood-then-crash", {
    ...withFile(
      "ch02",
      injectIntoFunction(solution("ch02"), exitFn.exportName, 'process.kill(process.pid, "SIGKILL");'),
    ),
    "ch01.ts": `${solution("ch01")}\nfor (let i = 0; i < 40; i++) console.log(String(i).padEnd(50_000, "."));\n`,
  });
  writeStudent(
    subs,
    "flood-timeout",
    withFile(
      "ch06",
      injectIntoFunction(
        solution("ch06"),
        floodFn.exportName,
        'for (let i = 0; ; i++) console.log("integration step", i, "of many");',
      ),
    ),
  );
  // Quantities through the sandbox: arguments arrive as mathjs Units and Series, a result in another
  // unit of the right dimension is converted, and one of the wrong dimension is refused.
  writeStudent(subs, "quantities", {
    ...fullSolution(),
    "ch02.ts": injectIntoFunction(
      solution("ch02"),
      "michaelisMentenAuc",
      'if (![dose, volume, vmax, km].every((q) => math.isUnit(q))) throw new Error("the arguments are not Units");',
    ),
    "ch03.ts": injectIntoFunction(
      solution("ch03"),
      "aucLinearUpLogDown",
      'if (![time, conc].every((s) => Array.isArray(s.values) && typeof s.unit === "string")) throw new Error("not Series");',
    ).replace('(math.divide(doseIv, aucIv) as Unit).to("L/h")', '(math.divide(doseIv, aucIv) as Unit).to("mL/min")'),
  });
  writeStudent(
    subs,
    "wrong-dimension",
    withFile(
      "ch02",
      injectIntoFunction(solution("ch02"), "michaelisMentenAuc", "return math.divide(dose, volume) as Unit;"),
    ),
  );
  before = hashTree(subs);
  report = await gradeClass({
    reference: REFERENCE,
    submissions: subs,
    out,
    root: ROOT,
    progress: false,
    settings: { exerciseMs: 6000, loadMs: 30_000, callMs: 3000, floodBytes: FLOOD_BYTES },
    releaseHidden: true, // the feedback below shows the hidden checks
  });
}, 240_000);

afterAll(() => rmSync(classDir, { recursive: true, force: true }));

describe("gradeClass(submissions) with honest submissions", () => {
  it("gives the full reference solution full marks", () => expectLost("full", []));
  it("gives the stubs zero, every exercise not attempted", () => {
    expect(result("stubs").total).toBe(0);
    expect(result("stubs").verdicts.every((v) => v.status === "not-attempted")).toBe(true);
  });
  it("gives a half-solved submission exactly the points of the solved half", () => {
    expectLost(
      "half",
      allIds.filter((id) => !solvedHalf.has(id)),
    );
    expect(result("half").total).toBe(pointsOf(solvedHalf));
  });
  it("accepts a zip whose entries sit inside one top folder", () => expectLost("zip-nested", []));
  it("passes quantity arguments to the student's functions as mathjs Units and Series, and converts a Unit result", () => {
    expect(solution("ch03")).toContain('(math.divide(doseIv, aucIv) as Unit).to("L/h")'); // the replacement above took
    expectLost("quantities", []);
  });
  it("refuses a result of the wrong dimension, saying so", () => {
    expectLost("wrong-dimension", ["ex-2.6"]);
    const v = result("wrong-dimension").verdicts.find((x) => x.id === "ex-2.6")!;
    expect(v.checks.find((c) => !c.passed)?.message).toMatch(
      /expected a quantity convertible to mg\*h\/L \(a mass·time\/volume\); received .*, a mass\/volume/,
    );
  });
  it("judges public hash checks against the reference it registered for every stored hash, refusing none", () =>
    expect(report.knownAnswers).toEqual({
      registered: Object.keys(readAnswerHashes(ROOT).entries).length,
      refused: [],
    }));
});

describe("gradeClass(submissions) with tricks that would fool an in-process checker", () => {
  it.each(["monkeypatch", "fake-number", "fake-output", "ipc-spoof"])("%s earns 0", (s) =>
    expect(result(s).total).toBe(0),
  );
  it("never shows the student's printed output in the feedback", () => {
    expect(readFileSync(join(out, "feedback", "fake-output.html"), "utf8")).not.toMatch(/all tests passed/);
    expect(JSON.parse(readFileSync(join(out, "results", "fake-output.json"), "utf8")).score).toBe(0);
  });
});

describe("gradeClass(submissions) confines the student's process", () => {
  it.each([
    "read-solutions",
    "require-solutions",
    "read-hidden",
    "read-other-student",
    "read-passwd",
    "list-workdir",
    "spawn",
    "worker",
    "binding",
  ])("%s earns 0 (the attempt was blocked)", (s) => expect(result(s).total).toBe(0));
  it("writer cannot write outside its scratch folder", () => {
    expect(result("writer").total).toBe(0);
    for (const p of [
      join(out, "pwned.txt"),
      join(ROOT, "solutions", "pwned.ts"),
      join(subs, "full", "exercises", "pwned.ts"),
      "/tmp/pwned-by-student.txt",
    ])
      expect(existsSync(p)).toBe(false);
    expect(readFileSync(join(out, "grades.csv"), "utf8")).not.toMatch(/pwned/);
  });
  it("refuses symbolic links: a linked file costs that file, a linked exercises/ costs everything", () => {
    expectLost("symlinks", idsOfFile("ch01"));
    expect(notices("symlinks")).toMatch(/exercises\/ch01\.ts is a symbolic link; refused/);
    expect(notices("symlinks")).toMatch(/passwd\.json is a symbolic link; refused/);
    expect(result("symlinked-dir").total).toBe(0);
    expect(result("symlinked-dir").status).toBe("graded");
  });
  it("refuses zip entries with .. or absolute paths and grades the rest", () => {
    expectLost(
      "zip-slip",
      allIds.filter((id) => !idsOfFile("ch01").includes(id)),
    );
    expect(notices("zip-slip")).toMatch(/"\.\.\/\.\.\/evil\.ts" has an absolute or escaping path; refused/);
    expect(notices("zip-slip")).toMatch(/"\/abs\/evil\.ts" has an absolute or escaping path/);
  });
  it("never modifies the submissions", () => expect(hashTree(subs)).toBe(before));
});

describe("gradeClass(submissions) survives crashes, exits, loops, memory and output floods", () => {
  it("process.exit(0) at import costs exactly that file", () => {
    expectLost("exit-at-import", idsOfFile("ch02"));
    expect(notices("exit-at-import")).toMatch(
      /exercises\/ch02\.ts ended the grading process while loading \(exit code 0\)/,
    );
  });
  it("process.exit(0) inside a function costs exactly that exercise", () => expectLost("exit-in-call", [exitFn.id]));
  it("an endless loop costs exactly that exercise, with a timeout message", () => {
    const r = result("loop");
    expectLost("loop", [loopFn.id]);
    expect(
      r.verdicts.find((v) => v.id === loopFn.id)!.checks.some((c) => /did not finish within/.test(c.message ?? "")),
    ).toBe(true);
  });
  it("exhausting memory costs exactly that exercise", () => expectLost("memory", [memoryFn.id]));
  it("20 MB of output costs nothing and is truncated in the instructor log", () => {
    expectLost("output", []);
    expect(result("output").log.outputTruncated).toBe(true);
    expect(result("output").log.output.length).toBeLessThanOrEqual(64 * 1024);
  });
  it("throwing a non-Error value costs exactly that exercise", () => expectLost("throw-non-error", [throwFn.id]));
  it("a compile error costs exactly that file and says where", () => {
    expectLost("compile-error", idsOfFile("ch02"));
    expect(notices("compile-error")).toMatch(/Compile error: exercises\/ch02\.ts:\d+:\d+/);
  });
});

describe("gradeClass(submissions) outputs", () => {
  it("writes grades.csv with student, one column per exercise, total and max, then status and name", () => {
    const [head, ...rows] = readFileSync(join(out, "grades.csv"), "utf8").trim().split("\r\n");
    expect(head.split(",")).toEqual([
      "student",
      ...allIds,
      "raw",
      "late_penalty",
      "audit",
      "total",
      "max",
      "status",
      "name",
    ]);
    expect(
      rows
        .find((r) => r.startsWith("full,"))!
        .split(",")
        .slice(-4),
    ).toEqual([String(MAX), String(MAX), "graded", "full"]);
  });
  it("writes a Canvas gradebook with a Points Possible row", () => {
    const lines = readFileSync(join(out, "gradebook-canvas.csv"), "utf8").split("\r\n");
    expect(lines[0]).toBe("Student,ID,SIS User ID,SIS Login ID,Section,Microdosing Workbook");
    expect(lines[1]).toBe(`Points Possible,,,,,${MAX}`);
  });
  it("feedback shows hidden checks as passed/failed without their inputs or expected values", () => {
    const html = readFileSync(join(out, "feedback", "loop.html"), "utf8");
    expect(html).toMatch(/\(hidden\)/);
    const r = result("half");
    for (const v of r.verdicts)
      for (const c of v.checks) if (c.visibility === "hidden") expect(c.expected ?? c.received).toBeUndefined();
  });
  it("writes a summary page with pass rates and an SVG score distribution", () => {
    const html = readFileSync(join(out, "summary.html"), "utf8");
    expect(html).toMatch(/<svg/);
    expect(html).toMatch(/pass rate/);
  });
});

describe("gradeClass(submissions) contains what breaks TypeScript: one student's file never stops the class", () => {
  it("grades a correct file followed by a 1,500-branch if/else chain (~60 KB) in full", () =>
    expectLost("long-chain", []));
  it("grades 1,000 nested parentheses and 800 nested array brackets in full", () => {
    expectLost("deep-parens", []);
    expectLost("deep-brackets", []);
  });
  it("30,000 nested brackets cost exactly that file, with a message naming the cause", () => {
    expectLost("too-deep", idsOfFile("ch03"));
    expect(notices("too-deep")).toMatch(
      /Compile error: exercises\/ch03\.ts: TypeScript could not read this file: its code is nested too deeply \(RangeError: Maximum call stack size exceeded\)/,
    );
  });
  it("a 900 KB string literal costs nothing", () => expectLost("huge-literal", []));
  it("binary garbage costs exactly that file, as a compile error", () => {
    expectLost("binary-garbage", idsOfFile("ch05"));
    expect(notices("binary-garbage")).toMatch(/Compile error: exercises\/ch05\.ts:\d+:\d+: /);
  });
  it("grades every other student of the class", () => {
    expectLost("full", []);
    expect(report.failed).toBe(0);
    expect(report.results.every((r) => r.status === "graded" || r.status === "refused: symlink")).toBe(true);
  });
});

describe("gradeClass(submissions): nobody vanishes from the gradebook", () => {
  const gradesRows = () => readFileSync(join(out, "grades.csv"), "utf8").trim().split("\r\n");
  const joseId = () => report.results.find((r) => r.name === JOSE)?.student ?? "(none)";

  it("grades a folder named by an LMS under a safe id, keeping the original name", () => {
    expect(joseId()).toMatch(/^Jose-Muller-late-[0-9a-f]{6}$/);
    expectLost(joseId(), []);
    const row = gradesRows().find((r) => r.startsWith(`${joseId()},`));
    expect(row?.split(",").slice(-4)).toEqual([String(MAX), String(MAX), "graded", JOSE]);
    expect(existsSync(join(out, "feedback", `${joseId()}.html`))).toBe(true);
    expect(readFileSync(join(out, "feedback", `${joseId()}.html`), "utf8")).toContain(
      "feedback for José Müller 🧪 (late)",
    );
    expect(report.notes).toContain(`${JOSE}: not a safe student id; graded as ${joseId()}`);
  });
  it("lists a symbolically linked student folder as refused: symlink, without following it", () => {
    const r = result("linked-student");
    expect([r.status, r.total, r.verdicts.length]).toEqual(["refused: symlink", 0, 0]);
    expect(
      gradesRows()
        .find((row) => row.startsWith("linked-student,"))
        ?.split(",")
        .slice(-4),
    ).toEqual(["0", String(MAX), "refused: symlink", "linked-student"]);
    expect(readFileSync(join(out, "gradebook-canvas.csv"), "utf8")).toMatch(
      /\r\nlinked-student,,linked-student,,,\r\n/,
    );
    expect(readFileSync(join(out, "feedback", "linked-student.html"), "utf8")).toMatch(
      /Not graded \(refused: symlink\)/,
    );
    expect(report.notes).toContain("linked-student: a symbolic link; refused (never followed)");
    expect(report.refused).toBe(1);
  });
  it("lists every submission found in grades.csv, the Canvas CSV and the summary", () => {
    const found = report.results.map((r) => r.student).sort();
    expect(found.length).toBe(readdirSync(subs).length);
    expect(
      gradesRows()
        .slice(1)
        .map((r) => r.split(",")[0])
        .sort(),
    ).toEqual(found);
    const canvas = readFileSync(join(out, "gradebook-canvas.csv"), "utf8").trim().split("\r\n").slice(2);
    expect(canvas.map((r) => r.split(",")[2]).sort()).toEqual(found);
    const summary = readFileSync(join(out, "summary.html"), "utf8");
    expect(summary).toContain(
      `<p>${found.length} submissions (${found.length - 1} graded, 1 not graded: see the list of students)`,
    );
    for (const s of found) expect(summary).toContain(`href="feedback/${encodeURIComponent(s)}.html"`);
  });
  it("names extra files in the feedback as ignored", () => {
    expectLost("extra-files", []);
    expect(notices("extra-files")).toMatch(
      /^ignored: notes\.txt, exercises\/data\.csv, exercises\/notes\/todo\.md \(only \.ts, \.js, \.cjs and \.json files under exercises\/ are graded\)$/m,
    );
    expect(readFileSync(join(out, "feedback", "extra-files.html"), "utf8")).toContain(
      "ignored: notes.txt, exercises/data.csv, exercises/notes/todo.md",
    );
  });
});

describe("gradeClass(submissions) blames printing when printing is the cause", () => {
  it("a crash after the file printed 2 MB at import names the volume and the file that printed it", () => {
    expectLost("flood-then-crash", [exitFn.id]);
    const messages = result("flood-then-crash")
      .verdicts.find((v) => v.id === exitFn.id)!
      .checks.map((c) => c.message ?? "");
    expect(messages.join("\n")).toMatch(
      new RegExp(
        `${exitFn.exportName} ended the grading process \\(killed by SIGKILL\\) after the process had printed 1\\.9 MB, 1\\.9 MB of it while exercises/ch01\\.ts ran: printing that much is what most likely ran out of memory — remove the console\\.log calls in exercises/ch01\\.ts`,
      ),
    );
  });
  it("a function that prints until it runs out of time is told so, not asked about an endless loop", () => {
    expectLost("flood-timeout", [floodFn.id]);
    const messages = result("flood-timeout")
      .verdicts.find((v) => v.id === floodFn.id)!
      .checks.map((c) => c.message ?? "");
    expect(
      messages.some((m) =>
        /did not finish within \d+ s while printing [\d.]+ [KM]B: printing that much is what ran out of time — remove the console\.log calls in exercises\/ch06\.ts/.test(
          m,
        ),
      ),
    ).toBe(true);
    expect(messages.some((m) => /endless loop/.test(m))).toBe(false);
  });
  it("a crash without a flood keeps its own message", () => {
    const messages = result("exit-in-call")
      .verdicts.find((v) => v.id === exitFn.id)!
      .checks.map((c) => c.message ?? "");
    expect(messages.join("\n")).toMatch(
      /ended the grading process \(exit code 0\): a crash, process\.exit\(\) or running out of memory/,
    );
  });
});
