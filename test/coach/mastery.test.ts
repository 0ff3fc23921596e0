import { describe, expect, it } from 'vitest';
import { MASTERY, calibrationGap, calibrationOf, isMisjudged, topicMastery } from '../../src/coach/mastery.js';
import { daysAgo } from './fixtures.js';

const answers = (right: number, of: number, at = daysAgo(1)) =>
  Array.from({ length: of }, (_, i) => ({ at, correct: i < right }));

describe('topicMastery', () => {
  it.each([
    // rating, right, of, mastery, calibration
    [undefined, 0, 0, 0, 'unknown'],
    [4, 0, 0, 1, 'unknown'],
    [2, 0, 0, 0.5, 'unknown'],
    [undefined, 4, 4, 0.8, 'unknown'],
    [4, 4, 4, 1, 'consistent'],
    [3, 3, 4, 0.75, 'consistent'],
    [4, 0, 4, 0.2, 'over-confident'],
    [0, 4, 4, 0.8, 'under-confident'],
    [4, 0, 1, 0.5, 'unknown'], // one answer: too little to call calibration
    [4, 1, 2, 0.6667, 'over-confident'],
    [2, 2, 4, 0.5, 'consistent'],
    [0, 1, 4, 0.2, 'consistent'], // "never heard of it", one lucky guess in four: not under-confident
    [0, 1, 3, 0.25, 'consistent'], // one in three is still about what guessing gives
    [0, 2, 2, 0.6667, 'under-confident'],
  ] as const)('rating %s with %i of %i right → mastery %f, %s', (rating, right, of, mastery, calibration) => {
    const m = topicMastery(rating, answers(right, of));
    expect(m.mastery).toBeCloseTo(mastery, 3);
    expect(m.calibration).toBe(calibration);
    expect(m.answered).toBe(of);
    expect(m.correct).toBe(right);
  });

  it('the quiz counts more as answers accumulate', () => {
    const shares = [1, 2, 4, 8].map((n) => topicMastery(4, answers(0, n)).mastery);
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeLessThan(shares[i - 1]!);
    // Where self-rating and quiz disagree, the quiz weighs more from two answers on.
    expect(topicMastery(4, answers(0, 2)).mastery).toBeLessThan(0.5);
  });

  it('recent answers count more than old ones', () => {
    const oldWrongNewRight = [...answers(0, 2, daysAgo(200)), ...answers(2, 2, daysAgo(1))];
    const oldRightNewWrong = [...answers(2, 2, daysAgo(200)), ...answers(0, 2, daysAgo(1))];
    const a = topicMastery(undefined, oldWrongNewRight);
    const b = topicMastery(undefined, oldRightNewWrong);
    expect(a.quizScore!).toBeGreaterThan(0.75);
    expect(b.quizScore!).toBeLessThan(0.25);
    expect(a.mastery).toBeGreaterThan(b.mastery);
  });

  it('does not depend on the order answers are listed in', () => {
    const list = [...answers(1, 3, daysAgo(40)), ...answers(2, 2, daysAgo(3))];
    expect(topicMastery(3, [...list].reverse())).toEqual(topicMastery(3, list));
  });

  it('stays within 0..1', () => {
    for (const rating of [0, 1, 2, 3, 4])
      for (let right = 0; right <= 5; right++) {
        const m = topicMastery(rating, answers(right, 5)).mastery;
        expect(m).toBeGreaterThanOrEqual(0);
        expect(m).toBeLessThanOrEqual(1);
      }
  });
});

describe('calibration and misjudged topics', () => {
  it.each([
    [undefined, 'unknown'],
    [0.5, 'over-confident'],
    [MASTERY.calibrationGap, 'consistent'],
    [0, 'consistent'],
    [-0.3, 'under-confident'],
  ] as const)('gap %s → %s', (gap, expected) => expect(calibrationOf(gap)).toBe(expected));

  it('gives the same verdict for the same results in any order, answers seconds apart', () => {
    const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();
    const seq = (...right: boolean[]) => right.map((correct, i) => ({ at: at(i * 5), correct }));
    // Rating 2 (0.5) against 1 of 4 right (0.25): exactly one step apart, either way round.
    const first = topicMastery(2, seq(true, false, false, false));
    const last = topicMastery(2, seq(false, false, false, true));
    expect([first.calibration, last.calibration]).toEqual(['consistent', 'consistent']);
    // 2 of 4 right is not a poor quiz, whichever answers came first.
    for (const m of [topicMastery(3, seq(true, true, false, false)), topicMastery(3, seq(false, false, true, true))])
      expect(isMisjudged(3, m)).toBe(false);
  });

  it('reads a quiz score above the self-rating for what it shows beyond guessing, and one below as it is', () => {
    expect(calibrationGap(0, 0.25)).toBe(0); // chance level
    expect(calibrationGap(0, 1)).toBe(-1);
    expect(calibrationGap(0.25, 0.5)).toBeCloseTo(-0.0833, 4);
    expect(calibrationGap(1, 0.5)).toBe(0.5); // guessing only hides over-confidence: no correction
    expect(calibrationGap(0.5, 0.5)).toBe(0);
  });

  it.each([
    [4, 0, 4, true],
    [3, 1, 4, true],
    [3, 2, 4, false], // half right is not "poor"
    [2, 0, 4, false], // not rated 3+
    [4, 0, 0, false], // no quiz yet
    [undefined, 0, 4, false],
  ] as const)('rated %s with %i of %i right: misjudged %s', (rating, right, of, expected) => {
    expect(isMisjudged(rating, topicMastery(rating, answers(right, of)))).toBe(expected);
  });
});
