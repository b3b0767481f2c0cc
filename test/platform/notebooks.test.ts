import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createNotebookEngine, serializeNotebook } from "../../src/course/execute";
import { courseNotebooks } from "./notebook-files";

const engine = createNotebookEngine();
afterAll(() => engine.close());

type Execution = Awaited<ReturnType<typeof engine.execute>>;
const PLATFORM = courseNotebooks().find((f) => f.endsWith("00-platform.ipynb")) as string;
/** 00-platform.ipynb as the top-to-bottom run executed it: each execution costs seconds, so the tests below reuse it. */
let platformRun: Promise<Execution> | undefined;
const platformExecution = (): Promise<Execution> => (platformRun ??= engine.execute(PLATFORM, { stopOnError: false }));

describe("every notebook under the embedded engine", () => {
  it("there is at least the platform sample notebook", () => {
    expect(courseNotebooks().map((f) => basename(f))).toContain("00-platform.ipynb");
  });

  for (const file of courseNotebooks()) {
    it(`${basename(file)} runs top to bottom with no error and leaves the file untouched`, async () => {
      const before = readFileSync(file, "utf8");
      const execution = engine.execute(file, { stopOnError: false });
      if (file === PLATFORM) platformRun ??= execution;
      const { errors, cells } = await execution;
      expect(errors.map((e) => e.traceback.join("\n"))).toEqual([]);
      expect(cells.every((c) => c.status !== "skipped")).toBe(true);
      expect(readFileSync(file, "utf8")).toBe(before);
    }, 120_000);
  }

  it("00-platform.ipynb prints PASS for its value check and shows its chart as vega-lite + SVG", async () => {
    const { notebook } = await platformExecution();
    const outputs = notebook.cells.flatMap((c) => (c.cell_type === "code" ? c.outputs : []));
    const text = outputs.map((o) => (o.output_type === "stream" ? [o.text].flat().join("") : "")).join("");
    expect(text).toContain("PASS: C0 = 33.33 ng/mL");
    const chart = outputs.find((o) => o.output_type === "display_data");
    expect(chart?.output_type === "display_data" && Object.keys(chart.data).sort()).toEqual([
      "application/vnd.vegalite.v5+json",
      "image/svg+xml",
      "text/markdown",
      "text/plain",
    ]);
  }, 120_000);

  it("00-platform.ipynb executed twice gives byte-identical notebooks, chart SVG included", async () => {
    const first = serializeNotebook((await platformExecution()).notebook);
    const second = serializeNotebook((await engine.execute(PLATFORM, { stopOnError: false })).notebook);
    expect(second).toBe(first);
  }, 120_000);
});
