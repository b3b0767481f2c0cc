// Per-student variants on the student side: the numbers, the prompts, the public checks, the notebook loader and the CLI.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { referenceSolutions } from "../../../src/cli/instructor/reference-solutions";
import { findLeaks, variantReferenceValues } from "../../../src/course/release/leaks";
import { EXERCISES, getExercise } from "../../../src/workbook/catalog";
import { checkExercise } from "../../../src/workbook/check";
import { hashAnswer } from "../../../src/workbook/answer-hash";
import { referenceAnswer } from "../../../src/workbook/instructor/reference";
import { variantHashEntries, variantReferenceAnswer, variantReports } from "../../../src/workbook/instructor/variants";
import { findProjectRoot } from "../../../src/workbook/paths";
import { variantKey } from "../../../src/workbook/variants/checks";
import {
  describeParams,
  isVaried,
  variant,
  variantParams,
  variedExerciseIds,
} from "../../../src/workbook/variants/params";
import { promptFor } from "../../../src/workbook/variants/prompt";
import { currentStudentId, forgetStudentId, setStudentId } from "../../../src/workbook/variants/student-id";

const ROOT = findProjectRoot();
const REFERENCE = referenceSolutions(ROOT);
const VARIED = EXERCISES.filter((e) => isVaried(e.id));
const VALUE_IDS = EXERCISES.filter((e) => e.kind === "value").map((e) => e.id);

afterEach(() => forgetStudentId());

describe("variantParams(exerciseId, studentId)", () => {
  it("at least 15 value exercises vary, and every varied exercise is a value exercise of the catalog", () => {
    expect(VARIED.length).toBeGreaterThanOrEqual(15);
    for (const id of variedExerciseIds()) expect(VALUE_IDS).toContain(id);
  });

  it("the same id gives the same numbers, call after call", () => {
    for (const ex of VARIED) expect(variantParams(ex.id, "s1234")).toEqual(variantParams(ex.id, "s1234"));
  });

  it("two ids differ, and across 20 ids every exercise takes several values, never the published ones", () => {
    const a = VARIED.map((e) => variantParams(e.id, "s1234"));
    const b = VARIED.map((e) => variantParams(e.id, "s5678"));
    expect(a).not.toEqual(b);
    for (const ex of VARIED) {
      const seen = new Set<string>();
      for (let i = 0; i < 20; i++) {
        const p = variantParams(ex.id, `student${i}`);
        expect(p, ex.id).not.toEqual(variantParams(ex.id));
        seen.add(JSON.stringify(p));
      }
      expect(seen.size, ex.id).toBeGreaterThanOrEqual(5);
    }
  });

  it("an exercise that continues another shares its numbers (ex-3.8 ← ex-3.7)", () => {
    expect(variantParams("ex-3.8", "s1234").halfLifeH).toBe(variantParams("ex-3.7", "s1234").halfLifeH);
  });

  it("rejects an unknown exercise and a malformed id, naming the argument", () => {
    expect(() => variantParams("ex-3.2", "s1234")).toThrow(/variantParams.*exerciseId/);
    expect(() => variantParams("ex-2.1", "../etc")).toThrow(/variantParams.*studentId/);
    expect(() => setStudentId("a b")).toThrow(/setStudentId.*id/);
  });
});

describe("no id: the published exercise, exactly as before", () => {
  it("each varied prompt is the published prompt the notebooks show", () => {
    const notebooks = readdirSync(join(ROOT, "notebooks"))
      .filter((f) => f.endsWith(".ipynb"))
      .map((f) => readFileSync(join(ROOT, "notebooks", f), "utf8"))
      .join("\n");
    for (const ex of VARIED) {
      expect(promptFor(ex), ex.id).toBe(ex.prompt);
      expect(notebooks.includes(JSON.stringify(ex.prompt.split("\n")[0]).slice(1, -1)), ex.id).toBe(true);
    }
  });

  it("the reference passes the stored default hashes; a variant's answer does not", () => {
    for (const ex of VARIED.slice(0, 4)) {
      const expected = referenceAnswer(REFERENCE, ex);
      expect(checkExercise(ex.id, { studentId: null, exports: { [ex.exportName]: expected } }).status, ex.id).toBe(
        "pass",
      );
      const own = variantReferenceAnswer(REFERENCE, ex, "s1234");
      expect(checkExercise(ex.id, { studentId: null, exports: { [ex.exportName]: own } }).status, ex.id).toBe("fail");
    }
  });
});

