/** Real Jupyter: find a Python with Jupyter, register the tslab kernel, link the package notebooks import. */
export {
  findJupyterPython,
  hasJupyter,
  jupyterPythonVariable,
  type JupyterPython,
  type FindJupyterPythonOptions,
} from "./find-jupyter-python";
export { registerKernel, type RegisterKernelOptions, type RegisteredKernel } from "./register-kernel";
export { linkWorkbookPackage, workbookPackageName, type WorkbookPackageLink } from "./workbook-package";
export {
  generateWorkbookTypes,
  refreshWorkbookTypesInBackground,
  workbookTypesStale,
  workbookTypesDirectory,
  type TypesGeneration,
} from "./workbook-types";
