/** Proof that no solution text reached the student edition. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { EXERCISES, exercisesByFile } from "../../workbook/catalog";
import { assertReferenceSolutions, type ReferenceSolutions } from "../../workbook/instructor/reference";
import { parseSolutionBlocks } from "../../workbook/instructor/stub-source";
import { variantReferenceAnswer } from "../../workbook/instructor/variants";
import { readVariantHashes } from "../../workbook/variants/hash-file";

/**
 * Fingerprints of the answers: every line of every solution block (trimmed, at least 16
 * characters) that is not also in the generated stubs or in code written independently of
 * the exercises (the library under src/ and its tests, bench/, data/; not the workbook, the
 * course tooling, the notebooks or the docs), where a shared line is a coincidence such as
 * `const g = (Math.sqrt(5) - 1) / 2;`; plus 6-figure renderings of the reference values.
 * Any of them in a shipped file is a leak.
 * @param reference the reference solutions, whose chNN.ts sources are read from reference.dir
 * @throws {InputError} when reference is not ReferenceSolutions
 */
export function solutionFingerprints(
  root: string,
  reference: ReferenceSolutions,
  referenceValues: readonly number[] = [],
): string[] {
  assertReferenceSolutions("solutionFingerprints", reference);
  const allowed = new Set<string>();
  const addLines = (text: string) => text.split("\n").forEach((l) => allowed.add(l.trim()));
  const stubs = [...exercisesByFile().keys()].map((file) =>
    readFileSync(join(root, "exercises", `${file}.ts`), "utf8"),
  );
  stubs.forEach(addLines);
  // A declaration Prettier broke over lines in the solution is one line of the stub: each piece is public.
  const inStubs = (line: string) => stubs.some((stub) => stub.includes(line));
  const independent = (file: string) => {
    const rel = relative(root, file);
    return (
      /^(src|test|bench|data)\//.test(rel) &&
      !/^(src\/(workbook|course)|test\/(exercises|workbook))\//.test(rel) &&
      /\.(ts|js|json|csv)$/.test(rel)
    );
  };
  for (const file of walk(root)) if (independent(file)) addLines(readFileSync(file, "utf8"));
  const prints = new Set<string>();
  for (const file of exercisesByFile().keys()) {
    const path = join(reference.dir, `${file}.ts`);
    for (const block of parseSolutionBlocks(readFileSync(path, "utf8"), relative(root, path))) {
      for (const line of block.body.split("\n")) {
        const t = line.trim();
        if (t.length >= 16 && !allowed.has(t) && !inStubs(t)) prints.add(t);
      }
    }
  }
  for (const v of referenceValues) {
    const text = String(Number(v.toPrecision(6)));
    if (text.replace(/[^0-9]/g, "").replace(/^0+/, "").length >= 5) prints.add(text);
  }
  return [...prints];
}

/** Every regular file under a folder (symlinks and node_modules skipped). */
export function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === ".git") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile() && statSync(path).size < 5_000_000) out.push(path);
  }
  return out;
}

export interface Leak {
  file: string;
  fingerprint: string;
}

/** Search every file of an edition for the fingerprints. */
export function findLeaks(editionDir: string, fingerprints: readonly string[]): Leak[] {
  const leaks: Leak[] = [];
  for (const file of walk(editionDir)) {
    const text = readFileSync(file, "utf8");
    for (const fp of fingerprints)
      if (text.includes(fp)) leaks.push({ file: relative(editionDir, file), fingerprint: fp });
  }
  return leaks;
}

/**
 * The reference values of the per-student variants the edition publishes hashes for (every
 * "ex-2.1@s1234" key of src/workbook/variant-hashes.json), to add to solutionFingerprints'
 * referenceValues: a student's answer in clear anywhere in the edition is a leak like the default one.
 * @throws {InputError} when reference is not ReferenceSolutions
 */
export function variantReferenceValues(root: string, reference: ReferenceSolutions): number[] {
  assertReferenceSolutions("variantReferenceValues", reference);
  const values: number[] = [];
  for (const key of Object.keys(readVariantHashes(root))) {
    const at = key.indexOf("@");
    const ex = EXERCISES.find((e) => e.id === key.slice(0, at));
    if (!ex) continue;
    const v = variantReferenceAnswer(reference, ex, key.slice(at + 1));
    if (typeof v === "number") values.push(v);
  }
  return values;
}
