"use strict";
/**
 * The project's one atomic file writer, in plain CommonJS so that src/cli/check.cjs (which must
 * start without any transpiler) uses the very same code as the TypeScript sources, which reach
 * it through src/core/files.ts (`writeFileAtomic`, typed).
 *
 * The data goes to a hidden temporary sibling (`.<name>.<pid>.<random>.tmp`, unique per process
 * and call), which is then renamed over the target: a reader (a web server, a kernel, another
 * build) sees the old file or the new one, never half of one, and a crash never leaves a
 * truncated file. Parent folders are created; the temporary file is removed when writing fails.
 */
const { randomBytes } = require("node:crypto");
const { mkdirSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const { basename, dirname, join } = require("node:path");

/**
 * @param {string} path the file to (re)place
 * @param {string | Uint8Array} data its new contents
 * @returns {void}
 */
function writeFileAtomic(path, data) {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

module.exports = { writeFileAtomic };
