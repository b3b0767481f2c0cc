// Canvas and Moodle "download all submissions" zips: names parsed, unpacked safely, matched to the roster, graded end to end.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync, type Zippable } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { gradeClass } from "../../../src/course/grade";
import { importLmsZip } from "../../../src/course/grade/lms/import-zip";
import { parseCanvasEntry, parseMoodleEntry } from "../../../src/course/grade/lms/lms-names";
import { zipEntryTimes } from "../../../src/course/grade/lms/zip-times";
import { studentDocuments } from "../../../src/course/grade/similarity";
import { parseRoster } from "../../../src/course/grade/roster/read-roster";
import { idsOfFile, pointsOf, REFERENCE, ROOT, solution, stub } from "../fixtures";

const dir = mkdtempSync(join(tmpdir(), "lms-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

const roster = parseRoster(
  [
    "id,name,canvas_user_id,email",
    "alovelace,Ada Lovelace,12345,ada@uni.edu",
    "aturing,Alan Turing,23456,alan@uni.edu",
    "mcurie,Marie Curie,,marie@uni.edu",
    "ghopper,Grace Hopper,,",
    "nobody,Nobody Here,77777,",
  ].join("\n"),
  "roster.csv",
);

function canvasZip(): string {
  const path = join(dir, "canvas-submissions.zip");
  writeFileSync(
    path,
    zipSync({
      "lovelaceada_12345_678901_ch01.ts": enc(stub("ch01")), // replaced by the re-upload below
      "lovelaceada_12345_678901_ch01-1.ts": enc(solution("ch01")),
      "lovelaceada_12345_678901_..": enc("x"), // hostile: a file named ".."
      "turingalan_LATE_23456_678902_ch01.ts": enc(solution("ch01")),
      "curiemarie_34567_678903_ch01.ts": enc(stub("ch01")), // matched by name (the roster has no Canvas id for her)
      "hoppergrace_45678_678904_ch01.ts": enc(stub("ch01")), // two Canvas users claim Grace Hopper
      "hoppergrace_45679_678905_ch01.ts": enc(stub("ch01")),
      "hopper_99999_678906_ch01.ts": enc(stub("ch01")), // nobody on the roster
      "../../evil_12345_678907_ch01.ts": enc("export const pwned = 1;"),
      "readme.txt": enc("not a submission"),
    }),
  );
  return path;
}

const MOODLE_TIME = new Date(2026, 2, 1, 10, 30, 0); // fflate stores the local clock reading as MS-DOS time
const moodleUtc = new Date(
  Date.UTC(2026, 2, 1, MOODLE_TIME.getHours(), MOODLE_TIME.getMinutes(), MOODLE_TIME.getSeconds()),
);

function moodleZip(): string {
  const path = join(dir, "moodle-submissions.zip");
  const at = (text: string, mtime = MOODLE_TIME): Zippable[string] => [enc(text), { mtime }];
  writeFileSync(
    path,
    zipSync({
      "Ada Lovelace_12345_assignsubmission_file_/exercises/ch01.ts": at(solution("ch01")),
      "Ada Lovelace_12345_assignsubmission_file_/notes.txt": at("notes", new Date(2026, 1, 1)),
      "Ada Lovelace_12345_assignsubmission_onlinetext_/onlinetext.html": at("<p>hi</p>"),
      "Ada Lovelace_12345_assignsubmission_file_/../../../etc/evil.ts": at("export {}"),
      "Alan Turing_23456_assignsubmission_file_ch01.ts": at(stub("ch01")),
      "José Müller_55555_assignsubmission_file_/ch01.ts": at(solution("ch01")),
    }),
  );
  return path;
}

describe("LMS entry names", () => {
  it("parses Canvas names: LATE flag, ids, and the -N re-upload suffix", () => {
    expect(parseCanvasEntry("lovelaceada_LATE_12345_678901_ch02-1.ts")).toEqual({
      login: "lovelaceada",
      late: true,
      userId: "12345",
      submissionId: "678901",
      file: "ch02.ts",
      copy: 1,
    });
    expect(parseCanvasEntry("lovelaceada_12345_678901_my_file.ts")).toMatchObject({
      late: false,
      file: "my_file.ts",
      copy: 0,
    });
    expect(parseCanvasEntry("folder/lovelaceada_12345_678901_ch02.ts")).toBeUndefined();
    expect(parseCanvasEntry("readme.txt")).toBeUndefined();
  });
  it("parses Moodle names: folders or flat, the plugin and the path inside", () => {
    expect(parseMoodleEntry("Ada Lovelace_12345_assignsubmission_file_/exercises/ch02.ts")).toEqual({
      fullName: "Ada Lovelace",
      participantId: "12345",
      plugin: "file",
      path: "exercises/ch02.ts",
    });
    expect(parseMoodleEntry("Ada Lovelace_12345_assignsubmission_file_ch02.ts")?.path).toBe("ch02.ts");
    expect(parseMoodleEntry("lovelaceada_12345_678901_ch02.ts")).toBeUndefined();
  });
  it("reads entry times from the central directory (MS-DOS time as UTC, or the extended UTC timestamp)", () => {
    const times = zipEntryTimes(readFileSync(moodleZip()));
    expect(times.get("Alan Turing_23456_assignsubmission_file_ch01.ts")?.toISOString()).toBe(moodleUtc.toISOString());
    // An extended timestamp field (0x5455) wins: 2026-03-01T12:00:00Z.
    const unix = Date.UTC(2026, 2, 1, 12) / 1000;
    const extra = new Uint8Array([0x55, 0x54, 5, 0, 1, unix & 255, (unix >> 8) & 255, (unix >> 16) & 255, unix >>> 24]);
    const zip = zipSync({ "a.ts": [enc("x"), { mtime: MOODLE_TIME, extra: { 0x5455: extra.subarray(4) } }] });
    expect(zipEntryTimes(zip).get("a.ts")?.toISOString()).toBe("2026-03-01T12:00:00.000Z");
    expect(zipEntryTimes(enc("not a zip")).size).toBe(0);
  });
});

describe("importLmsZip (Canvas)", () => {
  it("unpacks into <student>/exercises/, maps to the roster, reports every odd entry by name, never modifies the zip", () => {
    const zip = canvasZip();
    const before = sha(zip);
    const imp = importLmsZip(zip, { roster });
    try {
      expect(imp.kind).toBe("canvas");
      expect(readdirSync(imp.dir).sort()).toEqual([
        "alovelace",
        "aturing",
        "hopper_99999",
        "hoppergrace_45678",
        "hoppergrace_45679",
        "mcurie",
      ]);
      // The re-upload (-1) is graded as ch01.ts; the ".." file is refused, not written anywhere.
      expect(readdirSync(join(imp.dir, "alovelace", "exercises"))).toEqual(["ch01.ts"]);
      expect(readFileSync(join(imp.dir, "alovelace", "exercises", "ch01.ts"), "utf8")).toBe(solution("ch01"));
      expect(existsSync(join(dir, "evil_12345_678907_ch01.ts"))).toBe(false);
      expect(imp.studentNotes.get("alovelace")).toEqual([
        'exercises/ch01.ts: graded from the later upload "lovelaceada_12345_678901_ch01-1.ts"; "lovelaceada_12345_678901_ch01.ts" was not graded',
        'a file named "lovelaceada_12345_678901_.." has an absolute or escaping path; refused',
      ]);
      expect(imp.notes).toEqual([
        `${zip}: a Canvas submissions download (6 students, 6 files); graded from a private unpacked copy`,
        'Canvas download: entry "lovelaceada_12345_678901_.." has an absolute or escaping path; refused',
        'Canvas download: entry "../../evil_12345_678907_ch01.ts" is not a Canvas submission name; not graded',
        'Canvas download: entry "readme.txt" is not a Canvas submission name; not graded',
        "Canvas download: hopper (Canvas id 99999) matches nobody in the roster; graded as hopper_99999",
        "Canvas download: hoppergrace (Canvas id 45678) and hoppergrace (Canvas id 45679) all match roster student ghopper; each is graded under their Canvas name and id — fix the roster's LMS ids",
      ]);
      expect(imp.timings.map((t) => [t.student, t.lateFlag, t.submittedAt])).toEqual([
        ["alovelace", false, undefined],
        ["aturing", true, undefined],
        ["hopper_99999", false, undefined],
        ["hoppergrace_45678", false, undefined],
        ["hoppergrace_45679", false, undefined],
        ["mcurie", false, undefined],
      ]);
      expect(imp.timings[1].source).toBe('Canvas file name "turingalan_LATE_23456_678902_ch01.ts"');
      expect(imp.names.get("aturing")).toBe("turingalan (Canvas user 23456)");
    } finally {
      imp.cleanup();
    }
    expect(existsSync(imp.dir)).toBe(false);
    expect(sha(zip)).toBe(before);
  });

  it("without a roster, files everyone under their Canvas name and id", () => {
    const imp = importLmsZip(canvasZip());
    imp.cleanup();
    expect(imp.timings.map((t) => t.student)).toEqual([
      "curiemarie_34567",
      "hopper_99999",
      "hoppergrace_45678",
      "hoppergrace_45679",
      "lovelaceada_12345",
      "turingalan_23456",
    ]);
  });

  it("refuses a zip that is no LMS download, a file that is no zip, and a declared size over the limit", () => {
    const other = join(dir, "other.zip");
    writeFileSync(other, zipSync({ "ada/exercises/ch01.ts": enc("x") }));
    expect(() => importLmsZip(other)).toThrow(/must be a Canvas or Moodle submissions download/);
    const text = join(dir, "text.zip");
    writeFileSync(text, "hello");
    expect(() => importLmsZip(text)).toThrow(/must be a readable zip file/);
    const imp = importLmsZip(canvasZip(), { limits: { maxTotalBytes: 10 } });
    imp.cleanup();
    expect(imp.studentNotes.get("lovelaceada_12345")).toContain("exercises/ch01.ts: too large; refused");
  });
});

describe("importLmsZip (Moodle)", () => {
  it("reads folders and flat files, drops a leading exercises/, takes the latest entry time, refuses escaping paths", () => {
    const imp = importLmsZip(moodleZip(), { roster });
    try {
      expect(imp.kind).toBe("moodle");
      expect(readdirSync(imp.dir).sort()).toEqual(["Jose-Muller_55555", "alovelace", "aturing"]);
      expect(readdirSync(join(imp.dir, "alovelace", "exercises")).sort()).toEqual(["ch01.ts", "notes.txt"]);
      expect(imp.studentNotes.get("alovelace")).toEqual([
        "the onlinetext part of the Moodle submission is not graded (only files are)",
        'a file named "Ada Lovelace_12345_assignsubmission_file_/../../../etc/evil.ts" has an absolute or escaping path; refused',
      ]);
      expect(imp.timings.find((t) => t.student === "alovelace")).toEqual({
        student: "alovelace",
        submittedAt: moodleUtc.toISOString(),
        source:
          'Moodle zip entry time of "Ada Lovelace_12345_assignsubmission_file_/exercises/ch01.ts" (an MS-DOS time without a zone is read as UTC)',
      });
      expect(imp.notes).toContain(
        "Moodle download: José Müller (Moodle id 55555) matches nobody in the roster; graded as Jose-Muller_55555",
      );
    } finally {
      imp.cleanup();
    }
  });
});

describe("importLmsZip (odd trees)", () => {
  it("a file and a folder of the same name: the second cannot be unpacked, the student is told, the class goes on", () => {
    const path = join(dir, "odd.zip");
    writeFileSync(
      path,
      zipSync({
        "Eve Odd_9_assignsubmission_file_/lib": enc("x"),
        "Eve Odd_9_assignsubmission_file_/lib/x.ts": enc("export {}"),
        "Ada Lovelace_12345_assignsubmission_file_/ch01.ts": enc("export {}"),
      }),
    );
    const imp = importLmsZip(path);
    imp.cleanup();
    expect(imp.timings.map((t) => t.student)).toEqual(["Ada-Lovelace_12345", "Eve-Odd_9"]);
    expect(imp.studentNotes.get("Eve-Odd_9")).toEqual(["exercises/lib/x.ts could not be unpacked (EEXIST); refused"]);
  });
});

describe("gradeClass({ submissions: <LMS zip> })", () => {
  const ch01 = pointsOf(idsOfFile("ch01"));

  it("grades a Canvas download directly: roster ids, the re-upload, unknown and conflicting users listed, the zip untouched", async () => {
    const zip = canvasZip();
    const before = sha(zip);
    const report = await gradeClass({
      submissions: zip,
      out: join(dir, "canvas-out"),
      root: ROOT,
      reference: REFERENCE,
      progress: false,
      course: { roster },
    });
    const score = Object.fromEntries(report.results.map((r) => [r.student, [r.status, r.total, r.name]]));
    expect(score).toEqual({
      alovelace: ["graded", ch01, "lovelaceada (Canvas user 12345)"],
      aturing: ["graded", ch01, "turingalan (Canvas user 23456)"],
      mcurie: ["graded", 0, "curiemarie (Canvas user 34567)"],
      hoppergrace_45678: ["graded", 0, "hoppergrace (Canvas user 45678)"],
      hoppergrace_45679: ["graded", 0, "hoppergrace (Canvas user 45679)"],
      hopper_99999: ["graded", 0, "hopper (Canvas user 99999)"],
    });
    expect(report.results.find((r) => r.student === "alovelace")!.notices.join("\n")).toContain(
      '"lovelaceada_12345_678901_.." has an absolute or escaping path; refused',
    );
    expect(report.notes.join("\n")).toContain("a Canvas submissions download (6 students, 6 files)");
    expect(report.notes.join("\n")).toContain("hopper (Canvas id 99999) matches nobody in the roster");
    // Every roster student is a row: "nobody" submitted nothing; ghopper's claimants are graded apart.
    const rows = Object.fromEntries(report.rows.map((r) => [r.student, r.status]));
    expect(rows.nobody).toBe("no submission");
    expect(rows.ghopper).toBe("no submission");
    expect(rows.hopper_99999).toBe("graded");
    expect(readFileSync(join(dir, "canvas-out", "gradebook-moodle.csv"), "utf8")).toContain(
      `Participant 12345,Ada Lovelace,ada@uni.edu,Submitted for grading - Graded,${ch01.toFixed(2)},`,
    );
    expect(sha(zip)).toBe(before);
  }, 300_000);

  it("grades a Moodle download directly", async () => {
    const report = await gradeClass({
      submissions: moodleZip(),
      out: join(dir, "moodle-out"),
      root: ROOT,
      reference: REFERENCE,
      progress: false,
      course: { roster },
    });
    const score = Object.fromEntries(report.results.map((r) => [r.student, [r.status, r.total]]));
    expect(score).toEqual({
      alovelace: ["graded", ch01],
      aturing: ["graded", 0],
      "Jose-Muller_55555": ["graded", ch01],
    });
    const ada = report.results.find((r) => r.student === "alovelace")!;
    expect(ada.notices.join("\n")).toContain('etc/evil.ts" has an absolute or escaping path; refused');
  }, 300_000);
});

describe("gradeClass(download.zip) refusing a regrade of someone who did not submit", () => {
  it("says so before grading and leaves no unpacked copy of the class behind", async () => {
    const tmp = mkdtempSync(join(dir, "tmp-"));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    let failure: unknown;
    try {
      failure = await gradeClass({
        submissions: canvasZip(),
        out: join(dir, "regrade-nobody-out"),
        root: ROOT,
        reference: REFERENCE,
        progress: false,
        course: { roster },
        regrade: { students: ["not-a-submitter"] },
      }).then(
        () => undefined,
        (err: unknown) => err,
      );
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(String(failure)).toMatch(/not-a-submitter/);
    expect(readdirSync(tmp).filter((n) => n.startsWith("microdosing-lms-"))).toEqual([]);
  });
});

describe("studentDocuments(download.zip) for the similarity report", () => {
  it("reads the download through the grader's import: roster ids, the re-upload, nothing left behind, the zip untouched", () => {
    const zip = canvasZip();
    const before = sha(zip);
    const imported = importLmsZip(zip, { roster });
    const graderIds = imported.find().found.map((f) => f.student);
    imported.cleanup();
    // os.tmpdir() follows TMPDIR: a private one shows what the import leaves behind.
    const tmp = mkdtempSync(join(dir, "tmp-"));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    let docs: ReturnType<typeof studentDocuments>;
    try {
      docs = studentDocuments(zip, { roster });
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(docs.documents.map((d) => d.student).sort()).toEqual([...graderIds].sort());
    const ada = docs.documents.find((d) => d.student === "alovelace")!;
    expect([ada.name, ada.text]).toEqual(["lovelaceada (Canvas user 12345)", solution("ch01")]);
    expect(docs.notes).toContain(
      'Canvas download: entry "../../evil_12345_678907_ch01.ts" is not a Canvas submission name; not graded',
    );
    expect(readdirSync(tmp)).toEqual([]);
    expect(sha(zip)).toBe(before);
  });

  it("refuses a zip that is not an LMS download, as grading does", () => {
    const path = join(dir, "ada.zip");
    writeFileSync(path, zipSync({ "exercises/ch01.ts": enc(stub("ch01")) }));
    expect(() => studentDocuments(path)).toThrow(/must be a Canvas or Moodle submissions download/);
  });
});
