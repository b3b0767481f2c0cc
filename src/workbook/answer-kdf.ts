import { createHash, scrypt, scryptSync } from "node:crypto";

/**
 * The key-derivation primitives behind the answer hashes (answer-hash.ts), with Node's
 * crypto. The browser bundle uses answer-kdf.browser.ts (the same functions from
 * @noble/hashes); a test holds the two to the same bytes.
 */

/** Per-key salt: SHA-256 of a public, deterministic text. */
export function answerSalt(text: string): Uint8Array {
  return createHash("sha256").update(text).digest();
}

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

/** scrypt of a canonical answer under a salt, as hex. */
export function scryptHex(password: string, salt: Uint8Array, { N, r, p, keyLength }: ScryptParams): string {
  return scryptSync(password, salt, keyLength, { N, r, p, maxmem: 64 * 1024 * 1024 }).toString("hex");
}

/** The same as scryptHex, on libuv's thread pool (does not block the event loop). */
export function scryptHexAsync(
  password: string,
  salt: Uint8Array,
  { N, r, p, keyLength }: ScryptParams,
): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, { N, r, p, maxmem: 64 * 1024 * 1024 }, (err, derived) =>
      err ? reject(err) : resolve(derived.toString("hex")),
    );
  });
}
