// Roster CSVs (ours, a Canvas gradebook export, a Moodle worksheet) → Roster; errors name the file and line.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { matchStudent, parseRoster, readRoster } from "../../../src/course/grade/roster/read-roster";
import { nameKeys } from "../../../src/course/grade/roster/name-keys";

const dir = mkdtempSync(join(tmpdir(), "roster-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const error = (fn: () => unknown): InputError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("no error thrown");
};

describe("readRoster", () => {
  it("reads our columns, in any case and spelling, with quoted fields and a byte-order mark", () => {
    const path = join(dir, "roster.csv");
    writeFileSync(
      path,
      '\uFEFFID,Name,Canvas_User_ID,sis_user_id,SIS Login ID,Email,Section\r\nalovelace,"Lovelace, Ada",12345,S001,ada,ada@uni.edu,A\r\n\r\nbob,Bob Smith,,,,,\r\n',
    );
    expect(readRoster(path)).toEqual({
      students: [
        {
          id: "alovelace",
          name: "Lovelace, Ada",
          lmsId: "12345",
          sisUserId: "S001",
          sisLoginId: "ada",
          email: "ada@uni.edu",
          section: "A",
        },
        { id: "bob", name: "Bob Smith" },
      ],
    });
  });

  it("reads a Canvas gradebook export: ID is the Canvas user id, the Points Possible row is skipped, the id is the SIS login", () => {
    const text = [
      "Student,ID,SIS User ID,SIS Login ID,Section,Microdosing Workbook (123)",
      "    Points Possible,,,,,100",
      '"Lovelace, Ada",12345,S001,ada.lovelace,Section A,87',
      '"Turing, Alan",23456,S002,,Section B,',
    ].join("\n");
    expect(parseRoster(text, "canvas.csv").students).toEqual([
      {
        id: "ada.lovelace",
        name: "Lovelace, Ada",
        lmsId: "12345",
        sisUserId: "S001",
        sisLoginId: "ada.lovelace",
        section: "Section A",
      },
      { id: "S002", name: "Turing, Alan", lmsId: "23456", sisUserId: "S002", section: "Section B" },
    ]);
  });

  it("reads a Moodle grading worksheet: Identifier 'Participant 12345' is the LMS id", () => {
    const text =
      "Identifier,Full name,Email address,Status,Grade\nParticipant 12345,Ada Lovelace,ada@uni.edu,No submission,\n";
    expect(parseRoster(text, "moodle.csv").students).toEqual([
      { id: "12345", name: "Ada Lovelace", lmsId: "12345", email: "ada@uni.edu" },
    ]);
  });

  it("names the file and line of every kind of error", () => {
    expect(error(() => parseRoster("id,name\na,Ada\nb,Bob\na,Again\n", "r.csv")).message).toBe(
      "parseRoster: r.csv line 4 must not repeat the id of line 2; received a",
    );
    expect(error(() => parseRoster("id,name,lms_id\na,Ada,1\nb,Bob,1\n", "r.csv")).message).toBe(
      "parseRoster: r.csv line 3 must not repeat the LMS id of line 2; received 1",
    );
    expect(error(() => parseRoster('id,name\na,"Ada\nLovelace"\n../x,Eve\n', "r.csv")).message).toMatch(
      /^parseRoster: r\.csv line 4 must give an id of letters, digits/,
    );
    expect(error(() => parseRoster("id,name\na,Ada,extra\n", "r.csv")).message).toMatch(
      /^parseRoster: r\.csv line 2 must have 2 fields like the header/,
    );
    expect(error(() => parseRoster("id,name\na,\n", "r.csv")).message).toMatch(
      /^parseRoster: r\.csv line 2 must give the student's name/,
    );
    expect(error(() => parseRoster("email,section\nx@y,A\n", "r.csv")).message).toMatch(
      /^parseRoster: r\.csv line 1 must name a name column/,
    );
    expect(error(() => parseRoster('id,name\na,"Ada\n', "r.csv")).message).toMatch(
      /^csvRecords: r\.csv has a quote opened on line 2 and never closed/,
    );
    expect(error(() => readRoster(join(dir, "missing.csv"))).message).toMatch(
      /^readRoster: path must be a readable roster CSV \(ENOENT\)/,
    );
  });
});

describe("matchStudent", () => {
  const roster = parseRoster(
    [
      "id,name,lms_id,sis_user_id,sis_login_id,email",
      "alovelace,Ada Lovelace,12345,S001,ada,Ada@Uni.edu",
      "jsmith1,John Smith,,,,",
      "jsmith2,John Smith,,,,",
      '"mcurie","Curie, Marie",,,,',
    ].join("\n"),
    "r.csv",
  );
  it("finds a student by any identifier, email in any case, and name in any spelling", () => {
    for (const key of [
      "alovelace",
      "12345",
      "S001",
      "ada",
      "ada@uni.EDU",
      "Ada Lovelace",
      "lovelaceada",
      "LOVELACE, ADA",
    ])
      expect(matchStudent(roster, key)?.id, key).toBe("alovelace");
    expect(matchStudent(roster, "Marie Curie")?.id).toBe("mcurie");
    expect(matchStudent(roster, "curiemarie")?.id).toBe("mcurie");
  });
  it("never guesses: a shared name or an unknown key matches nobody; a bad argument is an InputError", () => {
    expect(matchStudent(roster, "John Smith")).toBeUndefined();
    expect(matchStudent(roster, "Grace Hopper")).toBeUndefined();
    expect(error(() => matchStudent(roster, " ")).message).toMatch(/^matchStudent: key must be a non-empty string/);
    expect(nameKeys("Ada King Lovelace")).toEqual(["adakinglovelace", "lovelaceadaking"]);
  });
});

describe("readRoster reads the gradebook stage's roster columns too", () => {
  it("takes `student` as the id when a name column is present, and user_id as the LMS id", () => {
    expect(parseRoster("student,name,user_id\nada,Ada Lovelace,12345\n", "r.csv").students).toEqual([
      { id: "ada", name: "Ada Lovelace", lmsId: "12345" },
    ]);
  });
});
