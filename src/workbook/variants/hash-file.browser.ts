import hashFile from "../variant-hashes.json";

/** Browser twin of hash-file.ts: the published variant hashes, bundled (the live course reads no files). */
export interface VariantHashFile {
  params: Record<string, unknown>;
  entries: Record<string, string>;
}

export function variantHashesPath(root: string): string {
  return `${root}/src/workbook/variant-hashes.json`;
}

export function readVariantHashes(_root?: string): Record<string, string> {
  return hashFile.entries as Record<string, string>;
}
