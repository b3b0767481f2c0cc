/**
 * `npm run check` in the instructor edition (check.cjs runs this entry when it exists): the
 * shared check program, given the hidden checks made from the reference solutions
 * (`--hidden`) and the warning when the stored answer hashes are stale (edited solutions
 * without `npm run stubs`).
 */
import { existsSync } from "node:fs";
import { hiddenChecks } from "../../workbook/instructor/hidden-checks";
import { staleAnswersMessage, staleReferenceAnswers } from "../../workbook/instructor/stale-answers";
import { runCheckProgram } from "../check-program";
import { referenceSolutions } from "./reference-solutions";

runCheckProgram(process.argv, {
  hiddenChecks: (root) => hiddenChecks(referenceSolutions(root)),
  staleAnswers: (root) => {
    const reference = referenceSolutions(root);
    // A project without solutions/ (WORKBOOK_ROOT at a student's copy) has no reference to be stale against.
    const stale = existsSync(reference.dir) ? staleReferenceAnswers(reference, root) : [];
    return { stale, message: staleAnswersMessage(stale) };
  },
});
