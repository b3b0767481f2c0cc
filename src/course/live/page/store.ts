/**
 * Where a student's edits are kept: the browser's localStorage, one key per cell. A code
 * cell's key names the page and the cell's position, and the entry remembers the original
 * code, so a rebuilt course whose cell at that position changed does not get an old edit
 * pasted into a different cell. An exercise's work cell is keyed by the exercise id alone:
 * answers of every chapter are then in one place for "Download my answers".
 * localStorage may be missing or refuse writes (private windows, some file:// pages, a
 * full quota): the store then keeps the edits in memory for the visit.
 */
const PREFIX = "mdw-live:v1:";

export interface EditStore {
  /** the kept code of a cell, or null when it has none (or its original changed) */
  cell(page: string, index: number, original: string): string | null;
  saveCell(page: string, index: number, original: string, code: string): void;
  /** the kept work-cell code of an exercise */
  answer(id: string): string | null;
  saveAnswer(id: string, code: string): void;
  /** forgets a cell's or an answer's edit */
  forgetCell(page: string, index: number): void;
  forgetAnswer(id: string): void;
  /** every kept answer, by exercise id */
  answers(): Record<string, string>;
}

interface Backend {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  keys(): string[];
}

function memoryBackend(): Backend {
  const map = new Map<string, string>();
  return {
    get: (k) => map.get(k) ?? null,
    set: (k, v) => void map.set(k, v),
    remove: (k) => void map.delete(k),
    keys: () => [...map.keys()],
  };
}

function storageBackend(storage: Storage, fallback: Backend): Backend {
  return {
    get: (k) => fallback.get(k) ?? storage.getItem(k),
    set: (k, v) => {
      try {
        storage.setItem(k, v);
        fallback.remove(k);
      } catch {
        fallback.set(k, v); // quota or a refusing browser: keep it for this visit
      }
    },
    remove: (k) => {
      storage.removeItem(k);
      fallback.remove(k);
    },
    keys: () => [
      ...new Set([...Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? ""), ...fallback.keys()]),
    ],
  };
}

function localStorageOrNull(): Storage | null {
  try {
    const storage = globalThis.localStorage;
    const probe = `${PREFIX}probe`;
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/**
 * The edit store of this browser.
 * @param storage a Storage to use (tests pass their own); default localStorage when usable
 */
export function createEditStore(storage: Storage | null = localStorageOrNull()): EditStore {
  const memory = memoryBackend();
  const backend = storage ? storageBackend(storage, memory) : memory;
  const cellKey = (page: string, index: number): string => `${PREFIX}cell:${page}:${index}`;
  const answerKey = (id: string): string => `${PREFIX}answer:${id}`;
  return {
    cell(page, index, original) {
      const raw = backend.get(cellKey(page, index));
      if (raw === null) return null;
      try {
        const kept = JSON.parse(raw) as { original?: unknown; code?: unknown };
        return kept.original === original && typeof kept.code === "string" ? kept.code : null;
      } catch {
        return null;
      }
    },
    saveCell: (page, index, original, code) => backend.set(cellKey(page, index), JSON.stringify({ original, code })),
    answer: (id) => backend.get(answerKey(id)),
    saveAnswer: (id, code) => backend.set(answerKey(id), code),
    forgetCell: (page, index) => backend.remove(cellKey(page, index)),
    forgetAnswer: (id) => backend.remove(answerKey(id)),
    answers() {
      const out: Record<string, string> = {};
      for (const key of backend.keys()) {
        if (!key.startsWith(`${PREFIX}answer:`)) continue;
        const code = backend.get(key);
        if (code !== null) out[key.slice(`${PREFIX}answer:`.length)] = code;
      }
      return out;
    },
  };
}
