import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { embeddedExecutor, executeCourse, workerPoolExecutor } from "../../src/course/site";
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
    for (const n of [1, 2, 3])
      writeFileSync(
        join(root, "notebooks", `0${n}-part.ipynb`),
        JSON.stringify(notebook(`console.log("part ${n}:", process.pid);`)),
      );
    const events: string[] = [];
    const { notebooks } = await executeCourse({
      root,
      jobs: 2,
      cache: false,
      onProgress: (e) => events.push(`${e.kind} ${e.slug}`),
    });
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

  it("a worker (with its V8 flags) computes exactly what the in-process engine computes", async () => {
    // floating point through the ODE integrator, NCA, random numbers and a rendered chart;
    // the notebook sits inside the project so that "microdosing-workbook" resolves
    const dir = mkdtempSync(join(__dirname, "..", "..", ".cache", "parallel-"));
    const file = join(dir, "numbers.ipynb");
    writeFileSync(
      file,
      JSON.stringify(
        notebook(
          'import { simulateMichaelisMenten, nca, createRandom, concentrationTimeChart, show } from "microdosing-workbook";\n' +
            "const times = [0.25, 0.5, 1, 2, 4, 6, 8, 12, 24];\n" +
            'const sim = simulateMichaelisMenten({ doses: [{ time: 0, amount: 100, route: "oral" }], volume: 40, vmax: 20, km: 2, ka: 1.2 }, { times: times });\n' +
            "const rng = createRandom(7);\n" +
            "const noisy = sim.conc.map((c) => c * Math.exp(0.1 * rng.normal()));\n" +
            'console.log(JSON.stringify(nca([0, ...times], [0, ...noisy], { dose: 100, route: "extravascular" })));\n' +
            'await show(concentrationTimeChart({ profiles: [{ name: "MM", time: times, conc: noisy }], timeUnit: "h", concUnit: "mg/L" }));',
        ),
      ),
    );
    const inProcess = embeddedExecutor();
    const pool = workerPoolExecutor(1);
    try {
      const [here, there] = [await inProcess.execute(file), await pool.execute(file)];
      const text = JSON.stringify(here);
      expect(text).not.toMatch(/"output_type":"error"/);
      expect(text).toContain("image/svg+xml");
      expect(JSON.stringify(there)).toBe(text);
    } finally {
      await inProcess.close();
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
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
