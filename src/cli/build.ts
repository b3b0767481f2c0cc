#!/usr/bin/env node
/**
 * `npm run build [-- --edition student|instructor] [--engine embedded|jupyter] [--out site]`
 * Executes every chapter notebook in notebooks/ (NN-topic.ipynb; cached by content) and writes the static site.
 * Prints a line when a notebook starts and when it is done ("executed 02-principles in 1.8 s",
 * or "cached 02-principles"); notebooks execute in parallel worker processes (--jobs).
 */
import { Command, InvalidArgumentError } from "commander";
import { relative } from "node:path";
import { buildSite, EDITIONS, ENGINES, type BuildProgress } from "../course/site";

function choice<T extends string>(allowed: readonly T[], what: string) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`${what} must be one of ${allowed.join(", ")}; received ${value}`);
    }
    return value as T;
  };
}

/** Notebooks started and not yet finished: with parallel workers several run at once. */
let running = 0;

function printProgress(event: BuildProgress): void {
  const counter = `[${event.index + 1}/${event.total}]`;
  const errors = (n: number) => (n > 0 ? `  (${n} error output${n === 1 ? "" : "s"})` : "");
  if (event.kind === "execute-start") {
    running++;
    process.stdout.write(`${counter} executing ${event.slug} …\n`);
  } else if (event.kind === "executed") {
    running--;
    process.stdout.write(
      `${counter} executed  ${event.slug} in ${event.seconds.toFixed(1)} s${errors(event.errors)}\n`,
    );
  } else {
    process.stdout.write(`${counter} cached    ${event.slug}${errors(event.errors)}\n`);
  }
}

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name("npm run build --")
    .description("Execute the course notebooks and write the static HTML site.")
    .option("--edition <edition>", `student or instructor`, choice(EDITIONS, "--edition"), "student")
    .option(
      "--engine <engine>",
      "embedded (tslab in-process) or jupyter (nbconvert)",
      choice(ENGINES, "--engine"),
      "embedded",
    )
    .option("--out <dir>", "site folder to write", "site")
    .option(
      "--notebooks <dir>",
      "folder of chapter notebooks (only NN-topic.ipynb files are chapters; *.nbconvert.ipynb and the like are ignored)",
      "notebooks",
    )
    .option("--cache-dir <dir>", "execution cache folder", ".cache/site")
    .option("--no-cache", "execute every notebook, ignore the cache")
    .option(
      "--jobs <n>",
      "notebooks executed at once, each in a worker process (default: the number of cores)",
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1)
          throw new InvalidArgumentError(`--jobs must be a whole number >= 1; received ${v}`);
        return n;
      },
    )
    .option("--title <title>", "course title")
    .option("--fail-on-error", "exit 1 when any notebook produced an error output (for CI)")
    .showHelpAfterError();
  program.parse(argv);
  const opts = program.opts<{
    edition: "student" | "instructor";
    engine: "embedded" | "jupyter";
    out: string;
    notebooks: string;
    cacheDir: string;
    cache: boolean;
    title?: string;
    failOnError?: boolean;
    jobs?: number;
  }>();

  const report = await buildSite({
    edition: opts.edition,
    engine: opts.engine,
    out: opts.out,
    notebooksDir: opts.notebooks,
    cacheDir: opts.cacheDir,
    cache: opts.cache,
    jobs: opts.jobs,
    courseTitle: opts.title,
    onProgress: printProgress,
  });
  const executed = report.notebooks.filter((n) => !n.cached).length;
  const errors = report.notebooks.reduce((n, r) => n + r.errors, 0);
  console.log(
    `wrote ${relative(process.cwd(), report.out) || "."}/ (${report.edition} edition, ${report.notebooks.length} chapters, ` +
      `${executed} executed with the ${report.engine} engine, ${report.notebooks.length - executed} cached) in ${report.seconds.toFixed(1)} s`,
  );
  if (errors > 0) {
    const where = report.notebooks
      .filter((n) => n.errors > 0)
      .map((n) => n.slug)
      .join(", ");
    console.warn(`warning: ${errors} error output(s) in ${where}; they are shown on the pages`);
    if (opts.failOnError) return 1;
  }
  return 0;
}

main(process.argv).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (running > 0) process.stdout.write(`${running} notebook(s) were still executing\n`);
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
