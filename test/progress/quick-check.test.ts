import { describe, expect, it } from 'vitest';
import { isPlainCheckEvent, isPlainEvent, isPlainTime } from '../../src/progress/quick-check.js';
import { progressSchemas, type ProgressEvent } from '../../src/progress/schema.js';

const good = {
  e: 'check',
  at: '2026-12-04T10:00:00.000Z',
  topic: 'notes-api-project',
  fingerprint: '0123456789abcdef',
  total: 18,
  passed: 16,
  failed: ['create-note', 'delete-note'],
};

// Each is a check event pyroad must never write: the quick path must say "ask zod" (false),
// and zod must refuse it.
const bad: [string, Record<string, unknown>][] = [
  ['an unknown key', { ...good, extra: 1 }],
  ['another kind', { ...good, e: 'exercise' }],
  ['a date that does not exist', { ...good, at: '2026-02-30T10:00:00.000Z' }],
  ['a time without a zone', { ...good, at: '2026-12-04T10:00:00.000' }],
  ['an empty topic', { ...good, topic: '' }],
  ['a topic with an escape sequence', { ...good, topic: 'x\u001b[2J' }],
  ['a fingerprint in capitals', { ...good, fingerprint: 'ABCDEF0123' }],
  ['a short fingerprint', { ...good, fingerprint: 'abc' }],
  ['a negative count', { ...good, passed: -1 }],
  ['a fractional count', { ...good, total: 1.5 }],
  ['a count too large', { ...good, total: 10_001 }],
  ['a failed id that is not a string', { ...good, failed: [3] }],
  ['a failed id with a bidi override', { ...good, failed: ['a\u202eb'] }],
  ['subset false', { ...good, subset: false }],
];

describe('the check event validated without zod (quick-check.ts)', () => {
  it('accepts what check.ts writes, full runs and subsets, and zod agrees', () => {
    const schema = progressSchemas().event;
    for (const event of [good, { ...good, subset: true }, { ...good, failed: [], passed: 18 }]) {
      expect(isPlainCheckEvent(event as ProgressEvent)).toBe(true);
      expect(schema.safeParse(event).success).toBe(true);
    }
  });

  it.each(bad)('leaves %s to zod, which refuses it', (_, event) => {
    expect(isPlainCheckEvent(event as unknown as ProgressEvent)).toBe(false);
    expect(progressSchemas().event.safeParse(event).success).toBe(false);
  });

  it('leaves every other kind of event to zod', () => {
    const rating = { e: 'rating', at: good.at, topic: 'python-functions', value: 3 };
    expect(isPlainCheckEvent(rating as ProgressEvent)).toBe(false);
  });
});

const at = '2026-12-04T10:00:00.000Z';
const plain: Record<string, Record<string, unknown>> = {
  rating: { e: 'rating', at, topic: 'python-functions', value: 3 },
  answer: { e: 'answer', at, topic: 'python-functions', question: 'fn-q1', choice: 2, correct: false, session: 's-1' },
  session: { e: 'session', at, session: 's-1', area: 'python', phase: 'start' },
  status: { e: 'status', at, topic: 'python-functions', status: 'learning' },
};

// Events pyroad must never write: the quick path says "ask zod" (false) and zod refuses them.
const notPlain: [string, Record<string, unknown>][] = [
  ['a rating of 5', { ...plain.rating, value: 5 }],
  ['a rating of 2.5', { ...plain.rating, value: 2.5 }],
  ['a rating as a string', { ...plain.rating, value: '3' }],
  ['a rating with an extra key', { ...plain.rating, note: 'x' }],
  ['a rating without a topic', { e: 'rating', at, value: 1 }],
  ['an answer with a negative choice', { ...plain.answer, choice: -1 }],
  ['an answer with choice 100', { ...plain.answer, choice: 100 }],
  ['an answer whose correct is a string', { ...plain.answer, correct: 'yes' }],
  ['an answer from an unknown source', { ...plain.answer, source: 'guess' }],
  ['an answer with a control character in its question', { ...plain.answer, question: 'q\u0007' }],
  ['an answer with an empty session', { ...plain.answer, session: '' }],
  ['a session in an unknown phase', { ...plain.session, phase: 'paused' }],
  ['a session without an area', { e: 'session', at, session: 's-1', phase: 'end' }],
  ['a status that does not exist', { ...plain.status, status: 'finished' }],
  ['a date that does not exist', { ...plain.status, at: '2026-02-30T10:00:00.000Z' }],
  ['a time that is not a string', { ...plain.rating, at: 1_700_000_000_000 }],
  ['an unknown kind', { e: 'mood', at, topic: 'x' }],
  ['a kind named like a built-in', { e: 'constructor', at }],
];

describe('quiz events validated without zod, for the cohort (quick-check.ts)', () => {
  it('accepts what a quiz writes, with and without its optional fields, and zod agrees', () => {
    const schema = progressSchemas().event;
    const { session: _session, ...answerWithoutSession } = plain.answer!;
    const events = [
      ...Object.values(plain),
      answerWithoutSession,
      { ...plain.answer, source: 'placement' },
      { ...plain.session, phase: 'end' },
      good,
    ];
    for (const event of events) {
      expect(isPlainEvent(event), JSON.stringify(event)).toBe(true);
      expect(schema.safeParse(event).success).toBe(true);
    }
  });

  it.each(notPlain)('leaves %s to zod, which refuses it', (_, event) => {
    expect(isPlainEvent(event)).toBe(false);
    expect(progressSchemas().event.safeParse(event).success).toBe(false);
  });

  it('leaves other kinds and other forms of time to zod, which may accept them', () => {
    const tick = { e: 'tick', at, topic: 'notes-api-project', list: 'milestone', item: 0, done: true };
    const offset = { ...plain.rating, at: '2026-12-04T11:00:00+01:00' };
    for (const event of [tick, offset]) {
      expect(isPlainEvent(event)).toBe(false);
      expect(progressSchemas().event.safeParse(event).success).toBe(true);
    }
    for (const value of [null, 'rating', [plain.rating], 3]) expect(isPlainEvent(value)).toBe(false);
  });
});

describe('isPlainTime (quick-check.ts)', () => {
  it('says yes exactly when Date formats the time back the same, on a sweep of real and impossible dates', () => {
    const roundTrips = (s: string) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s;
    const two = (n: number) => String(n).padStart(2, '0');
    let accepted = 0;
    for (const year of ['0000', '1900', '2000', '2023', '2024', '2100', '2400', '9999'])
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++)
          for (const time of ['00:00:00.000', '23:59:59.999', '24:00:00.000', '12:60:00.000', '12:00:60.000']) {
            const s = `${year}-${two(month)}-${two(day)}T${time}Z`;
            expect(isPlainTime(s), s).toBe(roundTrips(s));
            if (isPlainTime(s)) accepted++;
          }
    expect(accepted).toBe(8 * 2 * 365 + 2 * 4); // two times a day; 0000, 2000, 2024 and 2400 are leap years
    for (const s of ['2026-12-04T10:00:00Z', '2026-12-04T10:00:00.000+00:00', '2026-12-04 10:00:00.000Z', ' 2026'])
      expect(isPlainTime(s)).toBe(false);
  });
});
