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

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/**
 * An ISO time in milliseconds. pyroad writes times as `Date#toISOString` does
 * ("2026-03-01T12:00:00.000Z"); those are read digit by digit, several times faster than
 * Date.parse, which a journal of 100,000 answers notices. Anything else goes to Date.parse.
 */
export function parseTime(s: string): number {
  if (s.length !== 24 || s.charCodeAt(23) !== 90 /* Z */ || s.charCodeAt(10) !== 84 /* T */ || s.charCodeAt(19) !== 46)
    return Date.parse(s);
  for (const i of DIGITS) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return Date.parse(s);
  }
  const month = digit(s, 5) * 10 + digit(s, 6);
  const day = digit(s, 8) * 10 + digit(s, 9);
  if (month < 1 || month > 12 || day < 1 || day > 31) return Date.parse(s);
  const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const hours = digit(s, 11) * 10 + digit(s, 12);
  const minutes = digit(s, 14) * 10 + digit(s, 15);
  const seconds = digit(s, 17) * 10 + digit(s, 18);
  const ms = digit(s, 20) * 100 + digit(s, 21) * 10 + digit(s, 22);
  if (hours > 23 || minutes > 59 || seconds > 59 || day > 28) return Date.parse(s); // rare: let Date check it
  return ((daysFromCivil(year, month, day) * 24 + hours) * 60 + minutes) * 60_000 + seconds * 1000 + ms;
}
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

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
    const t = parseTime(event.at);
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
    .map((a) => ({ t: parseTime(a.at), correct: a.correct }))
    .filter((a) => !Number.isNaN(a.t))
    .sort(canonicalOrder);
}
