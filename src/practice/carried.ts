import { dataError } from '../errors.js';
import { displayPath } from '../paths.js';
import { carriedExercises, exerciseFileName } from '../roadmap/exercises.js';
import type { Roadmap } from '../roadmap/schema.js';
import type { Exercise } from './exercise.js';

/**
 * One list of exercises from two places (issue 17): the shipped ones, one file each in
 * data/exercises/ (the shipped roadmap's layout), and those any roadmap carries in its topics'
 * `exercises:`. Pure.
 */

/**
 * The roadmap's own exercises as `Exercise`s. `roadmapFile` is set for a roadmap other than the
 * shipped one: their tests then need the learner's consent before they run.
 */
export function exercisesOfRoadmap(roadmap: Roadmap, roadmapFile: string | undefined): Exercise[] {
  return carriedExercises(roadmap).map(({ topic, exercise: x }) => ({
    id: x.id,
    topic,
    title: x.title,
    file: exerciseFileName(x),
    task: x.task,
    starter: x.starter,
    tests: x.tests,
    hints: x.hints,
    ...(x.requires?.length ? { requires: x.requires } : {}),
    ...(roadmapFile ? { roadmap: roadmapFile } : {}),
  }));
}

/**
 * The shipped exercises (already limited to the roadmap's topics), then the roadmap's own. An id
 * or a file name used by both is a data error: progress and the practice folder go by them.
 */
export function mergeExercises<T extends Pick<Exercise, 'id' | 'file'>>(
  shipped: readonly T[],
  carried: readonly T[],
  roadmapFile: string,
): T[] {
  const ids = new Set(shipped.map((x) => x.id));
  const files = new Set(shipped.map((x) => x.file));
  for (const x of carried) {
    const clash = ids.has(x.id) ? `id "${x.id}"` : files.has(x.file) ? `file "${x.file}"` : undefined;
    if (clash)
      throw dataError(
        `roadmap ${displayPath(roadmapFile)}: exercise ${x.id} has the ${clash} of a shipped exercise for the same topics; rename it`,
      );
  }
  return [...shipped, ...carried];
}
