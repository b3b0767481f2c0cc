import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium, type BrowserContext } from "playwright-core";
import { buildLiveAssets } from "../../src/course/live/bundle";
import { joinText, type Notebook, type Output } from "../../src/core/nbformat";
import { CHROMIUM, CHROMIUM_ARGS as ARGS, chromiumAvailable } from "../support/chromium";

export { CHROMIUM, chromiumAvailable };

/**
 * Shared by the live-runtime tests and bench/live.ts: a tiny page that loads the built live
 * assets and drives LiveKernel directly (no page UI), Debian's Chromium, and the executed
 * notebooks the build keeps in its cache.
 */

export const TEST_PAGE = "runtime-test.html";

/** The page: `window.liveRun(cells)` runs cells in order and returns each one's outputs and status. */
const PAGE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>live runtime test</title></head>
<body><main><h1>live runtime test</h1></main>
<script src="kernel-test.js"></script>
<script>
let kernel;
window.liveKernel = (timeoutMs, typed = false) => { kernel = new MdwLive.LiveKernel({ workerUrl: "assets/live/worker.js", timeoutMs, checkerUrl: typed ? "assets/live/checker.js" : undefined }); return true; };
window.liveTypeChecking = () => kernel?.typeChecking;
window.liveRun = async (cells, firstIndex = 0) => {
  kernel ??= new MdwLive.LiveKernel({ workerUrl: "assets/live/worker.js" });
  const results = [];
  window.liveLastResults = results; // outputs that arrive after a run ended (a late type check) land here
  for (let i = 0; i < cells.length; i++) {
    const outputs = [];
    const t0 = performance.now();
    const status = await kernel.run(cells[i], { index: firstIndex + i, label: "Cell " + (firstIndex + i + 1) }, (o) => outputs.push(o));
    results.push({ status, outputs, ms: performance.now() - t0 });
  }
  return results;
};
window.liveStopAfter = (ms) => setTimeout(() => kernel.stop(), ms);
window.liveRestart = () => kernel.restart();
</script></body></html>`;

/**
 * Writes the live assets and the test page into a folder (a temporary one by default).
 * @returns the folder and what building the assets took [ms]
 */
export async function prepareRuntimeSite(
  dir = mkdtempSync(join(tmpdir(), "live-runtime-")),
  edition: "student" | "instructor" = "student",
): Promise<{ dir: string; buildMs: number }> {
  const t0 = performance.now();
  await buildLiveAssets(dir, { edition });
  const buildMs = performance.now() - t0;
  await build({
    entryPoints: [join(__dirname, "..", "..", "src", "course", "live", "runtime", "kernel.ts")],
    bundle: true,
    format: "iife",
    globalName: "MdwLive",
    platform: "browser",
    target: "es2022",
    outfile: join(dir, "kernel-test.js"),
    logLevel: "silent",
  });
  writeFileSync(join(dir, TEST_PAGE), PAGE_HTML);
  return { dir, buildMs };
}

export async function launchChromium(profile = mkdtempSync(join(tmpdir(), "live-chromium-"))): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true });
}

export interface CellRun {
  status: "ok" | "error" | "stopped" | "timeout";
  outputs: Output[];
  ms: number;
}

/** The newest executed copy of each notebook in the build's cache, by chapter (e.g. "02-principles"). */
export function executedNotebooks(
  cacheDir = join(__dirname, "..", "..", ".cache", "site", "embedded"),
): Map<string, Notebook> {
  const newest = new Map<string, { file: string; mtime: number }>();
  if (!existsSync(cacheDir)) return new Map();
  for (const name of readdirSync(cacheDir)) {
    const match = /^(.+)\.[0-9a-f]{32}\.ipynb$/.exec(name);
    if (!match) continue;
    const mtime = statSync(join(cacheDir, name)).mtimeMs;
    const seen = newest.get(match[1]);
    if (!seen || seen.mtime < mtime) newest.set(match[1], { file: join(cacheDir, name), mtime });
  }
  const out = new Map<string, Notebook>();
  for (const [chapter, { file }] of [...newest].sort(([a], [b]) => a.localeCompare(b)))
    out.set(chapter, JSON.parse(readFileSync(file, "utf8")) as Notebook);
  return out;
}

/** A cell's outputs as the text a reader compares: each stream and each text/plain, in order, streams merged. */
export function outputText(outputs: readonly Output[]): string[] {
  const parts: string[] = [];
  let last: string | undefined;
  for (const o of outputs) {
    if (o.output_type === "stream") {
      const text = joinText(o.text);
      if (last === o.name) parts[parts.length - 1] += text;
      else parts.push(`[${o.name}] ${text}`);
      last = o.name;
      continue;
    }
    last = undefined;
    if (o.output_type === "error") parts.push(`[error] ${o.ename}: ${o.evalue}`);
    else parts.push(`[${o.output_type}] ${joinText(o.data["text/plain"] as string | string[] | undefined)}`);
  }
  return parts;
}
