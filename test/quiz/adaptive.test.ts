import { describe, expect, it } from 'vitest';
import type { ItemLevel } from '../../src/coach/ability.js';
import { QuizSession, planSession } from '../../src/quiz/session.js';
import type { Question } from '../../src/roadmap/schema.js';
import { area, at, question, state, topic } from './fixtures.js';

const leveled = (id: string, difficulty: ItemLevel): Question => ({ ...question(id), difficulty });
/** Three topics of four questions each, medium and hard. */
const wide = area(
  'wide',
  ['a', 'b', 'c'].map((t) =>
    topic(t, [
      leveled(`${t}1`, 'medium'),
      leveled(`${t}2`, 'hard'),
      leveled(`${t}3`, 'medium'),
      leveled(`${t}4`, 'hard'),
    ]),
  ),
);

/** Runs a session rating every topic 2 and answering with `right(i)`; returns the questions asked. */
function run(opts: { adaptive?: boolean }, right: (i: number) => boolean) {
  const session = new QuizSession(planSession(wide, state([]), { id: 's', questionsPerTopic: 4, seed: 1, ...opts }));
  const asked: { topic: string; number: number; total: number }[] = [];
  session.start(at(0));
  for (let step = session.current(); step.kind !== 'done'; step = session.current()) {
    if (step.kind === 'rate') session.rate(2, at(1));
    else {
      asked.push({ topic: step.topic.id, number: step.number, total: step.total });
      const i = asked.length - 1;
      session.answer(right(i) ? step.question.answer : (step.question.answer + 1) % 3, at(2 + i));
    }
  }
  return { asked, session };
}

describe('adaptive area quizzes', () => {
  it('stop once every answer is right and the band is clear, still asking every rated topic once', () => {
    const { asked, session } = run({ adaptive: true }, () => true);
    expect(asked.length).toBeLessThan(12);
    expect(new Set(asked.map((q) => q.topic))).toEqual(new Set(['a', 'b', 'c']));
    expect(session.stoppedEarly).toBe(12 - asked.length);
    // Numbers stay consecutive and the total shrinks to what is asked.
    expect(asked.map((q) => q.number)).toEqual(asked.map((_, i) => i + 1));
    expect(asked.at(-1)!.total).toBe(asked.length);
    expect(session.result().complete).toBe(true);
  });

  it('stop just as well when every answer is wrong', () => {
    expect(run({ adaptive: true }, () => false).asked.length).toBeLessThan(12);
  });

  it('go on while the answers are mixed and the estimate stays unclear', () => {
    expect(run({ adaptive: true }, (i) => i % 2 === 0).asked.length).toBe(12);
  });

  it('ask every question without adaptive (--full)', () => {
    const { asked, session } = run({}, () => true);
    expect(asked.length).toBe(12);
    expect(session.stoppedEarly).toBeUndefined();
  });
});
