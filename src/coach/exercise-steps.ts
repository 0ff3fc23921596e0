import { handsOnEvidence, passedExercises, type HandsOn } from './evidence.js';
import type { EventLog } from '../progress/log.js';
import type { ProgressEvent } from '../progress/schema.js';
import type { RoadmapIndex } from '../roadmap/query.js';
import type { TopicFacts } from './facts.js';
import type { Recommendation } from './types.js';

/** An exercise as the coach sees it (practice/index-cache.ts builds these). */
export interface ExerciseRef {
  id: string;
  topic: string;
  title: string;
}

/**
 * The step `next` adds when the quiz says a topic is known but nothing shows the learner can write
 * it: the first topic on the path that is mastered by quiz answers, has exercises, and has none
 * passed. At most one such step, so practice never crowds out learning. An exercise already started
 * (run but not passed) comes before a new one. Pure.
 */
export function exerciseSteps(
  facts: readonly TopicFacts[],
  hands: ReadonlyMap<string, HandsOn>,
  exercises: readonly ExerciseRef[],
): Recommendation[] {
  if (exercises.length === 0) return [];
  const byTopic = new Map<string, ExerciseRef[]>();
  for (const x of exercises) byTopic.set(x.topic, [...(byTopic.get(x.topic) ?? []), x]);
  for (const f of facts) {
    if (!f.complete || f.skipped || f.practical || f.quiz.answered === 0) continue;
    const own = byTopic.get(f.topic.id);
    const h = hands.get(f.topic.id);
    if (!own || passedExercises(h).length > 0) continue;
    const started = own.find((x) => (h?.exercises.get(x.id)?.runs ?? 0) > 0);
    const pick = started ?? own[0]!;
    const command = `pyroad practice ${pick.id}`;
    return [
      {
        kind: 'practice',
        area: f.area.id,
        topic: f.topic.id,
        title: pick.title,
        reason: `Your quiz answers show you know ${f.topic.title}; passing an exercise shows you can write it.`,
        action: started
          ? {
              text: `Finish it, then check it: pyroad practice check ${pick.id}`,
              command: `pyroad practice check ${pick.id}`,
            }
          : { text: `Get the starter file and the task: ${command}`, command },
      },
    ];
  }
  return [];
}

export type ExerciseState = 'new' | 'started' | 'passed';

/** As `pyroad practice` lists it: passed once, started when run or its file exists, else new. */
export function exerciseState(h: HandsOn | undefined, id: string, fileExists = false): ExerciseState {
  const record = h?.exercises.get(id);
  return record?.passedAt ? 'passed' : record || fileExists ? 'started' : 'new';
}

export interface ExerciseTally {
  total: number;
  passed: number;
}

/** How many of these exercises have passed, overall and per key (a topic's area, say). */
export function exerciseTally(
  exercises: readonly ExerciseRef[],
  hands: ReadonlyMap<string, HandsOn>,
  keyOf: (x: ExerciseRef) => string | undefined = () => undefined,
): { all: ExerciseTally; by: Map<string, ExerciseTally> } {
  const all = { total: 0, passed: 0 };
  const by = new Map<string, ExerciseTally>();
  for (const x of exercises) {
    const passed = exerciseState(hands.get(x.topic), x.id) === 'passed' ? 1 : 0;
    all.total++;
    all.passed += passed;
    const key = keyOf(x);
    if (key === undefined) continue;
    const t = by.get(key) ?? { total: 0, passed: 0 };
    t.total++;
    t.passed += passed;
    by.set(key, t);
  }
  return { all, by };
}

/**
 * The exercise step goes second: after the most pressing step (a due review, an interview), ahead
 * of more new learning, and the list keeps its length limit. A topic already named by another step
 * keeps that step instead.
 */
export function withExerciseStep(
  recs: readonly Recommendation[],
  steps: readonly Recommendation[],
  limit: number,
): Recommendation[] {
  const step = steps[0];
  if (!step || limit <= 0 || recs.some((r) => r.topic === step.topic)) return [...recs];
  const at = Math.min(1, recs.length);
  return [...recs.slice(0, at), step, ...recs.slice(at)].slice(0, limit);
}

/** Exercises passed per area, in path order, for the areas that have exercises (the report). */
export function exercisesPerArea(
  index: RoadmapIndex,
  exercises: readonly ExerciseRef[],
  log: EventLog,
): { area: string; title: string; passed: number; total: number }[] {
  const { by } = exerciseTally(exercises, handsOnEvidence(log), (x) => index.topics.get(x.topic)?.area.id);
  return index.roadmap.areas.flatMap((a) => {
    const t = by.get(a.id);
    return t ? [{ area: a.id, title: a.title, ...t }] : [];
  });
}

/**
 * Exercises passed per topic, from exported events (`export --format markdown|csv`): the same rule
 * as evidence.ts, where an exercise passed once stays passed.
 */
export function passedByTopic(events: readonly ProgressEvent[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const ev of events)
    if (ev.e === 'exercise' && ev.passed) out.set(ev.topic, (out.get(ev.topic) ?? new Set()).add(ev.exercise));
  return out;
}
