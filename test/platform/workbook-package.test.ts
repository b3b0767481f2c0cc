import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNotebookEngine } from "../../src/course/execute";
import { generateWorkbookTypes, linkWorkbookPackage, workbookTypesStale } from "../../src/course/jupyter";
import { codeNotebook, streamText } from "./notebook-fixtures";

const repo = resolve(__dirname, "../..");

/** A miniature project laid out like this one (package.json and exercises/ make it a course project, see findProjectRoot): src/index.ts, tsconfig.types.json, tsx, typescript and @types/node. */
function makeProject(): string {
  const root = mkdtempSync(join(tmpdir(), "workbook-project-"));
  writeFileSync(join(root, "package.json"), JSON.stringify({ name: "fixture", version: "1.2.3" }));
  writeFileSync(
    join(root, "tsconfig.types.json"),
    JSON.stringify({
      compilerOptions: {
        rootDir: ".",
        outDir: "node_modules/microdosing-workbook/types",
        declaration: true,
        emitDeclarationOnly: true,
        strict: true,
        module: "commonjs",
        target: "ES2022",
        skipLibCheck: true,
        types: ["node"],
      },
      include: ["src"],
    }),
  );
  mkdirSync(join(root, "src", "course", "jupyter"), { recursive: true });
  copyFileSync(join(repo, "src/course/jupyter/workbook-types.ts"), join(root, "src/course/jupyter/workbook-types.ts"));
  writeFileSync(join(root, "src", "index.ts"), "export const answer: number = 1;\n");
  mkdirSync(join(root, "node_modules"));
  for (const pkg of ["tsx", "typescript", "@types"])
    symlinkSync(join(repo, "node_modules", pkg), join(root, "node_modules", pkg), "junction");
  mkdirSync(join(root, "notebooks"));
  mkdirSync(join(root, "exercises"));
  return root;
}

describe("linkWorkbookPackage(projectRoot)", () => {
  let root: string;
  beforeAll(() => {
    root = makeProject();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("writes node_modules/microdosing-workbook with a runtime entry on the live source and types from declarations", () => {
    const { directory, written } = linkWorkbookPackage(root);
    expect(directory).toBe(join(root, "node_modules", "microdosing-workbook"));
    expect(written.map((f) => f.slice(directory.length + 1)).sort()).toEqual([
      "index.d.ts",
      "index.js",
      "package.json",
      "workbook.d.ts",
      "workbook.js",
    ]);
    expect(JSON.parse(readFileSync(join(directory, "package.json"), "utf8"))).toMatchObject({
      name: "microdosing-workbook",
      version: "1.2.3",
      main: "index.js",
      types: "index.d.ts",
    });
    expect(readFileSync(join(directory, "index.js"), "utf8")).toContain(
      'module.exports = require("../../src/index.ts");',
    );
    expect(readFileSync(join(directory, "index.d.ts"), "utf8")).toContain('export * from "./types/src/index";');
    expect(readFileSync(join(directory, "workbook.js"), "utf8")).toContain(
      'module.exports = require("../../src/workbook/index.ts");',
    );
    expect(readFileSync(join(directory, "workbook.d.ts"), "utf8")).toContain(
      'export * from "./types/src/workbook/index";',
    );
  });

  it("is idempotent: a second call writes nothing", () => {
    expect(linkWorkbookPackage(root).written).toEqual([]);
  });

  it("rejects a folder without src/index.ts", () => {
    expect(() => linkWorkbookPackage(tmpdir())).toThrow(/linkWorkbookPackage: projectRoot must contain src\/index.ts/);
  });

  it("generateWorkbookTypes(root) writes declarations once and reports them fresh until src/ changes", () => {
    expect(workbookTypesStale(root)).toBe(true);
    const first = generateWorkbookTypes(root);
    expect(first).toMatchObject({ ran: true, status: 0 });
    expect(readFileSync(join(root, "node_modules/microdosing-workbook/types/src/index.d.ts"), "utf8")).toContain(
      "export declare const answer: number;",
    );
    expect(workbookTypesStale(root)).toBe(false);
    expect(generateWorkbookTypes(root).ran).toBe(false);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, "src", "index.ts"), later, later);
    expect(workbookTypesStale(root)).toBe(true);
  });
});

describe("a student's edit of the library", () => {
  let root: string;
  beforeAll(() => {
    root = makeProject();
    linkWorkbookPackage(root);
    generateWorkbookTypes(root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("is visible to the next notebook run — new behaviour and new exports with types — without reinstalling", async () => {
    const engine = createNotebookEngine();
    try {
      const cwd = join(root, "notebooks");
      const before = await engine.execute(
        codeNotebook('import { answer } from "microdosing-workbook";', "console.log(answer)"),
        { cwd },
      );
      expect(before.errors).toEqual([]);
      expect(streamText(before.notebook, 1, "stdout")).toBe("1\n");

      writeFileSync(
        join(root, "src", "index.ts"),
        'export const answer: number = 2;\nexport function added(): string {\n  return "new";\n}\n',
      );
      const later = new Date(Date.now() + 5000);
      utimesSync(join(root, "src", "index.ts"), later, later);

      const after = await engine.execute(
        codeNotebook(
          'import { answer, added } from "microdosing-workbook";',
          "const text: string = added();\nconsole.log(answer, text)",
        ),
        { cwd },
      );
      expect(after.errors).toEqual([]);
      expect(streamText(after.notebook, 1, "stdout")).toBe("2 new\n");
      expect(existsSync(join(root, "node_modules", "microdosing-workbook", "types", "src", "index.d.ts"))).toBe(true);
    } finally {
      engine.close();
    }
  });
});
