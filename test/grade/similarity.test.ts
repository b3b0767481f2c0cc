// The similarity report: copies found through renaming, stubs not counted, hostile text escaped, scores untouched.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeClass } from "../../src/course/grade";
import {
  joinFiles,
  locate,
  similarPairs,
  similarityReport,
  stubDocument,
  studentDocuments,
} from "../../src/course/grade/similarity";
import { runInstructorCli } from "../support/instructor-cli";
import { REFERENCE, ROOT, hashTree, makeDir, solution, stubs, writeStudent, writeZip } from "./fixtures";

const dir = makeDir();
const classA = join(dir, "class-a");
const classB = join(dir, "class-b");
const STUBS = join(ROOT, "exercises");
// No "/" in either: a folder or file name cannot hold one.
const HOSTILE = '<b onmouseover="alert(1)">Eve';
const HOSTILE_FILE = '"><img src=x onerror=alert(2)>.ts';

/** ada's code with every local `const`/`let` name renamed: what a copier does to hide it. */
function renamed(source: string): { text: string; count: number } {
  const names = new Set([...source.matchAll(/(?<!export )\b(?:const|let)\s+([A-Za-z_]\w*)/g)].map((m) => m[1]));
  let text = source;
  for (const n of names) text = text.replace(new RegExp(`\\b${n}\\b`, "g"), `${n}Renamed`);
  return { text, count: names.size };
}

/** ada (the ch02 solution) and ben (her code, renamed): the pair a report must rank first. */
function writeCopiers(classDir: string): void {
  const ada = solution("ch02");
  const copy = renamed(ada);
  expect(copy.count).toBeGreaterThan(5); // the fixture really renames
  writeStudent(classDir, "ada", { ...stubs(), "ch02.ts": ada });
  writeStudent(classDir, "ben", { ...stubs(), "ch02.ts": copy.text });
}

