/** `npm run stubs`: regenerate exercises/ and the answer hashes from solutions/. */
import { Command } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { writeFileAtomic } from "../../core/files";
import { buildAnswerHashes, buildStubFiles, formatAnswerHashes } from "../../workbook/instructor/build-artifacts";
import { answerHashesPath, findProjectRoot } from "../../workbook/paths";
import { referenceSolutions } from "./reference-solutions";

const program = new Command()
  .name("stubs")
  .description(
    "Generate the student stubs (exercises/) and the answer-hash file from the reference solutions (solutions/).",
  )
  .option("--check", "do not write; exit 1 if exercises/ or the hash file is out of date")
  .option("--no-hashes", "skip the (slow, ~50 ms each) answer hashes")
  .parse();

const opts = program.opts<{ check?: boolean; hashes: boolean }>();
const root = findProjectRoot();
const reference = referenceSolutions(root);
const outputs = buildStubFiles(reference);
if (opts.hashes) outputs.set(relative(root, answerHashesPath(root)), formatAnswerHashes(buildAnswerHashes(reference)));

const stale: string[] = [];
for (const [rel, content] of outputs) {
  const path = join(root, rel);
  const current = existsSync(path) ? readFileSync(path, "utf8") : undefined;
  if (current === content) continue;
  stale.push(rel);
  if (!opts.check) writeFileAtomic(path, content);
}
if (opts.check) {
  if (stale.length > 0) {
    console.error(`Out of date (run \`npm run stubs\`): ${stale.join(", ")}`);
    process.exit(1);
  }
  console.log(`Up to date: ${outputs.size} files.`);
} else {
  console.log(stale.length ? `Wrote ${stale.join(", ")}` : `Up to date: ${outputs.size} files.`);
}
