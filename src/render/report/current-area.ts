import type { Recommendation } from '../../coach/types.js';

/** What currentArea needs to know of an area: its id and its topics' state. */
interface AreaState {
  id: string;
  topics: readonly { status: string; mastered: boolean; answered: number; selfScore?: number | undefined }[];
}

const open = (t: AreaState['topics'][number]) => !t.mastered && t.status !== 'skip';
const started = (t: AreaState['topics'][number]) =>
  t.answered > 0 || t.selfScore !== undefined || t.status === 'learning' || t.status === 'done';

/**
 * The area the learner is working on, where the report says "you are here": the first area, in
 * path order, that is not finished and has any progress (an answer, a self-rating, a status); with
 * no progress anywhere, the first recommendation's area; else the first unfinished area. An
 * untouched area early on the path (orientation, say) never takes the mark from the area the
 * learner is in the middle of, even when the coach recommends it first. Pure.
 */
export function currentArea(
  areas: readonly AreaState[],
  recommendations: readonly Recommendation[],
): string | undefined {
  return (
    areas.find((a) => a.topics.some(open) && a.topics.some(started))?.id ??
    recommendations[0]?.area ??
    areas.find((a) => a.topics.some(open))?.id
  );
}
