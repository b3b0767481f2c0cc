import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../../core/errors";
import { checkReplaceable, replaceDirectory, SITE_MARKER } from "./atomic";
import { writeAssets } from "./assets";
import { generateWorkbookTypes } from "../jupyter/workbookTypes";
import { ExecutionCache, executionKey, libraryHash } from "./cache";
import { chapterInfo, type ChapterInfo } from "./chapter";
import { renderChapterPage } from "./chapter-page";
import { checkEdition, notebookForEdition, type Edition } from "./edition";
import { checkEngine, executorFor, type EngineName, type ExecuteNotebook, type Executor } from "./engine";
import { renderIndexPage } from "./index-page";
import { parseNotebook, type Notebook } from "./notebook";

/**
 * `npm run build`: execute every notebook (or take its result from the cache), render
 * the site for one edition, and swap it into place atomically.
 */
export interface BuildOptions {
  /** project root (default: the current directory) */
  root?: string;
  /** folder of the chapter notebooks (default: <root>/notebooks) */
  notebooksDir?: string;
  /** the site folder to write (default: <root>/site) */
  out?: string;
  /** the execution cache (default: <root>/.cache/site) */
  cacheDir?: string;
  /** "student" (default) or "instructor" */
  edition?: Edition;
  /** "embedded" (default, tslab in-process) or "jupyter" (nbconvert) */
  engine?: EngineName;
  /** embedded engine: how many notebooks execute at once, each in its own worker process (default: the number of cores) */
  jobs?: number;
  /** executes one notebook; defaults to the engine's executor (tests pass their own) */
  execute?: ExecuteNotebook;
  /** false to ignore and not update the cache */
  cache?: boolean;
  courseTitle?: string;
  /** HTML shown under the course title on the index page */
  introHtml?: string;
  /** called as each notebook starts, finishes or comes from the cache */
  onProgress?: (event: BuildProgress) => void;
}

export type BuildProgress =
  | { kind: "execute-start"; slug: string; index: number; total: number }
  | { kind: "executed"; slug: string; index: number; total: number; seconds: number; errors: number }
  | { kind: "cached"; slug: string; index: number; total: number; errors: number };

export interface NotebookReport {
  slug: string;
  title: string;
  cached: boolean;
  /** execution time [s], 0 when cached */
  seconds: number;
  /** how many error outputs the executed notebook holds */
  errors: number;
  /** charts drawn on the page */
  charts: number;
}

export interface BuildReport {
  out: string;
  edition: Edition;
  engine: EngineName;
  notebooks: NotebookReport[];
  /** the files written, relative to out (pages and notebooks; assets not listed) */
  pages: string[];
  /** wall-clock time of the whole build [s] */
  seconds: number;
}

export const DEFAULT_COURSE_TITLE = "The Microdosing Workbook";
export const DEFAULT_INTRO_HTML =
  "<p>Microdosing in drug development, hands on: sub-pharmacological doses, pharmacokinetic " +
  "linearity and its limits, non-compartmental analysis, accelerator mass spectrometry and " +
  "the regulatory frame, worked in TypeScript notebooks with checked exercises.</p>";

/** The chapter notebooks in a folder, in file-name order (NN- prefixes give the order). */
export function listNotebooks(dir: string): string[] {
  if (!existsSync(dir)) throw new InputError("buildSite", "notebooksDir", "must be an existing folder", dir);
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".ipynb") && !f.startsWith(".") && !f.startsWith("_"))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  if (files.length === 0) throw new InputError("buildSite", "notebooksDir", "must contain at least one .ipynb notebook", dir);
  return files.map((f) => join(dir, f));
}

function countErrors(notebook: Notebook): number {
  return notebook.cells.reduce(
    (n, cell) => n + (cell.cell_type === "code" ? cell.outputs.filter((o) => o.output_type === "error").length : 0),
    0,
  );
}

/** One notebook of the course, executed (or taken from the cache). */
export interface ExecutedNotebook {
  slug: string;
  file: string;
  /** the notebook as written (outputs empty) */
  source: Notebook;
  /** the executed copy */
  notebook: Notebook;
  chapter: ChapterInfo;
  cached: boolean;
  /** execution time [s], 0 when cached */
  seconds: number;
  /** how many error outputs the executed notebook holds */
  errors: number;
}

/**
 * Executes every notebook of the course with the chosen engine, reusing the execution
 * cache (keyed by the notebook's bytes and the library's content). The site build and the
 * chapter tests share it, so a test run after a build executes nothing twice.
 */
