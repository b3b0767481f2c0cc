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
  .action((opts: { out: string }) => {
    const root = findProjectRoot();
    const count = gradescopeBundleFiles(root).size;
    const zip = gradescopeZip(root);
    writeFileAtomic(opts.out, zip);
    console.log(
      `${opts.out}: ${count} files, ${(zip.length / 1024).toFixed(0)} KB. Upload it as the autograder (Configure Autograder → Zip file upload).`,
    );
  });

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
});
