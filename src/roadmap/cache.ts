import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cachePath, writeCacheFile } from '../cache-file.js';
import type { Roadmap } from './schema.js';
import { VERSION } from '../version.js';

/**
 * A validated roadmap, saved as JSON so later runs skip YAML parsing and zod (about 100 ms of
 * imports). It is used only while every source file still has the size and mtime it had when it
 * was validated, and only by the same build of pyroad.
 */
interface CacheEntry {
  key: string;
  files: [path: string, size: number, mtimeMs: number][];
  roadmap: Roadmap;
}

/**
 * The cache belongs to one build of pyroad: its version, and the time this module's file was
 * written (every build rewrites it, so a schema change without a version bump still counts).
 */
function buildKey(): string {
  let stamp = 0;
  try {
    stamp = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  } catch {
    // not a file (never the case for the installed command): the version alone keys the cache
  }
  return `${VERSION}:${stamp}`;
}

const cacheFile = (cacheDir: string, root: string) => cachePath(cacheDir, 'roadmap', root, '.json');

function stamp(path: string): [string, number, number] {
  const s = statSync(path);
  return [path, s.size, s.mtimeMs];
}

export function readCachedRoadmap(cacheDir: string, root: string): Roadmap | undefined {
  try {
    const entry = JSON.parse(readFileSync(cacheFile(cacheDir, root), 'utf8')) as CacheEntry;
    if (entry.key !== buildKey()) return undefined;
    for (const [path, size, mtimeMs] of entry.files) {
      const [, s, m] = stamp(path);
      if (s !== size || m !== mtimeMs) return undefined;
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
