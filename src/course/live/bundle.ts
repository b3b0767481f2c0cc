import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative, resolve } from "node:path";
import { build, type Plugin } from "esbuild";
import { InputError } from "../../core/errors";
import { recordTypeFiles } from "./checker/type-files";
import { COURSE_ROOT, TYPESCRIPT_PATH } from "./checker/type-checker";
import { cachedOutput } from "./input-cache";

/**
 * The live course's browser assets, built with esbuild into `<outDir>/assets/live/`:
 * - worker.js: the worker kernel (runtime/worker.ts) with the browser build of the library
 *   and the workbook inside, and the data/ files the loaders read, embedded;
 * - page.js: the page's code (page/main.ts), when the page helper's entry exists;
 * - checker.js: the type checker (checker/worker.ts), loaded after the first run: tslab's
 *   converter and TypeScript with the declaration files it reads embedded.
 * Node-only modules are replaced by their browser twins (`X.browser.ts` next to `X.ts`), and
 * any `node:` import left is a build error, so the boundary stays visible. Hidden checks and
 * solutions are never inputs; the build refuses to finish if one is.
 */
export interface LiveAssetsOptions {
  edition: "student" | "instructor";
}

export interface LiveAssets {
  /** Paths written, relative to outDir. */
  files: string[];
  /** Their total size [bytes]. */
  bytes: number;
}

const ROOT = resolve(__dirname, "..", "..", "..");
const LIVE_DIR = join("assets", "live");
/** Inputs that must never reach the browser (hidden checks, reference solutions). */
const FORBIDDEN = [/(^|\/)src\/workbook\/instructor\//, /(^|\/)solutions\//];

/**
 * Builds the live assets into `<outDir>/assets/live/`.
 * @param outDir the site folder being written
 * @param options.edition "student" or "instructor" (the same runtime: public checks only in both)
 * @throws {InputError} when outDir is empty or the edition unknown; esbuild's error when a
 *   Node-only module reaches the bundle or a forbidden file is an input
 */
export async function buildLiveAssets(outDir: string, options: LiveAssetsOptions): Promise<LiveAssets> {
  const fn = "buildLiveAssets";
  if (typeof outDir !== "string" || outDir === "")
    throw new InputError(fn, "outDir", "must be a non-empty path", outDir);
  if (options?.edition !== "student" && options?.edition !== "instructor")
    throw new InputError(fn, "options.edition", 'must be "student" or "instructor"', options?.edition);
  const dir = join(outDir, LIVE_DIR);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];

  const worker = await build({
    ...common(),
    entryPoints: [join(ROOT, "src", "course", "live", "runtime", "worker.ts")],
    write: false,
    metafile: true,
  });
  assertNoForbiddenInputs(Object.keys(worker.metafile?.inputs ?? {}));
  writeFileSync(join(dir, "worker.js"), dualUseWorker(worker.outputFiles[0].text, WORKER_GLOBAL));
  files.push(join(LIVE_DIR, "worker.js"));

  const pageEntry = join(ROOT, "src", "course", "live", "page", "main.ts");
  if (existsSync(pageEntry)) {
    const page = await build({ ...common(), entryPoints: [pageEntry], write: false, metafile: true });
    assertNoForbiddenInputs(Object.keys(page.metafile?.inputs ?? {}));
    writeFileSync(join(dir, "page.js"), page.outputFiles[0].text);
    files.push(join(LIVE_DIR, "page.js"));
  }

  writeFileSync(join(dir, "checker.js"), await checkerSource());
  files.push(join(LIVE_DIR, "checker.js"));

  const bytes = files.reduce((sum, f) => sum + statSync(join(outDir, f)).size, 0);
  return { files, bytes };
}

/** The globals the worker sources define when a page loads them as classic scripts (file://). */
export const WORKER_GLOBAL = "__mdwLiveWorker";
export const CHECKER_GLOBAL = "__mdwLiveChecker";

/**
 * worker.js runs as a worker from http(s); loaded by a page as a plain script (Chromium
 * refuses `new Worker("file://…")`) it only defines a function holding itself, which
 * LiveKernel starts from a Blob (see runtime/kernel.ts).
 */
function dualUseWorker(code: string, global: string): string {
  // The parentheses make V8 compile the function eagerly, once, instead of pre-parsing it
  // lazily and then parsing it again when it is called (measured: worker start −10 %).
  return `var ${global}=(function(){${code}\n});\nif(typeof document==="undefined")${global}();else globalThis.${global}=${global};\n`;
}

/**
 * checker.js: tslab's converter and TypeScript with the declaration files it reads. The
 * same for both editions (declarations only) and slow to make, so it is kept in .cache/live/
 * while none of its inputs changes (sources, recorded declarations, package-lock.json).
 */
