/**
 * Print the three notebook cells of exercises as nbformat JSON, for chapter writers:
 *   npx tsx src/workbook/cells-cli.ts ex-2.1 ex-2.2     # these exercises
 *   npx tsx src/workbook/cells-cli.ts --chapter 2       # every exercise of chapter 2
 * Paste the cells into the notebook's "cells" array (or load them from a script).
 */
import { Command } from "commander";
import { EXERCISES } from "./catalog";
import { exerciseCells } from "./cells";

const program = new Command()
  .name("cells")
  .argument("[ids...]", "exercise ids, e.g. ex-2.1")
  .option("--chapter <n>", "every exercise of chapter n")
  .option("--check-call <expr>", 'check expression with {id} for the id (default: check("{id}"))')
  .parse();

const opts = program.opts<{ chapter?: string; checkCall?: string }>();
const ids = opts.chapter ? EXERCISES.filter((e) => String(e.chapter) === opts.chapter).map((e) => e.id) : program.args;
if (ids.length === 0) {
  console.error("Give exercise ids or --chapter N.");
  process.exit(2);
}
const cells = ids.flatMap((id) => exerciseCells(id, opts.checkCall?.replace("{id}", id)));
console.log(JSON.stringify(cells, null, 1));
