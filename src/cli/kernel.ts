/**
 * `npm run kernel`: registers the tslab TypeScript kernel with Jupyter for this project,
 * so `jupyter lab notebooks/` or `jupyter notebook` just works. Finds a Python that has
 * Jupyter even when the `python3` on PATH does not (set MICRODOSING_JUPYTER_PYTHON to
 * choose one). Options: --python <path>, --prefix <dir> (instead of the per-user folder).
 */
import { Command } from "commander";
import { resolve } from "node:path";
import { findJupyterPython, jupyterPythonVariable } from "../course/jupyter/find-jupyter-python";
import { registerKernel } from "../course/jupyter/register-kernel";
import { linkWorkbookPackage } from "../course/jupyter/workbook-package";
import { generateWorkbookTypes } from "../course/jupyter/workbook-types";

const program = new Command()
  .name("kernel")
  .description("Register the tslab TypeScript kernel with Jupyter for this project")
  .option("--python <path>", "the Python whose Jupyter should know the kernel")
  .option("--prefix <dir>", "install under DIR/share/jupyter/kernels instead of the per-user folder")
  .parse();
const options = program.opts<{ python?: string; prefix?: string }>();
const root = resolve(__dirname, "..", "..");

const found = options.python ? { python: options.python, source: "--python" } : findJupyterPython();
if (!found) {
  console.error(
    [
      "kernel: no Python with Jupyter found (tried $" +
        jupyterPythonVariable +
        ", the jupyter command on PATH, python3/python on PATH, /usr/bin/python3).",
      "Install Jupyter first, e.g.:",
      "  Debian/Ubuntu: sudo apt install jupyter-notebook jupyter-nbconvert python3-ipykernel",
      "  macOS / Windows / any OS: python3 -m pip install jupyterlab   (Windows: py -m pip install jupyterlab)",
      `or point ${jupyterPythonVariable} at the Python that has it.`,
    ].join("\n"),
  );
  process.exit(1);
}
linkWorkbookPackage(root);
generateWorkbookTypes(root);
const kernel = registerKernel({ projectRoot: root, python: found.python, prefix: options.prefix });
console.log(`kernel: registered "tslab" (TypeScript) with ${found.python} (${found.source})`);
console.log(`kernel: kernel.json is in ${kernel.kernelDirectory}`);
console.log(`kernel: Jupyter starts it with: ${kernel.argv.join(" ")}`);
console.log(
  `kernel: now run  jupyter lab notebooks/  (or  jupyter notebook notebooks/) and pick the "TypeScript" kernel`,
);
