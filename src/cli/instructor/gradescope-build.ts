/** `npm run gradescope:build [-- --out FILE]`: the zip to upload as a Gradescope autograder (see gradescope/). */
import { Command } from "commander";
import { writeFileAtomic } from "../../core/files";
import { gradescopeBundleFiles, gradescopeZip } from "../../course/grade/lms/gradescope-bundle";
import { findProjectRoot } from "../../workbook/paths";

const program = new Command()
  .name("gradescope:build")
  .description(
    "Build the Gradescope autograder zip: setup.sh and run_autograder at the top, src/, solutions/, exercises/, data/, package.json and package-lock.json beside them (never node_modules).",
  )
  .option("--out <file>", "where to write the zip", "dist/gradescope-autograder.zip")
  .option(
    "--variants",
    "per-student variants: grade each student's varied exercises against the numbers of their Gradescope Student ID",
  )
  .action((opts: { out: string; variants?: boolean }) => {
    const root = findProjectRoot();
    const settings = { variants: Boolean(opts.variants) };
    const count = gradescopeBundleFiles(root, settings).size;
    const zip = gradescopeZip(root, settings);
    writeFileAtomic(opts.out, zip);
    console.log(
      `${opts.out}: ${count} files, ${(zip.length / 1024).toFixed(0)} KB. Upload it as the autograder (Configure Autograder → Zip file upload).`,
    );
  });

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
});
