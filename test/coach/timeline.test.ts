import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuizTally, masteryOf, topicMastery } from '../../src/coach/mastery.js';
import { answersByTopic, parseTime, timeline } from '../../src/coach/timeline.js';
import type { ProgressEvent } from '../../src/progress/schema.js';

describe('parseTime', () => {
  it('equals Date.parse on the times pyroad writes', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        (d) => {
          const s = d.toISOString();
          expect(parseTime(s)).toBe(Date.parse(s));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    '2026-03-01T12:00:00Z',
    '2026-03-01T12:00:00.000+02:00',
    '2026-02-29T12:00:00.000Z',
    '2026-13-01T12:00:00.000Z',
    '2026-03-01T24:00:00.000Z',
    '2026-0x-01T12:00:00.000Z',
    'not a date at all, 24 chZ',
    '',
  ])('equals Date.parse on %j (other shapes go to Date.parse)', (s) => {
    expect(Object.is(parseTime(s), Date.parse(s))).toBe(true);
  });
});

describe('timeline', () => {
  const events: ProgressEvent[] = [
    { e: 'session', at: '2026-03-01T10:00:00.000Z', session: 's', area: 'a', phase: 'start' },
    { e: 'answer', at: '2026-03-01T10:02:00.000Z', topic: 'x', question: 'q2', choice: 0, correct: true },
    { e: 'rating', at: '2026-03-01T10:00:30.000Z', topic: 'x', value: 3 },
    { e: 'answer', at: '2026-03-01T10:01:00.000Z', topic: 'x', question: 'q1', choice: 1, correct: false },
    { e: 'status', at: '2026-03-01T10:03:00.000Z', topic: 'y', status: 'skip' },
  ];

  it('keeps topic events in journal order, with times parsed', () => {
    expect(timeline(events).map((e) => [e.i, e.event.e])).toEqual([
      [1, 'answer'],
      [2, 'rating'],
      [3, 'answer'],
      [4, 'status'],
    ]);
  });

  it('gives each topic its answers in time order', () => {
    expect(
      answersByTopic(timeline(events))
        .get('x')!
        .map((a) => a.correct),
    ).toEqual([false, true]);
  });
});

describe('QuizTally', () => {
  it('gives the same result as summing all answers at once', () => {
    const answers = [
      { at: '2026-01-01T00:00:00.000Z', correct: true },
      { at: '2026-02-01T00:00:00.000Z', correct: false },
      { at: '2026-03-01T00:00:00.000Z', correct: true },
    ];
    const tally = new QuizTally();
    for (const a of answers) tally.add(Date.parse(a.at), a.correct);
    expect(tally.result(2)).toEqual(topicMastery(2, answers));
  });

  it('stays finite over centuries of answers (its origin moves forward)', () => {
    const years = Array.from({ length: 300 }, (_, i) => ({ t: Date.UTC(1800 + i, 0, 1), correct: i % 2 === 0 }));
    const m = masteryOf(undefined, years);
    expect(Number.isFinite(m.mastery)).toBe(true);
    expect(m.quizScore).toBeGreaterThan(0);
    expect(m.quizScore).toBeLessThan(1);
  });
});
