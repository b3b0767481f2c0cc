// similarity.csv: every pair with shared code beyond the stubs, most similar first.
import { csvCell } from "../outputs/csv";
import type { SimilarPair } from "./analyze";
import type { StudentDocument } from "./documents";

/**
 * `rank, student_a, student_b, similarity, longest, fragments, name_a, name_b`; similarity to
 * 4 decimals, names as found (defused for spreadsheets by csvCell).
 */
export function similarityCsv(pairs: readonly SimilarPair[], documents: readonly StudentDocument[]): string {
  const names = new Map(documents.map((d) => [d.student, d.name]));
  const rows = [["rank", "student_a", "student_b", "similarity", "longest", "fragments", "name_a", "name_b"]];
  pairs.forEach((p, i) =>
    rows.push([
      String(i + 1),
      p.a,
      p.b,
      p.similarity.toFixed(4),
      String(p.longest),
      String(p.fragments.length),
      names.get(p.a) ?? p.a,
      names.get(p.b) ?? p.b,
    ]),
  );
  return rows.map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
}
