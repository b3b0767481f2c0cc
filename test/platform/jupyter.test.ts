import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { registerKernel } from "../../src/course/jupyter";
import type { Notebook } from "../../src/core/nbformat";
import { jupyterForTests } from "./jupyter-environment";
import { courseNotebooks, notebooksDir } from "./notebook-files";

const repo = resolve(__dirname, "../..");
const jupyter = jupyterForTests();
const prefix = mkdtempSync(join(tmpdir(), "jupyter-prefix-"));
afterAll(() => rmSync(prefix, { recursive: true, force: true }));

/** Jupyter confined to the temporary prefix: no kernel, config or runtime file outside it. */
const env = {
  ...process.env,
  JUPYTER_PATH: join(prefix, "share", "jupyter"),
  JUPYTER_CONFIG_DIR: join(prefix, "config"),
  JUPYTER_RUNTIME_DIR: join(prefix, "runtime"),
  JUPYTER_DATA_DIR: join(prefix, "data"),
  IPYTHONDIR: join(prefix, "ipython"),
  PATH: `${join(repo, "node_modules", ".bin")}${process.platform === "win32" ? ";" : ":"}${process.env.PATH ?? ""}`,
};

describe.skipIf(!jupyter)("real Jupyter with the tslab kernel", () => {
  it("registerKernel installs the tslab kernel into a temporary prefix, pointing at this project's tslab", () => {
    const kernel = registerKernel({ projectRoot: repo, python: jupyter!.python, prefix, env });
    expect(kernel.kernelDirectory).toBe(join(prefix, "share", "jupyter", "kernels", "tslab"));
    expect(kernel.argv).toEqual([
      join(repo, "node_modules", ".bin", "tslab"),
      "kernel",
      "--config-path",
      "{connection_file}",
    ]);
  });

  for (const file of courseNotebooks()) {
    it(`jupyter nbconvert --execute runs ${basename(file)} on the tslab kernel with no error`, () => {
      const out = mkdtempSync(join(prefix, "out-"));
      const run = spawnSync(
        jupyter!.python,
        [
          "-m",
          "nbconvert",
          "--to",
          "notebook",
          "--execute",
          "--ExecutePreprocessor.kernel_name=tslab",
          "--ExecutePreprocessor.timeout=600",
          "--output-dir",
          out,
          file,
        ],
        { cwd: notebooksDir, env, encoding: "utf8", timeout: 600_000 },
      );
      expect(run.status, `nbconvert failed:\n${run.stderr}`).toBe(0);
      const executed = JSON.parse(readFileSync(join(out, basename(file)), "utf8")) as Notebook;
      const outputs = executed.cells.flatMap((c) => (c.cell_type === "code" ? c.outputs : []));
      expect(outputs.filter((o) => o.output_type === "error")).toEqual([]);
      if (basename(file).startsWith("00-")) {
        expect(outputs.map((o) => (o.output_type === "stream" ? [o.text].flat().join("") : "")).join("")).toContain(
          "PASS",
        );
        const chart = outputs.find((o) => o.output_type === "display_data");
        expect(chart?.output_type === "display_data" && Object.keys(chart.data).sort()).toEqual([
          "application/vnd.vegalite.v5+json",
          "image/svg+xml",
          "text/markdown",
          "text/plain",
        ]);
      }
    }, 620_000);
  }
});
