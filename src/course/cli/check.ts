/**
 * `npm run check`: the notebook's verdicts from the command line, as a table with progress
 * ("x of N done, points"). `ANSWERS=solutions npm run check` (or `--answers solutions`)
 * checks the reference answers instead of exercises/; `--hidden` adds the hidden checks
 * where the instructor edition has them.
 */
import { SingleBar, Presets } from "cli-progress";
import { Command } from "commander";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { EXERCISES } from "../../workbook/catalog";
import { checkExercises } from "../../workbook/check";
import { findProjectRoot } from "../../workbook/paths";
import { renderVerdictTable, renderVerdictText, summarize } from "../../workbook/render";
import type { HiddenCheckSource } from "../../workbook/types";

const program = new Command()
  .name("check")
  .description("Check your answers in exercises/ (or another folder) and print a table of verdicts.")
  .option("--answers <dir>", "folder with the chNN.ts answer files (default: $ANSWERS or exercises)")
  .option("--only <ids...>", "only these exercise ids, e.g. --only ex-2.1 ex-2.3")
  .option("--chapter <n>", "only the exercises of chapter n")
  .option("--hidden", "also run the hidden checks (instructor edition only)")
  .option("--details", "print every check with its message, not just the table")
  .option("--json", "print the verdicts as JSON")
  .option("--strict", "exit 1 unless every selected exercise passes (default when checking solutions)")
  .parse();

const opts = program.opts<{ answers?: string; only?: string[]; chapter?: string; hidden?: boolean; details?: boolean; json?: boolean; strict?: boolean }>();
const root = findProjectRoot();
const answers = opts.answers || process.env.ANSWERS || "exercises";

let hidden: HiddenCheckSource | undefined;
if (opts.hidden) {
  const hiddenPath = join(root, "src", "workbook", "hidden", "index.ts");
  if (!existsSync(hiddenPath)) {
    console.error("The hidden checks are not part of this edition (they ship with the instructor edition only).");
    process.exit(2);
  }
  // Loaded by path at run time so that the student edition, which has no hidden/ folder, still type-checks.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  hidden = (require(hiddenPath) as { hiddenChecks: HiddenCheckSource }).hiddenChecks;
}

const ids = EXERCISES.filter((e) => (opts.only ? opts.only.includes(e.id) : true) && (opts.chapter ? String(e.chapter) === opts.chapter : true)).map((e) => e.id);
if (ids.length === 0) {
  console.error(`No exercise matches; known ids: ${EXERCISES.map((e) => e.id).join(", ")}`);
  process.exit(2);
}

const bar = process.stderr.isTTY && !opts.json ? new SingleBar({ format: "Checking {bar} {value}/{total} {id}", stream: process.stderr }, Presets.shades_classic) : undefined;
bar?.start(ids.length, 0, { id: "" });
const verdicts = checkExercises(ids, { root, answers, ...(hidden ? { hidden } : {}) }, (v, i) => bar?.update(i, { id: v.id }));
bar?.stop();

if (opts.json) {
  console.log(JSON.stringify({ answers, summary: summarize(verdicts), verdicts }, null, 2));
} else {
  console.log(`Answers from ${answers}/${hidden ? " (with hidden checks)" : ""}\n`);
  console.log(renderVerdictTable(verdicts));
  if (opts.details) for (const v of verdicts) console.log(`\n${renderVerdictText(v)}`);
}
const strict = opts.strict ?? answers.replace(/\/$/, "").endsWith("solutions");
if (strict && verdicts.some((v) => v.status !== "pass")) process.exit(1);
