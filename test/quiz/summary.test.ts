import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/coach/types.js';
import { QuizSession, planSession } from '../../src/quiz/session.js';
import { buildSummary } from '../../src/quiz/summary.js';
import { area, at, question, state, topic } from './fixtures.js';

const a = area('a', [topic('t1', [question('q1'), question('q2')]), topic('t2', [question('q3')])]);

/** A finished session: t1 rated 4 with both wrong, t2 rated 2 with its one right. */
function finished(quick = false) {
  const session = new QuizSession(planSession(a, state(), { id: 's', questionsPerTopic: 5, seed: 1, quick }));
  session.start(at(0));
  session.rate(4, at(1));
  if (!quick) {
    session.answer(1, at(2));
    session.answer(1, at(3));
  }
  session.rate(2, at(4));
  if (!quick) session.answer(0, at(5));
  session.end(at(6));
  return session.result();
}

const coach = (over: Partial<Summary>): Summary => ({
  generatedAt: at(0),
  stage: 'skills',
  readiness: 0,
  gaps: [],
  areas: [],
  topics: [],
  due: [],
  recommendations: [],
  history: [],
  ...over,
});

describe('buildSummary', () => {
  it('scores topics, lists disagreements and falls back to the weakest topic', () => {
    const s = buildSummary(finished(), a);
    expect(s).toMatchObject({
      area: { id: 'a' },
      complete: true,
      answered: 3,
      correct: 1,
      overConfident: ['t1'],
      underConfident: [],
    });
    expect(s.topics[0]).toMatchObject({
      topic: 't1',
      rating: 4,
      score: 0,
      calibration: 'over-confident',
      calibrationFrom: 'session',
    });
    expect(s.next).toEqual({
      title: 'Study Topic t1',
      reason: 'You answered 0 of 2 right: your weakest topic in this session.',
      action: { text: 'Read: Read about t1', url: 'https://example.com/t1' },
    });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('after --quick, suggests checking the ratings with questions', () => {
    const s = buildSummary(finished(true), a);
    expect(s.score).toBeNull();
    expect(s.next?.action.command).toBe('pyroad assess a');
  });

  it("prefers the coach's calibration and recommendation when it has them", () => {
    const s = buildSummary(
      finished(),
      a,
      coach({
        topics: [
          {
            topic: 't2',
            area: 'a',
            title: 'Topic t2',
            mastery: 0.5,
            answered: 9,
            correct: 2,
            calibration: 'over-confident',
            status: 'learning',
            mastered: false,
            due: false,
          },
        ],
        recommendations: [
          {
            kind: 'learn',
            area: 'a',
            topic: 't2',
            title: 'Learn t2',
            reason: 'Because.',
            action: { text: 'Do it', command: 'pyroad show t2' },
          },
        ],
      }),
    );
    expect(s.topics[1]).toMatchObject({ calibration: 'over-confident', calibrationFrom: 'coach' });
    expect(s.topics[0]).toMatchObject({ calibrationFrom: 'session' });
    expect(s.next).toEqual({
      title: 'Learn t2',
      reason: 'Because.',
      action: { text: 'Do it', command: 'pyroad show t2' },
    });
  });
});
