/** The embedded notebook execution engine: tslab in-process, no Jupyter, no Python. */
export {
  executeNotebook,
  createNotebookEngine,
  type ExecuteOptions,
  type ExecutionResult,
  type CellReport,
  type CellError,
  type NotebookEngine,
} from "./execute-notebook";
export { readNotebookFile, serializeNotebook } from "./notebook-format";
