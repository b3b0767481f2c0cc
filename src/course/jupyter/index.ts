/** Real Jupyter: find a Python with Jupyter, register the tslab kernel, link the package notebooks import. */
export { findJupyterPython, hasJupyter, jupyterPythonVariable, type JupyterPython, type FindJupyterPythonOptions } from "./findJupyterPython";
export { registerKernel, type RegisterKernelOptions, type RegisteredKernel } from "./registerKernel";
export { linkWorkbookPackage, workbookPackageName, type WorkbookPackageLink } from "./workbookPackage";
export { generateWorkbookTypes, refreshWorkbookTypesInBackground, workbookTypesStale, workbookTypesDirectory, type TypesGeneration } from "./workbookTypes";
