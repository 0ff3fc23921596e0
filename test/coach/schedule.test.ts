import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { gradeFor, groupAssessments, isDue, reviewState } from '../../src/coach/schedule.js';
import { DAY, NOW, daysAgo } from './fixtures.js';

const answers = (right: number, of: number, at: string, session?: string) =>
  Array.from({ length: of }, (_, i) => ({ at, correct: i < right, session }));

const daysBetween = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / DAY);

describe('gradeFor: how an assessment went, as an FSRS grade', () => {
  it.each([
    [4, 4, Rating.Easy],
    [3, 3, Rating.Easy],
    [2, 2, Rating.Good], // all right but too few questions to call it easy
    [1, 1, Rating.Good],
    [3, 4, Rating.Good],
    [2, 4, Rating.Hard],
    [1, 4, Rating.Again],
    [0, 4, Rating.Again],
    [0, 0, Rating.Again],
  ] as const)('%i of %i right → %s', (right, of, grade) => expect(gradeFor(right, of)).toBe(grade));
});

describe('groupAssessments', () => {
  it('makes one assessment per UTC day, sessions or not, in time order', () => {
    const groups = groupAssessments([
      ...answers(2, 2, daysAgo(2), 's2'),
      ...answers(1, 2, daysAgo(12)),
      ...answers(1, 1, '2026-02-19T23:00:00Z'),
      ...answers(0, 1, '2026-02-19T23:30:00Z'),
      ...answers(3, 3, daysAgo(2.01), 's1'),
    ]);
    expect(groups.map((g) => [g.answered, g.correct])).toEqual([
      [2, 1],
      [2, 1],
      [5, 5],
    ]);
    expect(groups[2]!.at.toISOString()).toBe(daysAgo(2));
  });
});

describe('reviewState: FSRS replay', () => {
  it('gives nothing without answers', () => expect(reviewState([], NOW)).toBeUndefined());

  it('keeps the next review within four-digit years', () => {
    const late = [
      { at: '9999-12-30T00:00:00.000Z', correct: true },
      { at: '9999-12-30T00:01:00.000Z', correct: true },
    ];
    expect(reviewState(late, NOW)!.nextReview.toISOString()).toBe('9999-12-31T23:59:59.999Z');
  });

  it.each([
    [0, 4, 1],
    [2, 4, 4],
    [3, 4, 8],
    [4, 4, 28],
  ] as const)('a first assessment with %i of %i right is due again after ~%i days', (right, of, days) => {
    const last = new Date(daysAgo(0));
    const r = reviewState(answers(right, of, last.toISOString()), NOW)!;
    expect(Math.abs(daysBetween(last, r.nextReview) - days)).toBeLessThanOrEqual(1);
  });

  it('successful re-checks stretch the interval; a failed one shortens it', () => {
    const first = answers(3, 4, daysAgo(60));
    const r1 = reviewState(first, NOW)!;
    const recheck = r1.nextReview.toISOString();
    const good = reviewState([...first, ...answers(4, 4, recheck)], NOW)!;
    const bad = reviewState([...first, ...answers(0, 4, recheck)], NOW)!;
    const base = daysBetween(new Date(daysAgo(60)), r1.nextReview);
    expect(daysBetween(new Date(recheck), good.nextReview)).toBeGreaterThan(base);
    expect(daysBetween(new Date(recheck), bad.nextReview)).toBeLessThan(base);
  });

  it('is due once the clock passes the review date, and retrievability falls with time', () => {
    const r = reviewState(answers(3, 4, daysAgo(2)), NOW)!;
    expect(isDue(r.nextReview, NOW)).toBe(false);
    const later = new Date(r.nextReview.getTime() + 1000);
    expect(isDue(r.nextReview, later)).toBe(true);
    expect(isDue(r.nextReview, r.nextReview)).toBe(true);
    expect(reviewState(answers(3, 4, daysAgo(2)), later)!.retrievability).toBeLessThan(r.retrievability);
  });

  it('is deterministic (no fuzz)', () => {
    const list = [...answers(3, 4, daysAgo(40)), ...answers(2, 4, daysAgo(20)), ...answers(4, 4, daysAgo(5))];
    expect(reviewState(list, NOW)).toEqual(reviewState([...list], NOW));
  });
});

describe('the replay matches ts-fsrs’s own scheduler', () => {
  it('gives the same review dates as fsrs().next over random histories', async () => {
    const { default: fc } = await import('fast-check');
    const { createEmptyCard, fsrs } = await import('ts-fsrs');
    const { SCHEDULER_PARAMS } = await import('../../src/coach/schedule.js');
    const scheduler = fsrs(SCHEDULER_PARAMS);
    const history = fc.array(
      fc.record({
        gapHours: fc.integer({ min: 1, max: 24 * 120 }),
        right: fc.nat({ max: 4 }),
        of: fc.integer({ min: 1, max: 4 }),
      }),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(history, (steps) => {
        let t = Date.parse('2025-01-01T09:00:00Z');
        const list: { at: string; correct: boolean; session: string }[] = [];
        steps.forEach((step, i) => {
          t += step.gapHours * 3_600_000;
          for (let k = 0; k < step.of; k++)
            list.push({ at: new Date(t).toISOString(), correct: k < Math.min(step.right, step.of), session: `s${i}` });
        });
        const mine = reviewState(list, NOW)!;
        const assessments = groupAssessments(list);
        expect(mine.reviews).toBe(assessments.length);
        let card = createEmptyCard(assessments[0]!.at);
        for (const a of assessments) card = scheduler.next(card, a.at, a.grade).card;
        expect(mine.nextReview.toISOString()).toBe(card.due.toISOString());
      }),
      { numRuns: 300 },
    );
  });
});
