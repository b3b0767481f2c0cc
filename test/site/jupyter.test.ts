import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite, nbconvertCommand } from "../../src/course/site";
import { tempDir } from "./helpers";

/**
 * `--engine jupyter` for real: Debian's jupyter-nbconvert runs the project's tslab kernel,
 * registered in a throw-away JUPYTER_PATH. Skipped with a message when nbconvert is
 * missing outside CI.
 */
const nbconvert = nbconvertCommand();
const available = existsSync(nbconvert) || !nbconvert.startsWith("/");
if (!available && !process.env.CI)
  console.warn(`test/site/jupyter.test.ts skipped: ${nbconvert} not found (install jupyter-nbconvert).`);

describe.skipIf(!available && !process.env.CI)('buildSite({ engine: "jupyter" })', () => {
  it("executes notebooks through nbconvert and the tslab kernel, and caches the result", async () => {
    const root = tempDir("site-jupyter-");
    mkdirSync(join(root, "notebooks"));
    const notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
      cells: [
        { cell_type: "markdown", metadata: {}, source: "# Through Jupyter\n\n- run $x^2$" },
        {
          cell_type: "code",
          metadata: {},
          execution_count: null,
          outputs: [],
          source: "const dose: number = 6 * 7;\nconsole.log(`dose ${dose} ug`);",
        },
      ],
    };
    writeFileSync(join(root, "notebooks", "01-jupyter.ipynb"), JSON.stringify(notebook));
    const report = await buildSite({ root, engine: "jupyter" });
    expect(report.notebooks).toMatchObject([{ slug: "01-jupyter", cached: false, errors: 0 }]);
    const html = readFileSync(join(root, "site", "01-jupyter.html"), "utf8");
    expect(html).toContain("dose 42 ug");
    expect(html).toContain('class="katex"');
    const again = await buildSite({ root, engine: "jupyter" });
    expect(again.notebooks[0].cached).toBe(true);
  }, 120_000);

  it("fails the build on a cell that throws, naming the notebook and the error (tslab under Jupyter reports exceptions only as text)", async () => {
    const root = tempDir("site-jupyter-");
    mkdirSync(join(root, "notebooks"));
    const notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
      cells: [
        {
          cell_type: "code",
          metadata: {},
          execution_count: null,
          outputs: [],
          source: 'throw new RangeError("planted failure");',
        },
      ],
    };
    writeFileSync(join(root, "notebooks", "01-broken.ipynb"), JSON.stringify(notebook));
    await expect(buildSite({ root, engine: "jupyter" })).rejects.toThrow(
      /jupyter nbconvert failed on .*01-broken\.ipynb[\s\S]*planted failure/,
    );
    expect(existsSync(join(root, "site"))).toBe(false);
  }, 120_000);
});