describe("with an id", () => {
  it("setStudentId sets the current id, variant() follows it, null clears it", () => {
    setStudentId("s1234");
    expect(currentStudentId()).toBe("s1234");
    expect(variant("ex-2.1")).toEqual(variantParams("ex-2.1", "s1234"));
    setStudentId(null);
    expect(variant("ex-2.1")).toEqual(variantParams("ex-2.1"));
  });

  it("prompts show the student's numbers", () => {
    const ex = getExercise("ex-2.1");
    expect(promptFor(ex, "s1234")).toContain(`**D_min = ${variantParams("ex-2.1", "s1234").dMinMg} mg**`);
    expect(promptFor(ex, "s1234")).not.toContain("4.5 mg");
  });

  it("without a published hash the check says it is checked when graded and never passes", () => {
    const ex = getExercise("ex-2.1");
    const own = variantReferenceAnswer(REFERENCE, ex, "s1234");
    const v = checkExercise("ex-2.1", { studentId: "s1234", exports: { [ex.exportName]: own } });
    expect(v.status).not.toBe("pass");
    const hashCheck = v.checks.find((c) => c.name.startsWith("matches the expected value of your variant"))!;
    expect(hashCheck.passed).toBe(false);
    expect(hashCheck.message).toMatch(/checked when graded/);
    expect(hashCheck.name).toContain(describeParams("ex-2.1", variantParams("ex-2.1", "s1234")));
  });

  describe("with published variant hashes (npm run variants -- hashes)", () => {
    let project: string;
    beforeAll(() => {
      project = mkdtempSync(join(tmpdir(), "variants-hashes-"));
      mkdirSync(join(project, "src", "workbook"), { recursive: true });
      cpSync(
        join(ROOT, "src", "workbook", "answer-hashes.json"),
        join(project, "src", "workbook", "answer-hashes.json"),
      );
      const entries = variantHashEntries(REFERENCE, ["s1234"]);
      writeFileSync(join(project, "src", "workbook", "variant-hashes.json"), JSON.stringify({ params: {}, entries }));
    }, 120_000);
    afterAll(() => rmSync(project, { recursive: true, force: true }));

    it("the student's own answer passes, the published one fails, a unit slip gets its hint", () => {
      const ex = getExercise("ex-2.1");
      const own = variantReferenceAnswer(REFERENCE, ex, "s1234") as number;
      const check = (answer: number) =>
        checkExercise("ex-2.1", { root: project, studentId: "s1234", exports: { [ex.exportName]: answer } });
      expect(check(own).status).toBe("pass");
      expect(check(referenceAnswer(REFERENCE, ex) as number).status).toBe("fail");
      expect(check(own / 1000).hints.join(" ")).toMatch(/1000/);
    });

    it("the hash file holds one salted hash per student and exercise, and no answer in clear", () => {
      const file = JSON.parse(readFileSync(join(project, "src", "workbook", "variant-hashes.json"), "utf8")) as {
        entries: Record<string, string>;
      };
      const varied = EXERCISES.filter((e) => e.kind === "value" && isVaried(e.id));
      expect(Object.keys(file.entries).sort()).toEqual(varied.map((e) => variantKey(e.id, "s1234")).sort());
      for (const ex of varied) {
        const key = variantKey(ex.id, "s1234");
        expect(file.entries[key]).toBe(hashAnswer(key, variantReferenceAnswer(REFERENCE, ex, "s1234"), ex.sigFigs));
        expect(file.entries[key]).toMatch(/^[0-9a-f]{64}$/); // a hash, nothing else
      }
    });
  });
});

