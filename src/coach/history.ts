import type { ProgressEvent, Status } from '../progress/schema.js';
import type { ProgressState } from '../progress/state.js';
import type { RoadmapIndex } from '../roadmap/query.js';
import type { AnswerEvent } from '../progress/schema.js';
import { topicFacts, type TopicFacts } from './facts.js';
import { round3 } from './mastery.js';
import { emptyTotals, readinessOf } from './readiness.js';
import type { HistoryPoint, RecentChange } from './types.js';

const DAY_MS = 86_400_000;

interface Working {
  rating?: { value: number; at: string };
  answers: AnswerEvent[];
  status?: { status: Status; at: string };
}

/**
 * Mastery and readiness at the end of every day with activity, by replaying the journal in time
 * order. Linear in the number of events: each day only the topics it touched are recomputed.
 */
export function buildHistory(index: RoadmapIndex, state: ProgressState, now: Date): HistoryPoint[] {
  type TopicEvent = Exclude<ProgressEvent, { e: 'session' }>;
  const timed: { t: number; i: number; event: TopicEvent }[] = [];
  state.events.forEach((event, i) => {
    // Only what changes a topic's mastery; session markers (and any future event kind) are skipped.
    if (event.e !== 'rating' && event.e !== 'answer' && event.e !== 'status') return;
    if (!index.topics.has(event.topic)) return;
    const t = Date.parse(event.at);
    if (!Number.isNaN(t)) timed.push({ t, i, event });
  });
  if (timed.length === 0) return [];
  timed.sort((a, b) => a.t - b.t || a.i - b.i);

  const totals = emptyTotals();
  const current = new Map<string, TopicFacts>();
  const working = new Map<string, Working>();
  for (const [id, entry] of index.topics) {
    const f = topicFacts(entry.topic, entry.area, entry.index, undefined, now, false);
    current.set(id, f);
    add(totals, f, 1);
  }

  const points: HistoryPoint[] = [];
  let k = 0;
  while (k < timed.length) {
    const day = new Date(timed[k]!.t).toISOString().slice(0, 10);
    const touched = new Set<string>();
    let answered = 0;
    for (; k < timed.length && new Date(timed[k]!.t).toISOString().slice(0, 10) === day; k++) {
      const { event } = timed[k]!;
      let w = working.get(event.topic);
      if (!w) working.set(event.topic, (w = { answers: [] }));
      touched.add(event.topic);
      if (event.e === 'rating') w.rating = { value: event.value, at: event.at };
      else if (event.e === 'status') w.status = { status: event.status, at: event.at };
      else if (event.e === 'answer') {
        w.answers.push(event);
        answered++;
      }
    }
    for (const id of touched) {
      const entry = index.topics.get(id)!;
      add(totals, current.get(id)!, -1);
      const f = topicFacts(entry.topic, entry.area, entry.index, working.get(id), now, false);
      current.set(id, f);
      add(totals, f, 1);
    }
    let sum = 0;
    let count = 0;
    for (const t of Object.values(totals)) {
      sum += t.mastery;
      count += t.count;
    }
    points.push({
      date: day,
      mastery: round3(count ? sum / count : 0),
      readiness: round3(readinessOf(totals)),
      answered,
    });
  }
  return points;
}

function add(totals: ReturnType<typeof emptyTotals>, f: TopicFacts, sign: 1 | -1): void {
  if (f.skipped) return;
  const t = totals[f.area.stage];
  t.count += sign;
  t.mastery += sign * f.mastery;
  if (f.complete) t.complete += sign;
}

/** How things moved in the last `days` days: mastery and readiness then and now, and the activity. */
export function recentChange(
  state: ProgressState,
  points: readonly HistoryPoint[],
  now: Date,
  current: { mastery: number; readiness: number },
  days = 30,
): RecentChange {
  const cutoff = now.getTime() - days * DAY_MS;
  const cutoffDay = new Date(cutoff).toISOString().slice(0, 10);
  let before: HistoryPoint | undefined;
  for (const p of points) if (p.date < cutoffDay) before = p;
  let answered = 0;
  const topics = new Set<string>();
  for (const event of state.events) {
    if (event.e !== 'answer' && event.e !== 'rating') continue;
    const t = Date.parse(event.at);
    if (t > cutoff && t <= now.getTime()) {
      if (event.e === 'answer') answered++;
      topics.add(event.topic);
    }
  }
  const masteryBefore = before?.mastery ?? 0;
  const readinessBefore = before?.readiness ?? 0;
  return {
    days,
    since: new Date(cutoff).toISOString(),
    mastery: round3(current.mastery - masteryBefore),
    readiness: round3(current.readiness - readinessBefore),
    masteryBefore,
    readinessBefore,
    answered,
    topicsAssessed: topics.size,
  };
}
