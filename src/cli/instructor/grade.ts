/** `npm run grade -- --submissions DIR --out DIR` and `npm run grade -- merge --out DIR shard…`. */
import { Command } from "commander";
import { InputError } from "../../core/errors";
import { rerenderOutputs } from "../../course/grade/outputs/rerender";
import { splitList } from "../../course/grade/regrade";
import { gradeClass, mergeShards } from "../../course/grade/run";
import { parseShard } from "../../course/grade/shard";
import { findProjectRoot } from "../../workbook/paths";
import { positiveInt, repeatable } from "./cli-parsers";
import { addCourseOptions, courseInputs, courseSettings, type CourseFlags } from "./course-options";
import { referenceSolutions } from "./reference-solutions";

const program = new Command()
  .name("grade")
  // `grade merge --out …` / `grade release --out …`: the subcommand's own --out, not the program's.
  .enablePositionalOptions()
  .description(
    "Grade a class of submissions in isolated sandboxes; write grades.csv, a Canvas gradebook, results/ (Gradescope JSON), feedback/ and summary.html.",
  )
  // Checked in the action rather than required here: commander would require them of `merge` and `release` too.
  .option(
    "--submissions <dir>",
    "folder with one folder (or <id>.zip) per student, each holding exercises/, or a Canvas or Moodle submissions download (.zip) (required)",
  )
  .option("--out <dir>", "output folder, also holding the cache that makes re-runs incremental (required)")
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
  .option(
    "--student <ids>",
    "regrade only these students (repeatable or comma list); every other result comes from the cache as it is",
    repeatable,
  )
  .option(
    "--exercise <ids>",
    "regrade only these exercises (repeatable or comma list), e.g. after fixing a check: other verdicts are kept",
    repeatable,
  )
  .option(
    "--variants",
    'per-student variants: grade each student\'s varied exercises against their own numbers (course.json: "variants": true)',
  )
  .option("--quiet", "no progress bar");
addCourseOptions(program).action(
  async (
    opts: CourseFlags & {
      submissions?: string;
      out?: string;
      shard?: string;
      jobs?: number;
      exerciseTimeout: number;
      submissionTimeout: number;
      memory: number;
      assignment: string;
      canvasId: string;
      force?: boolean;
      student?: string[];
      exercise?: string[];
      quiet?: boolean;
    },
  ) => {
    const { submissions, out } = opts;
    if (submissions === undefined) throw new InputError("grade", "--submissions", "is required", submissions);
    if (out === undefined) throw new InputError("grade", "--out", "is required", out);
    const course = courseSettings(opts, program, { assignment: opts.assignment, canvasId: opts.canvasId });
    for (const [flag, v] of [
      ["--exercise-timeout", opts.exerciseTimeout],
      ["--submission-timeout", opts.submissionTimeout],
    ] as const) {
      if (!(Number.isFinite(v) && v > 0))
        throw new InputError("grade", flag, "must be a positive number of seconds", v);
    }
    const inputs = courseInputs(course); // every course file validated before anything is graded
    const root = findProjectRoot();
    const report = await gradeClass({
      root,
      reference: referenceSolutions(root),
      submissions,
      out,
      ...(opts.shard ? { shard: parseShard(opts.shard) } : {}),
      ...(opts.jobs ? { concurrency: opts.jobs } : {}),
      settings: {
        exerciseMs: opts.exerciseTimeout * 1000,
        submissionMs: opts.submissionTimeout * 1000,
        memoryMb: opts.memory,
      },
      progress: !opts.quiet && Boolean(process.stderr.isTTY),
      force: Boolean(opts.force),
      ...(course.variants ? { variants: true } : {}),
      ...(opts.student || opts.exercise
        ? {
            regrade: {
              ...(opts.student ? { students: splitList(opts.student) } : {}),
              ...(opts.exercise ? { exercises: splitList(opts.exercise) } : {}),
            },
          }
        : {}),
      assignment: course.assignment ?? opts.assignment,
      canvasIdColumn: course.canvasId ?? "SIS User ID",
      releaseHidden: course.releaseHidden ?? false,
      course: inputs,
    });
    for (const note of report.notes) console.error(note);
    for (const r of report.results) if (r.status.startsWith("error")) console.error(`${r.name}: ${r.status}`);
    console.log(`Sandbox: ${report.isolation}`);
    const per = report.graded
      ? `, ${(report.durationMs / 1000 / report.graded).toFixed(2)} s per graded submission`
      : "";
    console.log(`Outputs in ${out} (${(report.durationMs / 1000).toFixed(1)} s${per}).`);
    // The last line counts every submission found: nobody is left out silently.
    const parts = [
      `${report.graded + report.cached} graded${report.cached ? ` (${report.cached} from the cache)` : ""}`,
      `${report.refused} refused`,
      ...(report.failed ? [`${report.failed} failed (grader error)`] : []),
    ];
    const missing = report.rows.filter((r) => r.status === "no submission").length;
    if (missing) console.log(`${missing} roster student${missing > 1 ? "s" : ""} without a submission: 0 points.`);
    console.log(
      course.releaseHidden
        ? "Hidden checks released: feedback/ and results/ show them and the scores."
        : "Hidden checks held back: feedback/ and results/ show public checks only; run `grade release --out DIR` to release.",
    );
    if (report.regraded) console.log(`Regraded at your request: ${report.regraded} (recorded in each result).`);
    console.log(`${report.results.length} submissions: ${parts.join(", ")}.`);
  },
);

const merge = program
  .command("merge")
  .description(
    "Merge the output folders of several shards into one (grades.csv, Canvas CSV, results/, feedback/, summary.html).",
  )
  .requiredOption("--out <dir>", "merged output folder")
  .option("--assignment <name>", "assignment name", "Microdosing Workbook")
  .argument("<shards...>", "output folders of the shards");
addCourseOptions(merge).action(async (shards: string[], opts: CourseFlags & { out: string; assignment: string }) => {
  const course = courseSettings(opts, merge, { assignment: opts.assignment });
  const report = await mergeShards(opts.out, shards, {
    assignment: course.assignment ?? opts.assignment,
    ...(course.canvasId ? { canvasIdColumn: course.canvasId } : {}),
    releaseHidden: course.releaseHidden ?? false,
    course: courseInputs(course),
  });
  console.log(`Merged ${report.results.length} students from ${shards.length} shards into ${opts.out}.`);
});

const release = program
  .command("release")
  .description(
    "Release the hidden checks: re-render every output of an output folder from its cache, hidden-check results and scores shown, nothing graded (also applies corrected overrides).",
  )
  .requiredOption("--out <dir>", "output folder of `npm run grade`")
  .option("--assignment <name>", "assignment name", "Microdosing Workbook")
  .option(
    "--canvas-id <column>",
    'Canvas column the folder names match: "SIS User ID" or "SIS Login ID"',
    "SIS User ID",
  );
addCourseOptions(release, false).action(
  async (opts: CourseFlags & { out: string; assignment: string; canvasId: string }) => {
    const course = courseSettings(opts, release, { assignment: opts.assignment, canvasId: opts.canvasId });
    const rows = await rerenderOutputs(opts.out, {
      assignment: course.assignment ?? opts.assignment,
      canvasIdColumn: course.canvasId ?? "SIS User ID",
      isolation: "re-rendered from the cache by `grade release` (see the grading run for the sandbox)",
      releaseHidden: true,
      course: courseInputs(course),
    });
    console.log(`Released the hidden checks of ${rows.length} students in ${opts.out}.`);
  },
);

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
});
