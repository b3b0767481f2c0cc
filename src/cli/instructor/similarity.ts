/**
 * `npm run similarity -- --submissions DIR|download.zip --out DIR [--course course.json]`: the
 * class's similarity report (Dolos), never a score.
 */
import { join } from "node:path";
import { Command } from "commander";
import { readCourseConfig } from "../../course/grade/gradebook/course-config";
import { readRoster } from "../../course/grade/roster/read-roster";
import { similarityReport } from "../../course/grade/similarity";
import { findProjectRoot } from "../../workbook/paths";
import { positiveInt } from "./cli-parsers";

const program = new Command()
  .name("similarity")
  .description(
    "Compare every submission with every other (Dolos), the released stubs excluded; write similarity.html and similarity.csv. Scores are never changed.",
  )
  .requiredOption(
    "--submissions <dir>",
    "folder with one folder (or <id>.zip) per student, or a Canvas or Moodle submissions download (.zip), as for `npm run grade`",
  )
  .requiredOption("--out <dir>", "where similarity.html and similarity.csv go (the grading output folder is fine)")
  .option("--stubs <dir>", "the released stubs (base code)", join(findProjectRoot(), "exercises"))
  .option("--roster <csv>", "class list: files each LMS user of a download under their roster id, as grading does")
  .option("--course <file>", "course.json: its roster, when --roster is not given")
  .option("--top <n>", "pairs shown in the HTML (the CSV has all)", positiveInt("--top"), 20)
  .action(
    async (opts: {
      submissions: string;
      out: string;
      stubs: string;
      top: number;
      roster?: string;
      course?: string;
    }) => {
      const rosterFile = opts.roster ?? (opts.course ? readCourseConfig(opts.course).roster : undefined);
      const report = await similarityReport({
        submissions: opts.submissions,
        ...(rosterFile ? { roster: readRoster(rosterFile) } : {}),
        out: opts.out,
        stubs: opts.stubs,
        top: opts.top,
      });
      for (const note of report.notes) console.error(note);
      const best = report.pairs[0];
      console.log(
        `${report.compared} submissions compared, ${report.pairs.length} pairs share code beyond the stubs` +
          (best ? ` (most similar: ${best.a} and ${best.b}, ${(best.similarity * 100).toFixed(1)} %)` : "") +
          `; ${join(opts.out, "similarity.html")}`,
      );
    },
  );

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
});
