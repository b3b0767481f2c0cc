/**
 * The live kernel, in a Web Worker: runs the page's cells like tslab and answers with
 * nbformat outputs (see protocol.ts). Bundled by src/course/live/bundle.ts together with
 * the browser build of the library (the *.browser.ts twins), so `import … from
 * "microdosing-workbook"` needs no request.
 */
import { format } from "node-inspect-extracted";
import * as library from "../../../index";
import { setLiveDisplayWriter, type LiveDisplayWriter } from "../../../charts/live-display";
import { settlePendingDisplays } from "../../../charts/pending-displays";
import * as workbook from "../../../workbook/index";
import { setLiveAnswers } from "../../../workbook/check.browser";
import type { Output } from "../../../core/nbformat";
import type { FromWorker, RunRequest, ToWorker } from "./protocol";
import { CellCompileError, CellRunError, CellSession } from "./session";

/** The little of the worker global scope this file uses (tsconfig's lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = globalThis as unknown as WorkerScope;

const session = new CellSession({
  "microdosing-workbook": library as unknown as Record<string, unknown>,
  "microdosing-workbook/workbook": workbook as unknown as Record<string, unknown>,
});

/** The run whose outputs console and displays go to (outputs after it ended go to the last one, like Jupyter). */
let currentId = 0;
let stream: { name: "stdout" | "stderr"; text: string } | undefined;
let flushTimer: ReturnType<typeof setTimeout> | undefined;

function post(output: Output): void {
  scope.postMessage({ type: "output", id: currentId, output });
}

/** Consecutive writes to one stream become one output, as the executed notebooks store them. */
function flush(): void {
  if (flushTimer !== undefined) clearTimeout(flushTimer);
  flushTimer = undefined;
  if (stream === undefined) return;
  const { name, text } = stream;
  stream = undefined;
  post({ output_type: "stream", name, text });
}

function write(name: "stdout" | "stderr", text: string): void {
  if (stream !== undefined && stream.name !== name) flush();
  stream = stream ? { name, text: stream.text + text } : { name, text };
  flushTimer ??= setTimeout(flush, 40);
}

// console.* as Node's console formats it (util.format), to the cell's streams.
const toStdout = (...args: unknown[]): void => write("stdout", `${format(...args)}\n`);
const toStderr = (...args: unknown[]): void => write("stderr", `${format(...args)}\n`);
Object.assign(console, {
  log: toStdout,
  info: toStdout,
  debug: toStdout,
  error: toStderr,
  warn: toStderr,
  trace: toStderr,
});

const displayWriter: LiveDisplayWriter = (message) => {
  flush();
  post({ output_type: "display_data", data: message.data, metadata: message.metadata ?? {} });
};
setLiveDisplayWriter(displayWriter); // show() and displayRich() in this bundle write through it
setLiveAnswers(() => session.exports()); // check() in this bundle grades the cells' exports

function errorOutput(error: unknown): Output {
  if (error instanceof CellCompileError) {
    return {
      output_type: "error",
      ename: "SyntaxError",
      evalue: error.message,
      traceback: [`${error.location.label}, line ${error.location.line}: SyntaxError: ${error.message}`],
    };
  }
  if (error instanceof CellRunError) {
    const where = error.location ? `${error.location.label}, line ${error.location.line}` : undefined;
    return {
      output_type: "error",
      ename: error.name,
      evalue: error.message,
      traceback: [`${where ? `${where}: ` : ""}${error.name}: ${error.message}`, ...error.frames],
    };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { output_type: "error", ename: e.name, evalue: e.message, traceback: [`${e.name}: ${e.message}`] };
}

async function run(request: RunRequest): Promise<void> {
  flush();
  currentId = request.id;
  try {
    workbook.setStudentId(request.studentId ?? null);
  } catch {
    workbook.setStudentId(null); // a malformed id from the page: the published numbers
  }
  scope.postMessage({ type: "started", id: request.id });
  let status: "ok" | "error" = "ok";
  try {
    await session.run(request.code, request.cell.label);
    await settlePendingDisplays(); // show() calls the cell did not await land in this cell
  } catch (error) {
    flush();
    post(errorOutput(error));
    status = "error";
  }
  flush();
  scope.postMessage({ type: "done", id: request.id, status });
}

let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === "run") queue = queue.then(() => run(message));
};
