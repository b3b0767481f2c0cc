import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, join, resolve } from "node:path";
import { InputError } from "../../core/errors";
import { checkReplaceable, replaceDirectory, SITE_MARKER } from "./atomic";
import { writeAssets } from "./assets";
import { buildLiveAssets } from "../live/bundle";
import { writeLiveCourse } from "../live/page/site-assets";
import { generateWorkbookTypes } from "../jupyter/workbook-types";
import { ExecutionCache, executionKey, libraryHash } from "./cache";
import { chapterInfo, type ChapterInfo } from "./chapter";
import { renderChapterPage } from "./chapter-page";
import { checkEdition, notebookForEdition, type Edition } from "./edition";
import { checkEngine, executorFor, type EngineName, type ExecuteNotebook, type Executor } from "./engine";
import { renderIndexPage } from "./index-page";
import type { Notebook } from "../../core/nbformat";
import { parseNotebook } from "./notebook";

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
  /** false for read-only pages: no editors, no in-browser kernel, no assets/live (default true; see docs/live.md) */
  live?: boolean;
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

/**
 * A chapter notebook's file name: a number, a dash and a topic with no further dot
 * (`02-principles.ipynb`). Anything else in the folder is not a chapter and is not
 * published: `02-principles.nbconvert.ipynb` (left by `jupyter nbconvert --execute`),
 * `Untitled.ipynb`, hidden or `_draft` files.
 */
export const CHAPTER_NOTEBOOK = /^\d+-[^.]+\.ipynb$/i;

/** The chapter notebooks in a folder (names matching CHAPTER_NOTEBOOK), in file-name order (NN- prefixes give the order). */
export function listNotebooks(dir: string): string[] {
  if (!existsSync(dir)) throw new InputError("buildSite", "notebooksDir", "must be an existing folder", dir);
  const files = readdirSync(dir)
    .filter((f) => CHAPTER_NOTEBOOK.test(f))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  if (files.length === 0)
    throw new InputError(
      "buildSite",
      "notebooksDir",
      "must contain at least one .ipynb notebook named NN-topic.ipynb",
      dir,
    );
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

/** Called for each notebook as soon as it is ready (from the cache, or executed), in the order they become ready. */
export type OnNotebookReady = (ready: ExecutedNotebook, chapters: readonly ChapterInfo[]) => void;

/**
 * Executes every notebook of the course with the chosen engine, reusing the execution
 * cache (keyed by the notebook's bytes and the library's content). The site build and the
 * chapter tests share it, so a test run after a build executes nothing twice.
 * `onReady` gets each notebook as soon as it is ready, with every chapter's info (read from
 * the notebooks' markdown, which execution does not change), so the build can render a page
 * while other notebooks still execute.
 */
export async function executeCourse(
  options: Pick<
    BuildOptions,
    "root" | "notebooksDir" | "cacheDir" | "engine" | "jobs" | "execute" | "cache" | "onProgress"
  > & { onReady?: OnNotebookReady } = {},
): Promise<{ engine: EngineName; notebooks: ExecutedNotebook[] }> {
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
    const source = parseNotebook(JSON.parse(bytes.toString("utf8")), file);
    return {
      index,
      file,
      slug,
      key,
      source,
      chapter: chapterInfo(source, file),
      cached: useCache ? cache.get(slug, key) : null,
    };
  });
  const chapters = entries.map((e) => e.chapter);
  const total = files.length;
  const ready: ExecutedNotebook[] = [];
  const settle = (entry: (typeof entries)[number], notebook: Notebook, seconds: number | null): void => {
    const errors = countErrors(notebook);
    const done: ExecutedNotebook = {
      slug: entry.slug,
      file: entry.file,
      source: entry.source,
      notebook,
      chapter: entry.chapter,
      cached: seconds === null,
      seconds: seconds ?? 0,
      errors,
    };
    ready[entry.index] = done;
    progress(
      seconds === null
        ? { kind: "cached", slug: entry.slug, index: entry.index, total, errors }
        : { kind: "executed", slug: entry.slug, index: entry.index, total, seconds, errors },
    );
    options.onReady?.(done, chapters);
  };
  const misses = entries.filter((e) => e.cached === null);
  // embedded notebooks run in parallel worker processes when more than one must execute
  const jobs =
    options.execute || engine === "jupyter"
      ? 1
      : Math.max(1, Math.min(options.jobs ?? availableParallelism(), misses.length));
  let executor: Executor | undefined = options.execute
    ? { execute: options.execute, close: () => undefined }
    : undefined;
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
        if (useCache) cache.put(entry.slug, entry.key, notebook);
        settle(entry, notebook, (performance.now() - t0) / 1000);
      }
    };
    const running = Promise.all(Array.from({ length: jobs }, runNext));
    // cached notebooks are handed over while the first ones execute
    for (const entry of entries) if (entry.cached !== null) settle(entry, entry.cached, null);
    await running;
  } finally {
    await executor?.close();
  }
  return { engine, notebooks: ready };
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
  const live = options.live ?? true;
  checkReplaceable(out); // fail before minutes of execution, not after
  const staged = `${out}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(join(staged, "notebooks"), { recursive: true });
  try {
    const reports = new Map<string, NotebookReport>();
    // Each page is rendered as soon as its notebook is ready, while the others execute.
    const renderPage = (entry: ExecutedNotebook, chapters: readonly ChapterInfo[]): void => {
      const i = chapters.findIndex((c) => c.slug === entry.slug);
      const download = `notebooks/${entry.chapter.slug}.ipynb`;
      const page = renderChapterPage({
        notebook: entry.notebook,
        chapter: entry.chapter,
        previous: chapters[i - 1] ?? null,
        next: chapters[i + 1] ?? null,
        courseTitle,
        edition,
        downloadHref: download,
        ...(live ? { live: { page: entry.chapter.slug, edition } } : {}),
      });
      writeFileSync(join(staged, `${entry.chapter.slug}.html`), page.html);
      writeFileSync(join(staged, download), `${JSON.stringify(notebookForEdition(entry.source, edition), null, 1)}\n`);
      reports.set(entry.slug, {
        slug: entry.slug,
        title: entry.chapter.title,
        cached: entry.cached,
        seconds: entry.seconds,
        errors: entry.errors,
        charts: page.charts,
      });
    };
    const { engine, notebooks } = await executeCourse({ ...options, onReady: renderPage });
    const chapters = notebooks.map((n) => n.chapter);
    writeFileSync(
      join(staged, "index.html"),
      renderIndexPage({ courseTitle, introHtml: options.introHtml ?? DEFAULT_INTRO_HTML, edition, chapters }),
    );
    const pages = ["index.html", ...chapters.flatMap((c) => [`${c.slug}.html`, `notebooks/${c.slug}.ipynb`])];
    writeAssets(staged);
    if (live) {
      // the released stubs for the answers files, then the kernel and page bundles
      writeLiveCourse(staged, root);
      await buildLiveAssets(staged, { edition });
    }
    const marker = {
      generator: "microdosing-workbook site build",
      edition,
      engine,
      chapters: chapters.map((c) => c.slug),
    };
    writeFileSync(join(staged, SITE_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
    replaceDirectory(staged, out);
    return {
      out,
      edition,
      engine,
      notebooks: chapters.map((c) => reports.get(c.slug)!),
      pages,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(staged, { recursive: true, force: true }); // only left behind when the build failed
  }
}
