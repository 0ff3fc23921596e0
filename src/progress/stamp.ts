import type { Stats } from 'node:fs';
import { resolve } from 'node:path';
import { buildKey, cachePath, readCacheFile, writeCacheFile } from '../cache-file.js';
import { PROGRESS_VERSION } from './format.js';
import { unlinkQuietly } from './files.js';

/**
 * "This journal, exactly as it is now, was fully validated": the file's identity, size and times,
 * kept in the cache folder. While they match, the journal is read without zod (about 70 ms of
 * import). ctime cannot be set by hand, so an edited file never matches; any change means one
 * full validation, after which the stamp is renewed. Appends that start from a stamped file and
 * only add validated events renew it too.
 *
 * A stamp also names the snapshot (snapshot.ts) that holds the events of a prefix of this very
 * file, if there is one. Only whoever has just read the whole file, or appended to a file stamped
 * with that snapshot, writes its name: a file changed behind the cache's back loses its snapshot
 * along with its stamp, even if it later grows back past the snapshot's end.
 */
export interface FileStamp {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export interface StampEntry extends FileStamp {
  key: string;
  file: string;
  /** The id of the snapshot that covers a prefix of the file as stamped. */
  snapshot?: string;
}

/** Which build validated it: a newer build may validate more strictly (cache-file.ts). */
const key = (): string => `${buildKey()}:${PROGRESS_VERSION}`;

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

export function readStamp(cacheDir: string, file: string): StampEntry | undefined {
  try {
    const bytes = readCacheFile(stampFile(cacheDir, file));
    if (!bytes) return undefined;
    const entry = JSON.parse(bytes.toString('utf8')) as StampEntry;
    return entry.key === key() && entry.file === resolve(file) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort, and not fsynced: a stamp lost in a crash only means one more validation. */
export function writeStamp(cacheDir: string, file: string, stamp: FileStamp, snapshot?: string): void {
  const entry: StampEntry = {
    key: key(),
    file: resolve(file),
    dev: stamp.dev,
    ino: stamp.ino,
    size: stamp.size,
    mtimeMs: stamp.mtimeMs,
    ctimeMs: stamp.ctimeMs,
    ...(snapshot !== undefined ? { snapshot } : {}),
  };
  writeCacheFile(stampFile(cacheDir, file), JSON.stringify(entry));
}

/** Forgets the stamp (after the journal was replaced or moved away). */
export function clearStamp(cacheDir: string, file: string): void {
  unlinkQuietly(stampFile(cacheDir, file));
}
