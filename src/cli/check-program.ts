/**
 * `npm run check`: the notebook's verdicts from the command line, as a table followed by the
 * full feedback (every failed check, every hint) of each exercise not yet right.
 * `ANSWERS=solutions npm run check` (or `--answers solutions`) checks another answers folder
 * instead of exercises/; `--watch` checks again on every save.
 *
 * The program is shared by two entries: check.ts (the student's, no extras) and
 * instructor/check.ts, which passes in what only the instructor edition has: the hidden checks
 * (`--hidden`, built from the reference solutions it imports; under a student id, `--id` or
 * workbook.json, a varied exercise is graded against the reference evaluated with that
 * student's numbers, exactly as `npm run grade -- --variants` grades it) and the stale-hash warning.
 * `npm run check` runs one of them as a bundle (check.cjs chooses), so a run costs well under a
 * second; `npx tsx` runs either as is.
 */
import { SingleBar, Presets } from "cli-progress";
import { Command } from "commander";
import { watch } from "node:fs";
import { EXERCISES } from "../workbook/catalog";
import { checkExercises } from "../workbook/check";
import { renderCheckReport } from "../workbook/check-report";
import { answersDir, findProjectRoot } from "../workbook/paths";
import { summarize } from "../workbook/render";
import { projectTranspileCache } from "../workbook/transpile-cache";
import { setStudentId, STUDENT_CONFIG_FILE, studentIdSource } from "../workbook/variants/student-id";
import type { HiddenCheckSource, Verdict } from "../workbook/types";

/** What the instructor entry adds; each is called with the project root. */
export interface InstructorCheckTools {
  /** The hidden checks for `--hidden`. */
  hiddenChecks(root: string): HiddenCheckSource;
  /** Exercises whose stored answer hashes are stale (none when current), and the message that explains them. */
  staleAnswers(root: string): { stale: ReadonlyArray<{ id: string; reason: string }>; message: string };
}

/**
 * Parse argv and check; sets process.exitCode (or exits 2 on bad options).
 * @param instructor the instructor edition's extras; absent in the student's entry
 */
