import { describe, expect, it } from 'vitest';
import { recentChange } from '../../src/coach/history.js';
import { EventLog } from '../../src/progress/log.js';
import type { ProgressEvent } from '../../src/progress/schema.js';

const NOW = new Date('2026-06-30T12:00:00Z');
const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString();

describe('recentChange', () => {
  const events: ProgressEvent[] = [
    { e: 'answer', at: at(3), topic: 'loops', question: 'q1', choice: 0, correct: true },
    { e: 'answer', at: at(40), topic: 'loops', question: 'q2', choice: 1, correct: false },
    { e: 'rating', at: at(2), topic: 'http', value: 3 },
    { e: 'status', at: at(1), topic: 'sql', status: 'done' },
    { e: 'status', at: at(1), topic: 'other-roadmap-topic', status: 'done' },
    { e: 'answer', at: at(1), topic: 'other-roadmap-topic', question: 'x', choice: 0, correct: true },
  ];
  const known = (topic: string) => ['loops', 'http', 'sql'].includes(topic);

  const point = (daysAgo: number, mastery: number, readiness: number) => ({
    date: at(daysAgo).slice(0, 10),
    mastery,
    readiness,
    answered: 1,
  });

  it('counts answers, assessed topics and marks of the last 30 days, only for this roadmap', () => {
    const points = [point(40, 0.05, 0), point(1, 0.2, 0.1)];
    const r = recentChange(EventLog.of(events), points, NOW, { mastery: 0.2, readiness: 0.1 }, known);
    expect(r).toMatchObject({ days: 30, answered: 1, topicsAssessed: 2, marked: 1, mastery: 0.15, readiness: 0.1 });
  });

  it('no change when nothing happened in the window, whatever moved the current figures', () => {
    const old = [events[1]!];
    const r = recentChange(EventLog.of(old), [point(40, 0.05, 0)], NOW, { mastery: 0.15, readiness: 0.1 }, known);
    expect(r).toMatchObject({ answered: 0, topicsAssessed: 0, marked: 0, mastery: 0, readiness: 0 });
  });

  it('hands-on records in the window (a check run) move the figures with no answers', () => {
    const check: ProgressEvent = {
      e: 'check',
      at: at(2),
      topic: 'http',
      fingerprint: 'abcdef12',
      total: 1,
      passed: 1,
      failed: [],
    };
    const r = recentChange(
      EventLog.of([events[1]!, check]),
      [point(40, 0.05, 0)],
      NOW,
      { mastery: 0.15, readiness: 0.1 },
      known,
    );
    expect(r).toMatchObject({ answered: 0, mastery: 0.1, readiness: 0.1 });
  });

  it('a clock before every record: no answers and no change (records after now are not in the window)', () => {
    const early = new Date('2020-01-01T00:00:00Z');
    const r = recentChange(
      EventLog.of(events),
      [point(40, 0.05, 0), point(1, 0.2, 0.1)],
      early,
      {
        mastery: 0.2,
        readiness: 0.1,
      },
      known,
    );
    expect(r).toMatchObject({ answered: 0, topicsAssessed: 0, marked: 0, mastery: 0, readiness: 0 });
  });
});
