// The Gradescope autograder: the zip `npm run gradescope:build` writes, and run_autograder on a fake /autograder tree.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradescopeZip } from "../../../src/course/grade/lms/gradescope-bundle";
import type { GradescopeResults } from "../../../src/course/grade/outputs/gradescope";
import { idsOfFile, pointsOf, ROOT, solution, stub } from "../fixtures";

const dir = mkdtempSync(join(tmpdir(), "gradescope-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Unix modes of the zip's entries, from the central directory (external attributes >> 16). */
function zipModes(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const modes = new Map<string, number>();
  let o = view.getUint32(eocd + 16, true);
  for (let n = view.getUint16(eocd + 10, true); n > 0; n--) {
    const nameLen = view.getUint16(o + 28, true);
    const name = new TextDecoder().decode(zip.subarray(o + 46, o + 46 + nameLen));
    modes.set(name, view.getUint32(o + 38, true) >>> 16);
    o += 46 + nameLen + view.getUint16(o + 30, true) + view.getUint16(o + 32, true);
  }
  return modes;
}

let zip: Uint8Array;
beforeAll(() => {
  zip = gradescopeZip(ROOT);
});

describe("npm run gradescope:build", () => {
  it("puts setup.sh and an executable run_autograder at the top, the grader beside them, never node_modules", () => {
    const names = Object.keys(unzipSync(zip, { filter: () => false }));
    const modes = zipModes(zip);
    expect(modes.get("setup.sh")).toBe(0o100755);
    expect(modes.get("run_autograder")).toBe(0o100755);
    expect(modes.get("package.json")).toBe(0o100644);
    for (const needed of [
      "package.json",
      "package-lock.json",
      "src/cli/instructor/gradescope-run.ts",
      "src/workbook/answer-hashes.json",
      "solutions/ch01.ts",
      "exercises/ch01.ts",
    ])
      expect(modes.has(needed), needed).toBe(true);
    expect([...modes.keys()].filter((n) => /(^|\/)(node_modules|\.[^/]+)(\/|$)|\.d\.ts$/.test(n))).toEqual([]);
    expect(names).toEqual([]); // the filter inflated nothing
  });

  it("is byte-identical from one build to the next, and the command writes it", () => {
    expect(Buffer.from(gradescopeZip(ROOT)).equals(Buffer.from(zip))).toBe(true);
    const out = join(dir, "autograder.zip");
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", join(ROOT, "src", "cli", "instructor", "gradescope-build.ts"), "--out", out],
      { cwd: ROOT, encoding: "utf8", timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/autograder\.zip: \d+ files, \d+ KB\. Upload it as the autograder/);
    expect(Buffer.from(readFileSync(out)).equals(Buffer.from(zip))).toBe(true);
  }, 120_000);
});

/** A fake /autograder: the zip unpacked in source/ (node_modules linked, as setup.sh would install it), run_autograder beside it. */
function fakeAutograder(name: string, submission: Record<string, string>): string {
  const root = join(dir, name);
  for (const [path, data] of Object.entries(unzipSync(zip))) {
    mkdirSync(dirname(join(root, "source", path)), { recursive: true });
    writeFileSync(join(root, "source", path), data);
  }
  symlinkSync(join(ROOT, "node_modules"), join(root, "source", "node_modules"), "dir");
  writeFileSync(join(root, "run_autograder"), readFileSync(join(root, "source", "run_autograder")));
  chmodSync(join(root, "run_autograder"), 0o755);
  for (const [path, text] of Object.entries(submission)) {
    mkdirSync(dirname(join(root, "submission", path)), { recursive: true });
    writeFileSync(join(root, "submission", path), text);
  }
  return root;
}

function runAutograder(root: string, env: Record<string, string> = {}): GradescopeResults {
  const run = spawnSync(join(root, "run_autograder"), [], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, GRADESCOPE_AUTOGRADER_ROOT: root, GRADER_NO_SNAPSHOT: "1", ...env },
    timeout: 300_000,
  });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  return JSON.parse(readFileSync(join(root, "results", "results.json"), "utf8")) as GradescopeResults;
}

describe("run_autograder", () => {
  const ch01 = idsOfFile("ch01");

  it("grades a file at the top of the submission: public checks visible, hidden checks and points after publication", () => {
    const results = runAutograder(fakeAutograder("top", { "ch01.ts": solution("ch01") }));
    expect(results.score).toBe(pointsOf(ch01));
    expect(results.visibility).toBe("after_published");
    const graded = results.tests.filter((t) => !t.number.endsWith(".public"));
    expect(
      graded.filter((t) => ch01.includes(t.number)).every((t) => t.score === t.max_score && t.status === "passed"),
    ).toBe(true);
    expect(graded.reduce((s, t) => s + t.score, 0)).toBe(pointsOf(ch01));
    const publics = results.tests.filter((t) => t.number.endsWith(".public"));
    expect(publics.length).toBeGreaterThan(0);
    for (const p of publics) {
      expect([p.score, p.max_score, p.visibility]).toEqual([0, 0, "visible"]);
      const full = results.tests.find((t) => t.number === p.number.replace(/\.public$/, ""))!;
      expect(full.visibility).toBe("after_published");
      expect(full.output).toContain("(hidden)");
      expect(p.output).not.toContain("(hidden)");
    }
    // Exercises with public checks only stay visible with their points.
    for (const t of graded)
      expect(t.visibility).toBe(publics.some((p) => p.number === `${t.number}.public`) ? "after_published" : "visible");
  }, 300_000);

  it("grades exercises/ of the submission, and GRADESCOPE_RELEASE=1 shows the result at once", () => {
    const results = runAutograder(fakeAutograder("folder", { "exercises/ch01.ts": stub("ch01"), "README.md": "hi" }), {
      GRADESCOPE_RELEASE: "1",
    });
    expect(results.score).toBe(0);
    expect(results.max_score).toBeGreaterThan(pointsOf(ch01));
    expect(results.visibility).toBe("visible");
    expect(results.tests.filter((t) => ch01.includes(t.number)).map((t) => t.status)).toEqual(ch01.map(() => "failed"));
  }, 300_000);
});
