// Writing every output file, each atomically.
import { join } from "node:path";
import type { Exercise } from "../../../workbook/types";
import { writeFileAtomic } from "../../../core/files";
import type { SubmissionResult } from "../types";
import { canvasCsv, gradesCsv, type CanvasOptions } from "./csv";
import { feedbackHtml } from "./feedback";
import { gradescopeResults } from "./gradescope";
import { summaryHtml } from "./summary";

export interface OutputMeta {
  assignment: string;
  canvasIdColumn: CanvasOptions["idColumn"];
  isolation: string;
}

/** results/<student>.json (Gradescope), feedback/<student>.html, logs/<student>.txt (instructor only). */
export function writeStudentOutputs(out: string, r: SubmissionResult, meta: OutputMeta): void {
  writeFileAtomic(join(out, "results", `${r.student}.json`), `${JSON.stringify(gradescopeResults(r), null, 2)}\n`);
  writeFileAtomic(join(out, "feedback", `${r.student}.html`), feedbackHtml(r, meta.assignment));
  const log = [
    `student: ${r.student}${r.name !== r.student ? ` (found as ${JSON.stringify(r.name)})` : ""}`,
    `status: ${r.status}`,
    `source: ${r.log.source}`,
    `score: ${r.total} / ${r.max}`,
    `duration: ${r.log.durationMs} ms; sandbox processes: ${r.log.processes}`,
    ...r.notices.map((n) => `notice: ${n}`),
    `output (${r.log.outputBytes} bytes${r.log.outputTruncated ? ", truncated" : ""}; instructor only — it may echo hidden inputs):`,
    r.log.output,
  ];
  writeFileAtomic(join(out, "logs", `${r.student}.txt`), `${log.join("\n")}\n`);
}

/** grades.csv, gradebook-canvas.csv, summary.html. */
export async function writeClassOutputs(
  out: string,
  results: readonly SubmissionResult[],
  exercises: readonly Exercise[],
  meta: OutputMeta,
): Promise<void> {
  const ids = exercises.map((e) => e.id);
  writeFileAtomic(join(out, "grades.csv"), gradesCsv(results, ids));
  writeFileAtomic(
    join(out, "gradebook-canvas.csv"),
    canvasCsv(results, { assignment: meta.assignment, idColumn: meta.canvasIdColumn }),
  );
  writeFileAtomic(
    join(out, "summary.html"),
    await summaryHtml(results, exercises, {
      assignment: meta.assignment,
      isolation: meta.isolation,
      generated: new Date().toISOString(),
    }),
  );
}
