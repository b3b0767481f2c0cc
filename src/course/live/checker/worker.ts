/**
 * The live course's type checker, in its own Web Worker, loaded after the first run (it
 * carries TypeScript and the declaration files, several MB): tslab's converter over the
 * files tslab reads for the course (embedded by bundle.ts as "mdw-live:type-files").
 */
import files from "mdw-live:type-files";
import type { FromChecker, ToChecker } from "./protocol";
import { COURSE_IMPORTS, TslabTypeChecker } from "./type-checker";

interface WorkerScope {
  postMessage(message: FromChecker): void;
  onmessage: ((event: MessageEvent<ToChecker>) => void) | null;
}
const scope = globalThis as unknown as WorkerScope;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

let checker: TslabTypeChecker | undefined;
try {
  checker = new TslabTypeChecker(files);
  // Reads the library's declarations now, not in the first cell checked (about a second).
  checker.check(COURSE_IMPORTS);
  scope.postMessage({ type: "ready" });
} catch (error) {
  scope.postMessage({ type: "failed", message: message(error) });
}

scope.onmessage = (event) => {
  const request = event.data;
  if (checker === undefined) return;
  if (request.type === "check") {
    try {
      const verdict = checker.check(request.code);
      if (verdict.ok && request.commit) checker.commit(verdict.declarations);
      scope.postMessage({ type: "checked", id: request.id, ...verdict });
    } catch (error) {
      scope.postMessage({ type: "checked", id: request.id, ok: "failed", message: message(error) });
    }
  } else if (request.type === "commit") checker.commit(request.declarations);
  else if (request.type === "reset") checker.reset();
};
