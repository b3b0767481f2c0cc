import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { csvNumber, dataFile, parseCsv, readCsv } from "../../src";

describe("parseCsv(text)", () => {
  it('doc example: parseCsv("t,c\\n0,1.5\\n1,0.9\\n").rows[1].c is "0.9"', () => {
    expect(parseCsv("t,c\n0,1.5\n1,0.9\n").rows[1].c).toBe("0.9");
  });

  it("reads quoted fields with commas, doubled quotes and newlines, CRLF line ends, and skips blank lines", () => {
    const table = parseCsv('name,note\r\n"Smith, J","said ""hi""\nthen left"\r\n\r\nLee,ok\r\n');
    expect(table.columns).toEqual(["name", "note"]);
    expect(table.rows).toEqual([
      { name: "Smith, J", note: 'said "hi"\nthen left' },
      { name: "Lee", note: "ok" },
    ]);
  });

  it("rejects ragged rows, repeated or empty header names, open quotes and empty text", () => {
    expect(() => parseCsv("a,b\n1,2,3")).toThrow(
      "parseCsv: text row 2 must have 2 fields like the header; received [1, 2, 3]",
    );
    expect(() => parseCsv("a,a\n1,2")).toThrow('parseCsv: text must not repeat a column name ("a"); received [a, a]');
    expect(() => parseCsv("a,\n1,2")).toThrow(
      /parseCsv: text must name every column \(column 2 of the header is empty\)/,
    );
    expect(() => parseCsv('a\n"1')).toThrow(/parseCsv: text must close every quoted field/);
    expect(() => parseCsv("")).toThrow("parseCsv: text must contain a header line; received empty text");
  });
});

describe("readCsv(filePath) and csvNumber(...)", () => {
  it('doc example: readCsv(dataFile("Indometh.csv")).columns is ["Subject", "time", "conc"]', () => {
    expect(readCsv(dataFile("Indometh.csv")).columns).toEqual(["Subject", "time", "conc"]);
  });

  it("names a missing file", () => {
    const missing = path.join(os.tmpdir(), "no-such-file-nca.csv");
    expect(() => readCsv(missing)).toThrow(`readCsv: filePath must name a readable file (ENOENT); received ${missing}`);
  });

  it("reads a byte-order mark as part of nothing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "csv-"));
    const file = path.join(dir, "bom.csv");
    fs.writeFileSync(file, "\uFEFFx,y\n1,2\n");
    expect(readCsv(file).columns).toEqual(["x", "y"]);
    fs.rmSync(dir, { recursive: true });
  });

  it('doc example: csvNumber(parseCsv("t\\n2.5"), { t: "2.5" }, "t", 0) is 2.5', () => {
    expect(csvNumber(parseCsv("t\n2.5"), { t: "2.5" }, "t", 0)).toBe(2.5);
  });

  it("rejects empty cells, NA and unknown columns", () => {
    const table = parseCsv("t\nNA\n");
    expect(() => csvNumber(table, table.rows[0], "t", 0)).toThrow(
      "csvNumber: t (line 2) must be a finite number; received NA",
    );
    expect(() => csvNumber(table, { t: "" }, "t", 0)).toThrow(
      "csvNumber: t (line 2) must be a finite number; received an empty cell",
    );
    expect(() => csvNumber(table, table.rows[0], "x", 0)).toThrow(
      "csvNumber: column must be one of the table's columns (t); received x",
    );
  });
});
