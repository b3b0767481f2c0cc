/**
 * `npm install` / `npm ci` run this ("prepare" script). It links
 * node_modules/microdosing-workbook to the live source and generates the type
 * declarations notebooks read, so a notebook can `import { … } from "microdosing-workbook"`
 * under the tslab kernel and in the embedded engine.
 */
import { resolve } from "node:path";
import { linkWorkbookPackage } from "../course/jupyter/workbook-package";
import { generateWorkbookTypes } from "../course/jupyter/workbook-types";

const root = resolve(__dirname, "..", "..");
// Each step says what it is doing before it starts: the declarations take ≈ 30 s the first time.
console.log("prepare: 1/3 linking node_modules/microdosing-workbook to the source…");
const { directory, written } = linkWorkbookPackage(root);
console.log(written.length > 0 ? `prepare: linked ${directory} → src/index.ts` : `prepare: ${directory} is up to date`);
console.log(
  "prepare: 2/3 writing type declarations for notebooks (tsc; ≈ 30 s the first time, seconds when up to date)…",
);
const types = generateWorkbookTypes(root, { force: process.argv.includes("--force") });
if (!types.ran) console.log("prepare: type declarations are up to date");
else if (types.status === 0) console.log(`prepare: wrote type declarations in ${Math.round(types.ms)} ms`);
else if (types.status === 2)
  console.warn(`prepare: wrote type declarations, but src/ has type errors:\n${types.output.trim()}`);
else {
  console.error(`prepare: could not generate type declarations (tsc exit ${types.status}):\n${types.output.trim()}`);
  process.exitCode = 1;
}

console.log("prepare: 3/3 bundling `npm run check` into node_modules/.cache…");
try {
  // Plain CommonJS (it must start without a transpiler); see src/cli/check.cjs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a .cjs module, loaded as CommonJS on purpose
  const { buildCheckBundle } = require("./check.cjs") as {
    buildCheckBundle: (root: string) => { ms: number; inputs: number };
  };
  const { ms, inputs } = buildCheckBundle(root);
  console.log(`prepare: bundled the checker (${inputs} source files) in ${Math.round(ms)} ms`);
} catch (error) {
  // Not fatal: src/cli/check.cjs builds it on the first `npm run check`, or falls back to tsx.
  console.warn(
    `prepare: could not bundle the checker now (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); \`npm run check\` will retry`,
  );
}
