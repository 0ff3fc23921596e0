import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { tempName, unlinkQuietly } from './progress/files.js';

/**
 * Files in the cache folder: the validated roadmap, the journal's stamp and snapshot. Each is
 * named for the file it speeds up, and each is only ever a shortcut: losing one costs time, not data.
 */
export const cachePath = (cacheDir: string, kind: string, source: string, suffix: string): string =>
  join(cacheDir, `${kind}-${createHash('sha1').update(resolve(source)).digest('hex').slice(0, 16)}${suffix}`);

/**
 * Best effort and not fsynced: written to a temporary file, then renamed; private (0600).
 * Returns whether it was written.
 */
export function writeCacheFile(target: string, data: string | Uint8Array): boolean {
  const tmp = tempName(target);
  try {
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, target);
    return true;
  } catch {
    unlinkQuietly(tmp);
    return false;
  }
}
