// Generates student submissions (honest and hostile) into temporary folders.
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { zipSync } from "fflate";
import { referenceSolutions } from "../../src/cli/instructor/reference-solutions";
import { EXERCISES, stubFor, type Exercise } from "../../src/workbook";
import { referenceAnswer } from "../../src/workbook/instructor/reference";
import { findProjectRoot } from "../../src/workbook/paths";

export const ROOT = findProjectRoot();
/** The reference solutions, received as `npm run grade` receives them. */
export const REFERENCE = referenceSolutions(ROOT);
export const FILES = [...new Set(EXERCISES.map((e) => e.file))];
export const MAX = EXERCISES.reduce((s, e) => s + e.points, 0);

export const solution = (file: string): string => readFileSync(join(ROOT, "solutions", `${file}.ts`), "utf8");
export const stub = (file: string): string => readFileSync(join(ROOT, "exercises", `${file}.ts`), "utf8");
export const pointsOf = (ids: Iterable<string>): number =>
  [...ids].reduce((s, id) => s + EXERCISES.find((e) => e.id === id)!.points, 0);
export const idsOfFile = (file: string): string[] => EXERCISES.filter((e) => e.file === file).map((e) => e.id);
export const exercise = (id: string): Exercise => EXERCISES.find((e) => e.id === id)!;

/** A chapter file with exactly the exercises in `solved` answered by the reference; every other block is the stub. */
export function mixed(file: string, solved: ReadonlySet<string>): string {
  const out: string[] = [];
  let skipping = false;
  for (const line of solution(file).split("\n")) {
    const begin = /^\s*\/\/ BEGIN SOLUTION (ex-\d+\.\d+)\s*$/.exec(line);
    if (begin && !solved.has(begin[1])) {
      out.push(stubFor(exercise(begin[1])));
      skipping = true;
    } else if (skipping && /^\s*\/\/ END SOLUTION\s*$/.test(line)) skipping = false;
    else if (!skipping) out.push(line);
  }
  return out.join("\n");
}

/** Insert `code` as the first statement of exported function `name` in `source`. */
export function injectIntoFunction(source: string, name: string, code: string): string {
  const re = new RegExp(`(export function ${name}\\([^)]*\\)[^{]*\\{)`);
  if (!re.test(source)) throw new Error(`fixture: no function ${name}`);
  return source.replace(re, `$1\n  ${code}\n`);
}

/** The stub file with every not-attempted placeholder replaced by an expression (given the exercise). */
export function stubWith(file: string, answer: (ex: Exercise) => string | undefined): string {
  return stub(file).replace(/notAttempted\("(ex-\d+\.\d+)"\)/g, (whole, id: string) => answer(exercise(id)) ?? whole);
}

/**
 * A file whose value exports are the CORRECT answer only if `attempt` (JS code) runs without
 * throwing — e.g. reading solutions/. A score of 0 then proves the attempt was blocked.
 */
export function correctIfAllowed(file: string, attempt: string): string {
  return stubWith(file, (ex) =>
    ex.kind === "value"
      ? `(() => { try { ${attempt}; return ${JSON.stringify(referenceAnswer(REFERENCE, ex))}; } catch { return -1; } })() as any`
      : undefined,
  );
}

export const firstFunction = (file: string): Exercise =>
  EXERCISES.find((e) => e.file === file && e.kind === "function")!;

export type Tree = Record<string, string | { symlink: string }>;

export function makeDir(): string {
  return mkdtempSync(join(tmpdir(), "grade-fixture-"));
}

/**
 * `<dir>/project`: a private copy of what the grader reads and fingerprints (src/, solutions/,
 * data/, exercises/, package.json, package-lock.json; node_modules/ linked), for tests that
 * compare grading runs: the fingerprint hashes those files, so edits made to the shared working
 * tree between two runs — by whoever works on it meanwhile — would otherwise turn "cached" into
 * "graded" at random.
 */
export function projectCopy(dir: string): string {
  const root = join(dir, "project");
  for (const part of ["src", "solutions", "data", "exercises", "package.json", "package-lock.json"]) {
    if (existsSync(join(ROOT, part))) cpSync(join(ROOT, part), join(root, part), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"), "dir");
  return root;
}

/** Write a student folder: `<dir>/<student>/exercises/<path>`. */
export function writeStudent(dir: string, student: string, files: Tree): void {
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, student, "exercises", path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof content === "string") writeFileSync(target, content);
    else symlinkSync(content.symlink, target);
  }
}

/** Write `<dir>/<student>.zip` with entries exactly as named (no normalisation: hostile names stay hostile). */
export function writeZip(dir: string, student: string, entries: Record<string, string>): void {
  const data: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(entries)) data[name] = new TextEncoder().encode(text);
  writeFileSync(join(dir, `${student}.zip`), zipSync(data));
}

/** Every file of the full reference, as a submission tree. */
export function fullSolution(): Tree {
  return Object.fromEntries(FILES.map((f) => [`${f}.ts`, solution(f)]));
}

export function stubs(): Tree {
  return Object.fromEntries(FILES.map((f) => [`${f}.ts`, stub(f)]));
}

/** sha256 of a folder tree (names, file bytes, link targets) via lstat: proof it was not modified. */
export function hashTree(dir: string): string {
  const h = createHash("sha256");
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      h.update(`${p}\0${st.mode}\0`);
      if (st.isSymbolicLink()) h.update(readlinkSync(p));
      else if (st.isDirectory()) walk(p);
      else h.update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest("hex");
}
