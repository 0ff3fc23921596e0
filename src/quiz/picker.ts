/** What the area picker shows for each area, in path order. Pure. */
import type { Summary } from '../coach/types.js';
import { unfinishedSession, type ProgressState } from '../progress/state.js';
import type { RoadmapIndex } from '../roadmap/query.js';

export interface AreaStatus {
  area: string;
  title: string;
  /** Any rating, answer or status (other than todo) on record for the area's topics, as `status` counts them. */
  started: boolean;
  /** 0..1, from the coach. */
  mastery: number;
  /** Topics due for review. */
  due: number;
  /** An assessment of it was interrupted and can be resumed. */
  unfinished: boolean;
}

export function areaStatuses(index: RoadmapIndex, state: ProgressState, coach?: Summary): AreaStatus[] {
  const fromCoach = new Map((coach?.areas ?? []).map((a) => [a.area, a]));
  return index.roadmap.areas.map((area) => {
    const started = area.topics.some((t) => {
      const p = state.topics.get(t.id);
      return p !== undefined && (p.ratingCount > 0 || p.answerCount > 0 || (p.status?.status ?? 'todo') !== 'todo');
    });
    const summary = fromCoach.get(area.id);
    return {
      area: area.id,
      title: area.title,
      started,
      mastery: summary?.mastery ?? 0,
      due: summary?.due ?? 0,
      unfinished: unfinishedSession(state, area.id) !== undefined,
    };
  });
}

/** The area the picker starts on: one to resume, else the first not started, else the first. */
export function defaultArea(statuses: readonly AreaStatus[]): string | undefined {
  return (statuses.find((s) => s.unfinished) ?? statuses.find((s) => !s.started) ?? statuses[0])?.area;
}
