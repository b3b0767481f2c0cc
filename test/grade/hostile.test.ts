// @instructor-only — the grader against honest and hostile submissions, with the exact score each must get.
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeClass, type GradeClassReport, type SubmissionResult } from "../../src/course/grade";
import { readAnswerHashes } from "../../src/workbook/paths";
import {
  FILES, MAX, ROOT, correctIfAllowed, firstFunction, fullSolution, hashTree, idsOfFile, injectIntoFunction, makeDir, mixed, pointsOf, solution, stub, stubWith, stubs, writeStudent, writeZip,
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
  const lost = r.verdicts.filter((v) => v.points < v.maxPoints).map((v) => (expected.includes(v.id) ? v.id : `${v.id}: ${v.loadError ?? v.checks.find((c) => !c.passed)?.message ?? v.status}`));
  expect(lost).toEqual(expected);
  expect(r.total).toBe(without(...expected));
}
const allIds = FILES.flatMap(idsOfFile);
const notices = (student: string) => result(student).notices.join("\n");

const loopFn = firstFunction("ch03");
const exitFn = firstFunction("ch02");
const memoryFn = firstFunction("ch04");
const noisyFn = firstFunction("ch05");
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
  writeStudent(subs, "fake-number", Object.fromEntries(FILES.map((f) => [`${f}.ts`, stubWith(f, (ex) => (ex.kind === "value"
    ? "(new Proxy({}, { get: (_t, k) => (k === Symbol.toPrimitive ? () => 42 : () => 42) }) as any)"
    : '({ valueOf: () => 42, toString: () => "42", type: "Unit", toNumber: () => NaN, [Symbol.toPrimitive]: () => 42 } as any)'))])));
  writeStudent(subs, "fake-output", { ...stubs(), "ch01.ts": `${stub("ch01")}\nconsole.log("✓ 47 of 47 checks passed — all tests passed!"); process.stdout.write(JSON.stringify({ score: ${MAX}, tests: [] }));\n` });
  writeStudent(subs, "writer", { ...stubs(), "ch01.ts": `${stub("ch01")}
const fs = require("fs");
for (const p of [${JSON.stringify(join(out, "grades.csv"))}, ${JSON.stringify(join(out, "pwned.txt"))}, ${JSON.stringify(join(ROOT, "solutions", "pwned.ts"))}, ${JSON.stringify(join(subs, "full", "exercises", "pwned.ts"))}, "../../pwned.txt", "/tmp/pwned-by-student.txt"]) {
  try { fs.writeFileSync(p, "pwned"); } catch {}
}
` });
  // Each attempt earns the correct value answers only if it succeeds.
  writeStudent(subs, "read-solutions", attempt(`require("fs").readFileSync(${JSON.stringify(join(ROOT, "solutions", "ch01.ts"))})`));
  writeStudent(subs, "require-solutions", attempt(`require("../../solutions/ch01"); require(${JSON.stringify(join(ROOT, "solutions", "ch01"))})`));
  writeStudent(subs, "read-hidden", attempt(`require("../src/workbook/hidden").hiddenChecks.checksFor`));
  writeStudent(subs, "read-other-student", attempt(`require("fs").readFileSync(${JSON.stringify(join(subs, "full", "exercises", "ch01.ts"))})`));
  writeStudent(subs, "read-passwd", attempt(`require("fs").readFileSync("/etc/passwd")`));
  writeStudent(subs, "list-workdir", attempt(`require("fs").readdirSync(require("path").resolve(process.cwd(), "../.."))`));
  writeStudent(subs, "spawn", attempt(`require("child_process").execSync("cat ${join(ROOT, "solutions", "ch01.ts")}")`));
  writeStudent(subs, "worker", attempt(`new (require("worker_threads").Worker)("1", { eval: true })`));
  writeStudent(subs, "binding", attempt(`(process as any).binding("fs")`));
  writeStudent(subs, "ipc-spoof", { ...stubs(), "ch01.ts": `${stub("ch01")}
for (let id = 1; id < 400; id++) process.send?.({ type: "outcomes", id, outcomes: Array(60).fill({ kind: "answer", value: 0.123456 }) });
process.send = () => true;
` });
  // Failures confined to one file or one exercise.
  writeStudent(subs, "exit-at-import", withFile("ch02", `process.exit(0);\n${solution("ch02")}`));
  writeStudent(subs, "exit-in-call", withFile("ch02", injectIntoFunction(solution("ch02"), exitFn.exportName, "process.exit(0);")));
  writeStudent(subs, "loop", withFile("ch03", injectIntoFunction(solution("ch03"), loopFn.exportName, "while (true) {}")));
  writeStudent(subs, "memory", withFile("ch04", injectIntoFunction(solution("ch04"), memoryFn.exportName, "const hog: number[][] = []; for (;;) hog.push(new Array(1e6).fill(1));")));
  writeStudent(subs, "output", withFile("ch05", injectIntoFunction(solution("ch05"), noisyFn.exportName, `if (!(globalThis as any).printed) { (globalThis as any).printed = 1; process.stdout.write("x".repeat(20e6)); console.error("y".repeat(1e6)); }`)));
  const lastFile = FILES[FILES.length - 1];
  writeStudent(subs, "throw-non-error", withFile(lastFile, injectIntoFunction(solution(lastFile), throwFn.exportName, 'throw { toString() { throw new Error("gotcha"); } };')));
  writeStudent(subs, "compile-error", withFile("ch02", `${solution("ch02")}\nexport const = ;\n`));
  writeStudent(subs, "symlinks", { ...fullSolution(), "ch01.ts": { symlink: join(ROOT, "solutions", "ch01.ts") }, "passwd.json": { symlink: "/etc/passwd" } });
  mkdirSync(join(subs, "symlinked-dir"));
  symlinkSync(join(ROOT, "solutions"), join(subs, "symlinked-dir", "exercises"));
  writeZip(subs, "zip-slip", { "exercises/ch01.ts": solution("ch01"), "../../evil.ts": "export const x = 1;", "/abs/evil.ts": "x", "exercises/../../escape.ts": "x" });
  writeZip(subs, "zip-nested", Object.fromEntries(FILES.map((f) => [`zip-nested/exercises/${f}.ts`, solution(f)])));
  before = hashTree(subs);
  report = await gradeClass({ submissions: subs, out, root: ROOT, progress: false, settings: { exerciseMs: 6000, loadMs: 30_000, callMs: 3000 } });
}, 240_000);

