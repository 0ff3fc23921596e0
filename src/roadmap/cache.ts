import { statSync } from 'node:fs';
import { buildKey, cachePath, readCacheFile, writeCacheFile } from '../cache-file.js';
import { outlineOf, type RoadmapOutline } from './outline.js';
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
/** The outline (roadmap/outline.ts) sits next to the full copy, with the same key and file stamps. */
const outlineFile = (cacheDir: string, root: string) => cachePath(cacheDir, 'roadmap', root, '.outline.json');

/** A file as it is now: size, mtime, and ctime (which no one can set back by hand). */
function stamp(path: string): [string, number, number, number] {
  const s = statSync(path);
  return [path, s.size, s.mtimeMs, s.ctimeMs];
}

export function readCachedRoadmap(cacheDir: string, root: string): Roadmap | undefined {
  return readEntry(cacheFile(cacheDir, root))?.roadmap;
}

/** A cache file's entry when it is for this build and every source file is unchanged. */
function readEntry(file: string): CacheEntry | undefined {
  try {
    const bytes = readCacheFile(file);
    if (!bytes) return undefined;
    // Written as ASCII (asciiJson), so it decodes to a one-byte string: faster to decode and to
    // parse than UTF-8 holding a few "—", which makes the whole text a two-byte string.
    const entry = JSON.parse(bytes.toString('utf8')) as CacheEntry;
    if (entry.key !== buildKey()) return undefined;
    for (const [path, size, mtimeMs, ctimeMs] of entry.files) {
      const [, s, m, c] = stamp(path);
      if (s !== size || m !== mtimeMs || c !== ctimeMs) return undefined;
    }
    // A damaged file (valid JSON of another shape) is a miss like any other.
    return Array.isArray((entry as Partial<CacheEntry>).roadmap?.areas) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** JSON with every character past ASCII written as a \u escape: the same value, in one-byte text. */
const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Best effort: a cache that cannot be written only makes the next run slower. */
export function writeCachedRoadmap(cacheDir: string, root: string, roadmap: Roadmap): void {
  let entry: CacheEntry;
  try {
    entry = { key: buildKey(), files: roadmap.files.map(stamp), roadmap };
  } catch {
    return; // a file vanished meanwhile: nothing worth caching
  }
  writeCacheFile(cacheFile(cacheDir, root), asciiJson(entry));
  writeCacheFile(outlineFile(cacheDir, root), asciiJson({ ...entry, roadmap: outlineOf(roadmap) }));
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

/**
 * The roadmap without its question wording (roadmap/outline.ts), for the commands that never show
 * a question. From its own cache file when fresh; else from the full roadmap (cached or validated
 * now), writing the outline for the next run.
 */
export async function loadRoadmapOutline(root: string, cacheDir: string): Promise<RoadmapOutline> {
  const cached = readEntry(outlineFile(cacheDir, root));
  if (cached) return cached.roadmap;
  const full = readEntry(cacheFile(cacheDir, root));
  if (!full) return outlineOf(await loadRoadmap(root, cacheDir)); // writes both files
  // Stamped as the full copy was: both are valid for the same versions of the same files.
  const outline = outlineOf(full.roadmap);
  writeCacheFile(outlineFile(cacheDir, root), asciiJson({ ...full, roadmap: outline }));
  return outline;
}
