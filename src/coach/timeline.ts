import type { ProgressEvent } from '../progress/schema.js';

/** An event that concerns one topic (ratings, answers, statuses), with its time parsed once. */
export type TopicEvent = Exclude<ProgressEvent, { e: 'session' }>;
export interface TimedEvent {
  /** Milliseconds since the epoch. */
  t: number;
  /** Position in the journal (ties at the same instant: the later line wins, as in the fold). */
  i: number;
  event: TopicEvent;
}

/** One quiz answer as the coach sums it. */
export interface TimedAnswer {
  t: number;
  correct: boolean;
}

/**
 * The order answers are summed in: time, then wrong before right. Two journals holding the same
 * answers in another line order then give bit-for-bit the same result.
 */
export const canonicalOrder = (a: TimedAnswer, b: TimedAnswer): number =>
  a.t - b.t || Number(a.correct) - Number(b.correct);

/**
 * Every rating, answer and status of the journal with its time parsed, in journal order (for the
 * history, which replays the whole journal).
 * Events with an unreadable time are left out (the store validates times; this is belt and braces).
 */
export function timeline(events: readonly ProgressEvent[]): TimedEvent[] {
  const out: TimedEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (event.e !== 'rating' && event.e !== 'answer' && event.e !== 'status') continue;
    const t = Date.parse(event.at);
    if (!Number.isNaN(t)) out.push({ t, i, event });
  }
  return out;
}

/**
 * A topic's answers with their times parsed, in canonical order. Journals are written in time
 * order, so the sort is skipped when the answers already are.
 */
export function timedAnswers(answers: readonly { at: string; correct: boolean }[]): TimedAnswer[] {
  const out: TimedAnswer[] = [];
  let sorted = true;
  for (const a of answers) {
    const t = Date.parse(a.at);
    if (Number.isNaN(t)) continue;
    const item = { t, correct: a.correct };
    if (sorted && out.length > 0 && canonicalOrder(out[out.length - 1]!, item) > 0) sorted = false;
    out.push(item);
  }
  return sorted ? out : out.sort(canonicalOrder);
}
