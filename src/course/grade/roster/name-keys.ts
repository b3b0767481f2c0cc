// Comparing people's names across a roster and an LMS download, which spell them differently.

/** Lower case, accents dropped, only letters and digits: "José Müller" → "josemuller". */
export function foldName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * The folded spellings one person's name can take: as written, "Last, First" turned around,
 * and the last word first — what Canvas puts in its file names ("Ada Lovelace" → "lovelaceada").
 * @example nameKeys("Ada Lovelace") // => ["adalovelace", "lovelaceada"]
 */
export function nameKeys(name: string): string[] {
  const keys = new Set<string>();
  const plain = foldName(name);
  if (plain === "") return [];
  keys.add(plain);
  const comma = name.indexOf(",");
  if (comma > 0) {
    keys.add(foldName(`${name.slice(comma + 1)} ${name.slice(0, comma)}`));
  } else {
    const words = name.trim().split(/\s+/);
    if (words.length > 1) keys.add(foldName(`${words[words.length - 1]} ${words.slice(0, -1).join(" ")}`));
  }
  return [...keys];
}
