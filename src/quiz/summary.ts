/**
 * The end-of-session summary: score per topic, where self-rating and quiz disagree, and the single
 * best next step. Pure data, JSON-ready (`assess --json` prints it as is). The coach's summary, when
 * given, supplies calibration over all answers on record and the recommendation, so `assess`,
 * `status` and `next` agree; without it the session's own numbers are used.
 */
import type { Calibration, Recommendation, Summary } from '../coach/types.js';
import type { Area } from '../roadmap/schema.js';
import type { SessionResult } from './session.js';

export interface TopicScore {
  topic: string;
  title: string;
  /** Self-rating 0..4 given in this session. */
  rating: number | null;
  answered: number;
  correct: number;
  /** correct / answered in this session. */
  score: number | null;
  calibration: Calibration;
  /** Where the calibration comes from: this session's answers, or the coach (all answers on record). */
  calibrationFrom: 'session' | 'coach';
}

/** The coach's recommendation, as much of it as the summary shows. */
export type NextStep = Pick<Recommendation, 'title' | 'reason' | 'action'>;

/** The session's result as JSON: the area named, a missing score as null. */
export interface AssessSummary extends Pick<
  SessionResult,
  'session' | 'resumed' | 'quick' | 'complete' | 'answered' | 'correct'
> {
  area: { id: string; title: string };
  score: number | null;
  topics: TopicScore[];
  overConfident: string[];
  underConfident: string[];
  next: NextStep | null;
}

const fromRecommendation = (r: Recommendation): NextStep => ({
  title: r.title,
  reason: r.reason,
  action: { ...r.action },
});

/** When the coach has nothing to say: the weakest topic of the session, else the next command. */
function fallbackNext(result: SessionResult, area: Area, topics: TopicScore[]): NextStep | null {
  const assessCommand = `pyroad assess ${area.id}`;
  if (!result.complete)
    return {
      title: `Finish ${area.title}`,
      reason: 'The assessment stopped before the end.',
      action: { text: 'Pick up where you stopped', command: assessCommand },
    };
  const hasQuestions = area.topics.some((t) => t.questions.length > 0);
  if (result.quick && hasQuestions)
    return {
      title: `Check your ratings for ${area.title}`,
      reason: 'Self-ratings alone can be off; a few questions show where you really stand.',
      action: { text: 'Answer the knowledge-check questions', command: assessCommand },
    };
  const weakest = topics
    .filter((t) => t.score !== null)
    .sort(
      (a, b) =>
        a.score! - b.score! || Number(b.calibration === 'over-confident') - Number(a.calibration === 'over-confident'),
    )[0];
  if (weakest && (weakest.score! < 0.75 || weakest.calibration === 'over-confident')) {
    const topic = area.topics.find((t) => t.id === weakest.topic);
    const resource = topic?.resources[0];
    return {
      title: `Study ${weakest.title}`,
      reason: `You answered ${weakest.correct} of ${weakest.answered} right: your weakest topic in this session.`,
      action: resource
        ? { text: `Read: ${resource.title}`, url: resource.url }
        : { text: `pyroad show ${weakest.topic}`, command: `pyroad show ${weakest.topic}` },
    };
  }
  const lowRated = topics.filter((t) => t.rating !== null && t.rating <= 1)[0];
  if (lowRated) {
    const resource = area.topics.find((t) => t.id === lowRated.topic)?.resources[0];
    return {
      title: `Learn ${lowRated.title}`,
      reason: 'You rated it lowest in this area.',
      action: resource
        ? { text: `Start with: ${resource.title}`, url: resource.url }
        : { text: `pyroad show ${lowRated.topic}`, command: `pyroad show ${lowRated.topic}` },
    };
  }
  return {
    title: 'See what comes next',
    reason: `${area.title} looks solid.`,
    action: { text: 'Get your next steps', command: 'pyroad next' },
  };
}

export function buildSummary(result: SessionResult, area: Area, coach?: Summary): AssessSummary {
  const coachTopics = new Map((coach?.topics ?? []).map((t) => [t.topic, t]));
  const topics = result.topics.map((t): TopicScore => {
    const fromCoach = coachTopics.get(t.topic)?.calibration;
    const useCoach = fromCoach !== undefined && fromCoach !== 'unknown';
    return {
      topic: t.topic,
      title: t.title,
      rating: t.rating ?? null,
      answered: t.answered,
      correct: t.correct,
      score: t.score ?? null,
      calibration: useCoach ? fromCoach : t.calibration,
      calibrationFrom: useCoach ? 'coach' : 'session',
    };
  });
  const recommendation = coach?.recommendations[0];
  return {
    area: { id: area.id, title: area.title },
    session: result.session,
    resumed: result.resumed,
    quick: result.quick,
    complete: result.complete,
    answered: result.answered,
    correct: result.correct,
    score: result.score ?? null,
    topics,
    overConfident: topics.filter((t) => t.calibration === 'over-confident').map((t) => t.topic),
    underConfident: topics.filter((t) => t.calibration === 'under-confident').map((t) => t.topic),
    next: recommendation ? fromRecommendation(recommendation) : fallbackNext(result, area, topics),
  };
}
