import { readdirSync, statSync } from 'node:fs';
import { buildKey, cachePath, readCacheFile, writeCacheFile } from '../cache-file.js';
import { dirname, join } from 'node:path';
import { SHIPPED_ROADMAP } from '../context.js';
import { carriedExercises, exerciseFileName } from '../roadmap/exercises.js';
import type { RoadmapIndex } from '../roadmap/query.js';
import { mergeExercises } from './carried.js';

/** catalog.ts's EXERCISES_DIR, without importing the parser (and yaml) behind it. */
const SHIPPED_EXERCISES = join(dirname(SHIPPED_ROADMAP), 'exercises');

/**
 * What `next`, `status` and `show` need to know about the exercises: which exist, for which topic,
 * and their titles. Kept as JSON in the cache folder like the roadmap (roadmap/cache.ts), so these
 * fast commands do not load yaml and zod to parse 40 exercise files on every run. Used only while
 * the folder holds the same files with the same size, mtime and ctime, and only by the same build.
 */
export interface ExerciseInfo {
  id: string;
  topic: string;
  title: string;
  /** The learner's file name in the practice folder. */
  file: string;
}

interface CacheEntry {
  key: string;
  files: [name: string, size: number, mtimeMs: number, ctimeMs: number][];
  exercises: ExerciseInfo[];
}

function stamps(dir: string): CacheEntry['files'] | undefined {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return names
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const s = statSync(join(dir, name));
      return [name, s.size, s.mtimeMs, s.ctimeMs];
    });
}

function readCached(file: string, files: CacheEntry['files']): ExerciseInfo[] | undefined {
  try {
    const bytes = readCacheFile(file);
    if (!bytes) return undefined;
    const entry = JSON.parse(bytes.toString('utf8')) as CacheEntry;
    if (entry.key !== buildKey() || JSON.stringify(entry.files) !== JSON.stringify(files)) return undefined;
    return entry.exercises;
  } catch {
    return undefined;
  }
}

/**
 * The exercises of the roadmap's topics (id, topic, title), sorted by id. A broken exercise file
 * is a data error, as for `pyroad practice`.
 */
export async function exerciseIndex(
  topicIds: ReadonlySet<string>,
  cacheDir: string,
  dir = SHIPPED_EXERCISES,
): Promise<ExerciseInfo[]> {
  const file = cachePath(cacheDir, 'exercises', dir, '.json');
  const files = stamps(dir);
  if (!files) return []; // no exercises folder: no exercises
  let all = readCached(file, files);
  if (!all) {
    const { readExercises, loadExercises } = await import('./catalog.js');
    const { exercises, problems } = readExercises(dir);
    if (problems.length) loadExercises(topicIds, dir); // throws the located data error
    all = exercises.map(({ id, topic, title, file }) => ({ id, topic, title, file }));
    writeCacheFile(file, JSON.stringify({ key: buildKey(), files, exercises: all } satisfies CacheEntry));
  }
  return all.filter((x) => topicIds.has(x.topic));
}

/**
 * The exercises of the roadmap in use: the shipped ones for its topics (cached index above), then
 * those its topics carry (`exercises:`, already in the cached roadmap), as `pyroad practice` lists
 * them.
 */
export async function roadmapExerciseIndex(
  index: RoadmapIndex,
  cacheDir: string,
  roadmapFile: string,
): Promise<ExerciseInfo[]> {
  const shipped = await exerciseIndex(new Set(index.topics.keys()), cacheDir);
  const carried = carriedExercises(index.roadmap).map(({ topic, exercise }) => ({
    id: exercise.id,
    topic,
    title: exercise.title,
    file: exerciseFileName(exercise),
  }));
  return carried.length ? mergeExercises(shipped, carried, roadmapFile) : shipped;
}
