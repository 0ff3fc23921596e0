import { mkdirSync, readFileSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { VERSION } from '../version.js';
import { PROGRESS_VERSION } from './format.js';
import { tempName, unlinkQuietly } from './files.js';

/**
 * "This journal, exactly as it is now, was fully validated": the file's identity, size and times,
 * kept in the cache folder. While they match, the journal is read without zod (about 70 ms of
 * import). ctime cannot be set by hand, so an edited file never matches; any change means one
 * full validation, after which the stamp is renewed. Appends that start from a stamped file and
 * only add validated events renew it too.
 */
export interface FileStamp {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

interface StampEntry extends FileStamp {
  key: string;
  file: string;
}

const KEY = `${VERSION}:${PROGRESS_VERSION}`;

export const stampOf = (s: Stats): FileStamp => ({
  dev: s.dev,
  ino: s.ino,
  size: s.size,
  mtimeMs: s.mtimeMs,
  ctimeMs: s.ctimeMs,
});

export const sameStamp = (a: FileStamp | undefined, b: FileStamp): boolean =>
  !!a && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;

const stampFile = (cacheDir: string, file: string) =>
  join(cacheDir, `progress-${createHash('sha1').update(resolve(file)).digest('hex').slice(0, 16)}.stamp.json`);

export function readStamp(cacheDir: string, file: string): FileStamp | undefined {
  try {
    const entry = JSON.parse(readFileSync(stampFile(cacheDir, file), 'utf8')) as StampEntry;
    return entry.key === KEY && entry.file === resolve(file) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort, and not fsynced: a stamp lost in a crash only means one more validation. */
export function writeStamp(cacheDir: string, file: string, stamp: FileStamp): void {
  const target = stampFile(cacheDir, file);
  const tmp = tempName(target);
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    const entry: StampEntry = { key: KEY, file: resolve(file), ...stamp };
    writeFileSync(tmp, JSON.stringify(entry), { mode: 0o600 });
    renameSync(tmp, target);
  } catch {
    unlinkQuietly(tmp);
  }
}

/** Forgets the stamp (after the journal was replaced or moved away). */
export function clearStamp(cacheDir: string, file: string): void {
  unlinkQuietly(stampFile(cacheDir, file));
}
