import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/core/files";
import {
  buildSite,
  chapterInfo,
  libraryHash,
  listNotebooks,
  replaceDirectory,
  SITE_MARKER,
} from "../../src/course/site";
import { parseNotebook } from "../../src/course/site/notebook";
import { buildFixtureSite, FIXTURE_NOTEBOOKS, fixtureExecutor, tempDir } from "./helpers";

const run = promisify(execFile);
const ROOT = join(__dirname, "..", "..");

/** A throw-away project: its own src/ (the "library"), notebooks/ and cache. */
function tempProject(): string {
  const root = tempDir("site-project-");
  mkdirSync(join(root, "src"));
  writeFileSync(join(root, "src", "lib.ts"), "export const x = 1;\n");
  cpSync(FIXTURE_NOTEBOOKS, join(root, "notebooks"), { recursive: true });
  return root;
}

describe("buildSite(options)", () => {
  it("writes the index, one page and one downloadable notebook per chapter, and the offline assets", async () => {
    const { out, report } = await buildFixtureSite("student");
    expect(report.pages).toEqual([
      "index.html",
      "01-introduction.html",
      "notebooks/01-introduction.ipynb",
      "02-principles.html",
      "notebooks/02-principles.ipynb",
      "03-practice.html",
      "notebooks/03-practice.ipynb",
    ]);
    for (const file of report.pages) expect(existsSync(join(out, file))).toBe(true);
    for (const asset of [
      "site.css",
      "charts.js",
      "hljs.css",
      "katex/katex.min.css",
      "katex/fonts/KaTeX_Main-Regular.woff2",
      "vega/vega.min.js",
      "vega/vega-lite.min.js",
    ]) {
      expect(existsSync(join(out, "assets", asset))).toBe(true);
    }
    expect(report.notebooks.map((n) => [n.slug, n.errors, n.charts])).toEqual([
      ["01-introduction", 0, 0],
      ["02-principles", 1, 2],
      ["03-practice", 0, 0],
    ]);
  });

  it("every stylesheet and font the site loads is shipped in it (no CDN)", async () => {
    const { out } = await buildFixtureSite("student");
    const pages = readdirSync(out).filter((f) => f.endsWith(".html"));
    for (const pageFile of pages) {
      const html = readFileSync(join(out, pageFile), "utf8");
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      for (const [, ref] of html.matchAll(/(?:src|href)="(assets\/[^"]+)"/g))
        expect(existsSync(join(out, ref))).toBe(true);
    }
    const css = readFileSync(join(out, "assets", "katex", "katex.min.css"), "utf8");
    for (const [, font] of css.matchAll(/url\((fonts\/[^)]+)\)/g))
      expect(existsSync(join(out, "assets", "katex", font))).toBe(true);
  });

  it("the student edition's downloadable notebooks hold no solution or hidden cell", async () => {
    const { out } = await buildFixtureSite("student");
    const text = readFileSync(join(out, "notebooks", "02-principles.ipynb"), "utf8");
    expect(text).not.toMatch(/SECRET_SOLUTION_TEXT|SECRET_MARKDOWN_TEXT|HIDDEN_CHECK_TEXT|BEGIN SOLUTION/);
    const instructor = await buildFixtureSite("instructor");
    expect(readFileSync(join(instructor.out, "notebooks", "02-principles.ipynb"), "utf8")).toContain(
      "SECRET_SOLUTION_TEXT",
    );
  });

  it("a rebuild with nothing changed executes nothing; changing one notebook executes only that one", async () => {
    const root = tempProject();
    const first = fixtureExecutor();
    await buildSite({ root, execute: first.execute });
    expect(first.calls).toEqual(["01-introduction", "02-principles", "03-practice"]);

    const second = fixtureExecutor();
    const warm = await buildSite({ root, execute: second.execute });
    expect(second.calls).toEqual([]);
    expect(warm.notebooks.every((n) => n.cached)).toBe(true);

    const path = join(root, "notebooks", "02-principles.ipynb");
    const nb = JSON.parse(readFileSync(path, "utf8"));
    nb.cells[0].source += "\nEdited.";
    writeFileSync(path, JSON.stringify(nb));
    const third = fixtureExecutor();
    await buildSite({ root, execute: third.execute });
    expect(third.calls).toEqual(["02-principles"]);
  });

  it("changing the library (src/) executes every notebook again; the engine is part of the key", async () => {
    const root = tempProject();
    await buildSite({ root, execute: fixtureExecutor().execute });
    const before = libraryHash(root);
    writeFileSync(join(root, "src", "lib.ts"), "export const x = 2;\n");
    expect(libraryHash(root)).not.toBe(before);
    const again = fixtureExecutor();
    await buildSite({ root, execute: again.execute });
    expect(again.calls).toHaveLength(3);
    const jupyter = fixtureExecutor();
    await buildSite({ root, engine: "jupyter", execute: jupyter.execute });
    expect(jupyter.calls).toHaveLength(3);
  });

  it("the cache keeps one entry per notebook", async () => {
    const root = tempProject();
    await buildSite({ root, execute: fixtureExecutor().execute });
    writeFileSync(join(root, "src", "lib.ts"), "export const x = 3;\n");
    await buildSite({ root, execute: fixtureExecutor().execute });
    expect(readdirSync(join(root, ".cache", "site", "embedded"))).toHaveLength(3);
  });

  it("libraryHash(root) covers src/, exercises/ and data/ by path and content", () => {
    const root = tempProject();
    const h0 = libraryHash(root);
    mkdirSync(join(root, "exercises"));
    writeFileSync(join(root, "exercises", "ex.ts"), "export {};\n");
    const h1 = libraryHash(root);
    expect(h1).not.toBe(h0);
    mkdirSync(join(root, "data"));
    writeFileSync(join(root, "data", "d.csv"), "t,c\n");
    expect(libraryHash(root)).not.toBe(h1);
    writeFileSync(join(root, "notes.txt"), "not an input");
    expect(libraryHash(root)).toBe(libraryHash(root));
  });

  it("rejects an unknown edition or engine, and a folder without notebooks, with a clear message", async () => {
    const root = tempProject();
    await expect(buildSite({ root, edition: "teacher" as never })).rejects.toThrow(
      'buildSite: edition must be "student" or "instructor"; received teacher',
    );
    await expect(buildSite({ root, engine: "python" as never })).rejects.toThrow(
      'buildSite: engine must be "embedded" or "jupyter"; received python',
    );
    mkdirSync(join(root, "empty"));
    await expect(buildSite({ root, notebooksDir: "empty" })).rejects.toThrow(
      /buildSite: notebooksDir must contain at least one \.ipynb notebook named NN-topic\.ipynb/,
    );
    await expect(buildSite({ root, notebooksDir: "missing" })).rejects.toThrow(
      /buildSite: notebooksDir must be an existing folder/,
    );
  });

  it("publishes only the chapter notebooks: jupyter nbconvert's *.nbconvert.ipynb and other stray notebooks are not chapters", async () => {
    const root = tempProject();
    const notebooks = join(root, "notebooks");
    // what `jupyter nbconvert --execute --to notebook 01-introduction.ipynb` leaves next to its input
    cpSync(join(notebooks, "01-introduction.ipynb"), join(notebooks, "01-introduction.nbconvert.ipynb"));
    cpSync(join(notebooks, "01-introduction.ipynb"), join(notebooks, "Untitled.ipynb"));
    expect(listNotebooks(notebooks).map((f) => f.slice(notebooks.length + 1))).toEqual([
      "01-introduction.ipynb",
      "02-principles.ipynb",
      "03-practice.ipynb",
    ]);
    const report = await buildSite({ root, execute: fixtureExecutor().execute });
    expect(report.notebooks.map((n) => n.slug)).toEqual(["01-introduction", "02-principles", "03-practice"]);
    expect(readdirSync(join(root, "site")).filter((f) => f.includes("nbconvert") || f.startsWith("Untitled"))).toEqual(
      [],
    );
    expect(readFileSync(join(root, "site", "index.html"), "utf8")).not.toContain("nbconvert");
  });

  it("the index gives every course chapter a real one-sentence summary, never the goals lead-in or a line ending on a colon", async () => {
    const notebooks = join(ROOT, "notebooks");
    const files = listNotebooks(notebooks);
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      const info = chapterInfo(parseNotebook(JSON.parse(readFileSync(file, "utf8")), file), file);
      const text = info.summaryHtml.replace(/<[^>]+>/g, "").trim();
      expect(text, info.slug).toMatch(/^[A-Z][^\n]{40,}\.$/);
      expect(text, info.slug).not.toMatch(/learning goals|after this chapter you can|:$/i);
    }
    // the extraction itself skips a goals lead-in and a colon-ended paragraph
    const nb = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [
        {
          cell_type: "markdown",
          metadata: {},
          source:
            "# T\n\n**Learning goals.** After this chapter you can\n\n- a\n\nThis notebook shows:\n\n1. x\n\nIt says one thing.",
        },
      ],
    };
    expect(chapterInfo(parseNotebook(nb, "01-t.ipynb"), "01-t.ipynb").summaryHtml).toBe("It says one thing.");
  });

  it("refuses to replace a folder it did not write, so --out src cannot destroy work", async () => {
    const root = tempProject();
    await expect(buildSite({ root, out: "src", execute: fixtureExecutor().execute })).rejects.toThrow(
      /replaceDirectory: out must be empty or a site written by this build \(no \.course-site\.json found\)/,
    );
    expect(readFileSync(join(root, "src", "lib.ts"), "utf8")).toBe("export const x = 1;\n");
    expect(readdirSync(root).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("swaps the new site in whole: stale pages of the old site disappear, nothing temporary is left", async () => {
    const root = tempProject();
    await buildSite({ root, execute: fixtureExecutor().execute });
    writeFileSync(join(root, "site", "stale.html"), "old");
    await buildSite({ root, execute: fixtureExecutor().execute });
    expect(existsSync(join(root, "site", "stale.html"))).toBe(false);
    expect(existsSync(join(root, "site", SITE_MARKER))).toBe(true);
    expect(readdirSync(root).filter((f) => f.startsWith("site."))).toEqual([]);
  });
});

describe("atomic writes", () => {
  it("writeFileAtomic(path, data) creates folders and leaves no temporary file", () => {
    const dir = tempDir("atomic-");
    writeFileAtomic(join(dir, "a", "b.txt"), "x");
    expect(readFileSync(join(dir, "a", "b.txt"), "utf8")).toBe("x");
    expect(readdirSync(join(dir, "a"))).toEqual(["b.txt"]);
  });

  it("replaceDirectory(staged, target) moves a staged folder into an empty or missing target", () => {
    const dir = tempDir("atomic-");
    mkdirSync(join(dir, "staged"));
    writeFileSync(join(dir, "staged", "index.html"), "new");
    replaceDirectory(join(dir, "staged"), join(dir, "out"));
    expect(readFileSync(join(dir, "out", "index.html"), "utf8")).toBe("new");
    expect(existsSync(join(dir, "staged"))).toBe(false);
  });
});

describe("npm run build (src/cli/build.ts)", () => {
  const cli = (args: string[], cwd = ROOT) =>
    run(
      process.execPath,
      [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(ROOT, "src", "cli", "build.ts"), ...args],
      { cwd },
    );

  it("prints one line per notebook and builds from the cache without starting an engine", async () => {
    const root = tempProject();
    await buildSite({ root, execute: fixtureExecutor().execute }); // fills .cache/site for the embedded engine
    const { stdout } = await cli(["--edition", "instructor"], root);
    expect(stdout).toContain("[1/3] cached    01-introduction");
    expect(stdout).toContain("[2/3] cached    02-principles");
    expect(stdout).toMatch(
      /wrote site\/ \(instructor edition, 3 chapters, 0 executed with the embedded engine, 3 cached\) in \d+\.\d s/,
    );
    expect(readFileSync(join(root, "site", "02-principles.html"), "utf8")).toContain("SECRET_SOLUTION_TEXT");
  });

  it("exits 1 with the reason for an unknown edition", async () => {
    await expect(cli(["--edition", "teacher"])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("--edition must be one of student, instructor; received teacher"),
    });
  });
});
