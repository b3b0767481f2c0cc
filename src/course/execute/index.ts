/** The embedded notebook execution engine: tslab in-process, no Jupyter, no Python. */
export { executeNotebook, createNotebookEngine, type ExecuteOptions, type ExecutionResult, type CellReport, type CellError, type NotebookEngine } from "./executeNotebook";
export { readNotebookFile, serializeNotebook, writeFileAtomic, type Notebook, type Cell, type CodeCell, type Output } from "./notebookFormat";