async function checkerSource(): Promise<string> {
  // tslab picks its target from the Node version, so each version has its own copy.
  return cachedOutput(join(ROOT, ".cache", "live", `checker-${process.version}.js`), async () => {
    const recorded: string[] = [];
    const checker = await build({
      ...common(),
      entryPoints: [join(ROOT, "src", "course", "live", "checker", "worker.ts")],
      write: false,
      metafile: true,
      // esbuild keeping TypeScript's own function names costs size and nothing prints them.
      keepNames: false,
      plugins: [typeFiles(recorded), tslabTypescript(), ...common().plugins],
      alias: { path: "path-browserify" },
      define: {
        ...common().define,
        // tslab picks its target and lib from the Node version (es2022 from Node 18 on).
        "process.version": JSON.stringify(process.version),
        __dirname: JSON.stringify(TYPESCRIPT_PATH.replace(/\/@tslab\/.*$/, "/tslab/dist")),
      },
    });
    const inputs = Object.keys(checker.metafile?.inputs ?? {}).filter((input) => !input.includes(":"));
    assertNoForbiddenInputs(inputs);
    return {
      text: dualUseWorker(checker.outputFiles[0].text, CHECKER_GLOBAL),
      inputs: [...inputs.map((input) => resolve(input)), ...recorded, join(ROOT, "package-lock.json")],
    };
  });
}

function common() {
  return {
    bundle: true,
    platform: "browser" as const,
    format: "iife" as const,
    target: "es2022",
    minify: true,
    // mathjs' Unit and the library's classes print by constructor name (util.inspect).
    keepNames: true,
    legalComments: "none" as const,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent" as const,
    plugins: [browserTwins(), embeddedData(), noNodeBuiltins()],
  };
}

function assertNoForbiddenInputs(inputs: readonly string[]): void {
  const leaked = inputs.filter((input) => FORBIDDEN.some((re) => re.test(input.split("\\").join("/"))));
  if (leaked.length > 0)
    throw new Error(
      `buildLiveAssets: hidden checks or solutions must not reach the browser; inputs ${leaked.join(", ")}`,
    );
}

/** `./x` resolves to `./x.browser.ts` when that twin exists beside `./x.ts` (or `./x/index.browser.ts`). */
function browserTwins(): Plugin {
  return {
    name: "browser-twins",
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (!args.resolveDir.startsWith(join(ROOT, "src"))) return undefined;
        const base = resolve(args.resolveDir, args.path).replace(/\.(ts|js)$/, "");
        for (const twin of [`${base}.browser.ts`, join(base, "index.browser.ts")]) {
          if (twin !== args.importer && existsSync(twin)) return { path: twin };
        }
        return undefined;
      });
    },
  };
}

/** The virtual module "mdw-live:data": every CSV under data/, by its path inside data/. */
function embeddedData(): Plugin {
  return {
    name: "embedded-data",
    setup(b) {
      b.onResolve({ filter: /^mdw-live:data$/ }, () => ({ path: "data", namespace: "mdw-live" }));
      b.onLoad({ filter: /.*/, namespace: "mdw-live" }, () => {
        const dataDir = join(ROOT, "data");
        const files: Record<string, string> = {};
        for (const file of listFiles(dataDir))
          if (file.endsWith(".csv")) files[relative(dataDir, file).split("\\").join("/")] = readFileSync(file, "utf8");
        return {
          contents: JSON.stringify(files),
          loader: "json",
          watchFiles: Object.keys(files).map((f) => join(dataDir, f)),
        };
      });
    },
  };
}

/** The virtual module "mdw-live:type-files": what tslab reads to type-check a cell (checker/type-files.ts). */
function typeFiles(recorded: string[]): Plugin {
  return {
    name: "type-files",
    setup(b) {
      b.onResolve({ filter: /^mdw-live:type-files$/ }, () => ({ path: "type-files", namespace: "mdw-live-types" }));
      b.onLoad({ filter: /.*/, namespace: "mdw-live-types" }, async () => {
        const files = await recordTypeFiles(ROOT);
        recorded.push(...Object.keys(files).map((path) => join(ROOT, path.slice(COURSE_ROOT.length))));
        // A JSON string parses faster than the same object as a JavaScript literal.
        return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(files))});`, loader: "js" };
      });
    },
  };
}

/** tslab's converter imports TypeScript; it gets it with the lean builder (checker/lean-typescript.ts). */
function tslabTypescript(): Plugin {
  return {
    name: "tslab-typescript",
    setup(b) {
      b.onResolve({ filter: /^@tslab\/typescript-for-tslab$/ }, (args) =>
        /[\\/]node_modules[\\/]tslab[\\/]dist[\\/]/.test(args.importer)
          ? { path: join(ROOT, "src", "course", "live", "checker", "lean-typescript.ts") }
          : undefined,
      );
    },
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** A Node built-in reaching the browser bundle is a build error naming the importer. */
function noNodeBuiltins(): Plugin {
  const builtins = new Set(builtinModules);
  return {
    name: "no-node-builtins",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        // Packages map their optional built-ins away through package.json "browser" (esbuild
        // honours it, and fails on any other); our own sources must use a twin.
        if (!args.importer.startsWith(join(ROOT, "src"))) return undefined;
        if (!args.path.startsWith("node:") && !builtins.has(args.path)) return undefined;
        return {
          errors: [
            {
              text: `Node-only module "${args.path}" imported by ${relative(ROOT, args.importer)}: give that file a browser twin (X.browser.ts)`,
            },
          ],
        };
      });
    },
  };
}

/** `dirname` of the live assets inside a site, for pages that link them. */
export const liveAssetsDir = LIVE_DIR.split("\\").join("/");
