import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { InputError } from "../../core/errors";

/**
 * Atomic output of whole directories: built beside the target and swapped in with two
 * renames, so a reader (a web server, a browser) sees the old site or the new one, never half
 * of one. Single files use writeFileAtomic from src/core/files.ts.
 */

/** The marker file that says a folder was written by the site build (and may be replaced). */
export const SITE_MARKER = ".course-site.json";

/**
 * Replaces directory `target` with the fully written directory `staged`, atomically
 * from a reader's point of view (rename, rename, then delete the old copy). Refuses to
 * replace a non-empty folder the build did not write, so `--out src` cannot destroy work.
 * @param staged a complete directory on the same file system as target
 * @param target the directory to replace
 * @throws {InputError} when target exists, is not empty and holds no site marker
 */
export function replaceDirectory(staged: string, target: string): void {
  const out = checkReplaceable(target);
  if (existsSync(out)) {
    const old = `${out}.old-${process.pid}-${Date.now()}`;
    renameSync(out, old);
    renameSync(staged, out);
    rmSync(old, { recursive: true, force: true });
  } else {
    mkdirSync(dirname(out), { recursive: true });
    renameSync(staged, out);
  }
}

/**
 * Checks, before any work is done, that `target` may be replaced by a site: it is
 * missing, empty, or holds the site marker.
 * @returns the absolute target path
 * @throws {InputError} when target exists, is not empty and holds no site marker
 */
export function checkReplaceable(target: string): string {
  const out = resolve(target);
  if (existsSync(out)) {
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
      throw new InputError(
        "replaceDirectory",
        "out",
        `must be empty or a site written by this build (no ${SITE_MARKER} found)`,
        out,
      );
    }
  }
  return out;
}

/** Reads the marker of a site folder, or null when there is none. */
export function readSiteMarker(dir: string): unknown {
  const path = join(dir, SITE_MARKER);
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}
