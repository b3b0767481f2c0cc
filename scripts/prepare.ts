/**
 * `npm install` / `npm ci` run this ("prepare" script). It links
 * node_modules/microdosing-workbook to the live source and generates the type
 * declarations notebooks read, so a notebook can `import { … } from "microdosing-workbook"`
 * under the tslab kernel and in the embedded engine.
 */
import { resolve } from "node:path";
import { linkWorkbookPackage } from "../src/course/jupyter/workbookPackage";
import { generateWorkbookTypes } from "../src/course/jupyter/workbookTypes";

const root = resolve(__dirname, "..");
const { directory, written } = linkWorkbookPackage(root);
console.log(written.length > 0 ? `prepare: linked ${directory} → src/index.ts` : `prepare: ${directory} is up to date`);
const types = generateWorkbookTypes(root, { force: process.argv.includes("--force") });
if (!types.ran) console.log("prepare: type declarations are up to date");
else if (types.status === 0) console.log(`prepare: wrote type declarations in ${Math.round(types.ms)} ms`);
else if (types.status === 2) console.warn(`prepare: wrote type declarations, but src/ has type errors:\n${types.output.trim()}`);
else {
  console.error(`prepare: could not generate type declarations (tsc exit ${types.status}):\n${types.output.trim()}`);
  process.exitCode = 1;
}
