import { createRequire } from "node:module";
import { join, sep } from "node:path";
import { Worker } from "node:worker_threads";
import ts from "typescript";
import { COURSE_IMPORTS, COURSE_ROOT } from "./type-checker";
import type { TypeFiles } from "./memory-system";

/** Files that must never reach the browser: hidden checks, reference solutions. */
const FORBIDDEN = /\/(solutions|workbook\/instructor)\//;

/**
 * Records the files tslab's converter reads to type-check a cell in `<root>/notebooks`
 * (TypeScript's lib files, every @types package, the library's declarations and what they
 * import), by running that converter once with a file system that notes each read. Runs in
 * a worker thread, so this process's TypeScript (its `sys`) is never touched. Paths are
 * moved from `root` to {@link COURSE_ROOT}, as the browser's memory file system has them.
 * @param root the project folder (with node_modules/microdosing-workbook from `npm run prepare`)
 * @throws {Error} when the probe cell does not type-check, a file lies outside root, or a
 *   hidden check or solution would be embedded
 */
export async function recordTypeFiles(root: string): Promise<TypeFiles> {
  const converterPath = createRequire(join(root, "package.json")).resolve("tslab/dist/converter");
  const recorded = await new Promise<{ files: Record<string, string>; diagnostics: string[] }>((resolve, reject) => {
    const worker = new Worker(RECORDER, {
      eval: true,
      workerData: { converterPath, notebooks: join(root, "notebooks"), probe: COURSE_IMPORTS },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) =>
      reject(new Error(`recordTypeFiles: the recorder exited (${code}) without an answer`)),
    );
  });
  if (recorded.diagnostics.length > 0) {
    throw new Error(
      `recordTypeFiles: tslab cannot type-check the course's imports (run npm run prepare?): ${recorded.diagnostics.join("; ")}`,
    );
  }
  const files: Record<string, string> = {};
  const prefix = root.endsWith(sep) ? root : root + sep;
  for (const [path, text] of Object.entries(recorded.files)) {
    if (!path.startsWith(prefix)) throw new Error(`recordTypeFiles: tslab read ${path}, outside the project ${root}`);
    const coursePath = `${COURSE_ROOT}/${path.slice(prefix.length).split(sep).join("/")}`;
    if (FORBIDDEN.test(coursePath))
      throw new Error(`recordTypeFiles: hidden checks or solutions must not reach the browser (${coursePath})`);
    files[coursePath] = path.endsWith(".d.ts") ? withoutDocComments(text) : text;
  }
  return files;
}

/**
 * A declaration file without its documentation comments (`/** … *\/`): they never change a
 * type check (JSDoc types count only in JavaScript files), they are most of @types/node's
 * size, and the library's would describe instructor tooling to students. TypeScript's own
 * scanner finds them, so strings and `/// <reference …>` directives are kept as they are.
 */
export function withoutDocComments(text: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  let out = "";
  let kept = 0;
  // Template literal types: the scanner needs telling where a `${…}` ends (no parser here).
  let braces = 0;
  const templates: number[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.OpenBraceToken) braces++;
    else if (token === ts.SyntaxKind.TemplateHead) templates.push(braces);
    else if (token === ts.SyntaxKind.CloseBraceToken) {
      if (templates.at(-1) === braces) {
        if (scanner.reScanTemplateToken(false) === ts.SyntaxKind.TemplateTail) templates.pop();
      } else braces--;
    } else if (token === ts.SyntaxKind.MultiLineCommentTrivia && scanner.getTokenText().startsWith("/**")) {
      out += text.slice(kept, scanner.getTokenStart());
      kept = scanner.getTextPos();
    }
  }
  return out + text.slice(kept);
}

/** The worker thread's code: plain CommonJS, so it needs no TypeScript loader. */
const RECORDER = `
const { workerData, parentPort } = require("node:worker_threads");
const { createRequire } = require("node:module");
const load = createRequire(workerData.converterPath);
const ts = load("@tslab/typescript-for-tslab");
const real = ts.sys;
const seen = new Set();
const recording = Object.create(real);
recording.getCurrentDirectory = () => workerData.notebooks;
recording.readFile = (path, encoding) => { const text = real.readFile(path, encoding); if (text !== undefined) seen.add(path); return text; };
recording.fileExists = (path) => { const found = real.fileExists(path); if (found) seen.add(path); return found; };
ts.setSys(recording);
const converter = load(workerData.converterPath).createConverter({ isJS: false, isBrowser: false });
const result = converter.convert("", workerData.probe);
converter.close();
const files = {};
for (const path of seen) files[path] = real.readFile(path);
parentPort.postMessage({ files, diagnostics: result.diagnostics.map((d) => d.messageText) });
`;
