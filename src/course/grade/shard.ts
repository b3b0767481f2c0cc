// Splitting a class across machines.
import { createHash } from "node:crypto";
import { InputError } from "../../core/errors";

/** One shard of n: `index` is 1-based, as in `--shard 2/8`, Slurm's `--array=1-8` and a CI matrix. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * Parse "i/n".
 * @throws {InputError} unless 1 ≤ i ≤ n are integers
 * @example parseShard("2/8") // => { index: 2, count: 8 }
 */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count)
    throw new InputError("grade", "shard", 'must be "i/n" with 1 ≤ i ≤ n, e.g. "2/8"', text);
  return { index, count };
}

/**
 * Which shard grades a student: by a hash of the id, not by position, so a late submission
 * does not move everybody else to another shard (and their cached results stay valid).
 */
export function shardOf(student: string, count: number): number {
  return (createHash("sha256").update(student).digest().readUInt32BE(0) % count) + 1;
}
