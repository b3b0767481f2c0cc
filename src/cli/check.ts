/**
 * `npm run check` in the student edition: the shared check program (check-program.ts) with
 * nothing added. The instructor edition runs instructor/check.ts instead (check.cjs chooses).
 */
import { runCheckProgram } from "./check-program";

runCheckProgram(process.argv);
