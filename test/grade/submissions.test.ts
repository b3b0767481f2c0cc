// Finding submissions: safe ids for LMS names, refused links, duplicates, ignored files.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findSubmissions, readSubmission, safeStudentId, STUDENT_ID } from "../../src/course/grade";
import { makeDir, writeStudent, writeZip } from "./fixtures";

const dir = makeDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("safeStudentId(name)", () => {
  it('safeStudentId("ada") is "ada": a safe id is kept', () => expect(safeStudentId("ada")).toBe("ada"));
  it("transliterates an LMS name and adds 6 hex digits of its hash", () => {
    const id = safeStudentId("José Müller 🧪 (late)");
    expect(id).toMatch(/^Jose-Muller-late-[0-9a-f]{6}$/);
    expect(STUDENT_ID.test(id)).toBe(true);
    expect(safeStudentId("José Müller 🧪 (late)")).toBe(id);
  });
  it("gives names that read alike different ids", () =>
    expect(safeStudentId("Jose Muller")).not.toBe(safeStudentId("José Muller")));
  it("gives a name with no letter left a usable id", () =>
    expect(safeStudentId("🧪🧪")).toMatch(/^student-[0-9a-f]{6}$/));
  it("validates its argument", () =>
    expect(() => safeStudentId("")).toThrow("safeStudentId: name must be a non-empty string; received "));
});

describe("findSubmissions(dir) and readSubmission(found)", () => {
  const subs = join(dir, "subs");
  mkdirSync(subs, { recursive: true });
  writeStudent(subs, "ada", { "ch01.ts": "export const x = 1;", "data.csv": "a,b" });
  writeFileSync(join(subs, "ada", "notes.txt"), "notes");
  writeZip(subs, "ada", { "exercises/ch01.ts": "export const x = 2;" });
  writeZip(subs, "ben", {
    "exercises/ch01.ts": "x",
    "README.md": "r",
    "__MACOSX/ben/._ch01.ts": "junk",
    "__MACOSX/ben/._ch02.ts": "junk",
  });
  writeStudent(subs, "Ana María", { "ch01.ts": "export const x = 3;" });
  symlinkSync(join(subs, "ada"), join(subs, "cy"));
  writeFileSync(join(subs, "roster.xlsx"), "not a submission");

  it("finds folders and zips, maps unsafe names, refuses links, sets aside a zip that has a folder", () => {
    const { found, refused, notes } = findSubmissions(subs);
    const ana = safeStudentId("Ana María");
    expect(found.map((f) => [f.student, f.name, f.kind, f.notes])).toEqual([
      [ana, "Ana María", "folder", []],
      ["ada", "ada", "folder", ["ada.zip was not graded: the folder ada/ was"]],
      ["ben", "ben", "zip", []],
    ]);
    expect(refused).toEqual([
      {
        student: "cy",
        name: "cy",
        path: join(subs, "cy"),
        reason: "symlink",
        detail: "cy: a symbolic link; refused (never followed)",
      },
    ]);
    expect(notes).toEqual([
      "roster.xlsx: not a folder or a .zip; not a submission",
      `Ana María: not a safe student id; graded as ${ana}`,
      "ada.zip: not graded; ada is graded from the folder ada/",
    ]);
  });
  it("refuses entries whose names are not valid UTF-8, one by one, instead of failing the class", () => {
    const odd = join(dir, "odd");
    writeStudent(odd, "dee", { "ch01.ts": "export const x = 1;" });
    // Raw bytes: Node reads these names back with U+FFFD, a name that does not exist.
    writeFileSync(
      Buffer.concat([Buffer.from(join(odd, "dee", "exercises") + "/"), Buffer.from([0x63, 0xff, 0x2e, 0x74, 0x73])]),
      "export const y = 1;",
    );
    mkdirSync(Buffer.concat([Buffer.from(`${odd}/`), Buffer.from([0x65, 0xff])]));
    const { found, refused } = findSubmissions(odd);
    expect(refused.map((r) => [r.name, r.reason])).toEqual([["e\ufffd", "unreadable"]]);
    const dee = readSubmission(found.find((f) => f.student === "dee")!);
    expect([[...dee.files.keys()], dee.refused]).toEqual([
      ["ch01.ts"],
      ["exercises/c\ufffd.ts could not be read (is its name valid UTF-8?); refused"],
    ]);
  });
  it("names what it ignored, in folders and zips, and tells the student about the zip set aside", () => {
    const { found } = findSubmissions(subs);
    const ada = readSubmission(found.find((f) => f.student === "ada")!);
    expect([ada.ignored, ada.refused, [...ada.files.keys()]]).toEqual([
      ["notes.txt", "exercises/data.csv"],
      ["ada.zip was not graded: the folder ada/ was"],
      ["ch01.ts"],
    ]);
    const ben = readSubmission(found.find((f) => f.student === "ben")!);
    expect(ben.ignored).toEqual(["README.md", "__MACOSX/ben/"]);
  });
});
