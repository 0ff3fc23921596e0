import { statSync } from 'node:fs';
import { buildKey, cachePath, readCacheFile, writeCacheFile } from '../cache-file.js';
import type { Roadmap } from './schema.js';

/**
 * A validated roadmap, saved as JSON so later runs skip YAML parsing and zod (about 100 ms of
 * imports). It is used only while every source file still has the size and mtime it had when it
 * was validated, and only by the same build of pyroad.
 */
interface CacheEntry {
  key: string;
  files: [path: string, size: number, mtimeMs: number, ctimeMs: number][];
  roadmap: Roadmap;
}

const cacheFile = (cacheDir: string, root: string) => cachePath(cacheDir, 'roadmap', root, '.json');

/** A file as it is now: size, mtime, and ctime (which no one can set back by hand). */
function stamp(path: string): [string, number, number, number] {
  const s = statSync(path);
  return [path, s.size, s.mtimeMs, s.ctimeMs];
}

export function readCachedRoadmap(cacheDir: string, root: string): Roadmap | undefined {
  try {
    const bytes = readCacheFile(cacheFile(cacheDir, root));
    if (!bytes) return undefined;
    const entry = JSON.parse(bytes.toString('utf8')) as CacheEntry;
    if (entry.key !== buildKey()) return undefined;
    for (const [path, size, mtimeMs, ctimeMs] of entry.files) {
      const [, s, m, c] = stamp(path);
      if (s !== size || m !== mtimeMs || c !== ctimeMs) return undefined;
    }
    return entry.roadmap;
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written only makes the next run slower. */
export function writeCachedRoadmap(cacheDir: string, root: string, roadmap: Roadmap): void {
  let entry: CacheEntry;
  try {
    entry = { key: buildKey(), files: roadmap.files.map(stamp), roadmap };
  } catch {
    return; // a file vanished meanwhile: nothing worth caching
  }
  writeCacheFile(cacheFile(cacheDir, root), JSON.stringify(entry));
}

/** The roadmap from the cache when it is fresh, else loaded, validated and cached. */
export async function loadRoadmap(root: string, cacheDir: string): Promise<Roadmap> {
  const cached = readCachedRoadmap(cacheDir, root);
  if (cached) return cached;
  const { loadRoadmapOrThrow } = await import('./load.js');
  const roadmap = loadRoadmapOrThrow(root);
  writeCachedRoadmap(cacheDir, root, roadmap);
  return roadmap;
}
