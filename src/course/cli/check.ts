/**
 * `npm run check`: the notebook's verdicts from the command line, as a table followed by the
 * full feedback (every failed check, every hint) of each exercise not yet right.
 * `ANSWERS=solutions npm run check` (or `--answers solutions`) checks the reference answers
 * instead of exercises/; `--hidden` adds the hidden checks where the instructor edition has
 * them; `--watch` checks again on every save. In the instructor edition it first makes sure
 * the stored answer hashes still match solutions/ (see src/workbook/stale-answers.ts).
 *
 * `npm run check` runs this file as a bundle (scripts/check.cjs builds it into
 * node_modules/.cache), so a run costs well under a second; `npx tsx` runs it as is.
 */
import { SingleBar, Presets } from "cli-progress";
import { Command } from "commander";
import { existsSync, watch } from "node:fs";
import { join } from "node:path";
import { EXERCISES } from "../../workbook/catalog";
import { checkExercises } from "../../workbook/check";
import { renderCheckReport } from "../../workbook/check-report";
import { answersDir, findProjectRoot } from "../../workbook/paths";
import { summarize } from "../../workbook/render";
import { staleAnswersMessage, staleReferenceAnswers } from "../../workbook/stale-answers";
import { projectTranspileCache } from "../../workbook/transpile-cache";
import type { HiddenCheckSource, Verdict } from "../../workbook/types";

const program = new Command()
  .name("check")
  .description("Check your answers in exercises/ (or another folder): a table of verdicts, then the full feedback of each exercise not yet right.")
  .option("--answers <dir>", "folder with the chNN.ts answer files (default: $ANSWERS or exercises)")
  .option("--only <ids...>", "only these exercises, comma- or space-separated: --only ex-2.1,ex-2.2")
  .option("--chapter <n>", "only the exercises of chapter n")
  .option("--hidden", "also run the hidden checks (instructor edition only)")
  .option("--watch", "check again each time a file in the answers folder is saved (Ctrl-C to stop)")
  .option("--details", "also list the checks of exercises that passed")
  .option("--json", "print the verdicts as JSON")
  .option("--strict", "exit 1 unless every selected exercise passes (default when checking solutions)")
  .parse();

const opts = program.opts<{ answers?: string; only?: string[]; chapter?: string; hidden?: boolean; watch?: boolean; details?: boolean; json?: boolean; strict?: boolean }>();
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

const known = new Set(EXERCISES.map((e) => e.id));
const only = opts.only?.flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
const unknown = only?.filter((id) => !known.has(id)) ?? [];
if (unknown.length > 0) {
  console.error(`Unknown exercise${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; known: ${[...known].join(", ")}`);
  process.exit(2);
}
const ids = EXERCISES.filter((e) => (only ? only.includes(e.id) : true) && (opts.chapter ? String(e.chapter) === opts.chapter : true)).map((e) => e.id);
if (ids.length === 0) {
  console.error(`No exercise matches; known ids: ${[...known].join(", ")}`);
  process.exit(2);
}

const transpileCache = projectTranspileCache(root);

/** One full check of the selection: stale-hash warning, progress, report. Returns the verdicts. */
function runOnce(): Verdict[] {
  const stale = staleReferenceAnswers(root);
  if (stale.length > 0) console.error(`${staleAnswersMessage(stale)}\n`);
  const bar = process.stderr.isTTY && !opts.json ? new SingleBar({ format: "Checking {bar} {value}/{total} {id}", stream: process.stderr, clearOnComplete: true }, Presets.shades_classic) : undefined;
  bar?.start(ids.length, 0, { id: "" });
  const verdicts = checkExercises(ids, { root, answers, transpileCache, ...(hidden ? { hidden } : {}) }, (v, i) => bar?.update(i, { id: v.id }));
  bar?.stop();
  if (opts.json) {
    console.log(JSON.stringify({ answers, summary: summarize(verdicts), staleAnswers: stale, verdicts }, null, 2));
  } else {
    console.log(`Answers from ${answers}/${hidden ? " (with hidden checks)" : ""}\n`);
    console.log(renderCheckReport(verdicts, { bold: process.stdout.isTTY === true && !process.env.NO_COLOR, width: Math.max(40, Math.min(process.stdout.columns ?? 100, 120)), answers: answers.replace(/\/$/, "") }));
    if (opts.details) {
      for (const v of verdicts.filter((x) => x.status === "pass")) console.log(`\n${v.id} — passed\n${v.checks.map((c) => `  ✔ ${c.name}${c.visibility === "hidden" ? " (hidden)" : ""}`).join("\n")}`);
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
