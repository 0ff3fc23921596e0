import type { Status } from '../progress/schema.js';
import type { RoadmapIndex } from '../roadmap/query.js';
import { deriveFacts, topicFacts, type TopicFacts } from './facts.js';
import { QuizTally, round3 } from './mastery.js';
import { emptyTotals, readinessOf } from './readiness.js';
import type { TimedEvent, TopicEvent } from './timeline.js';
import type { HistoryPoint, RecentChange } from './types.js';

const DAY_MS = 86_400_000;

interface Working {
  rating?: number;
  status: Status;
  tally: QuizTally;
}

const KIND_ORDER: Record<TopicEvent['e'], number> = { rating: 0, status: 1, answer: 2 };

/**
 * Mastery and readiness at the end of every day with activity, by replaying the journal in time
 * order. Each topic keeps a running tally of its answers, and each day only the topics it touched
 * are recomputed, so the cost is linear in the number of events (plus one sort).
 */
export function buildHistory(index: RoadmapIndex, events: readonly TimedEvent[], now: Date): HistoryPoint[] {
  const timed = events.filter((e) => index.topics.has(e.event.topic));
  if (timed.length === 0) return [];
  // Time order. At the same instant: the later journal line wins for ratings and statuses (as in
  // the fold), and answers go in canonical order (timeline.ts), so the last point equals the
  // summary to the last bit.
  timed.sort(
    (a, b) =>
      a.t - b.t ||
      KIND_ORDER[a.event.e] - KIND_ORDER[b.event.e] ||
      (a.event.e === 'answer' && b.event.e === 'answer' ? Number(a.event.correct) - Number(b.event.correct) : 0) ||
      a.i - b.i,
  );

  const totals = emptyTotals();
  const current = new Map<string, TopicFacts>();
  const working = new Map<string, Working>();
  for (const [id, entry] of index.topics) {
    const f = topicFacts(entry.topic, entry.area, entry.index, undefined, now);
    current.set(id, f);
    add(totals, f, 1);
  }

  const points: HistoryPoint[] = [];
  let k = 0;
  while (k < timed.length) {
    const dayNumber = Math.floor(timed[k]!.t / DAY_MS);
    const touched = new Set<string>();
    let answered = 0;
    for (; k < timed.length && Math.floor(timed[k]!.t / DAY_MS) === dayNumber; k++) {
      const { event, t } = timed[k]!;
      let w = working.get(event.topic);
      if (!w) working.set(event.topic, (w = { status: 'todo', tally: new QuizTally() }));
      touched.add(event.topic);
      if (event.e === 'rating') w.rating = event.value;
      else if (event.e === 'status') w.status = event.status;
      else if (event.e === 'answer') {
        w.tally.add(t, event.correct);
        answered++;
      }
    }
    for (const id of touched) {
      const entry = index.topics.get(id)!;
      const w = working.get(id)!;
      add(totals, current.get(id)!, -1);
      const quiz = w.tally.result(w.rating);
      const f = deriveFacts(entry.topic, entry.area, entry.index, w.rating, w.status, quiz, undefined, now);
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
      date: new Date(dayNumber * DAY_MS).toISOString().slice(0, 10),
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
  events: readonly TimedEvent[],
  points: readonly HistoryPoint[],
  now: Date,
  current: { mastery: number; readiness: number },
  /** Whether a topic id belongs to the roadmap: progress about other roadmaps' topics is not counted. */
  known: (topic: string) => boolean,
  days = 30,
): RecentChange {
  const cutoff = now.getTime() - days * DAY_MS;
  const cutoffDay = new Date(cutoff).toISOString().slice(0, 10);
  let before: HistoryPoint | undefined;
  for (const p of points) if (p.date < cutoffDay) before = p;
  let answered = 0;
  let marked = 0;
  const topics = new Set<string>();
  for (const { t, event } of events) {
    if (t <= cutoff || t > now.getTime() || !known(event.topic)) continue;
    if (event.e === 'status') marked++;
    else {
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
    marked,
  };
}
