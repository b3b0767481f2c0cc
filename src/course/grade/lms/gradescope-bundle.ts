// The zip an instructor uploads as a Gradescope autograder: setup.sh, run_autograder and the grader.
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync, type Zippable } from "fflate";
import { InputError } from "../../../core/errors";

/** What the grader needs in /autograder/source (the zip is unpacked there). Never node_modules: setup.sh installs it. */
export const GRADESCOPE_PARTS = [
  "src",
  "solutions",
  "exercises",
  "data",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
] as const;

/** How the autograder grades, written into the zip as gradescope.json beside run_autograder. */
export interface GradescopeSettings {
  /** Grade each student's varied exercises against their own numbers (their Gradescope Student ID). */
  variants: boolean;
}
export const GRADESCOPE_SETTINGS_FILE = "gradescope.json";

const SKIP = (name: string): boolean =>
  name === "node_modules" || name.startsWith(".") || name.endsWith(".d.ts") || name.endsWith(".tsbuildinfo");

/**
 * The files of the autograder zip: `setup.sh` and `run_autograder` (executable) from
 * `gradescope/` at the top, as Gradescope requires, gradescope.json (the settings), and the
 * project parts of GRADESCOPE_PARTS beside them. Symbolic links, dot files, node_modules and generated declarations are left out.
 * @returns path in the zip → bytes and Unix mode, sorted by path
 * @throws {InputError} when a required part (gradescope/setup.sh, run_autograder, src, package.json …) is missing
 */
export function gradescopeBundleFiles(
  root: string,
  settings: GradescopeSettings = { variants: false },
): Map<string, { data: Uint8Array; mode: number }> {
  if (typeof settings?.variants !== "boolean")
    throw new InputError("gradescopeBundleFiles", "settings.variants", "must be true or false", settings?.variants);
  const files = new Map<string, { data: Uint8Array; mode: number }>();
  files.set(GRADESCOPE_SETTINGS_FILE, {
    data: new TextEncoder().encode(`${JSON.stringify({ variants: settings.variants })}\n`),
    mode: 0o644,
  });
  const add = (path: string, rel: string, mode: number): void => {
    files.set(rel, { data: readFileSync(path), mode });
  };
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (SKIP(name)) continue;
      const st = lstatSync(join(dir, name));
      if (st.isDirectory()) walk(join(dir, name), `${rel}/${name}`);
      else if (st.isFile()) add(join(dir, name), `${rel}/${name}`, 0o644);
    }
  };
  for (const script of ["setup.sh", "run_autograder"]) {
    const path = join(root, "gradescope", script);
    if (!lstatSync(path, { throwIfNoEntry: false })?.isFile())
      throw new InputError("gradescopeBundleFiles", "root", `must hold gradescope/${script}`, root);
    add(path, script, 0o755);
  }
  for (const part of GRADESCOPE_PARTS) {
    const path = join(root, part);
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (!st) {
      if (part === "tsconfig.json" || part === "data") continue;
      throw new InputError("gradescopeBundleFiles", "root", `must hold ${part}`, root);
    }
    if (st.isDirectory()) walk(path, part);
    else if (st.isFile()) add(path, part, 0o644);
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A fixed time for every entry, so the same sources always give the same zip bytes. */
const ZIP_TIME = new Date(Date.UTC(2000, 0, 1));

/**
 * The autograder zip's bytes (deterministic: sorted entries, one fixed time). Unix modes are
 * stored (made by Unix, external attributes = mode << 16) so run_autograder stays executable.
 */
export function gradescopeZip(root: string, settings: GradescopeSettings = { variants: false }): Uint8Array {
  const tree: Zippable = {};
  for (const [path, { data, mode }] of gradescopeBundleFiles(root, settings))
    tree[path] = [data, { os: 3, attrs: ((0o100000 | mode) << 16) >>> 0, mtime: ZIP_TIME, level: 9 }];
  return zipSync(tree);
}
