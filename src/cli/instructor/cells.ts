/**
 * `npm run cells`: print the three notebook cells of exercises as nbformat JSON, for chapter writers:
 *   npm run cells -- ex-2.1 ex-2.2     # these exercises
 *   npm run cells -- --chapter 2       # every exercise of chapter 2
 *   npm run cells -- --write notebooks # (re)insert them into every chapter
 * Paste the cells into the notebook's "cells" array (or load them from a script).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { writeFileAtomic } from "../../core/files";
import { EXERCISES } from "../../workbook/catalog";
import { exerciseCells, withExerciseCells, type ChapterNotebook } from "../../workbook/instructor/cells";

const program = new Command()
  .name("cells")
  .argument("[ids...]", "exercise ids, e.g. ex-2.1")
  .option("--chapter <n>", "every exercise of chapter n")
  .option("--check-call <expr>", 'check expression with {id} for the id (default: check("{id}"))')
  .option("--write <dir>", "(re)insert every chapter's exercise cells into the NN-topic.ipynb notebooks of dir")
  .parse();

const opts = program.opts<{ chapter?: string; checkCall?: string; write?: string }>();
if (opts.write !== undefined) {
  for (const name of readdirSync(opts.write)
    .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
    .sort()) {
    const chapter = Number(name.slice(0, 2));
    if (!EXERCISES.some((e) => e.chapter === chapter)) continue;
    const path = join(opts.write, name);
    const notebook = JSON.parse(readFileSync(path, "utf8")) as ChapterNotebook;
    const updated = `${JSON.stringify(withExerciseCells(notebook, chapter, EXERCISES), null, 1)}\n`;
    writeFileAtomic(path, updated);
    console.log(`${name}: ${EXERCISES.filter((e) => e.chapter === chapter).length} exercises`);
  }
  process.exit(0);
}
const ids = opts.chapter ? EXERCISES.filter((e) => String(e.chapter) === opts.chapter).map((e) => e.id) : program.args;
if (ids.length === 0) {
  console.error("Give exercise ids or --chapter N.");
  process.exit(2);
}
const cells = ids.flatMap((id) => exerciseCells(id, opts.checkCall?.replace("{id}", id)));
console.log(JSON.stringify(cells, null, 1));
