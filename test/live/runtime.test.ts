import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { readCsv } from "../../src/data/csv";
import { readDataText as readEmbedded } from "../../src/data/data-text.browser";
import { dataFile as browserDataFile } from "../../src/data/directory.browser";
import { dataFile } from "../../src/data/directory";
import { answerSalt as nodeSalt, scryptHex as nodeScrypt } from "../../src/workbook/answer-kdf";
import {
  answerSalt as browserSalt,
  scryptHex as browserScrypt,
  scryptHexJs as browserScryptJs,
} from "../../src/workbook/answer-kdf.browser";
import { SCRYPT_WASM_BASE64 } from "../../src/workbook/answer-kdf.wasm";
import { HASH_PARAMS } from "../../src/workbook/answer-hash";
import { CellCompileError, CellRunError, CellSession } from "../../src/course/live/runtime/session";
import { prepareCell } from "../../src/course/live/runtime/transform";
import { checkExercise } from "../../src/workbook/check.browser";

vi.mock("mdw-live:data", async () => {
  const { readFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const root = join(__dirname, "..", "..", "data");
  return { default: { "Theoph.csv": readFileSync(join(root, "Theoph.csv"), "utf8") } };
});

/** Runs cells in a fresh session and returns what console.log printed per cell. */
async function printed(cells: string[], modules: Record<string, Record<string, unknown>> = {}): Promise<string[][]> {
  const session = new CellSession(modules);
  const out: string[][] = [];
  const spy = vi
    .spyOn(console, "log")
    .mockImplementation((...args: unknown[]) => void out[out.length - 1].push(args.map(String).join(" ")));
  try {
    for (const [i, cell] of cells.entries()) {
      out.push([]);
      await session.run(cell, `Cell ${i + 1}`);
    }
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe("prepareCell(code) rewrites a cell with tslab's semantics", () => {
  it("prepareCell(code) lists top-level names, explicit exports and whether the last expression prints", () => {
    const cell = prepareCell(
      'import { unit, type Unit } from "m";\nexport const ex1: number = 1;\nlet { a, b: [c] } = { a: 1, b: [2] };\nfunction f(): void {}\nclass K {}\nf()',
    );
    expect(cell.names.sort()).toEqual(["K", "a", "c", "ex1", "f", "unit"]);
    expect(cell.exported).toEqual(["ex1"]);
    expect(cell.printsLast).toBe(true);
    expect(cell.hasTopLevelAwait).toBe(false);
  });

  it("prepareCell(code) keeps every line where it was, so errors name the student's line", () => {
    const code = 'import {\n  a,\n} from "m";\nconst x: number = 1;\nx';
    expect(prepareCell(code).body.split("\n").slice(0, 5).length).toBe(5);
    expect(prepareCell(code).body.split("\n")[3]).toMatch(/^const x = 1/);
  });

  it("prepareCell(code) sees top-level await but not await inside a function", () => {
    expect(prepareCell("await Promise.resolve(1)").hasTopLevelAwait).toBe(true);
    expect(prepareCell("async function f() { await 1 }").hasTopLevelAwait).toBe(false);
  });

  it("prepareCell(code) throws a located SyntaxError", () => {
    expect(() => prepareCell("const a = 1;\nconst = 2;")).toThrow(
      expect.objectContaining({ name: "SyntaxError", line: 2 }),
    );
  });

  it("prepareCell(code) rejects a non-string with InputError", () => {
    expect(() => prepareCell(42 as unknown as string)).toThrow("prepareCell: code must be a string; received 42");
  });
});

describe("CellSession runs cells like a tslab kernel", () => {
  it("run(code) shares names in run order, lets a later cell declare a name again, and prints the last value", async () => {
    const out = await printed([
      "const dose = 2;\nlet total = 0;\nfor (const d of [1, 2, 3]) total += d;",
      "total * dose",
      "const dose = 10;\ndose + total",
      "dose",
    ]);
    expect(out).toEqual([[], ["12"], ["16"], ["10"]]);
  });

  it("run(code) prints nothing for undefined or null, as tslab", async () => {
    expect(await printed(["undefined", "null", "console.log('x')"])).toEqual([[], [], ["x"]]);
  });

  it("run(code) awaits top-level await and resolves the library imports, hoisted like TypeScript's require()", async () => {
    const out = await printed(['const r = twice(await Promise.resolve(4));\nimport { twice } from "lib";\nr'], {
      lib: { twice: (x: number) => 2 * x },
    });
    expect(out).toEqual([["8"]]);
  });

  it("run(code) names an unknown module", async () => {
    await expect(new CellSession({ lib: {} }).run('import { x } from "nope";', "Cell 1")).rejects.toThrow(
      "Cannot find module 'nope'",
    );
  });

  it("exports() holds only the explicitly exported names: what check() judges", async () => {
    const session = new CellSession({});
    await session.run("const helper = 1;\nexport const ex2_1 = helper + 1;", "Cell 1");
    expect(session.exports()).toEqual({ ex2_1: 2 });
    expect(session.names()).toEqual({ helper: 1, ex2_1: 2 });
  });

  it("run(code) reports a runtime error at the cell and line that threw", async () => {
    const session = new CellSession({});
    await session.run("function boom() {\n  throw new RangeError('bad');\n}", "Cell 3");
    const error = await session.run("\nboom()", "Cell 4").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CellRunError);
    expect((error as CellRunError).location).toEqual({ label: "Cell 3", line: 2 });
    expect((error as CellRunError).frames).toEqual(["    at boom (Cell 3, line 2)", "    at (Cell 4, line 2)"]);
  });

  it("run(code) reports a syntax error at its cell and line", async () => {
    const error = await new CellSession({}).run("const a = 1;\nconst b = ;", "Cell 7").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CellCompileError);
    expect((error as CellCompileError).location).toEqual({ label: "Cell 7", line: 2 });
  });
});

describe("browser twins behave like the Node modules", () => {
  it("answer-kdf.browser gives the same salt and scrypt bytes as Node's crypto", () => {
    const salt = nodeSalt("microdosing-workbook/answer/v1/ex-2.1");
    expect(Buffer.from(browserSalt("microdosing-workbook/answer/v1/ex-2.1")).toString("hex")).toBe(
      Buffer.from(salt).toString("hex"),
    );
    expect(browserScrypt("4.50e+1", salt, HASH_PARAMS)).toBe(nodeScrypt("4.50e+1", salt, HASH_PARAMS));
  });

  it("answer-kdf.browser's WebAssembly scrypt and its JavaScript fallback give Node's bytes for any parameters", () => {
    const cases: Array<[string, Parameters<typeof nodeScrypt>[2]]> = [
      ["", { N: 2, r: 1, p: 1, keyLength: 16 }],
      ["µg/mL → 4.50e+1", { N: 16, r: 1, p: 3, keyLength: 64 }],
      ["-1.23e-7", { N: 1024, r: 3, p: 2, keyLength: 40 }],
      ["true", { N: 256, r: 8, p: 1, keyLength: 32 }],
      ["2.12e+3", HASH_PARAMS], // larger than every earlier one: the instance's memory grows
      ["2.12e+0", { N: 64, r: 2, p: 1, keyLength: 32 }], // and a smaller one after it reuses it
    ];
    for (const [i, [password, params]] of cases.entries()) {
      const salt = nodeSalt(`microdosing-workbook/answer/v1/case-${i}`);
      const expected = nodeScrypt(password, salt, params);
      expect(browserScrypt(password, salt, params), `${password} ${JSON.stringify(params)}`).toBe(expected);
      if (params.N <= 1024) expect(browserScryptJs(password, salt, params)).toBe(expected);
    }
  });

  it("answer-kdf.browser refuses the parameters Node refuses", () => {
    const salt = new Uint8Array(32);
    expect(() => browserScrypt("1", salt, { N: 1000, r: 8, p: 1, keyLength: 32 })).toThrow("N must be a power of 2");
    expect(() => browserScrypt("1", salt, { N: 2 ** 20, r: 8, p: 1, keyLength: 32 })).toThrow(
      "need more than 67108864 bytes",
    );
    expect(() => nodeScrypt("1", salt, { N: 2 ** 20, r: 8, p: 1, keyLength: 32 })).toThrow();
  });

  it("answer-kdf.wasm holds the scrypt module of the pinned hash-wasm, byte for byte", () => {
    const dist = readFileSync(require.resolve("hash-wasm/dist/scrypt.umd.min.js"), "utf8");
    const shipped = /name:"scrypt",data:"([A-Za-z0-9+/=]+)"/.exec(dist)?.[1];
    expect(shipped, "hash-wasm's dist/scrypt.umd.min.js no longer embeds a module named scrypt").toBeDefined();
    expect(
      SCRYPT_WASM_BASE64,
      "update src/workbook/answer-kdf.wasm.ts with the module of the hash-wasm in package.json",
    ).toBe(shipped);
  });

  it("dataFile and readDataText in the browser serve the embedded data/ files", () => {
    expect(browserDataFile("Theoph.csv")).toBe("data/Theoph.csv");
    expect(() => browserDataFile("../secret.csv")).toThrow("dataFile: relativePath must stay inside the data folder");
    expect(readEmbedded("data/Theoph.csv")).toBe(readFileSync(dataFile("Theoph.csv"), "utf8"));
    expect(() => readEmbedded("data/missing.csv")).toThrow(expect.objectContaining({ code: "ENOENT" }));
  });

  it("readCsv still reads from disk in Node and names an unreadable file", () => {
    expect(readCsv(dataFile("Theoph.csv")).rows.length).toBe(132);
    expect(() => readCsv("/no/such.csv")).toThrow("readCsv: filePath must name a readable file (ENOENT)");
  });

  it("check in the browser judges the given exports over the chapter's untouched stubs", () => {
    expect(checkExercise("ex-2.1", { exports: {} }).status).toBe("not-attempted");
    expect(checkExercise("ex-2.1", { exports: { ex2_1_maxMicrodoseUg: 4500 } }).status).toBe("fail");
    expect(checkExercise("ex-2.1", { exports: { ex2_1_maxMicrodoseUg: 45 } }).status).toBe("pass");
  });
});
