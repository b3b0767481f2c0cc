import { pbkdf2 } from "@noble/hashes/pbkdf2";
import { scrypt as nobleScrypt } from "@noble/hashes/scrypt";
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import type { ScryptParams } from "./answer-kdf";
import { SCRYPT_WASM_BASE64 } from "./answer-kdf.wasm";

/**
 * Browser twin of answer-kdf.ts. scrypt (RFC 7914) is PBKDF2-HMAC-SHA256 → ROMix →
 * PBKDF2-HMAC-SHA256; the two PBKDF2 steps (one iteration over ~1 KB) come from
 * @noble/hashes, and ROMix, the whole cost, runs in hash-wasm's WebAssembly module
 * (answer-kdf.wasm.ts) kept as one instance, compiled on the first hash. A check hashes
 * several candidates synchronously (the answer, then each hint's transform of it): at
 * N = 2^14, r = 8 this is 3–5× faster than @noble/hashes' JavaScript scrypt in Chromium.
 * Where WebAssembly is missing or refused, the same bytes come from @noble/hashes' scrypt.
 * A test holds both paths to Node's crypto.scrypt.
 */
export type { ScryptParams } from "./answer-kdf";

/** Node's limit (answer-kdf.ts passes maxmem = 64 MiB): larger parameters are refused alike. */
const MAX_MEMORY = 64 * 1024 * 1024;

export function answerSalt(text: string): Uint8Array {
  return sha256(utf8ToBytes(text));
}

interface RomixModule {
  /** Memory from the module's buffer on, with room for at least `bytes` (grown when needed). */
  view(bytes: number): Uint8Array;
  /** ROMix of the p blocks of 128·r bytes at the start of view(), in place. */
  mix(r: number, N: number, p: number): void;
}

let romix: RomixModule | null | undefined;

function decodeBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

/** The WebAssembly ROMix, instantiated once (synchronously: a 5 KB module), or null where it cannot run. */
function romixModule(): RomixModule | null {
  if (romix !== undefined) return romix;
  try {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(decodeBase64(SCRYPT_WASM_BASE64)), {}).exports as {
      memory: WebAssembly.Memory;
      Hash_GetBuffer(): number;
      Hash_SetMemorySize(bytes: number): number;
      scrypt(r: number, N: number, p: number): void;
    };
    const start = exports.Hash_GetBuffer();
    romix = {
      view(bytes) {
        // The module grows its memory by what `bytes` exceeds its current buffer (only ever grow).
        if (start + bytes > exports.memory.buffer.byteLength) exports.Hash_SetMemorySize(bytes);
        if (start + bytes > exports.memory.buffer.byteLength)
          throw new RangeError(`scrypt: could not allocate ${bytes} bytes`);
        return new Uint8Array(exports.memory.buffer, start, bytes);
      },
      mix: (r, N, p) => exports.scrypt(r, N, p),
    };
  } catch {
    romix = null;
  }
  return romix;
}

function checkParams({ N, r, p, keyLength }: ScryptParams): void {
  const ok =
    Number.isInteger(N) &&
    N > 1 &&
    (N & (N - 1)) === 0 &&
    Number.isInteger(r) &&
    r >= 1 &&
    Number.isInteger(p) &&
    p >= 1 &&
    Number.isInteger(keyLength) &&
    keyLength >= 1;
  if (!ok)
    throw new RangeError(
      `scrypt: N must be a power of 2 above 1, r, p and keyLength positive integers; received N=${N}, r=${r}, p=${p}, keyLength=${keyLength}`,
    );
  if (128 * r * (N + p) > MAX_MEMORY)
    throw new RangeError(`scrypt: N=${N}, r=${r}, p=${p} need more than ${MAX_MEMORY} bytes`);
}

/** scrypt of a canonical answer under a salt, as hex (the bytes of Node's crypto.scrypt). */
export function scryptHex(password: string, salt: Uint8Array, params: ScryptParams): string {
  checkParams(params);
  const { N, r, p, keyLength } = params;
  const wasm = romixModule();
  if (wasm === null) return scryptHexJs(password, salt, params);
  const secret = utf8ToBytes(password);
  const blocks = pbkdf2(sha256, secret, salt, { c: 1, dkLen: 128 * r * p });
  // The module's layout: the p blocks, then V (128·r·N bytes), then its X, Y and Z scratch (256·r + 64).
  const memory = wasm.view(blocks.length + 128 * r * N + 256 * r + 64);
  memory.set(blocks, 0);
  wasm.mix(r, N, p);
  const mixed = wasm.view(blocks.length).slice(0, blocks.length);
  return bytesToHex(pbkdf2(sha256, secret, mixed, { c: 1, dkLen: keyLength }));
}

export function scryptHexAsync(password: string, salt: Uint8Array, params: ScryptParams): Promise<string> {
  return new Promise((resolve) => resolve(scryptHex(password, salt, params)));
}

/** Test hook: the scrypt of @noble/hashes alone (the fallback path), to hold it to the same bytes. */
export function scryptHexJs(password: string, salt: Uint8Array, params: ScryptParams): string {
  checkParams(params);
  const { N, r, p, keyLength } = params;
  return bytesToHex(nobleScrypt(utf8ToBytes(password), salt, { N, r, p, dkLen: keyLength, maxmem: MAX_MEMORY + 1024 }));
}
