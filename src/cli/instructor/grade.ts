/** `npm run grade -- --submissions DIR --out DIR` and `npm run grade -- merge --out DIR shard…`. */
import { Command, InvalidArgumentError } from "commander";
import { InputError } from "../../core/errors";
import { gradeClass, mergeShards } from "../../course/grade/run";
import { parseShard } from "../../course/grade/shard";
import { findProjectRoot } from "../../workbook/paths";
import { referenceSolutions } from "./reference-solutions";

const positiveInt =
  (name: string) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer`);
    return n;
  };

const program = new Command()
  .name("grade")
  .description(
    "Grade a class of submissions in isolated sandboxes; write grades.csv, a Canvas gradebook, results/ (Gradescope JSON), feedback/ and summary.html.",
  )
  .requiredOption("--submissions <dir>", "folder with one folder (or <id>.zip) per student, each holding exercises/")
  .requiredOption("--out <dir>", "output folder (also holds the cache that makes re-runs incremental)")
  .option("--shard <i/n>", "grade only shard i of n (1-based), e.g. 2/8; merge the outputs with `grade merge`")
  .option("--jobs <n>", "submissions graded at once (default: available cores)", positiveInt("--jobs"))
  .option("--exercise-timeout <s>", "wall-clock limit per exercise [s]", Number, 6)
  .option("--submission-timeout <s>", "wall-clock limit per submission [s]", Number, 90)
  .option("--memory <mb>", "V8 heap limit of each sandbox [MB]", positiveInt("--memory"), 256)
  .option("--assignment <name>", "assignment name (Canvas column, page titles)", "Microdosing Workbook")
  .option(
    "--canvas-id <column>",
    'Canvas column the folder names match: "SIS User ID" or "SIS Login ID"',
    "SIS User ID",
  )
  .option("--force", "ignore cached results and grade everything again")
  .option("--quiet", "no progress bar")
  .action(
    async (opts: {
      submissions: string;
      out: string;
      shard?: string;
      jobs?: number;
      exerciseTimeout: number;
      submissionTimeout: number;
      memory: number;
      assignment: string;
      canvasId: string;
      force?: boolean;
      quiet?: boolean;
    }) => {
      if (opts.canvasId !== "SIS User ID" && opts.canvasId !== "SIS Login ID")
        throw new InputError("grade", "--canvas-id", 'must be "SIS User ID" or "SIS Login ID"', opts.canvasId);
      for (const [flag, v] of [
        ["--exercise-timeout", opts.exerciseTimeout],
        ["--submission-timeout", opts.submissionTimeout],
      ] as const) {
        if (!(Number.isFinite(v) && v > 0))
          throw new InputError("grade", flag, "must be a positive number of seconds", v);
      }
      const root = findProjectRoot();
      const report = await gradeClass({
        root,
        reference: referenceSolutions(root),
        submissions: opts.submissions,
        out: opts.out,
        ...(opts.shard ? { shard: parseShard(opts.shard) } : {}),
        ...(opts.jobs ? { concurrency: opts.jobs } : {}),
        settings: {
          exerciseMs: opts.exerciseTimeout * 1000,
          submissionMs: opts.submissionTimeout * 1000,
          memoryMb: opts.memory,
        },
        progress: !opts.quiet && Boolean(process.stderr.isTTY),
        force: Boolean(opts.force),
        assignment: opts.assignment,
        canvasIdColumn: opts.canvasId,
      });
      for (const note of report.notes) console.error(note);
      for (const r of report.results) if (r.status.startsWith("error")) console.error(`${r.name}: ${r.status}`);
      console.log(`Sandbox: ${report.isolation}`);
      const per = report.graded
        ? `, ${(report.durationMs / 1000 / report.graded).toFixed(2)} s per graded submission`
        : "";
      console.log(`Outputs in ${opts.out} (${(report.durationMs / 1000).toFixed(1)} s${per}).`);
      // The last line counts every submission found: nobody is left out silently.
      const parts = [
        `${report.graded + report.cached} graded${report.cached ? ` (${report.cached} from the cache)` : ""}`,
        `${report.refused} refused`,
        ...(report.failed ? [`${report.failed} failed (grader error)`] : []),
      ];
      console.log(`${report.results.length} submissions: ${parts.join(", ")}.`);
    },
  );

program
  .command("merge")
  .description(
    "Merge the output folders of several shards into one (grades.csv, Canvas CSV, results/, feedback/, summary.html).",
  )
  .requiredOption("--out <dir>", "merged output folder")
  .option("--assignment <name>", "assignment name", "Microdosing Workbook")
  .argument("<shards...>", "output folders of the shards")
  .action(async (shards: string[], opts: { out: string; assignment: string }) => {
    const report = await mergeShards(opts.out, shards, { assignment: opts.assignment });
    console.log(`Merged ${report.results.length} students from ${shards.length} shards into ${opts.out}.`);
  });

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
});