export function runCheckProgram(argv: readonly string[], instructor?: InstructorCheckTools): void {
  const program = new Command()
    .name("check")
    .description(
      "Check your answers in exercises/ (or another folder): a table of verdicts, then the full feedback of each exercise not yet right.",
    )
    .option("--answers <dir>", "folder with the chNN.ts answer files (default: $ANSWERS or exercises)")
    .option("--only <ids...>", "only these exercises, comma- or space-separated: --only ex-2.1,ex-2.2")
    .option("--chapter <n>", "only the exercises of chapter n")
    .option(
      "--hidden",
      "also run the hidden checks (instructor edition only); under a student id, varied exercises are graded against that student's numbers",
    )
    .option("--watch", "check again each time a file in the answers folder is saved (Ctrl-C to stop)")
    .option("--details", "also list the checks of exercises that passed")
    .option("--json", "print the verdicts as JSON")
    .option("--strict", "exit 1 unless every selected exercise passes (default when checking solutions)")
    .option(
      "--id <studentId>",
      `check as this student's variant (default: ${STUDENT_CONFIG_FILE} or WORKBOOK_STUDENT_ID)`,
    )
    .parse([...argv]);

  const opts = program.opts<{
    answers?: string;
    only?: string[];
    chapter?: string;
    hidden?: boolean;
    watch?: boolean;
    details?: boolean;
    json?: boolean;
    strict?: boolean;
    id?: string;
  }>();
  const root = findProjectRoot();
  const answers = opts.answers || process.env.ANSWERS || "exercises";

  let hidden: HiddenCheckSource | undefined;
  if (opts.hidden) {
    if (!instructor) {
      console.error("The hidden checks are not part of this edition (they ship with the instructor edition only).");
      process.exit(2);
    }
    hidden = instructor.hiddenChecks(root);
  }

  const known = new Set(EXERCISES.map((e) => e.id));
  const only = opts.only
    ?.flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only?.filter((id) => !known.has(id)) ?? [];
  if (unknown.length > 0) {
    console.error(
      `Unknown exercise${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; known: ${[...known].join(", ")}`,
    );
    process.exit(2);
  }
  const ids = EXERCISES.filter(
    (e) => (only ? only.includes(e.id) : true) && (opts.chapter ? String(e.chapter) === opts.chapter : true),
  ).map((e) => e.id);
  if (ids.length === 0) {
    console.error(`No exercise matches; known ids: ${[...known].join(", ")}`);
    process.exit(2);
  }

  const transpileCache = projectTranspileCache(root);
  if (opts.id !== undefined) setStudentId(opts.id);
  const who = studentIdSource();
  const whose = who
    ? `Student id ${who.id} (from ${who.from}): varied exercises are checked against your numbers.`
    : `No student id: the published numbers (set yours once in ${STUDENT_CONFIG_FILE}: { "studentId": "your id" }).`;

  /** One full check of the selection: stale-hash warning, progress, report. Returns the verdicts. */
  function runOnce(): Verdict[] {
    const { stale, message } = instructor?.staleAnswers(root) ?? { stale: [], message: "" };
    if (stale.length > 0) console.error(`${message}\n`);
    const bar =
      process.stderr.isTTY && !opts.json
        ? new SingleBar(
            { format: "Checking {bar} {value}/{total} {id}", stream: process.stderr, clearOnComplete: true },
            Presets.shades_classic,
          )
        : undefined;
    bar?.start(ids.length, 0, { id: "" });
    const verdicts = checkExercises(ids, { root, answers, transpileCache, ...(hidden ? { hidden } : {}) }, (v, i) =>
      bar?.update(i, { id: v.id }),
    );
    bar?.stop();
    if (opts.json) {
      console.log(
        JSON.stringify(
          { answers, studentId: who?.id ?? null, summary: summarize(verdicts), staleAnswers: stale, verdicts },
          null,
          2,
        ),
      );
    } else {
      console.log(`Answers from ${answers}/${hidden ? " (with hidden checks)" : ""}\n${whose}\n`);
      console.log(
        renderCheckReport(verdicts, {
          bold: process.stdout.isTTY === true && !process.env.NO_COLOR,
          width: Math.max(40, Math.min(process.stdout.columns ?? 100, 120)),
          answers: answers.replace(/\/$/, ""),
        }),
      );
      if (opts.details) {
        for (const v of verdicts.filter((x) => x.status === "pass"))
          console.log(
            `\n${v.id} — passed\n${v.checks.map((c) => `  ✔ ${c.name}${c.visibility === "hidden" ? " (hidden)" : ""}`).join("\n")}`,
          );
      }
    }
    if (stale.length > 0) process.exitCode = 1;
    return verdicts;
  }

  const strict = opts.strict ?? answers.replace(/\/$/, "").endsWith("solutions");
  if (!opts.watch) {
    const verdicts = runOnce();
    if (strict && verdicts.some((v) => v.status !== "pass")) process.exitCode = 1;
  } else {
    runOnce();
    const dir = answersDir(root, answers);
    console.log(`\nWatching ${dir} — save a file to check again (Ctrl-C to stop).`);
    let timer: NodeJS.Timeout | undefined;
    // Editors save in bursts (write, rename, chmod): check once the burst is over.
    watch(dir, (_event, name) => {
      if (name !== null && !String(name).endsWith(".ts")) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        console.log(`\n── ${new Date().toLocaleTimeString()}: ${name ?? "a file"} changed ──\n`);
        try {
          runOnce();
        } catch (err) {
          console.error(err instanceof Error ? err.message : String(err));
        }
        console.log(`\nWatching ${dir} (Ctrl-C to stop).`);
      }, 150);
    });
  }
}
