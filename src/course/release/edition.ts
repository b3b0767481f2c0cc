/** `npm run release -- --out DIR`: build the student edition. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { EXERCISES } from "../../workbook/catalog";
import { referenceAnswer, type ReferenceSolutions } from "../../workbook/instructor/reference";
import { findLeaks, solutionFingerprints, variantReferenceValues, walk, type Leak } from "./leaks";
import { INSTRUCTOR_ONLY_FOLDERS, isUnder, NEVER_COPIED } from "./manifest";
import { studentNotebook } from "./notebook";

export interface EditionReport {
  out: string;
  copied: string[];
  excluded: string[];
  notebooks: number;
  removedScripts: string[];
  leaks: Leak[];
  brokenImports: string[];
}

/**
 * The repository's files, by walking the tree (not `git ls-files`: an unanchored .gitignore
 * pattern such as `site/` would silently drop src/course/site). Build outputs and caches are
 * skipped by NEVER_COPIED, anchored at the root.
 */
export function repositoryFiles(root: string): string[] {
  return walk(root)
    .map((f) => f.slice(root.length + 1))
    .filter((f) => !f.endsWith(".tmp") && !f.endsWith(".tsbuildinfo") && !/\.tmp-\d+/.test(f));
}

/** package.json for students: scripts that run left-out files are dropped. */
export function studentPackageJson(
  text: string,
  isLeftOut: (path: string) => boolean,
): { text: string; removed: string[] } {
  const pkg = JSON.parse(text) as { scripts?: Record<string, string>; [k: string]: unknown };
  const removed: string[] = [];
  for (const [name, command] of Object.entries(pkg.scripts ?? {})) {
    const paths = command.match(/[\w./-]+\.(ts|js|mjs)\b/g) ?? [];
    if (paths.some((p) => isLeftOut(p.replace(/^\.\//, "")))) {
      delete pkg.scripts![name];
      removed.push(name);
    }
  }
  return { text: `${JSON.stringify(pkg, null, 2)}\n`, removed };
}

function resolves(base: string): boolean {
  return [base, `${base}.ts`, `${base}.json`, join(base, "index.ts")].some((c) => existsSync(c));
}

/** Relative imports in shipped .ts files that resolve in the repository but not in the edition (they point at a left-out file). */
export function brokenImports(dir: string, root: string): string[] {
  const broken: string[] = [];
  for (const file of walk(dir).filter((f) => f.endsWith(".ts"))) {
    const rel = file.slice(dir.length + 1);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:from|import|require\()\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      if (!resolves(resolve(dirname(file), m[1])) && resolves(resolve(dirname(join(root, rel)), m[1])))
        broken.push(`${rel} → ${m[1]}`);
    }
  }
  return broken;
}

/**
 * Build the student edition into `out` (written to a temporary sibling, then renamed, so a
 * failed build never leaves half an edition). Refuses to overwrite unless `force`. What is
 * left out is decided by folder alone (manifest.ts).
 * @param options.reference the reference solutions (received from the caller), whose text and values the leak scan looks for
 * @throws {Error} when solution text would leak or a shipped file imports a left-out one
 */
export function buildStudentEdition(options: {
  root: string;
  reference: ReferenceSolutions;
  out: string;
  force?: boolean;
}): EditionReport {
  const root = resolve(options.root);
  const out = resolve(options.out);
  if (out === root || out.startsWith(`${root}/`))
    throw new Error(`release: --out must be outside the repository (${out})`);
  if (existsSync(out) && !options.force)
    throw new Error(`release: ${out} exists; choose another --out or pass --force`);
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });

  const report: EditionReport = {
    out,
    copied: [],
    excluded: [],
    notebooks: 0,
    removedScripts: [],
    leaks: [],
    brokenImports: [],
  };
  const files = repositoryFiles(root).filter((f) => !isUnder(f, NEVER_COPIED));
  const leftOut = new Set(files.filter((rel) => isUnder(rel, INSTRUCTOR_ONLY_FOLDERS)));
  for (const rel of files) {
    if (leftOut.has(rel)) {
      report.excluded.push(rel);
      continue;
    }
    const dest = join(tmp, rel);
    mkdirSync(dirname(dest), { recursive: true });
    if (rel === "package.json") {
      const pkg = studentPackageJson(readFileSync(join(root, rel), "utf8"), (p) => leftOut.has(p));
      writeFileSync(dest, pkg.text);
      report.removedScripts = pkg.removed;
    } else if (rel.endsWith(".ipynb") && rel.startsWith("notebooks/")) {
      // the course notebooks lose their solution cells and outputs; test fixtures are data, copied as they are
      writeFileSync(dest, studentNotebook(readFileSync(join(root, rel), "utf8")).text);
      report.notebooks++;
    } else copyFileSync(join(root, rel), dest);
    report.copied.push(rel);
  }

  const values = EXERCISES.filter((e) => e.kind === "value")
    .map((e) => referenceAnswer(options.reference, e))
    .filter((v): v is number => typeof v === "number");
  values.push(...variantReferenceValues(root, options.reference)); // the published variants' answers, too
  report.leaks = findLeaks(tmp, solutionFingerprints(root, options.reference, values));
  report.brokenImports = brokenImports(tmp, root);
  if (report.leaks.length > 0 || report.brokenImports.length > 0) {
    rmSync(tmp, { recursive: true, force: true });
    const lines = [
      ...report.leaks.map((l) => `leak in ${l.file}: ${l.fingerprint}`),
      ...report.brokenImports.map((b) => `import of a left-out file: ${b}`),
    ];
    throw new Error(`release: the student edition would be unsafe or broken:\n${lines.slice(0, 20).join("\n")}`);
  }
  if (existsSync(out)) rmSync(out, { recursive: true, force: true });
  renameSync(tmp, out);
  return report;
}
