// `npm run grade -- release --out DIR`: every output re-rendered from the cache, nothing graded.
import { resolve } from "node:path";
import { InputError } from "../../../core/errors";
import { EXERCISES } from "../../../workbook/catalog";
import { readAllCached } from "../cache";
import type { GradebookRow } from "../gradebook/types";
import { withStoredTimings } from "../lms/stored-timings";
import { writeClassOutputs, type OutputMeta } from "./write";

/**
 * Re-renders an output folder from its cache (.grade-cache/) with new settings: typically
 * `releaseHidden: true` once the instructor releases the hidden checks, or a corrected overrides
 * file. The LMS download's timings stored by the grading run (lms/stored-timings.ts) apply as
 * they did then. Nothing is graded; a submission the grader failed on (status "error", never cached) is
 * absent until it is graded again (with a roster it is listed as "no submission").
 * @throws {InputError} when the folder has no cached result and no roster is given
 */
export async function rerenderOutputs(out: string, meta: OutputMeta): Promise<GradebookRow[]> {
  const dir = resolve(out);
  const results = readAllCached(dir);
  if (results.length === 0 && !meta.course?.roster)
    throw new InputError(
      "rerenderOutputs",
      "out",
      "must be an output folder of `npm run grade` (no cached results)",
      dir,
    );
  // A Canvas LATE flag lives in the download, not the cache: the grading run stored it beside the outputs.
  const { course } = withStoredTimings(meta.course, [dir], new Set(results.map((r) => r.student)));
  return writeClassOutputs(dir, results, EXERCISES, { ...meta, ...(course ? { course } : {}) });
}
