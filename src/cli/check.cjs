#!/usr/bin/env node
/**
 * `npm run check`, fast. Running the check program (src/cli/check-program.ts) through tsx cost 7–13 s a run:
 * tsx itself, TypeScript (loaded to transpile the chapter files), and mathjs's main entry,
 * which builds every one of its functions at import. This launcher runs the same CLI as one
 * esbuild bundle instead (mathjs's ES build, tree-shaken; TypeScript loaded only when a
 * chapter file changed, see src/workbook/transpile-cache.ts), compiled from a V8 code cache.
 *
 * The bundle lives in node_modules/.cache/microdosing-workbook/ (never committed). It is
 * built by `npm install` (the prepare step) and rebuilt here, with a message, whenever a
 * source file it was built from has changed since.
 *
 * Which entry is bundled depends on the edition, by folder: the instructor edition has
 * src/cli/instructor/check.ts (the program plus the hidden checks and the stale-hash warning,
 * with the reference solutions it imports); the student edition, which has no such folder,
 * bundles src/cli/check.ts.
 *
 * Plain CommonJS on purpose: it must start without any transpiler.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const { existsSync, readFileSync, rmSync, statSync } = require("node:fs");
const Module = require("node:module");
const { join, resolve } = require("node:path");
const vm = require("node:vm");
// The project's one atomic writer (plain CommonJS, shared with the TypeScript sources through src/core/files.ts).
const { writeFileAtomic } = require("../core/atomic-write.cjs");

const STUDENT_ENTRY = "src/cli/check.ts";
const INSTRUCTOR_ENTRY = "src/cli/instructor/check.ts";

/** The entry this edition bundles: the instructor's when its folder is there. */
function entryOf(root) {
  return existsSync(join(root, INSTRUCTOR_ENTRY)) ? INSTRUCTOR_ENTRY : STUDENT_ENTRY;
}
/** Loaded on demand by the CLI (TypeScript only on a transpile-cache miss) or never (charts, the kernel). */
const EXTERNAL = ["typescript", "vega", "vega-lite", "tslab", "esbuild"];

/** Paths of the bundle and its companions under a project root. */
function bundlePaths(root) {
  const dir = join(root, "node_modules", ".cache", "microdosing-workbook");
  return {
    dir,
    bundle: join(dir, "check-cli.cjs"),
    manifest: join(dir, "check-cli.json"),
    codeCache: join(dir, "check-cli.v8cache"),
  };
}

const stamp = (path) => {
  const s = statSync(path);
  return `${s.mtimeMs}:${s.size}`;
};

/** Files whose change makes the bundle stale: the project sources it includes, and the installed packages (through the lockfile). */
function watchedInputs(root, metafileInputs) {
  const own = Object.keys(metafileInputs).filter((p) => !p.startsWith("node_modules/"));
  return [...own, "package.json", "package-lock.json"].filter((p) => existsSync(join(root, p)));
}

/** True when the bundle exists and nothing it was built from has changed (one stat per source file: a few ms). */
function isFresh(root) {
  const paths = bundlePaths(root);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(paths.manifest, "utf8"));
  } catch {
    return false;
  }
  if (manifest.node !== process.version || manifest.entry !== entryOf(root) || !existsSync(paths.bundle)) return false;
  for (const [rel, seen] of Object.entries(manifest.inputs)) {
    try {
      if (stamp(join(root, rel)) !== seen) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Build the bundle (about a second). Returns { ms, inputs }.
 * @param {string} root project root
 */
function buildCheckBundle(root) {
  const started = performance.now();
  const esbuild = require(require.resolve("esbuild", { paths: [root] }));
  const paths = bundlePaths(root);
  const entry = entryOf(root);
  const result = esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // mathjs's ES build: its CommonJS main entry builds all ~400 functions at import (≈ 1 s).
    mainFields: ["module", "main"],
    external: EXTERNAL,
    metafile: true,
    write: false,
    outfile: paths.bundle,
    logLevel: "silent",
    legalComments: "none",
    // Whitespace and syntax only: smaller to read and to cache, while names (and stack traces) stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
  });
  const inputs = {};
  for (const rel of watchedInputs(root, result.metafile.inputs)) inputs[rel] = stamp(join(root, rel));
  writeFileAtomic(paths.bundle, result.outputFiles[0].contents);
  rmSync(paths.codeCache, { force: true });
  writeFileAtomic(paths.manifest, `${JSON.stringify({ node: process.version, entry, inputs }, null, 1)}\n`);
  return { ms: performance.now() - started, inputs: Object.keys(inputs).length, entry };
}

/** Run the bundle in this process, compiled from (and then into) the V8 code cache. */
function runBundle(root, args) {
  const paths = bundlePaths(root);
  const source = readFileSync(paths.bundle, "utf8");
  let cachedData;
  try {
    cachedData = readFileSync(paths.codeCache);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: paths.bundle, ...(cachedData ? { cachedData } : {}) });
  const mod = new Module(paths.bundle, null);
  mod.filename = paths.bundle;
  process.argv = [process.argv[0], paths.bundle, ...args];
  script
    .runInThisContext()
    .call(mod.exports, mod.exports, Module.createRequire(paths.bundle), mod, paths.bundle, paths.dir);
  if (cachedData === undefined || script.cachedDataRejected) {
    // After the run, so the functions it compiled lazily are in the cache too.
    try {
      writeFileAtomic(paths.codeCache, script.createCachedData());
    } catch {
      // a read-only node_modules only costs compile time
    }
  }
}

/** The slow path: the TypeScript source through tsx. */
function runWithTsx(root, args) {
  const tsx = require.resolve("tsx/cli", { paths: [root] });
  const r = spawnSync(process.execPath, [tsx, join(root, entryOf(root)), ...args], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

function main() {
  const root = resolve(__dirname, "..", "..");
  const args = process.argv.slice(2);
  if (args[0] === "--build") {
    const { ms, inputs, entry } = buildCheckBundle(root);
    console.log(`check: bundled ${entry} (${inputs} source files) in ${Math.round(ms)} ms`);
    return;
  }
  if (!isFresh(root)) {
    process.stderr.write("check: sources changed since the last run; rebundling the checker (once)… ");
    try {
      const { ms } = buildCheckBundle(root);
      process.stderr.write(`done in ${Math.round(ms)} ms\n`);
    } catch (error) {
      process.stderr.write(
        `failed (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); running the source through tsx\n`,
      );
      return runWithTsx(root, args);
    }
  }
  runBundle(root, args);
}

if (require.main === module) main();

module.exports = { buildCheckBundle, isFresh, bundlePaths };
