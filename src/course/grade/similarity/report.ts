// The similarity report of a class: similarity.html and similarity.csv, nothing else written.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../../core/errors";
import { writeFileAtomic } from "../../../core/files";
import type { Roster } from "../gradebook/types";
import { similarPairs, type SimilarityOptions, type SimilarPair } from "./analyze";
import { stubDocument, studentDocuments } from "./documents";
import { similarityCsv } from "./report-csv";
import { similarityHtml } from "./report-html";

export interface SimilarityReportOptions extends SimilarityOptions {
  /** The submissions folder, or a Canvas / Moodle download zip, as for grading (read only). */
  submissions: string;
  /** With an LMS zip: files each LMS user under their roster id, as grading does. */
  roster?: Roster;
  /** Where similarity.html and similarity.csv go (may be the grading output folder: nothing else is touched). */
  out: string;
  /** The released stubs (the project's exercises/): base code, never counted as shared. */
  stubs: string;
  /** Pairs shown in the HTML (default 20). */
  top?: number;
  title?: string;
}

export interface SimilarityReport {
  pairs: SimilarPair[];
  compared: number;
  notes: string[];
}

/**
 * Compare every submission with every other, the stubs excluded, and write the report. Reads
 * the submissions through submissions.ts (an LMS zip through the grader's import) and writes only `similarity.html` and `similarity.csv`
 * in `out`: no grade, cache or submission is read or changed.
 * @throws {InputError} for a folder that is not one, or a `top` that is not a positive integer
 */
export async function similarityReport(options: SimilarityReportOptions): Promise<SimilarityReport> {
  const top = options.top ?? 20;
  if (!(Number.isInteger(top) && top > 0))
    throw new InputError("similarityReport", "top", "must be a positive integer", top);
  if (typeof options.out !== "string" || options.out === "")
    throw new InputError("similarityReport", "out", "must be a folder path", options.out);
  const base = stubDocument(options.stubs);
  const { documents, notes } = studentDocuments(options.submissions, options.roster ? { roster: options.roster } : {});
  let skipped = 0;
  const pairs = await similarPairs(documents, base, {
    ...options,
    onSkip: (student, reason) => {
      skipped++;
      notes.push(`${student}: ${reason}; not compared`);
    },
  });
  mkdirSync(options.out, { recursive: true });
  writeFileAtomic(join(options.out, "similarity.csv"), similarityCsv(pairs, documents));
  writeFileAtomic(
    join(options.out, "similarity.html"),
    similarityHtml(pairs, documents, { top, fragmentsPerPair: 8, title: options.title ?? "Similarity report" }),
  );
  return { pairs, compared: documents.length - skipped, notes };
}
