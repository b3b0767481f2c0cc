/**
 * `npm run variants`: per-student variants, the instructor's side.
 * - `npm run variants -- list`: the varied exercises and how their numbers are drawn;
 * - `npm run variants -- show --id s1234 [--exercise ex-2.1]`: that student's numbers, prompt and reference answer;
 * - `npm run variants -- hashes --ids ids.txt`: writes src/workbook/variant-hashes.json, the salted slow
 *   hashes of every listed student's answers, which the student edition ships so that each
 *   student's own `check()` can say pass or fail without the answer in clear.
 */
import { Command } from "commander";
import { readFileSync } from "node:fs";
import { writeFileAtomic } from "../../core/files";
import { HASH_PARAMS } from "../../workbook/answer-hash";
import { getExercise } from "../../workbook/catalog";
import { variantHashEntries, variantReports, showExpected } from "../../workbook/instructor/variants";
import { findProjectRoot } from "../../workbook/paths";
import { COURSE_SEED, describeDistribution, isVaried, variedExerciseIds } from "../../workbook/variants/params";
import { variantHashesPath } from "../../workbook/variants/hash-file";
import { referenceSolutions } from "./reference-solutions";

const program = new Command().name("variants").description("Per-student variants of the varied exercises");

program
  .command("list")
  .description("the varied exercises and the distribution of their numbers")
  .action(() => {
    console.log(`Course seed: ${COURSE_SEED}`);
    for (const id of variedExerciseIds())
      console.log(`${id}  ${getExercise(id).title}\n    ${describeDistribution(id)}`);
  });

program
  .command("show")
  .description("a student's numbers, prompt and reference answer for each varied exercise")
  .requiredOption("--id <studentId>", "the student id (as the submission folder / workbook.json names it)")
  .option("--exercise <ids...>", "only these exercises, comma- or space-separated")
  .option("--json", "print JSON")
  .action((opts: { id: string; exercise?: string[]; json?: boolean }) => {
    const ids = opts.exercise
      ?.flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter(Boolean);
    for (const id of ids ?? []) {
      getExercise(id); // unknown ids fail with the list of known ones
      if (!isVaried(id)) throw new Error(`${id} has no variants; varied: ${variedExerciseIds().join(", ")}`);
    }
    const reports = variantReports(referenceSolutions(findProjectRoot()), opts.id, ids);
    if (opts.json) {
      console.log(JSON.stringify(reports, null, 2));
      return;
    }
    console.log(`Student ${opts.id} (course seed ${COURSE_SEED})`);
    for (const r of reports) {
      console.log(`\n${r.id} — ${getExercise(r.id).title}`);
      console.log(`  drawn from: ${r.distribution}`);
      console.log(`  numbers:    ${r.numbers}`);
      console.log(`  answer:     ${showExpected(r)}`);
      console.log(`  prompt:     ${r.prompt.replace(/\n+/g, "\n              ")}`);
    }
  });

program
  .command("hashes")
  .description("write src/workbook/variant-hashes.json for these students (ships with the student edition)")
  .requiredOption("--ids <file>", "student ids, one a line (# comments and blank lines ignored), e.g. from the roster")
  .option("--out <file>", "where to write (default: src/workbook/variant-hashes.json)")
  .action((opts: { ids: string; out?: string }) => {
    const root = findProjectRoot();
    const ids = readFileSync(opts.ids, "utf8")
      .split(/\r?\n/)
      .map((l) => l.replace(/#.*/, "").trim())
      .filter(Boolean);
    if (ids.length === 0) throw new Error(`${opts.ids} lists no student ids`);
    const started = Date.now();
    const entries = variantHashEntries(referenceSolutions(root), ids, (done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\rhashing ${done}/${total}`);
    });
    const out = opts.out ?? variantHashesPath(root);
    writeFileAtomic(out, `${JSON.stringify({ params: HASH_PARAMS, entries }, null, 2)}\n`);
    if (process.stderr.isTTY) process.stderr.write("\n");
    console.log(
      `${Object.keys(entries).length} hashes for ${new Set(ids).size} students written to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });

program.parse();
