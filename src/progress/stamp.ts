import { readFileSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { cachePath, writeCacheFile } from '../cache-file.js';
import { VERSION } from '../version.js';
import { PROGRESS_VERSION } from './format.js';
import { unlinkQuietly } from './files.js';

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

const stampFile = (cacheDir: string, file: string) => cachePath(cacheDir, 'progress', file, '.stamp.json');

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
  const entry: StampEntry = { key: KEY, file: resolve(file), ...stamp };
  writeCacheFile(stampFile(cacheDir, file), JSON.stringify(entry));
}

/** Forgets the stamp (after the journal was replaced or moved away). */
export function clearStamp(cacheDir: string, file: string): void {
  unlinkQuietly(stampFile(cacheDir, file));
}
