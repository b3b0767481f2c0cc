import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";

const nodeRequire = createRequire(__filename);

/**
 * The project a working directory belongs to: the nearest ancestor with a package.json.
 * @returns the directory, or null when there is none
 */
export function findProjectRoot(start: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/**
 * Forgets the project's own modules (src/, exercises/, the generated
 * node_modules/microdosing-workbook link, ...) from Node's require cache, so the next
 * notebook run loads the code as it is on disk now — like a fresh kernel — while
 * third-party packages stay cached and fast.
 * @returns how many modules were forgotten
 */
export function forgetProjectModules(projectRoot: string): number {
  const root = projectRoot.endsWith(sep) ? projectRoot : projectRoot + sep;
  const dependencies = join(root, "node_modules") + sep;
  const ownLink = join(dependencies, "microdosing-workbook") + sep;
  let forgotten = 0;
  for (const file of Object.keys(nodeRequire.cache)) {
    if (!file.startsWith(root)) continue;
    if (file.startsWith(dependencies) && !file.startsWith(ownLink)) continue;
    delete nodeRequire.cache[file];
    forgotten++;
  }
  return forgotten;
}
