import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { writeFileAtomic } from "../../core/files";

/** The files an output was made from, each with the hash of its content then. */
interface Manifest {
  inputs: Record<string, string>;
}

const hashOf = (path: string): string | undefined =>
  existsSync(path) ? createHash("sha256").update(readFileSync(path)).digest("hex") : undefined;

/**
 * An output kept on disk and reused while every file it was made from is unchanged (by
 * content hash), e.g. the live type checker: bundling TypeScript and recording the
 * declaration files takes seconds, checking ~500 hashes takes milliseconds.
 * @param file where the output is kept; its manifest sits beside it (`<file>.inputs.json`)
 * @param make builds the output and names every file it read (absolute paths)
 * @returns the output, reused or made afresh
 */
export async function cachedOutput(
  file: string,
  make: () => Promise<{ text: string; inputs: readonly string[] }>,
): Promise<string> {
  const manifestFile = `${file}.inputs.json`;
  if (existsSync(file) && existsSync(manifestFile)) {
    try {
      const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
      const entries = Object.entries(manifest.inputs);
      if (entries.length > 0 && entries.every(([path, hash]) => hashOf(path) === hash))
        return readFileSync(file, "utf8");
    } catch {
      // an unreadable manifest is a cache miss
    }
  }
  const { text, inputs } = await make();
  const manifest: Manifest = { inputs: {} };
  for (const path of inputs) {
    const hash = hashOf(path);
    if (hash !== undefined) manifest.inputs[path] = hash;
  }
  writeFileAtomic(file, text);
  writeFileAtomic(manifestFile, `${JSON.stringify(manifest)}\n`);
  return text;
}
