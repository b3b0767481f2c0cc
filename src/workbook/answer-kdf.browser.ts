import { scrypt } from "@noble/hashes/scrypt";
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import type { ScryptParams } from "./answer-kdf";

/** Browser twin of answer-kdf.ts with @noble/hashes (audited, synchronous, no Node crypto). */
export type { ScryptParams } from "./answer-kdf";

export function answerSalt(text: string): Uint8Array {
  return sha256(utf8ToBytes(text));
}

export function scryptHex(password: string, salt: Uint8Array, { N, r, p, keyLength }: ScryptParams): string {
  return bytesToHex(scrypt(utf8ToBytes(password), salt, { N, r, p, dkLen: keyLength, maxmem: 64 * 1024 * 1024 }));
}

export function scryptHexAsync(password: string, salt: Uint8Array, params: ScryptParams): Promise<string> {
  return Promise.resolve(scryptHex(password, salt, params));
}
