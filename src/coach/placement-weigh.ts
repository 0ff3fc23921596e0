import { VERDICT_OF_BAND, type Verdict } from '../quiz/placement.js';
import type { Area } from '../roadmap/schema.js';
import { bandOf, describeBand, selfRatingCalibration, type Ability } from './ability.js';
import type { TopicFacts } from './facts.js';
import type { Recommendation } from './types.js';

/**
 * Placement answers weighed as what they are (issue 15): two to five questions across a whole area,
 * enough to set the area's band and decide "quiz this area, you probably know it" or "start here",
 * never enough to judge one topic. So, while every answer in an area came from the placement:
 * - an area placed "knows it" is offered as a full quiz (to confirm and skip what is known), ahead
 *   of teaching its first topic, even while it waits on other areas (knowing does not wait);
 * - an area placed "new" is taught from its start, and its topics' reasons cite the placement for
 *   what it is, a first sign ("your placement asked one question on it"), not a per-topic score;
 * - a self-rating of 3+ in an area the placement put at "new" is over-confidence, not something a
 *   quiz merely needs to confirm.
 * Pure.
 */
export interface PlacedArea {
  area: Area;
  verdict: Verdict;
  answered: number;
  correct: number;
  /** "likely advanced, could be intermediate". */
  band: string;
  ability: Ability;
}

/**
 * The placement's reading of an area, when every answer in it came from the placement. `abilityOf`
 * is asked only then: most areas have quiz answers, and an estimate costs a grid of 161 points.
 */
export function placedArea(
  topics: readonly TopicFacts[],
  abilityOf: () => Ability | undefined,
): PlacedArea | undefined {
  const area = topics[0]?.area;
  if (!area) return undefined;
  let answered = 0;
  let correct = 0;
  let placement = 0;
  for (const f of topics) {
    answered += f.quiz.answered;
    correct += f.quiz.correct;
    placement += f.quiz.placement ?? 0;
  }
  if (answered === 0 || placement !== answered) return undefined;
  const ability = abilityOf();
  if (!ability || ability.answered === 0) return undefined;
  return {
    area,
    verdict: VERDICT_OF_BAND[bandOf(ability.theta)],
    answered,
    correct,
    band: describeBand(ability),
    ability,
  };
}

const questions = (n: number) => (n === 1 ? 'one question' : `${n} questions`);

/** "2 of 2 right". */
const score = (p: Pick<PlacedArea, 'answered' | 'correct'>) => `${p.correct} of ${p.answered} right`;

/** The area's topics a full quiz would still rate: not skipped, not complete, with questions. */
const openQuizTopics = (topics: readonly TopicFacts[]) =>
  topics.filter((f) => !f.skipped && !f.complete && f.topic.questions.length > 0);

/**
 * "Assess SQL databases": the area was placed "knows it" and some of its topics are not complete.
 * Undefined otherwise.
 */
export function placedKnownStep(
  placed: PlacedArea | undefined,
  topics: readonly TopicFacts[],
): Recommendation | undefined {
  if (!placed || placed.verdict !== 'knows it' || placed.area.stage !== 'skills') return undefined;
  const open = openQuizTopics(topics);
  if (open.length === 0) return undefined;
  const { area } = placed;
  const command = `pyroad assess ${area.id}`;
  return {
    kind: 'assess',
    area: area.id,
    title: `Assess ${area.title}`,
    reason: `Your placement put you at "knows it" in ${area.title} (${score(placed)}: ${placed.band}), so a full quiz is the quickest way to confirm it and skip what you know of its ${open.length} open ${open.length === 1 ? 'topic' : 'topics'}.`,
    action: { text: `Run: ${command}`, command },
  };
}

/**
 * "Assess Python fundamentals" for an area placed "partly": some of it is known, and a full quiz
 * shows which topics to skip. Offered only as a side step, for an area the learner can start now.
 */
