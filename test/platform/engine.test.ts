import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createNotebookEngine,
  executeNotebook,
  serializeNotebook,
  type NotebookEngine,
} from "../../src/course/execute";
import { codeNotebook, streamText } from "./notebook-fixtures";

const notebooksDir = resolve(__dirname, "../../notebooks");
let engine: NotebookEngine;
let scratch: string;

beforeAll(() => {
  engine = createNotebookEngine();
  scratch = mkdtempSync(join(tmpdir(), "engine-"));
});
afterAll(() => {
  engine.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("executeNotebook(notebook, options)", () => {
  it("captures console.log, process.stdout and the last expression as stdout, console.error as stderr", async () => {
    const { notebook, errors } = await engine.execute(
      codeNotebook(
        'console.log("a", 1);\nprocess.stdout.write("b\\n");\nlet done = true;',
        'console.error("warn");',
        "const x: number = 6 * 7;\nx",
      ),
      { cwd: scratch },
    );
    expect(errors).toEqual([]);
    expect(streamText(notebook, 0, "stdout")).toBe("a 1\nb\n");
    expect(streamText(notebook, 1, "stderr")).toBe("warn\n");
    expect(streamText(notebook, 2, "stdout")).toBe("42\n");
  });

  it("numbers executed cells 1, 2, 3 and stores stream text as lines, like Jupyter", async () => {
    const { notebook } = await engine.execute(codeNotebook('console.log("one\\ntwo")', "let y = 1;"), { cwd: scratch });
    const [first, second] = notebook.cells;
    expect(first.cell_type === "code" && first.execution_count).toBe(1);
    expect(second.cell_type === "code" && second.execution_count).toBe(2);
    expect(first.cell_type === "code" && first.outputs).toEqual([
      { output_type: "stream", name: "stdout", text: ["one\n", "two\n"] },
    ]);
  });

  it("keeps variables between cells but starts every run from a fresh kernel state", async () => {
    const first = await engine.execute(codeNotebook("let counter = 1;", "counter += 1;\nconsole.log(counter)"), {
      cwd: scratch,
    });
    const second = await engine.execute(codeNotebook("let counter = 1;", "counter += 1;\nconsole.log(counter)"), {
      cwd: scratch,
    });
    expect(streamText(first.notebook, 1, "stdout")).toBe("2\n");
    expect(streamText(second.notebook, 1, "stdout")).toBe("2\n");
  });

  it("turns tslab display calls into display_data outputs with every MIME type of the bundle", async () => {
    const { notebook, errors } = await engine.execute(
      codeNotebook(
        'import * as tslab from "tslab";\ntslab.display.html("<b>hi</b>");\ntslab.display.raw("image/svg+xml", "<svg></svg>");',
      ),
      { cwd: scratch },
    );
    expect(errors).toEqual([]);
    const cell = notebook.cells[0];
    expect(cell.cell_type === "code" && cell.outputs).toEqual([
      { output_type: "display_data", data: { "text/html": "<b>hi</b>" }, metadata: {} },
      { output_type: "display_data", data: { "image/svg+xml": "<svg></svg>" }, metadata: {} },
    ]);
  });

  it("applies update_display_data to the earlier output with the same display id", async () => {
    const { notebook } = await engine.execute(
      codeNotebook(
        'import * as tslab from "tslab";\nconst d = tslab.newDisplay();\nd.text("first");',
        'd.text("second");',
      ),
      { cwd: scratch },
    );
    const [first, second] = notebook.cells;
    expect(first.cell_type === "code" && first.outputs).toEqual([
      { output_type: "display_data", data: { "text/plain": "second" }, metadata: {} },
    ]);
    expect(second.cell_type === "code" && second.outputs).toEqual([]);
  });

  it("records an exception as an error output naming the cell, and stops after it by default", async () => {
    const { notebook, errors, cells } = await engine.execute(
      codeNotebook(
        'console.log("before")',
        'function boom(): never { throw new RangeError("dose must be positive"); }\nboom();',
        'console.log("never")',
      ),
      { cwd: scratch },
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      index: 1,
      executionCount: 2,
      ename: "RangeError",
      evalue: "dose must be positive",
    });
    expect(errors[0].traceback[0]).toBe("RangeError in cell 1 (execution count 2): dose must be positive");
    expect(errors[0].traceback.some((line) => line.includes("boom") && line.includes("cell 1"))).toBe(true);
    const failed = notebook.cells[1];
    expect(failed.cell_type === "code" && failed.outputs.at(-1)?.output_type).toBe("error");
    expect(cells.map((c) => c.status)).toEqual(["ok", "error", "skipped"]);
    const skipped = notebook.cells[2];
    expect(skipped.cell_type === "code" && skipped.execution_count).toBeNull();
  });

  it("continues after an error when stopOnError is false", async () => {
    const { notebook, cells, errors } = await engine.execute(
      codeNotebook('throw new Error("first")', 'console.log("still runs")'),
      { cwd: scratch, stopOnError: false },
    );
    expect(cells.map((c) => c.status)).toEqual(["error", "ok"]);
    expect(errors.map((e) => e.evalue)).toEqual(["first"]);
    expect(streamText(notebook, 1, "stdout")).toBe("still runs\n");
  });

  it("reports TypeScript errors as TypeScriptError outputs with tslab's line:column diagnostics", async () => {
    const { errors } = await engine.execute(codeNotebook('const n: number = "text";'), { cwd: scratch });
    expect(errors[0].ename).toBe("TypeScriptError");
    expect(errors[0].evalue).toMatch(/^1:7 - Type 'string' is not assignable to type 'number'/);
    expect(errors[0].traceback[0]).toMatch(/^TypeScriptError in cell 0 \(execution count 1\)/);
  });

  it("treats an error in a cell tagged raises-exception as expected: recorded, not counted, execution goes on", async () => {
    const { notebook, cells, errors } = await engine.execute(
      codeNotebook(
        { source: 'throw new TypeError("shown on purpose")', tags: ["raises-exception"] },
        'console.log("next")',
      ),
      { cwd: scratch },
    );
    expect(errors).toEqual([]);
    expect(cells.map((c) => c.status)).toEqual(["error-expected", "ok"]);
    const first = notebook.cells[0];
    expect(first.cell_type === "code" && first.outputs[0]).toMatchObject({ output_type: "error", ename: "TypeError" });
    expect(streamText(notebook, 1, "stdout")).toBe("next\n");
  });

  it("interrupts a cell whose awaited work outlives timeoutMs", async () => {
    const { errors } = await engine.execute(
      codeNotebook("await new Promise((resolve) => setTimeout(resolve, 5000));"),
      { cwd: scratch, timeoutMs: 200 },
    );
    expect(errors[0]).toMatchObject({
      ename: "TimeoutError",
      evalue: "cell 0 (execution count 1) did not finish within 200 ms",
    });
  });

  it("reports a timing for every code cell and leaves markdown alone", async () => {
    const nb = codeNotebook("let a = 1;", "let b = 2;");
    nb.cells.splice(1, 0, { cell_type: "markdown", metadata: {}, source: "# Title" });
    const { cells, notebook } = await engine.execute(nb, { cwd: scratch });
    expect(cells.map((c) => c.index)).toEqual([0, 2]);
    for (const cell of cells) expect(cell.ms).toBeGreaterThanOrEqual(0);
    expect(notebook.cells[1]).toEqual({ cell_type: "markdown", metadata: {}, source: "# Title" });
  });

  it("never modifies the notebook object it was given", async () => {
    const nb = codeNotebook('console.log("x")');
    const before = JSON.stringify(nb);
    await engine.execute(nb, { cwd: scratch });
    expect(JSON.stringify(nb)).toBe(before);
  });

  it("writes the executed notebook atomically to outputPath, leaving the input file untouched and no temp files", async () => {
    const input = join(scratch, "in.ipynb");
    const output = join(scratch, "out.ipynb");
    const text = serializeNotebook(codeNotebook('console.log("saved")'));
    writeFileSync(input, text);
    const result = await engine.execute(input, { outputPath: output });
    expect(readFileSync(input, "utf8")).toBe(text);
    expect(readFileSync(output, "utf8")).toBe(serializeNotebook(result.notebook));
    expect(readdirSync(scratch).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("is deterministic: the same notebook executed twice gives byte-identical files", async () => {
    const nb = codeNotebook(
      'import * as tslab from "tslab";\nconst d = tslab.newDisplay();\nd.text("x");',
      "console.log({ a: 1, b: [1, 2] })",
      'throw new Error("same every time")',
    );
    const first = serializeNotebook((await engine.execute(nb, { cwd: scratch })).notebook);
    const second = serializeNotebook((await executeNotebook(nb, { cwd: scratch })).notebook);
    expect(second).toBe(first);
  });

  it("rejects bad input with a clear InputError", async () => {
    await expect(engine.execute({ nbformat: 3, cells: [] } as never)).rejects.toThrow(
      /executeNotebook: notebook nbformat must be 4; received 3/,
    );
    await expect(engine.execute(join(scratch, "missing.ipynb"))).rejects.toThrow(
      /executeNotebook: path must name a readable notebook file \(ENOENT\)/,
    );
    await expect(engine.execute(codeNotebook("1"), { cwd: join(scratch, "nope") })).rejects.toThrow(
      /executeNotebook: options.cwd must be an existing directory/,
    );
    await expect(engine.execute(codeNotebook("1"), { cwd: scratch, timeoutMs: 0 })).rejects.toThrow(
      /executeNotebook: options.timeoutMs must be an integer >= 1; received 0/,
    );
  });
});

describe("notebooks importing the library", () => {
  it('import { … } from "microdosing-workbook" works from notebooks/ with types, and show() emits one vega-lite + SVG + text bundle', async () => {
    const { notebook, errors } = await engine.execute(
      codeNotebook(
        'import { concentrationTimeChart, show, axisTitle } from "microdosing-workbook";',
        'const title: string = axisTitle("Time", "h");\nconsole.log(title);',
        'await show(concentrationTimeChart({ profiles: [{ name: "A", time: [0, 1, 2], conc: [0, 4, 2] }], timeUnit: "h", concUnit: "ng/mL" }));',
        'const wrong: number = axisTitle("Time", "h");',
      ),
      { cwd: notebooksDir, stopOnError: false },
    );
    expect(streamText(notebook, 1, "stdout")).toBe("Time (h)\n");
    const chart = notebook.cells[2];
    expect(chart.cell_type === "code" && chart.outputs).toHaveLength(1);
    const output = chart.cell_type === "code" ? chart.outputs[0] : undefined;
    expect(output?.output_type).toBe("display_data");
    if (output?.output_type !== "display_data") return;
    expect(Object.keys(output.data).sort()).toEqual([
      "application/vnd.vegalite.v5+json",
      "image/svg+xml",
      "text/markdown",
      "text/plain",
    ]);
    expect(String(output.data["image/svg+xml"])).toMatch(/^<svg/);
    expect(errors.map((e) => [e.index, e.ename])).toEqual([[3, "TypeScriptError"]]);
    expect(errors[0].evalue).toMatch(/Type 'string' is not assignable to type 'number'/);
  });

  it("show() called without await still lands in its own cell", async () => {
    const { notebook } = await engine.execute(
      codeNotebook(
        'import { concentrationTimeChart, show } from "microdosing-workbook";',
        'show(concentrationTimeChart({ profiles: [{ name: "A", time: [0, 1], conc: [1, 2] }], timeUnit: "h", concUnit: "ng/mL" }));',
        'console.log("after")',
      ),
      { cwd: notebooksDir },
    );
    const [, showCell, nextCell] = notebook.cells;
    expect(
      showCell.cell_type === "code" && showCell.outputs.filter((o) => o.output_type === "display_data"),
    ).toHaveLength(1);
    expect(nextCell.cell_type === "code" && nextCell.outputs.map((o) => o.output_type)).toEqual(["stream"]);
  });
});