describe("the notebook's loader reads the student's numbers through variant()", () => {
  it("an answers file computing from variant() is right for the id it runs under", () => {
    const dir = mkdtempSync(join(tmpdir(), "variants-answers-"));
    try {
      const ex = getExercise("ex-2.1");
      const stub = readFileSync(join(ROOT, "exercises", "ch02.ts"), "utf8")
        .replace(/from "\.\.\/src/g, `from "${ROOT}/src`)
        .replace(
          'ex2_1_maxMicrodoseUg: number | Unit = notAttempted("ex-2.1")',
          'ex2_1_maxMicrodoseUg: number | Unit = variant("ex-2.1").dMinMg * 10',
        );
      writeFileSync(join(dir, "ch02.ts"), stub);
      setStudentId("s1234");
      const v = checkExercise("ex-2.1", { answers: dir, studentId: null });
      // run under no id it computes the published answer; the variant is decided by the id the FILE runs under
      expect(v.status).toBe("pass");
      const mine = checkExercise("ex-2.1", { answers: dir });
      expect(mine.checks.some((c) => c.message?.includes("checked when graded"))).toBe(true);
      expect(mine.checks.find((c) => c.name.startsWith("matches"))?.received).toBe(
        `${variantReferenceAnswer(REFERENCE, ex, "s1234")} ug`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm run variants -- show (variantReports)", () => {
  it("prints the distribution, the numbers, the prompt and the answer of the id", () => {
    const [r] = variantReports(REFERENCE, "s1234", ["ex-4.5"]);
    const p = variantParams("ex-4.5", "s1234");
    expect(r.params).toEqual(p);
    expect(r.prompt).toContain(`**${p.activityNci} nCi**`);
    expect(r.expected).toBeCloseTo(p.activityNci * 37 * 5.8e-10 * 1e6, 9);
    expect(r.distribution).toMatch(/nCi/);
  });
});

describe("npm run check reads workbook.json", () => {
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), "variants-cli-"));
    for (const name of ["src", "node_modules"]) symlinkSync(join(ROOT, name), join(project, name), "dir");
    writeFileSync(join(project, "package.json"), readFileSync(join(ROOT, "package.json")));
    cpSync(join(ROOT, "exercises"), join(project, "exercises"), { recursive: true });
    writeFileSync(join(project, "workbook.json"), JSON.stringify({ studentId: "s1234" }));
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("checks the varied exercises against the student's numbers", () => {
    const ch02 = join(project, "exercises", "ch02.ts");
    writeFileSync(
      ch02,
      readFileSync(ch02, "utf8").replace(
        'ex2_1_maxMicrodoseUg: number | Unit = notAttempted("ex-2.1")',
        "ex2_1_maxMicrodoseUg: number | Unit = 45",
      ),
    );
    const r = spawnSync(process.execPath, [join(ROOT, "src", "cli", "check.cjs"), "--only", "ex-2.1", "--json"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, WORKBOOK_ROOT: project, NO_COLOR: "1" },
      timeout: 180_000,
    });
    const out = JSON.parse(r.stdout) as {
      studentId: string;
      verdicts: Array<{ status: string; checks: Array<{ name: string }> }>;
    };
    expect(out.studentId).toBe("s1234");
    expect(out.verdicts[0].status).toBe("fail"); // 45 µg is the published answer, not s1234's
    expect(out.verdicts[0].checks.map((c) => c.name).join("\n")).toContain(
      `D_min = ${variantParams("ex-2.1", "s1234").dMinMg} mg`,
    );
  }, 200_000);
});

describe("no variant answer reaches the student edition in clear (release leak scan)", () => {
  it("variantReferenceValues lists the answers of every published variant hash, and findLeaks finds them", () => {
    const project = mkdtempSync(join(tmpdir(), "variants-leaks-"));
    try {
      mkdirSync(join(project, "src", "workbook"), { recursive: true });
      const ids = ["s1234", "s5678"];
      const entries = Object.fromEntries(
        ids.flatMap((id) => VARIED.map((ex) => [variantKey(ex.id, id), "0".repeat(64)])),
      );
      writeFileSync(join(project, "src", "workbook", "variant-hashes.json"), JSON.stringify({ params: {}, entries }));
      const values = variantReferenceValues(project, REFERENCE);
      expect(values.length).toBe(ids.length * VARIED.length);
      expect(values).toContain(variantReferenceAnswer(REFERENCE, getExercise("ex-4.2"), "s5678"));
      const prints = values
        .map((v) => String(Number(v.toPrecision(6))))
        .filter((t) => t.replace(/\D/g, "").length >= 5);
      expect(prints.length).toBeGreaterThan(10);
      // what ships to students: the student runtime (src/workbook without instructor/), the stubs, the hash file
      const shipped = [join(ROOT, "exercises"), join(ROOT, "src", "workbook")];
      const leaks = shipped.flatMap((dir) => findLeaks(dir, prints)).filter((l) => !l.file.startsWith("instructor/"));
      expect(leaks).toEqual([]);
      // and the scan can fail: an answer planted in a shipped file is found
      writeFileSync(join(project, "src", "workbook", "notes.ts"), `// ${prints[0]}\n`);
      expect(findLeaks(project, prints).map((l) => l.file)).toContain(join("src", "workbook", "notes.ts"));
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("every variant is a well-posed exercise", () => {
  it("for 30 ids, each varied exercise's reference answer is finite and passes its range checks (the draws respect them)", () => {
    const ids = Array.from({ length: 30 }, (_, i) => `id${i}`);
    for (const ex of VARIED) {
      if (ex.kind !== "value") continue;
      for (const id of ids) {
        const v = variantReferenceAnswer(REFERENCE, ex, id);
        expect(typeof v === "number" && Number.isFinite(v), `${ex.id} ${id}`).toBe(true);
        for (const r of ex.checks) {
          expect(v as number, `${ex.id} ${id}: ${r.name}`).toBeGreaterThanOrEqual(r.min);
          expect(v as number, `${ex.id} ${id}: ${r.name}`).toBeLessThanOrEqual(r.max);
        }
      }
    }
  }, 300_000);
});
