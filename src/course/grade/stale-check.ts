// The grader refuses to judge against stale answer hashes.
import type { ReferenceSolutions } from "../../workbook/instructor/reference";
import { staleAnswersMessage, staleReferenceAnswers } from "../../workbook/instructor/stale-answers";

/** Grading would be wrong for the whole class, so nothing is graded; the message says what to run. */
export class StaleAnswersError extends Error {
  override readonly name = "StaleAnswersError";
  constructor(
    readonly stale: ReadonlyArray<{ id: string; reason: string }>,
    message: string,
  ) {
    super(message);
  }
}

/**
 * After an instructor edits the reference solutions without `npm run stubs`, the stored public hashes
 * (src/workbook/answer-hashes.json) still encode the old answers: the right answer fails the
 * public check and passes the hidden one, the old answer the reverse, and nobody can earn
 * the points. The grader checks before grading anything.
 * @param reference the reference solutions (their files are read from reference.dir)
 * @param root project root holding src/workbook/answer-hashes.json
 * @throws {StaleAnswersError} naming the exercises and `npm run stubs`, when any hash is stale
 * @throws {InputError} when reference is not ReferenceSolutions or root is not a folder
 */
export function assertCurrentAnswers(reference: ReferenceSolutions, root: string): void {
  const stale = staleReferenceAnswers(reference, root);
  if (stale.length > 0) throw new StaleAnswersError(stale, `grade: refusing to grade. ${staleAnswersMessage(stale)}`);
}
