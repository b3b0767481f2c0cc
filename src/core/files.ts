/**
 * The one atomic writer of the project: notebooks, site pages, caches, gradebooks, stubs, and
 * `npm run check`'s bundle. It lives in atomic-write.cjs, plain CommonJS, because
 * src/cli/check.cjs must run it without a transpiler; this is its typed entry for the sources.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const atomic = require("./atomic-write.cjs") as { writeFileAtomic(path: string, data: string | Uint8Array): void };

/**
 * Writes a file atomically: to a temporary sibling, then renamed over the target, so a
 * reader (a web server, a kernel, another build) sees the old file or the new one, never
 * half of one, and a crash never leaves a truncated file. Creates parent folders.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  atomic.writeFileAtomic(path, data);
}
