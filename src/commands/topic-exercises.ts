import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ExerciseState } from '../coach/exercise-steps.js';
import type { Context } from '../context.js';
import type { RoadmapIndex } from '../roadmap/query.js';

export interface TopicExercise {
  id: string;
  title: string;
  state: ExerciseState;
}

/**
 * A topic's exercises and how far the learner got with each, for `show`: the state as
 * `pyroad practice` lists it (passed, started when run or its file is in the practice folder).
 */
export async function topicExercises(ctx: Context, index: RoadmapIndex, topic: string): Promise<TopicExercise[]> {
  const [{ roadmapExerciseIndex }, { practiceDir }] = await Promise.all([
    import('../practice/index-cache.js'),
    import('../practice/folder.js'),
  ]);
  const own = (await roadmapExerciseIndex(index, ctx.paths.cacheDir, ctx.roadmapFile)).filter((x) => x.topic === topic);
  if (own.length === 0) return [];
  const { openStore } = await import('../progress/open.js');
  const store = openStore(ctx);
  const [{ handsOnEvidence }, { exerciseState }] = await Promise.all([
    import('../coach/evidence.js'),
    import('../coach/exercise-steps.js'),
  ]);
  const h = store.exists() ? handsOnEvidence(store.load().log).get(topic) : undefined;
  const dir = practiceDir(ctx);
  return own.map((x) => ({ id: x.id, title: x.title, state: exerciseState(h, x.id, existsSync(join(dir, x.file))) }));
}
