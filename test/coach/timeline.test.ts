import { describe, expect, it } from 'vitest';
import { QuizTally, masteryOf, topicMastery } from '../../src/coach/mastery.js';
import { eachOf, timedAnswers, type TimedAnswer } from '../../src/coach/timeline.js';
import { foldEvents } from '../../src/progress/state.js';
import type { ProgressEvent } from '../../src/progress/schema.js';

describe('timed answers', () => {
  const events: ProgressEvent[] = [
    { e: 'session', at: '2026-03-01T10:00:00.000Z', session: 's', area: 'a', phase: 'start' },
    { e: 'answer', at: '2026-03-01T10:02:00.000Z', topic: 'x', question: 'q2', choice: 0, correct: true },
    { e: 'rating', at: '2026-03-01T10:00:30.000Z', topic: 'x', value: 3 },
    { e: 'answer', at: '2026-03-01T12:01:00+02:00', topic: 'x', question: 'q1', choice: 1, correct: false },
    { e: 'status', at: '2026-03-01T10:03:00.000Z', topic: 'y', status: 'skip' },
  ];

  it("gives a topic's answers from the progress state in time order, times parsed once", () => {
    const x = foldEvents(events).topics.get('x')!;
    const seen: TimedAnswer[] = [];
    x.eachAnswer((t, correct) => seen.push({ t, correct }));
    expect(seen).toEqual([
      { t: Date.parse('2026-03-01T10:01:00.000Z'), correct: false },
      { t: Date.parse('2026-03-01T10:02:00.000Z'), correct: true },
    ]);
    expect(seen).toEqual(timedAnswers(x.answers));
    expect(x.answers.map((a) => a.at)).toEqual(['2026-03-01T10:02:00.000Z', '2026-03-01T12:01:00+02:00']);
  });

  it("puts a topic's answers in canonical order: time, then wrong before right", () => {
    const at = '2026-03-01T10:00:00.000Z';
    const list = [
      { at: '2026-03-01T11:00:00.000Z', correct: true },
      { at, correct: true },
      { at, correct: false },
    ];
    expect(timedAnswers(list).map((a) => [a.t, a.correct])).toEqual([
      [Date.parse(at), false],
      [Date.parse(at), true],
      [Date.parse(list[0]!.at), true],
    ]);
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
    const m = masteryOf(undefined, eachOf(years));
    expect(Number.isFinite(m.mastery)).toBe(true);
    expect(m.quizScore).toBeGreaterThan(0);
    expect(m.quizScore).toBeLessThan(1);
  });
});
