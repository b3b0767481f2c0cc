/** `npm run release -- --out DIR`: the student edition. */
import { Command } from "commander";
import { buildStudentEdition } from "../../course/release/edition";
import { findProjectRoot } from "../../workbook/paths";
import { referenceSolutions } from "./reference-solutions";

const program = new Command()
  .name("release")
  .description(
    "Write the student edition: no solutions, no hidden checks, no reference values in clear, notebooks without outputs or solution cells.",
  )
  .requiredOption("--out <dir>", "folder to write the edition to (outside this repository)")
  .option("--force", "replace the folder if it exists")
  .parse();

const opts = program.opts<{ out: string; force?: boolean }>();
try {
  const root = findProjectRoot();
  const report = buildStudentEdition({
    root,
    reference: referenceSolutions(root),
    out: opts.out,
    force: opts.force ?? false,
  });
  console.log(`Student edition written to ${report.out}`);
  console.log(
    `  ${report.copied.length} files copied, ${report.excluded.length} instructor-only files left out, ${report.notebooks} notebooks cleaned`,
  );
  if (report.removedScripts.length) console.log(`  npm scripts removed: ${report.removedScripts.join(", ")}`);
  console.log("  leak scan: clean; imports: all resolve");
  console.log(`Next: cd ${report.out} && npm install && npm test && npm run check`);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
