import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { executeCourse, workerPoolExecutor } from "../../src/course/site";
import { tempDir } from "./helpers";

function notebook(code: string) {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
    cells: [
      { cell_type: "markdown", id: "title", metadata: {}, source: "# Parallel" },
      { cell_type: "code", id: "code", metadata: {}, execution_count: null, outputs: [], source: code },
    ],
  };
}

describe("the parallel embedded engine", () => {
  it("executeCourse({ jobs: 2 }) runs notebooks in two worker processes and keeps their order", async () => {
    const root = tempDir("site-parallel-");
    mkdirSync(join(root, "notebooks"));
    for (const n of [1, 2, 3]) writeFileSync(join(root, "notebooks", `0${n}-part.ipynb`), JSON.stringify(notebook(`console.log("part ${n}:", process.pid);`)));
    const events: string[] = [];
    const { notebooks } = await executeCourse({ root, jobs: 2, cache: false, onProgress: (e) => events.push(`${e.kind} ${e.slug}`) });
    expect(notebooks.map((n) => n.slug)).toEqual(["01-part", "02-part", "03-part"]);
    const printed = notebooks.map((n) => {
      const cell = n.notebook.cells[1];
      return cell.cell_type === "code" && cell.outputs[0]?.output_type === "stream" ? String(cell.outputs[0].text) : "";
    });
    printed.forEach((text, i) => expect(text).toMatch(new RegExp(`^part ${i + 1}: \\d+`)));
    const pids = new Set(printed.map((t) => t.split(": ")[1].trim()));
    expect(pids.size).toBe(2); // two workers shared the three notebooks
    expect(pids.has(String(process.pid))).toBe(false); // none ran in this process
    expect(events.filter((e) => e.startsWith("executed"))).toHaveLength(3);
  }, 120_000);

  it("workerPoolExecutor reports a notebook that cannot be read as an error, not a hang", async () => {
    const pool = workerPoolExecutor(1);
    try {
      await expect(pool.execute(join(tempDir("site-parallel-"), "missing.ipynb"))).rejects.toThrow(/missing\.ipynb/);
    } finally {
      pool.close();
    }
  }, 60_000);
});
