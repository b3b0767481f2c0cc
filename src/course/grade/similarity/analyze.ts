// Dolos over the class, the released stubs excluded as base code.
import { Dolos, File, LanguagePicker, type Pair } from "@dodona/dolos-lib";
import { InputError } from "../../../core/errors";
import { locate, type StudentDocument } from "./documents";

/** A code fragment two students share, in each one's own files (1-based lines, inclusive). */
export interface SharedFragment {
  a: { path: string; from: number; to: number };
  b: { path: string; from: number; to: number };
  /** Matching k-grams in the fragment: how long it is in Dolos' unit. */
  kgrams: number;
}

export interface SimilarPair {
  a: string;
  b: string;
  /** Dolos' similarity: shared k-grams of both over all their k-grams not in the base code, 0…1. */
  similarity: number;
  /** The longest run of consecutive shared k-grams. */
  longest: number;
  fragments: SharedFragment[];
}

export interface SimilarityOptions {
  /** Told why a document was left out (it could not be tokenized). */
  onSkip?: (student: string, reason: string) => void;
  /** Dolos' k-gram length in tokens (default 23, Dolos' own). */
  kgramLength?: number;
  /** Dolos' winnowing window in k-grams (default 17, Dolos' own). */
  kgramsInWindow?: number;
}

/**
 * Every pair of students with shared code that is not in the base, most similar first (ties by
 * id). Two students who only kept the stubs share nothing: the base document is passed to Dolos
 * as its ignored (template) file, so its fingerprints count for nobody. Fewer than two
 * documents give no pairs.
 * @throws {InputError} when documents are not distinct students, or an option is not a positive integer
 */
export async function similarPairs(
  documents: readonly StudentDocument[],
  base: StudentDocument | undefined,
  options: SimilarityOptions = {},
): Promise<SimilarPair[]> {
  const ids = documents.map((d) => d.student);
  if (new Set(ids).size !== ids.length)
    throw new InputError("similarPairs", "documents", "must hold each student once", ids);
  for (const key of ["kgramLength", "kgramsInWindow"] as const) {
    const v = options[key];
    if (v !== undefined && !(Number.isInteger(v) && v > 0))
      throw new InputError("similarPairs", `options.${key}`, "must be a positive integer", v);
  }
  if (documents.length < 2) return [];
  let report;
  try {
    report = await analyze(documents, base, options);
  } catch {
    // Dolos walks the syntax tree recursively: a hostile file nested thousands of levels deep
    // overflows the stack and would stop the whole class. Leave out who cannot be tokenized.
    const kept = await tokenizable(documents, options.onSkip);
    if (kept.length < 2) return [];
    report = await analyze(kept, base, options);
  }
  const byPath = new Map(documents.map((d) => [d.student, d]));
  return report
    .allPairs()
    .map((p) => toPair(p, byPath))
    .filter((p) => p.fragments.length > 0 && p.similarity > 0)
    .sort((x, y) => y.similarity - x.similarity || (x.a + "\0" + x.b < y.a + "\0" + y.b ? -1 : 1));
}

function analyze(
  documents: readonly StudentDocument[],
  base: StudentDocument | undefined,
  options: SimilarityOptions,
): ReturnType<Dolos["analyze"]> {
  const dolos = new Dolos({
    language: "typescript",
    ...(options.kgramLength ? { kgramLength: options.kgramLength } : {}),
    ...(options.kgramsInWindow ? { kgramsInWindow: options.kgramsInWindow } : {}),
  });
  // The File's path is the student id: unique, and how a pair is mapped back to its documents.
  const files = documents.map((d) => new File(d.student, d.text));
  return dolos.analyze(files, "class", base ? new File("(base)", base.text) : undefined);
}

async function tokenizable(
  documents: readonly StudentDocument[],
  onSkip: SimilarityOptions["onSkip"],
): Promise<StudentDocument[]> {
  const tokenizer = await (await new LanguagePicker().findLanguage("typescript")).createTokenizer();
  return documents.filter((d) => {
    try {
      tokenizer.tokenizeFile(new File(d.student, d.text));
      return true;
    } catch (err) {
      onSkip?.(d.student, err instanceof RangeError ? "nested too deeply to compare" : String(err));
      return false;
    }
  });
}

function toPair(p: Pair, byPath: ReadonlyMap<string, StudentDocument>): SimilarPair {
  let left = byPath.get(p.leftFile.path)!;
  let right = byPath.get(p.rightFile.path)!;
  let fragments: SharedFragment[] = p.buildFragments().map((f) => {
    const a = locate(left, f.leftSelection.startRow);
    const aEnd = locate(left, f.leftSelection.endRow);
    const b = locate(right, f.rightSelection.startRow);
    const bEnd = locate(right, f.rightSelection.endRow);
    return {
      a: { path: a.path, from: a.line, to: aEnd.path === a.path ? aEnd.line : a.line },
      b: { path: b.path, from: b.line, to: bEnd.path === b.path ? bEnd.line : b.line },
      kgrams: f.pairs.length,
    };
  });
  // Students in id order within a pair, so the report reads the same whatever Dolos' order.
  if (right.student < left.student) {
    [left, right] = [right, left];
    fragments = fragments.map((f) => ({ a: f.b, b: f.a, kgrams: f.kgrams }));
  }
  fragments.sort((x, y) => y.kgrams - x.kgrams || x.a.path.localeCompare(y.a.path) || x.a.from - y.a.from);
  return { a: left.student, b: right.student, similarity: p.similarity, longest: p.longest, fragments };
}
