import { createRequire } from "node:module";
import { join, sep } from "node:path";
import { findProjectRoot } from "../../workbook/paths";

const nodeRequire = createRequire(__filename);

/**
 * The course project a notebook's working directory belongs to (src/workbook/paths.ts's
 * findProjectRoot), or null for a folder outside any (a scratch notebook): then nothing is
 * forgotten and no declarations are generated.
 */
export function projectRootOf(cwd: string): string | null {
  try {
    return findProjectRoot(cwd);
  } catch {
    return null;
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
