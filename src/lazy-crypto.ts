import type * as Crypto from 'node:crypto';

/**
 * node:crypto, loaded the first time it is needed. Loading it starts OpenSSL, which costs about a
 * tenth of a `node -e 0`; `next` and `status` never need it (issue 19), so the modules on their
 * path reach it only through here, when they write (temporary names, lock tokens) or check a
 * snapshot's digest.
 */
export const crypto = (): typeof Crypto => process.getBuiltinModule('node:crypto');

/**
 * A 64-bit FNV-1a hash of a string's UTF-8 bytes, as 16 hex digits: names a cache file after the
 * file it speeds up. Not for anything an attacker chooses to collide: only pyroad's own cache
 * folder is named with it.
 */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}
