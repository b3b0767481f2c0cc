import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findProjectRoot } from "../paths";

/**
 * The per-student answer hashes the instructor publishes (`npm run variants -- hashes --ids
 * ids.txt`): src/workbook/variant-hashes.json, shipped with the student edition. Each entry is
 * the salted scrypt hash of ONE student's expected answer, keyed "ex-2.1@s1234" — the key is the
 * salt, so every student's hash is salted differently. Node reads it from the project on every
 * check (like answer-hashes.json); the browser twin imports it into the bundle.
 */
export interface VariantHashFile {
  params: Record<string, unknown>;
  entries: Record<string, string>;
}

/** The file's path in a project. */
export function variantHashesPath(root: string): string {
  return join(root, "src", "workbook", "variant-hashes.json");
}

/** The published variant hashes of a project (none when the file is absent); root defaults to the project found from here. */
export function readVariantHashes(root: string = findProjectRoot()): Record<string, string> {
  const path = variantHashesPath(root);
  if (!existsSync(path)) return {};
  return (JSON.parse(readFileSync(path, "utf8")) as VariantHashFile).entries;
}
