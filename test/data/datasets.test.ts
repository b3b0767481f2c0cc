import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  INDOMETH_DOSE_MG,
  dataDirectory,
  dataFile,
  loadIndometh,
  loadTheoph,
  loadWinNonlinReference,
  parseCsv,
  profilesFromTable,
  type WinNonlinReferenceName,
} from "../../src";

const repoRoot = path.resolve(__dirname, "../..");

describe("dataDirectory() and dataFile(relativePath)", () => {
  it('doc examples: the folder is called "data" and dataFile joins inside it', () => {
    expect(path.basename(dataDirectory())).toBe("data");
    expect(path.basename(dataFile("Indometh.csv"))).toBe("Indometh.csv");
    expect(dataDirectory()).toBe(path.join(repoRoot, "data"));
  });

  it("refuses paths that leave the data folder", () => {
    expect(() => dataFile("../package.json")).toThrow(
      "dataFile: relativePath must stay inside the data folder; received ../package.json",
    );
    expect(() => dataFile("")).toThrow("dataFile: relativePath must be a non-empty path; received ");
  });

  it("finds the data from another working directory (as a notebook in notebooks/ would)", () => {
    const tsx = path.join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");
    const script = `const d = require(${JSON.stringify(path.join(repoRoot, "src", "data"))}); console.log(d.loadTheoph().length + "," + d.loadIndometh().length)`;
    const out = execFileSync(process.execPath, [tsx, "-e", script], { cwd: os.tmpdir(), encoding: "utf8" });
    expect(out.trim()).toBe("12,6");
  });
});

describe("loadTheoph()", () => {
  const theoph = loadTheoph();

  it("returns R's Theoph: 12 subjects with 11 samples each", () => {
    expect(theoph.map((p) => p.subject)).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    for (const p of theoph) {
      expect(p.time).toHaveLength(11);
      expect(p.conc).toHaveLength(11);
    }
  });

  it("doc example: subject 1 has a measurable pre-dose sample, 0.74 mg/L at t = 0", () => {
    expect(loadTheoph()[0].conc[0]).toBe(0.74);
    expect(theoph[0].time[0]).toBe(0);
  });

  it("carries weight [kg], dose [mg/kg] and the dose actually given [mg]", () => {
    expect(theoph[0]).toMatchObject({ weightKg: 79.6, doseMgPerKg: 4.02 });
    expect(theoph[0].doseMg).toBeCloseTo(319.992, 9);
  });
});

describe("loadIndometh()", () => {
  it("doc example: subject 1 starts 1.5, 0.94 mg/L", () => {
    expect(loadIndometh()[0].conc.slice(0, 2)).toEqual([1.5, 0.94]);
  });

  it("returns 6 subjects with 11 samples from 0.25 to 8 h and a 25 mg dose", () => {
    const indometh = loadIndometh();
    expect(indometh).toHaveLength(6);
    for (const p of indometh) {
      expect(p.time).toEqual([0.25, 0.5, 0.75, 1, 1.25, 2, 3, 4, 5, 6, 8]);
      expect(p.doseMg).toBe(INDOMETH_DOSE_MG);
    }
  });

  it("reads from a data folder given explicitly, and names a missing one", () => {
    expect(loadIndometh(dataDirectory())).toEqual(loadIndometh());
    expect(() => loadIndometh(path.join(os.tmpdir(), "no-data-here"))).toThrow(
      /readCsv: filePath must name a readable file \(ENOENT\)/,
    );
  });
});

describe("loadWinNonlinReference(name)", () => {
  it("doc example: Indometh subject 1 C0 is 2.3936170212766", () => {
    expect(loadWinNonlinReference("Indometh-bolus-linear").rows[0].values.C0).toBe(2.3936170212766);
  });

  it("loads both tables with their subjects and WinNonlin columns", () => {
    const theoph = loadWinNonlinReference("Theoph-linear");
    expect(theoph.rows).toHaveLength(12);
    expect(theoph.columns).toContain("Cl_F_obs");
    expect(theoph.columns).not.toContain("Subject");
    expect(loadWinNonlinReference("Indometh-bolus-linear").columns).toContain("Vss_obs");
  });

  it("rejects an unknown table name", () => {
    expect(() => loadWinNonlinReference("Theoph-log" as WinNonlinReferenceName)).toThrow(
      'loadWinNonlinReference: name must be one of "Theoph-linear", "Indometh-bolus-linear"; received Theoph-log',
    );
  });
});

describe("profilesFromTable(table, columns)", () => {
  it("doc example: splits a long table into profiles", () => {
    expect(
      profilesFromTable(parseCsv("id,t,c\nA,0,1\nA,1,0.5"), { subject: "id", time: "t", conc: "c" })[0].conc,
    ).toEqual([1, 0.5]);
  });

  it("groups non-adjacent rows by subject in order of first appearance", () => {
    const profiles = profilesFromTable(parseCsv("id,t,c\nB,0,1\nA,0,2\nB,1,3"), {
      subject: "id",
      time: "t",
      conc: "c",
    });
    expect(profiles).toEqual([
      { subject: "B", time: [0, 1], conc: [1, 3] },
      { subject: "A", time: [0], conc: [2] },
    ]);
  });

  it("rejects unsorted times within a subject and unknown columns", () => {
    const table = parseCsv("id,t,c\nA,1,1\nA,0,2");
    expect(() => profilesFromTable(table, { subject: "id", time: "t", conc: "c" })).toThrow(
      "profilesFromTable: t (line 3, subject A) must be strictly increasing within a subject; received 1 then 0",
    );
    expect(() => profilesFromTable(table, { subject: "id", time: "time", conc: "c" })).toThrow(
      "profilesFromTable: columns.time must name a column of the table (id, t, c); received time",
    );
  });
});

describe("the data folder", () => {
  it("ships a README with the provenance of every file", () => {
    const readme = fs.readFileSync(dataFile("README.md"), "utf8");
    for (const file of [
      "Theoph.csv",
      "Indometh.csv",
      "reference/winnonlin-Theoph-linear.csv",
      "reference/winnonlin-Indometh-bolus-linear.csv",
    ]) {
      expect(readme).toContain(file);
      expect(fs.existsSync(dataFile(file))).toBe(true);
    }
  });
});
