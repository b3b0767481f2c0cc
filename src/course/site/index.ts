/**
 * The static course site: executed notebooks rendered to HTML pages (math typeset with
 * KaTeX and code highlighted at build time, charts as inline SVG plus interactive
 * vega-lite), with an index, a build cache and atomic output.
 */
export {
  buildSite,
  executeCourse,
  listNotebooks,
  DEFAULT_COURSE_TITLE,
  type ExecutedNotebook,
  type OnNotebookReady,
  type BuildOptions,
  type BuildProgress,
  type BuildReport,
  type NotebookReport,
} from "./build";
export {
  instructorOnly,
  cellsForEdition,
  notebookForEdition,
  checkEdition,
  EDITIONS,
  type Edition,
  type EditionCell,
  type InstructorOnlyKind,
} from "./edition";
export {
  checkEngine,
  embeddedExecutor,
  workerPoolExecutor,
  jupyterExecutor,
  executorFor,
  ENGINES,
  type EngineName,
  type ExecuteNotebook,
  type Executor,
} from "./engine";
export {
  executeWithJupyter,
  registerTslabKernel,
  nbconvertCommand,
  nbconvertExecuteArgs,
  type TslabKernel,
} from "./jupyter-engine";
export { renderChapterPage, renderToc, type ChapterPageInput } from "./chapter-page";
export { renderIndexPage, type IndexPageInput } from "./index-page";
export { chapterInfo, type ChapterInfo } from "./chapter";
export { renderMarkdown } from "./markdown";
export { typeset } from "./math";
export { slugify, createPageEnv, type Heading, type PageEnv } from "./headings";
export { renderOutputs, stripAnsi } from "./outputs";
export { chartAltText, inlineSvg } from "./chart";
export { highlightCode } from "./highlight";
export { ExecutionCache, executionKey, libraryHash, LIBRARY_INPUTS } from "./cache";
export { replaceDirectory, SITE_MARKER } from "./atomic";
export { parseNotebook, readNotebook } from "./notebook";
export { joinText, type Notebook, type Cell, type CodeCell, type MarkdownCell, type Output } from "../../core/nbformat";
