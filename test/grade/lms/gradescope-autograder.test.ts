// The Gradescope autograder: the zip `npm run gradescope:build` writes, and run_autograder on a fake /autograder tree.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { gradescopeBundleFiles, gradescopeZip } from "../../../src/course/grade/lms/gradescope-bundle";
import { gradescopeStudentId } from "../../../src/course/grade/lms/gradescope-metadata";
import { idsOfFile, pointsOf, ROOT, solution, stub } from "../fixtures";
import { runInstructorCli } from "../../support/instructor-cli";
import { fakeAutograder, runAutograder } from "./fake-autograder";

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

  it("says in gradescope.json whether it grades per-student variants", () => {
    const settings = (variants: boolean): unknown =>
      JSON.parse(new TextDecoder().decode(gradescopeBundleFiles(ROOT, { variants }).get("gradescope.json")!.data));
    expect(settings(false)).toEqual({ variants: false });
    expect(settings(true)).toEqual({ variants: true });
    expect(JSON.parse(new TextDecoder().decode(unzipSync(zip)["gradescope.json"]))).toEqual({ variants: false });
    expect(() => gradescopeBundleFiles(ROOT, { variants: "yes" as unknown as boolean })).toThrow(
      /gradescopeBundleFiles.*settings\.variants.*must be true or false/,
    );
  });

  it("is byte-identical from one build to the next, and the command writes it", () => {
    expect(Buffer.from(gradescopeZip(ROOT)).equals(Buffer.from(zip))).toBe(true);
    const out = join(dir, "autograder.zip");
    const run = runInstructorCli("gradescope-build", ["--out", out], { timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/autograder\.zip: \d+ files, \d+ KB\. Upload it as the autograder/);
    expect(Buffer.from(readFileSync(out)).equals(Buffer.from(zip))).toBe(true);
  }, 120_000);
});

describe("run_autograder", () => {
  const ch01 = idsOfFile("ch01");

  it("grades a file at the top of the submission: public checks visible, hidden checks and points after publication", () => {
    const results = runAutograder(fakeAutograder(dir, "top", zip, { "ch01.ts": solution("ch01") }));
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
    const results = runAutograder(
      fakeAutograder(dir, "folder", zip, { "exercises/ch01.ts": stub("ch01"), "README.md": "hi" }),
      {
        GRADESCOPE_RELEASE: "1",
      },
    );
    expect(results.score).toBe(0);
    expect(results.max_score).toBeGreaterThan(pointsOf(ch01));
    expect(results.visibility).toBe("visible");
    expect(results.tests.filter((t) => ch01.includes(t.number)).map((t) => t.status)).toEqual(ch01.map(() => "failed"));
  }, 300_000);
});

describe("gradescopeStudentId: the Student ID a variant is drawn from", () => {
  const metadata = (data: unknown): string => {
    const path = join(dir, `metadata-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, typeof data === "string" ? data : JSON.stringify(data));
    return path;
  };

  it("reads users[0].sid", () => {
    expect(gradescopeStudentId(metadata({ users: [{ name: "Ada", email: "a@x.edu", sid: "s1234" }] }))).toBe("s1234");
  });

  it.each([
    ["no users", { users: [] }, /users.*must list the submitting student/],
    ["a group", { users: [{ sid: "s1" }, { sid: "s2" }] }, /users.*must be one student.*group submission/],
    ["no Student ID", { users: [{ name: "Ada", sid: "" }] }, /users\[0\]\.sid.*Student ID in the Gradescope roster/],
    ["an unsafe Student ID", { users: [{ sid: "../s1" }] }, /users\[0\]\.sid/],
    ["not JSON", "{ users", /must be Gradescope's readable submission_metadata\.json/],
  ])("refuses %s, naming it", (_, data, message) => {
    const path = metadata(data);
    expect(() => gradescopeStudentId(path)).toThrow(InputError);
    expect(() => gradescopeStudentId(path)).toThrow(message);
  });
});