afterAll(() => rmSync(classDir, { recursive: true, force: true }));

describe("gradeClass(submissions) with honest submissions", () => {
  it("gives the full reference solution full marks", () => expectLost("full", []));
  it("gives the stubs zero, every exercise not attempted", () => {
    expect(result("stubs").total).toBe(0);
    expect(result("stubs").verdicts.every((v) => v.status === "not-attempted")).toBe(true);
  });
  it("gives a half-solved submission exactly the points of the solved half", () => {
    expectLost("half", allIds.filter((id) => !solvedHalf.has(id)));
    expect(result("half").total).toBe(pointsOf(solvedHalf));
  });
  it("accepts a zip whose entries sit inside one top folder", () => expectLost("zip-nested", []));
  it("judges public hash checks against the reference it registered for every stored hash, refusing none", () =>
    expect(report.knownAnswers).toEqual({ registered: Object.keys(readAnswerHashes(ROOT).entries).length, refused: [] }));
});

describe("gradeClass(submissions) with tricks that would fool an in-process checker", () => {
  it.each(["monkeypatch", "fake-number", "fake-output", "ipc-spoof"])("%s earns 0", (s) => expect(result(s).total).toBe(0));
  it("never shows the student's printed output in the feedback", () => {
    expect(readFileSync(join(out, "feedback", "fake-output.html"), "utf8")).not.toMatch(/all tests passed/);
    expect(JSON.parse(readFileSync(join(out, "results", "fake-output.json"), "utf8")).score).toBe(0);
  });
});

describe("gradeClass(submissions) confines the student's process", () => {
  it.each(["read-solutions", "require-solutions", "read-hidden", "read-other-student", "read-passwd", "list-workdir", "spawn", "worker", "binding"])("%s earns 0 (the attempt was blocked)", (s) =>
    expect(result(s).total).toBe(0),
  );
  it("writer cannot write outside its scratch folder", () => {
    expect(result("writer").total).toBe(0);
    for (const p of [join(out, "pwned.txt"), join(ROOT, "solutions", "pwned.ts"), join(subs, "full", "exercises", "pwned.ts"), "/tmp/pwned-by-student.txt"]) expect(existsSync(p)).toBe(false);
    expect(readFileSync(join(out, "grades.csv"), "utf8")).not.toMatch(/pwned/);
  });
  it("refuses symbolic links: a linked file costs that file, a linked exercises/ costs everything", () => {
    expectLost("symlinks", idsOfFile("ch01"));
    expect(notices("symlinks")).toMatch(/exercises\/ch01\.ts is a symbolic link; refused/);
    expect(notices("symlinks")).toMatch(/passwd\.json is a symbolic link; refused/);
    expect(result("symlinked-dir").total).toBe(0);
  });
  it("refuses zip entries with .. or absolute paths and grades the rest", () => {
    expectLost("zip-slip", allIds.filter((id) => !idsOfFile("ch01").includes(id)));
    expect(notices("zip-slip")).toMatch(/"\.\.\/\.\.\/evil\.ts" has an absolute or escaping path; refused/);
    expect(notices("zip-slip")).toMatch(/"\/abs\/evil\.ts" has an absolute or escaping path/);
  });
  it("never modifies the submissions", () => expect(hashTree(subs)).toBe(before));
});

describe("gradeClass(submissions) survives crashes, exits, loops, memory and output floods", () => {
  it("process.exit(0) at import costs exactly that file", () => {
    expectLost("exit-at-import", idsOfFile("ch02"));
    expect(notices("exit-at-import")).toMatch(/exercises\/ch02\.ts ended the grading process while loading \(exit code 0\)/);
  });
  it("process.exit(0) inside a function costs exactly that exercise", () => expectLost("exit-in-call", [exitFn.id]));
  it("an endless loop costs exactly that exercise, with a timeout message", () => {
    const r = result("loop");
    expectLost("loop", [loopFn.id]);
    expect(r.verdicts.find((v) => v.id === loopFn.id)!.checks.some((c) => /did not finish within/.test(c.message ?? ""))).toBe(true);
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
  it("writes grades.csv with student, one column per exercise, total and max", () => {
    const [head, ...rows] = readFileSync(join(out, "grades.csv"), "utf8").trim().split("\r\n");
    expect(head.split(",")[0]).toBe("student");
    expect(head.split(",").slice(-2)).toEqual(["total", "max"]);
    expect(rows.find((r) => r.startsWith("full,"))!.split(",").slice(-2)).toEqual([String(MAX), String(MAX)]);
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
    for (const v of r.verdicts) for (const c of v.checks) if (c.visibility === "hidden") expect(c.expected ?? c.received).toBeUndefined();
  });
  it("writes a summary page with pass rates and an SVG score distribution", () => {
    const html = readFileSync(join(out, "summary.html"), "utf8");
    expect(html).toMatch(/<svg/);
    expect(html).toMatch(/pass rate/);
  });
});
