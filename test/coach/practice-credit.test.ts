import { describe, expect, it } from 'vitest';
import { deriveFacts } from '../../src/coach/facts.js';
import { topicMastery } from '../../src/coach/mastery.js';
import { PRACTICE, withPractice } from '../../src/coach/practice-credit.js';
import type { Area, Topic } from '../../src/roadmap/schema.js';

const open = { poorQuiz: false, mayMaster: true };

describe('a passed exercise in mastery (pure)', () => {
  it.each([
    ['closes a quarter of the gap', 0.8, false, open, 1, 0.85, true],
    ['from nothing', 0, false, open, 1, 0.25, false],
    ['the same for several exercises', 0.4, false, open, 3, 0.55, false],
    ['lifts over the mastered line', 0.667, false, open, 1, 0.75025, true],
    [
      'not mastered when the topic may not be (too few answers)',
      0.7,
      false,
      { ...open, mayMaster: false },
      1,
      0.775,
      false,
    ],
    ['nothing when the quiz went poorly', 0.3, false, { ...open, poorQuiz: true }, 1, 0.3, false],
    ['nothing without a passed exercise', 0.6, false, open, 0, 0.6, false],
    ['keeps a topic already complete', 0.9, true, open, 1, 0.925, true],
  ])('%s', (_name, mastery, complete, terms, passed, lifted, mastered) => {
    const r = withPractice(mastery, complete, terms, passed);
    expect(r.mastery).toBeCloseTo(lifted, 5);
    expect(r.complete).toBe(mastered);
  });

  it('weighs less than a proven project, which lifts to the mastered line at once', () => {
    expect(PRACTICE.share).toBeLessThan(0.75);
  });
});

describe('a passed exercise in the topic facts', () => {
  const topic: Topic = {
    id: 'loops',
    title: 'Loops',
    summary: 'Repeating work.',
    prerequisites: [],
    resources: [],
    questions: [
      { id: 'q1', prompt: 'p', choices: ['a', 'b'], answer: 0, difficulty: 'medium' },
      { id: 'q2', prompt: 'p', choices: ['a', 'b'], answer: 0, difficulty: 'medium' },
    ],
  };
  const area: Area = {
    id: 'basics',
    title: 'Basics',
    stage: 'skills',
    summary: 's',
    prerequisites: [],
    topics: [topic],
  };
  const now = new Date('2026-12-06T10:00:00Z');
  const facts = (rating: number, right: boolean[], practised: number) =>
    deriveFacts(
      topic,
      area,
      0,
      rating,
      'todo',
      topicMastery(
        rating,
        right.map((correct, i) => ({ at: `2026-12-06T09:00:0${i}Z`, correct })),
      ),
      undefined,
      now,
      undefined,
      undefined,
      practised,
    );

  it('rated 0 with both answers right: 67%, not mastered; with an exercise passed: 75%, mastered', () => {
    const before = facts(0, [true, true], 0);
    expect(before.mastery).toBeCloseTo(2 / 3, 2);
    expect(before.complete).toBe(false);
    const after = facts(0, [true, true], 1);
    expect(after.mastery).toBeCloseTo(0.75, 2);
    expect(after.complete).toBe(true);
    expect(after.practised).toBe(1);
  });

  it('a poor quiz keeps its doubt: nothing changes', () => {
    const after = facts(4, [false, false], 1);
    expect(after.mastery).toBe(facts(4, [false, false], 0).mastery);
    expect(after.complete).toBe(false);
  });

  it('one answer is not enough evidence to be mastered, exercise or not', () => {
    const after = facts(2, [true], 1);
    expect(after.mastery).toBeGreaterThan(facts(2, [true], 0).mastery);
    expect(after.mastery).toBeGreaterThan(0.75);
    expect(after.complete).toBe(false);
  });
});
