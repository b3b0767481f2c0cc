import { join } from "node:path";
import * as ch01 from "../../../solutions/ch01";
import * as ch02 from "../../../solutions/ch02";
import * as ch03 from "../../../solutions/ch03";
import * as ch04 from "../../../solutions/ch04";
import * as ch05 from "../../../solutions/ch05";
import * as ch06 from "../../../solutions/ch06";
import { InputError } from "../../core/errors";
import type { ReferenceSolutions } from "../../workbook/instructor/reference";

/**
 * The one module under src/ that imports the reference solutions. The instructor programs
 * (check, grade, stubs, release) and the instructor tests take them from here and hand them to
 * the tools that need them (src/workbook/instructor, src/course/grade, src/course/release),
 * which never import solutions/ themselves: the student runtime cannot reach them, and no
 * folder imports one that imports it back.
 * @param root the project whose solutions/ folder the tools that read source text use (stubs,
 *   stale-hash check, the grader's fingerprint); the modules are always this repository's
 * @throws {InputError} when root is not a non-empty string
 */
export function referenceSolutions(root: string): ReferenceSolutions {
  if (typeof root !== "string" || root === "")
    throw new InputError("referenceSolutions", "root", "must be a non-empty path to the project folder", root);
  return { dir: join(root, "solutions"), modules: { ch01, ch02, ch03, ch04, ch05, ch06 } };
}
