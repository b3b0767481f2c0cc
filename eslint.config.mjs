// ESLint flat config. `npm run lint` runs it with --max-warnings=0; Prettier owns the formatting.
// The layer rule below is the enforced form of docs/architecture.md: science ← charts ← workbook ← course ← cli.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import prettier from "eslint-config-prettier";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import globals from "globals";
import tseslint from "typescript-eslint";

const root = fileURLToPath(new URL(".", import.meta.url));

/** .gitignore's patterns (generated and built files) in flat-config form, so the two lists cannot drift. */
const gitignored = readFileSync(new URL(".gitignore", import.meta.url), "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"))
  .map((line) => (line.startsWith("/") ? line.slice(1) : `**/${line}`));

const SCIENCE = [
  "core",
  "data",
  "regulatory",
  "pharmacology",
  "pk",
  "nca",
  "studies",
  "ams",
  "translation",
  "dosage-forms",
].map((dir) => `src/${dir}`);

/** Each zone: files under `target` may not import anything under `from`. Paths are relative to this file. */
const layerZones = [
  {
    target: SCIENCE,
    // src/index.ts re-exports the charts, so a science file importing it would import the charts.
    from: ["src/charts", "src/workbook", "src/course", "src/cli", "src/index.ts"],
    message: "The science layer imports only the science layer (docs/architecture.md).",
  },
  {
    target: "src/charts",
    from: ["src/workbook", "src/course", "src/cli"],
    message: "Charts import only the science layer (docs/architecture.md).",
  },
  {
    target: "src/workbook",
    from: ["src/course", "src/cli"],
    message: "The workbook imports the science and the charts, never the course tooling.",
  },
  {
    // The student runtime (everything in src/workbook but instructor/) ships in the student edition.
    target: ["src/workbook/*", "src/workbook/!(instructor)/**"],
    from: ["src/workbook/instructor"],
    message: "The student runtime never imports the instructor tooling (src/workbook/instructor).",
  },
  {
    target: "src/course",
    from: ["src/cli"],
    message: "Only the command-line programs (src/cli) sit above the course tooling.",
  },
  {
    target: "src",
    from: ["exercises", "test", "bench"],
    message: "The library never imports the students' exercise files, the tests or the benchmarks.",
  },
  {
    // The command-line programs are the composition root: they load the reference solutions and
    // pass them in, so that import stays visible here instead of hiding behind a path string.
    target: ["src/*", "src/!(cli)/**"],
    from: ["solutions"],
    message: "Only the command-line programs (src/cli) import the reference solutions; they pass them in.",
  },
  {
    target: "exercises",
    from: ["solutions"],
    message: "A student's exercise file never sees the reference solutions.",
  },
];

export default defineConfig([
  // The fixtures break the rules on purpose; test/platform/lint-rules.test.ts lints them with ignores off.
  globalIgnores([...gitignored, "site/", "dist/", ".cache/", "notebooks/", "data/", "test/platform/lint-fixtures/"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: "project/imports",
    files: ["**/*.{ts,mts,cts,js,mjs,cjs}"],
    plugins: { "import-x": importX },
    settings: {
      // Without these import-x parses only .js dependencies, and no-cycle silently follows no .ts import.
      "import-x/extensions": [".ts", ".mts", ".cts", ".js", ".mjs", ".cjs"],
      "import-x/external-module-folders": ["node_modules", "node_modules/@types"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".mts", ".cts"] },
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: `${root}tsconfig.json` })],
    },
    rules: {
      // Type-only imports are erased, so they cannot form a runtime cycle; import-x skips them.
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": ["error", { basePath: root, zones: layerZones }],
    },
  },
  {
    name: "project/typescript",
    files: ["**/*.{ts,mts,cts}"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // A leading underscore marks a deliberately unused name; `{ a: _a, ...rest }` drops a key.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The stubs written by `npm run stubs`: the solution's signature and imports over an empty body, for the student to fill.
    name: "project/exercise-stubs",
    files: ["exercises/**/*.ts"],
    rules: { "@typescript-eslint/no-unused-vars": "off" },
  },
  {
    // `npm run stubs` copies a solution file's imports into the stub, whose bodies call notAttempted().
    name: "project/solutions",
    files: ["solutions/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^(_|notAttempted$)",
          caughtErrorsIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    name: "project/node-config-files",
    files: ["*.mjs", "*.mts"],
    languageOptions: { globals: globals.node },
  },
  {
    // Plain CommonJS that must run without a transpiler (src/cli/check.cjs, the atomic writer).
    name: "project/commonjs",
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    name: "project/browser-scripts",
    files: ["src/course/site/assets/**/*.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
  prettier,
]);
