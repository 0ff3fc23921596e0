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
 * Every rating, answer and status of the journal with its time parsed, in journal order. Parsing
 * ISO dates is the costliest step on a long journal, so it happens here once for the whole coach.
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

/** Each topic's answers, in canonical order. */
export function answersByTopic(events: readonly TimedEvent[]): Map<string, TimedAnswer[]> {
  const out = new Map<string, TimedAnswer[]>();
  for (const { t, event } of events) {
    if (event.e !== 'answer') continue;
    const list = out.get(event.topic);
    const item = { t, correct: event.correct };
    if (list) list.push(item);
    else out.set(event.topic, [item]);
  }
  for (const list of out.values()) list.sort(canonicalOrder);
  return out;
}

/** Raw answers (tests, single topics) in canonical order. */
export function timedAnswers(answers: readonly { at: string; correct: boolean }[]): TimedAnswer[] {
  return answers
    .map((a) => ({ t: Date.parse(a.at), correct: a.correct }))
    .filter((a) => !Number.isNaN(a.t))
    .sort(canonicalOrder);
}
