import type { Stage } from '../roadmap/schema.js';
import type { TopicFacts } from './facts.js';
import { MASTERY, below, round3 } from './mastery.js';
import { STAGE_LIST } from './path.js';

/**
 * Readiness toward the roadmap's goal (the shipped one's: "ready to apply for junior Python back-end
 * roles"): the mean topic mastery of
 * each stage, weighted skills 60%, prove 30%, apply 10% (stages the roadmap lacks drop out and the
 * rest are re-weighted). Skipped topics count for nothing either way.
 */
export const STAGE_WEIGHTS: Record<Stage, number> = { skills: 0.6, prove: 0.3, apply: 0.1 };

/** A stage counts as behind the learner once this share of its topics is complete. */
export const STAGE_DONE = 0.8;

export interface StageTotals {
  mastery: number;
  complete: number;
  count: number;
}

export const emptyTotals = (): Record<Stage, StageTotals> => ({
  skills: { mastery: 0, complete: 0, count: 0 },
  prove: { mastery: 0, complete: 0, count: 0 },
  apply: { mastery: 0, complete: 0, count: 0 },
});

export function stageTotals(facts: readonly TopicFacts[]): Record<Stage, StageTotals> {
  const totals = emptyTotals();
  for (const f of facts) {
    if (f.skipped) continue;
    const t = totals[f.area.stage];
    t.count++;
    t.mastery += f.mastery;
    if (f.complete) t.complete++;
  }
  return totals;
}

export function readinessOf(totals: Record<Stage, StageTotals>): number {
  let weight = 0;
  let sum = 0;
  for (const stage of STAGE_LIST) {
    const t = totals[stage];
    if (t.count === 0) continue;
    weight += STAGE_WEIGHTS[stage];
    sum += (STAGE_WEIGHTS[stage] * t.mastery) / t.count;
  }
  return weight ? sum / weight : 0;
}

/** The first stage, in path order, with less than 80% of its topics complete. */
export function stageOf(totals: Record<Stage, StageTotals>): Stage {
  let last: Stage = 'skills';
  for (const stage of STAGE_LIST) {
    const t = totals[stage];
    if (t.count === 0) continue;
    last = stage;
    if (t.complete / t.count < STAGE_DONE) return stage;
  }
  return last;
}

/**
 * The biggest gaps: areas up to the current stage, by the mastery missing in them (Σ 1 − mastery
 * over their topics) times how much of the path waits on them (1 + the areas that list them as a
 * prerequisite), ties in path order. At most `max`, each as "Title: 20% mastered, 4 of 6 topics to go".
 */
export function gapsOf(
  facts: readonly TopicFacts[],
  stage: Stage,
  areaDependents: ReadonlyMap<string, readonly string[]>,
  max = 3,
): string[] {
  const limit = STAGE_LIST.indexOf(stage);
  const areas = new Map<
    string,
    { id: string; title: string; order: number; missing: number; mastery: number; count: number; left: number }
  >();
  for (const f of facts) {
    if (f.skipped || STAGE_LIST.indexOf(f.area.stage) > limit) continue;
    let a = areas.get(f.area.id);
    if (!a)
      areas.set(
        f.area.id,
        (a = { id: f.area.id, title: f.area.title, order: f.index, missing: 0, mastery: 0, count: 0, left: 0 }),
      );
    a.missing += 1 - f.mastery;
    a.mastery += f.mastery;
    a.count++;
    if (!f.complete) a.left++;
  }
  const weight = (a: { id: string; missing: number }) => a.missing * (1 + (areaDependents.get(a.id)?.length ?? 0));
  return [...areas.values()]
    .filter((a) => a.left > 0 && below(a.mastery / a.count, MASTERY.mastered))
    .sort((a, b) => weight(b) - weight(a) || a.order - b.order)
    .slice(0, max)
    .map((a) => {
      const waiting = areaDependents.get(a.id)?.length ?? 0;
      return `${a.title}: ${Math.round((a.mastery / a.count) * 100)}% mastered, ${a.count === 1 ? 'its one topic' : `${a.left} of ${a.count} topics`} to go${
        waiting ? ` (${waiting === 1 ? '1 area builds' : `${waiting} areas build`} on it)` : ''
      }`;
    });
}

export const roundedReadiness = (totals: Record<Stage, StageTotals>): number => round3(readinessOf(totals));
