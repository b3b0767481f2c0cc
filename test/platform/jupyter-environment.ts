import { findJupyterPython, type JupyterPython } from "../../src/course/jupyter";

/**
 * The Python with Jupyter these tests drive, or null. Without Jupyter the real-Jupyter
 * tests are skipped with a message — except on CI (process.env.CI set), where CI installs
 * Jupyter and its absence must fail the run.
 */
export function jupyterForTests(): JupyterPython | null {
  const found = findJupyterPython();
  if (!found && process.env.CI)
    throw new Error(
      "CI is set but no Python with Jupyter was found: .ci/run must install jupyter-notebook, jupyter-nbconvert and python3-ipykernel",
    );
  if (!found)
    console.warn(
      "Skipping real-Jupyter tests: no Python with Jupyter found (install jupyter-notebook / jupyter-nbconvert, or set MICRODOSING_JUPYTER_PYTHON)",
    );
  return found;
}