export async function executeCourse(options: Pick<BuildOptions, "root" | "notebooksDir" | "cacheDir" | "engine" | "jobs" | "execute" | "cache" | "onProgress"> = {}): Promise<{ engine: EngineName; notebooks: ExecutedNotebook[] }> {
  const root = resolve(options.root ?? process.cwd());
  const engine = checkEngine("buildSite", options.engine ?? "embedded");
  const notebooksDir = resolve(root, options.notebooksDir ?? "notebooks");
  const useCache = options.cache ?? true;
  // one cache folder per engine: their outputs differ, and both may be kept warm
  const cache = new ExecutionCache(join(resolve(root, options.cacheDir ?? join(".cache", "site")), engine));
  if (useCache) mkdirSync(cache.dir, { recursive: true });
  const progress = options.onProgress ?? (() => undefined);
  const files = listNotebooks(notebooksDir);
  const library = libraryHash(root);
  const entries = files.map((file, index) => {
    const slug = basename(file).replace(/\.ipynb$/i, "");
    const bytes = readFileSync(file);
    const key = executionKey(engine, bytes, library);
    return { index, file, slug, key, source: parseNotebook(JSON.parse(bytes.toString("utf8")), file), cached: useCache ? cache.get(slug, key) : null };
  });
  const total = files.length;
  const misses = entries.filter((e) => e.cached === null);
  // embedded notebooks run in parallel worker processes when more than one must execute
  const jobs = options.execute || engine === "jupyter" ? 1 : Math.max(1, Math.min(options.jobs ?? availableParallelism(), misses.length));
  let executor: Executor | undefined = options.execute ? { execute: options.execute, close: () => undefined } : undefined;
  const executed = new Map<number, { notebook: Notebook; seconds: number }>();
  try {
    // the library's declarations, regenerated once here rather than by every worker at once
    if (misses.length > 0 && jobs > 1) generateWorkbookTypes(join(__dirname, "..", "..", ".."));
    if (misses.length > 0) executor ??= executorFor(engine, jobs); // created only on a miss: a warm build never loads tslab
    const queue = [...misses];
    const runNext = async (): Promise<void> => {
      for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
        progress({ kind: "execute-start", slug: entry.slug, index: entry.index, total });
        const t0 = performance.now();
        const notebook = await executor!.execute(entry.file);
        const seconds = (performance.now() - t0) / 1000;
        if (useCache) cache.put(entry.slug, entry.key, notebook);
        executed.set(entry.index, { notebook, seconds });
        progress({ kind: "executed", slug: entry.slug, index: entry.index, total, seconds, errors: countErrors(notebook) });
      }
    };
    await Promise.all(Array.from({ length: jobs }, runNext));
  } finally {
    await executor?.close();
  }
  const notebooks: ExecutedNotebook[] = entries.map((e) => {
    const run = executed.get(e.index);
    const notebook = run?.notebook ?? e.cached!;
    const errors = countErrors(notebook);
    if (!run) progress({ kind: "cached", slug: e.slug, index: e.index, total, errors });
    return { slug: e.slug, file: e.file, source: e.source, notebook, chapter: chapterInfo(notebook, e.file), cached: !run, seconds: run?.seconds ?? 0, errors };
  });
  return { engine, notebooks };
}

/**
 * Builds the static course site.
 * @param options see BuildOptions; every field has a default
 * @returns what was executed, cached and written
 * @throws {InputError} for an unknown edition or engine, a missing or empty notebooks
 *   folder, an output folder that is not a site, or TeX KaTeX cannot typeset
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now();
  const root = resolve(options.root ?? process.cwd());
  const edition = checkEdition("buildSite", options.edition ?? "student");
  const out = resolve(root, options.out ?? "site");
  const courseTitle = options.courseTitle ?? DEFAULT_COURSE_TITLE;
  checkReplaceable(out); // fail before minutes of execution, not after
  const { engine, notebooks } = await executeCourse(options);
  const executed = notebooks.map((n) => ({ ...n, report: { slug: n.slug, title: n.chapter.title, cached: n.cached, seconds: n.seconds, errors: n.errors, charts: 0 } as NotebookReport }));

  const staged = `${out}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(dirname(staged), { recursive: true });
  try {
    mkdirSync(join(staged, "notebooks"), { recursive: true });
    const pages: string[] = ["index.html"];
    const chapters = executed.map((e) => e.chapter);
    writeFileSync(join(staged, "index.html"), renderIndexPage({ courseTitle, introHtml: options.introHtml ?? DEFAULT_INTRO_HTML, edition, chapters }));
    for (const [i, entry] of executed.entries()) {
      const download = `notebooks/${entry.chapter.slug}.ipynb`;
      const page = renderChapterPage({
        notebook: entry.notebook,
        chapter: entry.chapter,
        previous: chapters[i - 1] ?? null,
        next: chapters[i + 1] ?? null,
        courseTitle,
        edition,
        downloadHref: download,
      });
      entry.report.charts = page.charts;
      writeFileSync(join(staged, `${entry.chapter.slug}.html`), page.html);
      writeFileSync(join(staged, download), `${JSON.stringify(notebookForEdition(entry.source, edition), null, 1)}\n`);
      pages.push(`${entry.chapter.slug}.html`, download);
    }
    writeAssets(staged);
    const marker = { generator: "microdosing-workbook site build", edition, engine, chapters: chapters.map((c) => c.slug) };
    writeFileSync(join(staged, SITE_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
    replaceDirectory(staged, out);
    return {
      out,
      edition,
      engine,
      notebooks: executed.map((e) => e.report),
      pages,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(staged, { recursive: true, force: true }); // only left behind when the build failed
  }
}
