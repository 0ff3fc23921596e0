import { KIND, PLACEMENT_FLAG, type EventLog } from '../progress/log.js';
import type { Status } from '../progress/schema.js';
import type { RoadmapIndex, TopicEntry } from '../roadmap/query.js';
import { deriveFacts, topicFacts, type TopicFacts } from './facts.js';
import { QuizTally, round3 } from './mastery.js';
import { emptyTotals, readinessOf } from './readiness.js';
import type { HistoryPoint, RecentChange } from './types.js';
import { isoDay, isoTime } from '../iso-time.js';

const DAY_MS = 86_400_000;

/** One topic as the replay goes: its results so far, and the last day it was touched. */
interface Track {
  entry: TopicEntry;
  rating?: number | undefined;
  status: Status;
  tally: QuizTally;
  facts: TopicFacts;
  day: number;
}

/** At the same instant: ratings, then statuses, then answers (indexed by the log's KIND). */
const KIND_ORDER = [0, 2, 1, 3];

/**
 * Mastery and readiness at the end of every day with activity, by replaying the journal in time
 * order. Each topic keeps a running tally of its answers, and each day only the topics it touched
 * are recomputed, so the cost is linear in the number of events (plus a sort, when the journal is
 * not already in time order).
 */
export function buildHistory(index: RoadmapIndex, log: EventLog, now: Date): HistoryPoint[] {
  const { kind, time, id, ref, flag } = log;
  const totals = emptyTotals();
  // One track per roadmap topic, found by the topic's id in the log's string table; events about
  // topics of other roadmaps have none and are left out.
  const tracks: (Track | undefined)[] = [];
  for (const [topicId, entry] of index.topics) {
    const facts = topicFacts(entry.topic, entry.area, entry.index, undefined, now);
    add(totals, facts, 1);
    const s = log.lookup(topicId);
    if (s >= 0) tracks[s] = { entry, status: 'todo', tally: new QuizTally(), facts, day: NaN };
  }
  const order: number[] = [];
  for (let i = 0; i < log.length; i++)
    if (kind[i]! <= KIND.status && !Number.isNaN(time[i]) && tracks[id[i]!]) order.push(i);
  if (order.length === 0) return [];
  // Time order. At the same instant: the later journal line wins for ratings and statuses (as in
  // the fold), and answers go in canonical order (wrong before right), so the last point equals
  // the summary to the last bit.
  const before = (a: number, b: number): number =>
    time[a]! - time[b]! ||
    KIND_ORDER[kind[a]!]! - KIND_ORDER[kind[b]!]! ||
    (kind[a] === KIND.answer && kind[b] === KIND.answer ? (flag[a]! & 1) - (flag[b]! & 1) : 0) ||
    a - b;
  for (let k = 1; k < order.length; k++)
    if (before(order[k - 1]!, order[k]!) > 0) {
      order.sort(before);
      break;
    }

  const points: HistoryPoint[] = [];
  const touched: Track[] = [];
  let k = 0;
  while (k < order.length) {
    const dayNumber = Math.floor(time[order[k]!]! / DAY_MS);
    let answered = 0;
    touched.length = 0;
    for (; k < order.length; k++) {
      const i = order[k]!;
      const t = time[i]!;
      if (Math.floor(t / DAY_MS) !== dayNumber) break;
      const track = tracks[id[i]!]!;
      if (track.day !== dayNumber) {
        track.day = dayNumber;
        touched.push(track);
      }
      if (kind[i] === KIND.rating) track.rating = ref[i];
      else if (kind[i] === KIND.status) track.status = log.status(i);
      else {
        track.tally.add(t, (flag[i]! & 1) === 1, (flag[i]! & PLACEMENT_FLAG) !== 0);
        answered++;
      }
    }
    for (const track of touched) {
      const { topic, area, index: position } = track.entry;
      add(totals, track.facts, -1);
      const quiz = track.tally.result(track.rating);
      track.facts = deriveFacts(topic, area, position, track.rating, track.status, quiz, undefined, now);
      add(totals, track.facts, 1);
    }
    let sum = 0;
    let count = 0;
    for (const t of Object.values(totals)) {
      sum += t.mastery;
      count += t.count;
    }
    points.push({
      date: isoDay(dayNumber * DAY_MS),
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
  log: EventLog,
  points: readonly HistoryPoint[],
  now: Date,
  current: { mastery: number; readiness: number },
  /** Whether a topic id belongs to the roadmap: progress about other roadmaps' topics is not counted. */
  known: (topic: string) => boolean,
  days = 30,
): RecentChange {
  const cutoff = now.getTime() - days * DAY_MS;
  const cutoffDay = isoDay(cutoff);
  const today = isoDay(now);
  let before: HistoryPoint | undefined;
  let last: HistoryPoint | undefined;
  for (const p of points) {
    if (p.date < cutoffDay) before = p;
    if (p.date <= today) last = p;
  }
  let answered = 0;
  let marked = 0;
  const topics = new Set<string>();
  for (let i = 0; i < log.length; i++) {
    const t = log.time[i]!;
    const topic = log.topic(i);
    if (!(t > cutoff && t <= now.getTime()) || topic === undefined || !known(topic)) continue;
    if (log.kind[i] === KIND.status) marked++;
    // Assessed: rated or answered. A check run, tick or link is not an assessment.
    else if (log.kind[i] === KIND.answer || log.kind[i] === KIND.rating) {
      if (log.kind[i] === KIND.answer) answered++;
      topics.add(topic);
    }
  }
  const masteryBefore = before?.mastery ?? 0;
  const readinessBefore = before?.readiness ?? 0;
  // The change is over the same window as the counts: nothing in the window, no change (whatever
  // else moved the current figures); records after `now` (a clock set back) are not in it.
  // Hands-on records (checks, ticks, links, exercises) move mastery too, but are not in `points`.
  let handsOn = false;
  for (const [i] of log.records) {
    const t = log.time[i]!;
    const topic = log.topic(i);
    if (t > cutoff && t <= now.getTime() && topic !== undefined && known(topic)) handsOn = true;
  }
  const after =
    last !== points.at(-1)
      ? // Records after now (a clock set back): the window ends at the last day up to now.
        { mastery: last?.mastery ?? masteryBefore, readiness: last?.readiness ?? readinessBefore }
      : last === before && !handsOn
        ? { mastery: masteryBefore, readiness: readinessBefore }
        : current;
  return {
    days,
    since: isoTime(cutoff),
    mastery: round3(after.mastery - masteryBefore),
    readiness: round3(after.readiness - readinessBefore),
    masteryBefore,
    readinessBefore,
    answered,
    topicsAssessed: topics.size,
    marked,
  };
}
