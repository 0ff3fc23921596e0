import type { Roadmap, RoadmapExercise } from './schema.js';

/**
 * The exercises a roadmap carries in its topics (`exercises:`), each with its topic. Pure, and
 * free of yaml and zod: `next` and `status` read them from the cached roadmap.
 */

/** The learner's file for an exercise: its `file:`, else the id with `_` for `-`, plus `.py`. */
export const exerciseFileName = (x: Pick<RoadmapExercise, 'id' | 'file'>): string =>
  x.file ?? `${/^[0-9]/.test(x.id) ? 'ex_' : ''}${x.id.replace(/-/g, '_')}.py`;

export interface CarriedExercise {
  topic: string;
  exercise: RoadmapExercise;
}

/** Every exercise of the roadmap, in path order. */
export function carriedExercises(roadmap: Roadmap): CarriedExercise[] {
  return roadmap.areas.flatMap((area) =>
    area.topics.flatMap((topic) => (topic.exercises ?? []).map((exercise) => ({ topic: topic.id, exercise }))),
  );
}
