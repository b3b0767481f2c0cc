import { createRequire } from "node:module";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { CellCheck } from "../../src/course/live/checker/type-checker";

/**
 * Cells a student might write, run in this order: type errors of several kinds (a Unit
 * where a number is wanted, a missing property, a reassignment, a syntax error), names
 * shared between cells, a name declared again, top-level await, both course modules.
 */
export const TYPE_CHECK_CELLS: readonly string[] = [
  'import { oralConcentration, unit } from "microdosing-workbook";',
  'const dose: number = unit(100, "mg");',
  'const doseMg = 100;\nconst label: string = "dose";',
  "doseMg.toUpperCase();",
  "const c = oralConcentration(2, { dose: 1 });",
  'let x = 1;\nx = "a";',
  "const total = await Promise.resolve(doseMg * 2);\ntotal.toFixed(1)",
  "const bad = (;",
  'import { check } from "microdosing-workbook/workbook";',
  'const doseMg = "declared again";\ndoseMg.length',
];

/**
 * What tslab itself reports for `cells`: its converter on the real file system in
 * `<root>/notebooks`, in a worker thread (its own TypeScript and `sys`), each cell checked
 * against the declarations of the cells before it that passed, as tslab's executor does.
 * Diagnostics are printed with tslab's format string; the project path reads as /course.
 */
export async function tslabReference(root: string, cells: readonly string[]): Promise<CellCheck[]> {
  const converterPath = createRequire(join(root, "package.json")).resolve("tslab/dist/converter");
  const results = await new Promise<CellCheck[]>((resolve, reject) => {
    const worker = new Worker(REFERENCE, {
      eval: true,
      workerData: { converterPath, notebooks: join(root, "notebooks"), cells },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  return results.map((r) =>
    r.ok === false ? { ok: false, diagnostics: r.diagnostics.map((d) => d.split(root).join("/course")) } : r,
  );
}

const REFERENCE = `
const { workerData, parentPort } = require("node:worker_threads");
const { createRequire } = require("node:module");
const { format } = require("node:util");
const load = createRequire(workerData.converterPath);
const ts = load("@tslab/typescript-for-tslab");
const sys = Object.create(ts.sys);
sys.getCurrentDirectory = () => workerData.notebooks;
ts.setSys(sys);
const converter = load(workerData.converterPath).createConverter({ isJS: false, isBrowser: false });
let prevDecl = "";
const results = workerData.cells.map((code) => {
  const r = converter.convert(prevDecl, code);
  if (r.diagnostics.length > 0) {
    return { ok: false, diagnostics: r.diagnostics.map((d) => format("%s%d:%d - %s", d.fileName ? d.fileName + " " : "", d.start.line + 1, d.start.character + 1, d.messageText)) };
  }
  prevDecl = r.declOutput || "";
  return { ok: true, declarations: prevDecl };
});
converter.close();
parentPort.postMessage(results);
`;
