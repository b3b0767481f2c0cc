import { existsSync, readFileSync, statSync } from "node:fs";
import Module, { createRequire, isBuiltin } from "node:module";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import vm from "node:vm";
import * as library from "../index";
import * as notAttemptedModule from "./not-attempted";
import { callWithTimeout } from "./timed-call";
import type { TranspileCache } from "./transpile-cache";
import { TRANSPILE_OPTIONS_ID, transpileWith, type TranspileResult } from "./transpile-typescript";

type TypeScript = typeof import("typescript");
const requireHere = createRequire(__filename);
let typescriptModule: TypeScript | undefined;
/** TypeScript, loaded on first transpile: about half a second that a run served by a transpile cache never pays. */
function typescript(): TypeScript {
  return (typescriptModule ??= requireHere("typescript") as TypeScript);
}

/** Names the transpiler and its options, for cache keys (read without loading TypeScript). */
export function transpilerId(): string {
  return `typescript ${(requireHere("typescript/package.json") as { version: string }).version} ${TRANSPILE_OPTIONS_ID}`;
}

/**
 * Load a student's exercises file FRESH on every call: read the .ts source, transpile it
 * with TypeScript's `transpileModule` (syntax only, a few ms), and evaluate it in a new
 * CommonJS module scope. Nothing goes through Node's require cache, so a notebook sees the
 * file as it is on disk now, with no kernel restart.
 *
 * Imports inside the student file are resolved by this loader:
 * - `../src` (the library entry) and `../src/workbook/not-attempted` reuse the instances
 *   already loaded in this process (same mathjs, same sentinel);
 * - other files under src/ are transpiled once per process and cached (the library does not
 *   change while a student works);
 * - files next to the exercises (a student's own helpers) are loaded fresh, like the file;
 * - packages and Node built-ins come from the project's node_modules.
 */
export class LoadError extends Error {
  override readonly name = "LoadError";
}

export interface AnswerLoaderOptions {
  /** Project root (package.json, src/, node_modules/). */
  root: string;
  /** Extra module instances to reuse, by absolute path without extension. */
  hostModules?: Record<string, unknown>;
  /** Wall-clock limit for evaluating a module's top level [ms] (default 2000). */
  timeoutMs?: number;
  /** Transpiled JavaScript by content (see transpile-cache.ts): `npm run check` keeps it on disk. */
  transpileCache?: TranspileCache;
}

type Exports = Record<string, unknown>;

const stableCache = new Map<string, Exports>();
const SOURCE_EXTENSIONS = [".ts", ".tsx", ".js", ".cjs", ".json"];

export type { TranspileResult } from "./transpile-typescript";

/**
 * TypeScript → CommonJS JavaScript with `transpileModule`: syntax only, so type errors never
 * stop a file and syntax errors do, reported at their line and column. The one transpile
 * (transpile-typescript.ts) used by this loader and by the grader, which runs it on a worker
 * thread (src/course/grade/transpile-worker.ts).
 * @param file the name used in messages (a path or a label such as "exercises/ch02.ts")
 * @param source the TypeScript source
 * @example transpileTypeScript("a.ts", "export const x: number = 1;").ok // => true
 */
export function transpileTypeScript(file: string, source: string): TranspileResult {
  return transpileWith(typescript(), file, source);
}

function transpile(file: string, source: string, cache?: TranspileCache): string {
  const cached = cache?.get(file, source);
  if (cached !== undefined) return cached;
  const out = transpileTypeScript(file, source);
  if (!out.ok) throw new LoadError(out.message);
  cache?.put(file, source, out.js);
  return out.js;
}

function resolveFile(base: string): string | undefined {
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const ext of SOURCE_EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  for (const ext of SOURCE_EXTENSIONS) {
    const index = join(base, `index${ext}`);
    if (existsSync(index)) return index;
  }
  return undefined;
}

function withoutExtension(file: string): string {
  const ext = extname(file);
  return ext ? file.slice(0, -ext.length) : file;
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== "" && !rel.startsWith("..") && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel);
}

/** Create a loader bound to a project root; call `load(file)` for a fresh evaluation. */
export function createAnswerLoader(options: AnswerLoaderOptions) {
  const root = resolve(options.root);
  const srcDir = join(root, "src");
  const timeout = options.timeoutMs ?? 2000;
  const host = new Map<string, unknown>([
    [join(srcDir, "index"), library],
    [join(srcDir, "workbook", "not-attempted"), notAttemptedModule],
    ...Object.entries(options.hostModules ?? {}).map(([k, v]) => [resolve(k), v] as [string, unknown]),
  ]);
  const packageRequire = createRequire(join(root, "package.json"));

  function evaluate(file: string, fresh: Map<string, Exports>, stable: boolean): Exports {
    const cache = stable ? stableCache : fresh;
    const cached = cache.get(file);
    if (cached) return cached;
    if (file.endsWith(".json")) {
      const data = JSON.parse(readFileSync(file, "utf8")) as Exports;
      cache.set(file, data);
      return data;
    }
    const source = readFileSync(file, "utf8");
    const js = file.endsWith(".ts") || file.endsWith(".tsx") ? transpile(file, source, options.transpileCache) : source;
    const module = { exports: {} as Exports };
    cache.set(file, module.exports); // cycles see the partial exports, as in Node
    const localRequire = (specifier: string): unknown => requireFrom(file, specifier, fresh);
    const wrapper = vm.runInThisContext(Module.wrap(js), { filename: file }) as (...args: unknown[]) => void;
    callWithTimeout(
      () => wrapper.call(module.exports, module.exports, localRequire, module, file, dirname(file)),
      timeout,
    );
    cache.set(file, module.exports);
    return module.exports;
  }

  function requireFrom(from: string, specifier: string, fresh: Map<string, Exports>): unknown {
    if (isBuiltin(specifier)) return packageRequire(specifier);
    if (!specifier.startsWith(".") && !specifier.startsWith("/")) return packageRequire(specifier);
    const base = resolve(dirname(from), specifier);
    const file = resolveFile(base);
    if (file === undefined) throw new LoadError(`${relative(root, from)}: cannot find module "${specifier}"`);
    const reused = host.get(withoutExtension(file)) ?? host.get(withoutExtension(file).replace(/[\\/]index$/, ""));
    if (reused !== undefined) return reused;
    if (file.endsWith(".js") || file.endsWith(".cjs")) return packageRequire(file);
    return evaluate(file, fresh, isInside(srcDir, file));
  }

  return {
    root,
    /** Evaluate `file` afresh and return its exports. @throws {LoadError} for syntax or import errors */
    load(file: string): Exports {
      const abs = resolve(file);
      if (!existsSync(abs)) throw new LoadError(`${relative(root, abs) || abs}: file not found`);
      try {
        return evaluate(abs, new Map(), false);
      } catch (err) {
        if (err instanceof LoadError) throw err;
        const message = err instanceof Error ? err.message : String(err);
        throw new LoadError(`${relative(root, abs)} failed to load: ${message}`);
      }
    },
  };
}

export type AnswerLoader = ReturnType<typeof createAnswerLoader>;