beforeAll(() => {
  writeCopiers(classA);
  writeStudent(classA, "cy", { ...stubs(), "ch04.ts": solution("ch04") });
  writeStudent(classA, "dee", stubs());
  writeZip(classA, "fay", Object.fromEntries(Object.entries(stubs()).map(([p, t]) => [`exercises/${p}`, t as string])));
  // Class B: a hostile name, file name and code, whose shared code (with gus) holds the hostile string.
  const shared = [
    "export function shout(times: number): string {",
    '  const tag = "</pre><script>alert(3)</script>";',
    '  let out = "";',
    "  for (let i = 0; i < times; i++) {",
    "    out += tag + String(i * times) + (i % 2 === 0 ? tag.toUpperCase() : tag.toLowerCase());",
    "  }",
    "  return out.length > 100 ? out.slice(0, 100) : out + String(times);",
    "}",
    "",
  ].join("\n");
  writeStudent(classB, HOSTILE, { ...stubs(), [HOSTILE_FILE]: shared });
  writeStudent(classB, "gus", { ...stubs(), "extra.ts": shared });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("similarPairs(documents, base)", () => {
  it("ranks the two students who copied with renamed variables first", async () => {
    const { documents } = studentDocuments(classA);
    expect(documents.map((d) => d.student)).toEqual(["ada", "ben", "cy", "dee", "fay"]);
    const pairs = await similarPairs(documents, stubDocument(STUBS));
    expect([pairs[0].a, pairs[0].b]).toEqual(["ada", "ben"]);
    // 0.47 here, against 0.07 for two honest solutions of different chapters (shared imports and idioms).
    expect(pairs[0].similarity).toBeGreaterThan(0.3);
    expect(pairs[0].similarity).toBeGreaterThan(4 * pairs[1].similarity);
    // The shared fragments point into ch02.ts on both sides.
    expect(pairs[0].fragments.length).toBeGreaterThan(0);
    expect(pairs[0].fragments.every((f) => f.a.path === "ch02.ts" && f.b.path === "ch02.ts")).toBe(true);
  }, 60_000);

  it("does not report the stubs alone as similar (and would without the base)", async () => {
    const { documents } = studentDocuments(classA);
    const withBase = await similarPairs(documents, stubDocument(STUBS));
    const stubOnly = (p: { a: string; b: string }) => p.a === "dee" || p.b === "dee" || p.a === "fay" || p.b === "fay";
    expect(withBase.filter(stubOnly)).toEqual([]);
    // Control: without the base code, the two stub-only submissions are (nearly) identical.
    const without = await similarPairs(documents, undefined);
    const deeFay = without.find((p) => p.a === "dee" && p.b === "fay");
    expect(deeFay?.similarity).toBeGreaterThan(0.9);
  }, 60_000);

  it("rejects a class with a student twice and gives no pairs for fewer than two", async () => {
    const one = joinFiles("ada", "ada", new Map([["ch01.ts", "export const a = 1;\n"]]));
    await expect(similarPairs([one, one], undefined)).rejects.toThrow(/must hold each student once/);
    expect(await similarPairs([one], undefined)).toEqual([]);
    await expect(similarPairs([one], undefined, { kgramLength: 0 })).rejects.toThrow(/positive integer/);
  });
});

describe("similarityReport on a file nested too deeply for Dolos", () => {
  it("leaves that student out with a note and compares the rest", async () => {
    const classC = join(dir, "class-c");
    writeCopiers(classC);
    writeStudent(classC, "deep", {
      ...stubs(),
      "ch01.ts": `export const x = ${"(".repeat(20_000)}1${")".repeat(20_000)};\n`,
    });
    const report = await similarityReport({ submissions: classC, out: join(dir, "out-c"), stubs: STUBS });
    expect(report.notes).toContain("deep: nested too deeply to compare; not compared");
    expect(report.compared).toBe(2);
    expect(report.pairs.map((p) => [p.a, p.b])).toEqual([["ada", "ben"]]);
  }, 60_000);
});

describe("joinFiles and locate", () => {
  it("maps a line of the joined document back to its file and 1-based line", () => {
    const doc = joinFiles(
      "ada",
      "ada",
      new Map([
        ["b.ts", "x\ny\n"],
        ["a.ts", "1\r\n2"],
      ]),
    );
    expect(doc.text).toBe("1\n2\nx\ny\n");
    expect(locate(doc, 1)).toEqual({ path: "a.ts", line: 2 });
    expect(locate(doc, 3)).toEqual({ path: "b.ts", line: 2 });
    expect(() => locate(doc, 9)).toThrow(/must be a line of ada's document/);
  });
});

describe("similarityReport(options)", () => {
  it("escapes a hostile student name, file name and code in similarity.html", async () => {
    const out = join(dir, "out-b");
    const report = await similarityReport({ submissions: classB, out, stubs: STUBS });
    expect(report.pairs).toHaveLength(1);
    const html = readFileSync(join(out, "similarity.html"), "utf8");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<b |<img/i);
    expect(html).toContain("&lt;b onmouseover=&quot;alert(1)&quot;&gt;Eve");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;.ts");
    expect(html).toContain("&lt;/pre&gt;&lt;script&gt;alert(3)&lt;/script&gt;");
    const csv = readFileSync(join(out, "similarity.csv"), "utf8").split("\n");
    expect(csv[0]).toBe("rank,student_a,student_b,similarity,longest,fragments,name_a,name_b");
    expect(csv[1]).toMatch(/^1,[^,]+,gus,\d\.\d{4},\d+,\d+,"<b onmouseover=""alert\(1\)"">Eve",gus$/);
  }, 60_000);

  it("never changes a score: the grading outputs and the submissions stay byte for byte", async () => {
    const out = join(dir, "graded");
    await gradeClass({ reference: REFERENCE, submissions: classA, out, root: ROOT, progress: false });
    const grades = readFileSync(join(out, "grades.csv"), "utf8");
    const before = hashTree(out);
    const submissions = hashTree(classA);
    const cli = runInstructorCli("similarity", ["--submissions", classA, "--out", out]);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(
      /5 submissions compared, \d+ pairs share code beyond the stubs \(most similar: ada and ben/,
    );
    expect(
      readdirSync(out)
        .filter((n) => n.startsWith("similarity"))
        .sort(),
    ).toEqual(["similarity.csv", "similarity.html"]);
    const moved = join(dir, "similarity-files");
    mkdirSync(moved);
    for (const n of ["similarity.csv", "similarity.html"]) {
      writeFileSync(join(moved, n), readFileSync(join(out, n)));
      rmSync(join(out, n));
    }
    expect(hashTree(out)).toBe(before);
    expect(readFileSync(join(out, "grades.csv"), "utf8")).toBe(grades);
    expect(hashTree(classA)).toBe(submissions);
  }, 180_000);
});