export function placedPartlyStep(
  placed: PlacedArea | undefined,
  topics: readonly TopicFacts[],
): Recommendation | undefined {
  if (!placed || placed.verdict !== 'partly' || placed.area.stage !== 'skills') return undefined;
  const open = openQuizTopics(topics);
  if (open.length < 2) return undefined;
  const { area } = placed;
  const command = `pyroad assess ${area.id}`;
  return {
    kind: 'assess',
    area: area.id,
    title: `Assess ${area.title}`,
    reason: `Your placement put you at "partly" in ${area.title} (${score(placed)}: ${placed.band}), so a full quiz shows which of its ${open.length} open topics you can skip.`,
    action: { text: `Run: ${command}`, command },
  };
}

/**
 * The reason for a topic whose only answers came from the placement, or undefined when it has
 * others (or none). `rest` is what follows, e.g. "it is next on the path; 3 later topics build on it".
 */
export function placementTopicReason(f: TopicFacts, rest: string): string | undefined {
  const n = f.quiz.answered;
  if (n === 0 || (f.quiz.placement ?? 0) !== n) return undefined;
  const how =
    n === 1
      ? f.quiz.correct === 1
        ? 'Your placement asked one question on it and you got it right'
        : 'Your placement asked one question on it and you missed it'
      : `Your placement asked ${questions(n)} on it and you got ${f.quiz.correct} right`;
  return `${how}: a first sign, not proof; ${rest}.`;
}

/**
 * A self-rating of 3+ on a topic with no answers of its own, in an area the placement put below
 * the rating (its interval excludes where the rating sits): the reason for reviewing it, or undefined.
 */
export function placedOverConfidence(f: TopicFacts, placed: PlacedArea | undefined): string | undefined {
  if (!placed || f.rating === undefined || f.rating < 3 || f.quiz.answered > 0) return undefined;
  if (selfRatingCalibration(f.rating, placed.ability) !== 'over-confident') return undefined;
  return `You rated yourself ${f.rating}/4, but your placement answers in ${placed.area.title} (${score(placed)}) put you at ${placed.band}, so study it before building on it, then re-check with pyroad assess ${placed.area.id}.`;
}

/**
 * Areas whose self-ratings the placement contradicts: the mean rating of the rated topics sits
 * above the estimate's 90% interval. In path order.
 */
export function overRatedAreas(
  placed: readonly PlacedArea[],
  topicsOf: (area: string) => readonly TopicFacts[],
): PlacedArea[] {
  return placed.filter((p) => {
    const rated = topicsOf(p.area.id).filter((f) => f.rating !== undefined);
    if (rated.length === 0) return false;
    const mean = rated.reduce((s, f) => s + f.rating!, 0) / rated.length;
    return selfRatingCalibration(mean, p.ability) === 'over-confident';
  });
}

/**
 * The first step on over-confidence the placement showed also names the other areas where it
 * showed it ("…; your placement answers fell short of your ratings in SQL databases (0 of 2 right)
 * and Git too"), so several misjudged areas make one step, not several. Still one sentence.
 */
export function withPlacedOverConfidence(
  steps: readonly Recommendation[],
  isLead: (r: Recommendation) => boolean,
  overRated: readonly PlacedArea[],
): Recommendation[] {
  const lead = steps.findIndex(isLead);
  if (lead < 0) return [...steps];
  const others = overRated.filter((p) => p.area.id !== steps[lead]!.area && !steps.some((r) => r.area === p.area.id));
  if (others.length === 0) return [...steps];
  const shown = others.slice(0, 2).map((p) => `${p.area.title} (${score(p)})`);
  const names = others.length > 2 ? `${shown.join(', ')} and ${others.length - 2} more` : shown.join(' and ');
  const out = [...steps];
  const r = out[lead]!;
  out[lead] = {
    ...r,
    reason: `${r.reason.replace(/\.$/, '')}; your placement answers fell short of your ratings in ${names} too.`,
  };
  return out;
}
