// Per-student variants in the grader: each student is graded against the reference evaluated with their own numbers.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeClass, type SubmissionResult } from "../../src/course/grade";
import { referenceSolutions } from "../../src/cli/instructor/reference-solutions";
import { variantReferenceAnswer } from "../../src/workbook/instructor/variants";
import { referenceAnswer } from "../../src/workbook/instructor/reference";
import { variantParams } from "../../src/workbook/variants/params";
import { exercise, makeDir, projectCopy, REFERENCE, solution, stubs, stubWith, writeStudent } from "./fixtures";

const dir = makeDir();
const subs = join(dir, "submissions");
const settings = { exerciseMs: 6000, loadMs: 20_000 };
let root: string;

const ex21 = exercise("ex-2.1");
const ex24 = exercise("ex-2.4");
/** s1234 types their own number for ex-2.1 and computes ex-2.4 from variant(): both must be right. */
const own21 = variantReferenceAnswer(REFERENCE, ex21, "s1234") as number;
/** s5678 copies the published answers (the default variant). */
const default21 = referenceAnswer(REFERENCE, ex21) as number;
const default24 = referenceAnswer(REFERENCE, ex24) as number;

beforeAll(() => {
  root = projectCopy(dir);
  const importVariant = 'import { variant } from "../src/workbook/catalog/data";\n';
  writeStudent(subs, "s1234", {
    ...stubs(),
    "ch02.ts":
      importVariant.replace("variant", "variant as v") +
      stubWith("ch02", (ex) =>
        ex.id === "ex-2.1"
          ? String(own21)
          : ex.id === "ex-2.4"
            ? '(0.08 * v("ex-2.4").totalNm) / (0.08 * v("ex-2.4").totalNm + v("ex-2.4").kdNm)'
            : undefined,
      ),
  });
  writeStudent(subs, "s5678", {
    ...stubs(),
    "ch02.ts": stubWith("ch02", (ex) =>
      ex.id === "ex-2.1" ? String(default21) : ex.id === "ex-2.4" ? String(default24) : undefined,
    ),
  });
  // the reference file itself, run in the sandbox: it reads the student's numbers through variant()
  writeStudent(subs, "s9999", { ...stubs(), "ch02.ts": solution("ch02") });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const points = (results: SubmissionResult[], student: string, id: string): number => {
  const v = results.find((r) => r.student === student)?.verdicts.find((x) => x.id === id);
  if (!v) throw new Error(`no verdict of ${id} for ${student}`);
  return v.points;
};

describe("gradeClass({ variants: true })", () => {
  it("the students' numbers differ from the published ones (the test below means something)", () => {
    for (const s of ["s1234", "s5678", "s9999"]) {
      expect(variantParams("ex-2.1", s)).not.toEqual(variantParams("ex-2.1"));
      expect(variantParams("ex-2.4", s)).not.toEqual(variantParams("ex-2.4"));
    }
    expect(own21).not.toBeCloseTo(default21, 3);
  });

  it("gives full marks for the student's own variant and none for the copied published answer", async () => {
    const report = await gradeClass({
      reference: referenceSolutions(root),
      submissions: subs,
      out: join(dir, "out-variants"),
      root,
      progress: false,
      settings,
      variants: true,
    });
    const r = report.results;
    expect(points(r, "s1234", "ex-2.1")).toBe(ex21.points);
    expect(points(r, "s1234", "ex-2.4")).toBe(ex24.points);
    expect(points(r, "s5678", "ex-2.1")).toBe(0);
    expect(points(r, "s5678", "ex-2.4")).toBe(0);
    for (const id of ["ex-2.1", "ex-2.2", "ex-2.4", "ex-2.5", "ex-2.7", "ex-2.8"])
      expect(points(r, "s9999", id), id).toBe(exercise(id).points);
    // the feedback names the student's numbers
    const failed = r.find((x) => x.student === "s5678")!.verdicts.find((v) => v.id === "ex-2.1")!;
    expect(failed.checks.map((c) => c.name).join("\n")).toContain(
      `D_min = ${variantParams("ex-2.1", "s5678").dMinMg} mg`,
    );
  }, 300_000);

  it("without --variants grades everyone against the published numbers, as before", async () => {
    const report = await gradeClass({
      reference: referenceSolutions(root),
      submissions: subs,
      out: join(dir, "out-default"),
      root,
      progress: false,
      settings,
    });
    expect(points(report.results, "s5678", "ex-2.1")).toBe(ex21.points);
    expect(points(report.results, "s5678", "ex-2.4")).toBe(ex24.points);
    expect(points(report.results, "s1234", "ex-2.1")).toBe(0);
  }, 300_000);
});
