import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { unfinishedSession } from '../../src/progress/state.js';
import { mulberry32, seededShuffle } from '../../src/quiz/random.js';
import {
  QuizSession,
  calibrate,
  orderQuestions,
  planSession,
  scriptedPlan,
  type Step,
} from '../../src/quiz/session.js';
import { answer, area, at, question, state, topic } from './fixtures.js';

const opts = { id: 's1', questionsPerTopic: 10, seed: 7 };
const ids = (qs: { id: string }[]) => qs.map((q) => q.id);

/** Runs a session to the end: rating `rating` everywhere, answering right when `right(questionId)`. */
function runAll(session: QuizSession, rating: number, right: (id: string) => boolean): ProgressEvent[] {
  const events = [...session.start(at(10))];
  for (let step: Step = session.current(); step.kind !== 'done'; step = session.current()) {
    if (step.kind === 'rate') events.push(...session.rate(rating, at(11)));
    else {
      const q = step.question;
      const wrong = (q.answer + 1) % q.choices.length;
      events.push(...session.answer(right(q.id) ? q.answer : wrong, at(12)).events);
    }
  }
  events.push(...session.end(at(13)));
  return events;
}

describe('random', () => {
  it('is repeatable for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(seededShuffle(items, 1, 'k')).toEqual(seededShuffle(items, 1, 'k'));
    expect(seededShuffle(items, 1, 'k')).not.toEqual(seededShuffle(items, 2, 'k'));
    expect([...seededShuffle(items, 3, 'k')].sort((x, y) => x - y)).toEqual(items);
  });

  it('gives every order over many seeds (no position bias)', () => {
    const firsts = new Map<number, number>();
    for (let seed = 0; seed < 3000; seed++) {
      const first = seededShuffle([0, 1, 2], seed, 'q')[0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    for (const k of [0, 1, 2]) expect(firsts.get(k)!).toBeGreaterThan(850);
  });
});

describe('orderQuestions', () => {
  const t = topic('t', [question('q1'), question('q2'), question('q3'), question('q4'), question('q5')]);

  it('puts never-seen and last-wrong questions first, then last-right ones longest ago first', () => {
    const earlier = [
      answer('t', 'q1', true, 5),
      answer('t', 'q2', false, 1),
      answer('t', 'q2', true, 2), // q2: last right, at minute 2
      answer('t', 'q3', true, 3),
      answer('t', 'q3', false, 4), // q3: last wrong
      answer('t', 'q4', true, 1), // q4: last right, at minute 1
    ];
    const order = ids(orderQuestions(t, earlier, { seed: 1 }));
    expect(new Set(order.slice(0, 2))).toEqual(new Set(['q3', 'q5']));
    expect(order.slice(2)).toEqual(['q4', 'q2', 'q1']);
  });

  it('shuffles within a group, repeatably per seed', () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 30; seed++) orders.add(ids(orderQuestions(t, [], { seed })).join());
    expect(orders.size).toBeGreaterThan(10);
    expect(ids(orderQuestions(t, [], { seed: 5 }))).toEqual(ids(orderQuestions(t, [], { seed: 5 })));
  });

  it('ignores earlier answers with retake', () => {
    const earlier = [answer('t', 'q1', true, 1), answer('t', 'q2', true, 1)];
    expect(ids(orderQuestions(t, earlier, { seed: 9, retake: true }))).toEqual(ids(orderQuestions(t, [], { seed: 9 })));
  });
});

describe('planSession', () => {
  it('caps questions per topic and keeps the unseen ones', () => {
    const a = area('a', [topic('t1', [question('q1'), question('q2'), question('q3')]), topic('t2', [question('q4')])]);
    const s = state([answer('t1', 'q1', true, 1), answer('t1', 'q2', true, 2)]);
    const plan = planSession(a, s, { ...opts, questionsPerTopic: 1 });
    expect(plan.topics.map((t) => ids(t.questions))).toEqual([['q3'], ['q4']]);
    expect(plan.topics.every((t) => t.rate)).toBe(true);
  });

  it('asks only ratings with quick', () => {
    const plan = planSession(area(), state(), { ...opts, quick: true });
    const session = new QuizSession(plan);
    expect(session.current()).toMatchObject({ kind: 'rate', number: 1, count: 1 });
    session.rate(2, at(1));
    expect(session.current().kind).toBe('done');
  });

  it('offers the latest rating on record as the default', () => {
    const s = state([
      { e: 'rating', at: at(1), topic: 't1', value: 1 },
      { e: 'rating', at: at(2), topic: 't1', value: 3 },
    ]);
    expect(new QuizSession(planSession(area(), s, opts)).current()).toMatchObject({ kind: 'rate', previous: 3 });
  });
});

describe('QuizSession', () => {
  it('emits start, rating, answers (with the session and the roadmap index) and end', () => {
    const session = new QuizSession(planSession(area(), state(), opts));
    const events = runAll(session, 3, (id) => id !== 'q2');
    expect(events[0]).toEqual({ e: 'session', at: at(10), session: 's1', area: 'area', phase: 'start' });
    expect(events[1]).toEqual({ e: 'rating', at: at(11), topic: 't1', value: 3 });
    const answers = events.filter((e) => e.e === 'answer');
    expect(answers).toHaveLength(4);
    for (const a of answers) expect(a).toMatchObject({ session: 's1', topic: 't1', correct: a.question !== 'q2' });
    expect(answers.find((a) => a.question === 'q2')).toMatchObject({ choice: 1 });
    expect(events.at(-1)).toEqual({ e: 'session', at: at(13), session: 's1', area: 'area', phase: 'end' });
  });

  it('shows choices in a shuffled order but records the index as written in the roadmap', () => {
    const q = question('q', 2, ['w', 'x', 'y', 'z']);
    const a = area('a', [topic('t', [q])]);
    const orders = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const session = new QuizSession(planSession(a, state(), { ...opts, seed, quick: false }));
      session.start(at(0));
      session.rate(1, at(0));
      const step = session.current();
      if (step.kind !== 'question') throw new Error('expected a question');
      expect([...step.order].sort()).toEqual([0, 1, 2, 3]);
      orders.add(step.order.join());
      const { events, feedback } = session.answer(2, at(1));
      expect(events[0]).toMatchObject({ choice: 2, correct: true });
      expect(feedback).toMatchObject({ chosen: 2, correct: true });
    }
    expect(orders.size).toBeGreaterThan(5);
  });

  it('numbers the questions across the area', () => {
    const a = area('a', [topic('t1', [question('q1'), question('q2')]), topic('t2', [question('q3')])]);
    const session = new QuizSession(planSession(a, state(), opts));
    const seen: string[] = [];
    for (let step = session.current(); step.kind !== 'done'; step = session.current()) {
      if (step.kind === 'rate') {
        seen.push(`rate ${step.number}/${step.count}`);
        session.rate(2, at(1));
      } else {
        seen.push(`q ${step.number}/${step.total}`);
        session.answer(0, at(1));
      }
    }
    expect(seen).toEqual(['rate 1/2', 'q 1/3', 'q 2/3', 'rate 2/2', 'q 3/3']);
  });

  it('refuses inputs that do not fit the step', () => {
    const session = new QuizSession(planSession(area(), state(), opts));
    expect(() => session.answer(0, at(1))).toThrow(/expected a question step/);
    expect(() => session.rate(5, at(1))).toThrow(RangeError);
    session.rate(4, at(1));
    expect(() => session.answer(3, at(1))).toThrow(RangeError);
    expect(() => session.end(at(2))).toThrow(/steps left/);
  });

  it('scores topics and calibrates the self-rating against the quiz', () => {
    const a = area('a', [
      topic('t1', [question('q1'), question('q2'), question('q3'), question('q4')]),
      topic('t2', [question('q5')]),
    ]);
    const session = new QuizSession(planSession(a, state(), opts));
    session.start(at(0));
    session.rate(4, at(1)); // "could teach it"
    for (let i = 0; i < 4; i++) {
      const step = session.current();
      if (step.kind !== 'question') throw new Error('expected a question');
      session.answer(step.question.id === 'q1' ? 0 : 1, at(2)); // one right of four
    }
    session.rate(1, at(3));
    session.answer(0, at(4));
    session.end(at(5));
    const result = session.result();
    expect(result).toMatchObject({
      complete: true,
      answered: 5,
      correct: 2,
      score: 0.4,
      saved: { answers: 5, ratings: 2 },
    });
    expect(result.topics[0]).toMatchObject({
      rating: 4,
      answered: 4,
      correct: 1,
      score: 0.25,
      calibration: 'over-confident',
      gap: 0.75,
    });
    expect(result.topics[1]).toMatchObject({ rating: 1, answered: 1, correct: 1, score: 1, calibration: 'unknown' });
  });

  it('asks no questions on a topic rated "never heard of it", and numbers the rest without them', () => {
    const a = area('a', [
      topic('t1', [question('q1'), question('q2')]),
      topic('t2', [question('q3'), question('q4'), question('q5')]),
      topic('t3', [question('q6')]),
    ]);
    const session = new QuizSession(planSession(a, state(), opts));
    session.start(at(0));
    session.rate(2, at(1));
    session.answer(0, at(2));
    expect(session.current()).toMatchObject({ kind: 'question', number: 2, total: 6 });
    session.answer(0, at(3));
    session.rate(0, at(4));
    expect(session.skipped.get('t2')).toBe(3);
    expect(session.current()).toMatchObject({ kind: 'rate', topic: { id: 't3' } });
    session.rate(3, at(5));
    expect(session.current()).toMatchObject({ kind: 'question', question: { id: 'q6' }, number: 3, total: 3 });
    session.answer(0, at(6));
    session.end(at(7));
    expect(session.result().topics[1]).toMatchObject({ rating: 0, answered: 0, calibration: 'unknown' });
  });

  it('skips them again when the session is resumed, and never in a scripted session', () => {
    const a = area('a', [topic('t1', [question('q1')]), topic('t2', [question('q2')])]);
    const first = new QuizSession(planSession(a, state(), { ...opts, id: 's1' }));
    const events = [...first.start(at(0)), ...first.rate(0, at(1))]; // then Ctrl-C
    const s = state(events);
    const resumed = planSession(a, s, { ...opts, id: 's1', resume: s.sessions.get('s1')! });
    expect(resumed.topics.map((t) => [t.topic.id, t.questions.length])).toEqual([
      ['t1', 0],
      ['t2', 1],
    ]);
    const scripted = new QuizSession(
      scriptedPlan(a, state(), { ratings: new Map([['t1', 0]]), answers: new Map([['q1', 0]]) }, 's2'),
    );
    scripted.start(at(0));
    scripted.rate(0, at(1));
    expect(scripted.current()).toMatchObject({ kind: 'question', question: { id: 'q1' } });
  });
});

describe('calibrate', () => {
  it.each([
    [undefined, 3, 3, 'unknown'],
    [3, 0, 0, 'unknown'],
    [3, 4, 3, 'consistent'], // 0.75 vs 0.75
    [3, 4, 2, 'consistent'], // one step apart is within noise
    [3, 4, 1, 'over-confident'],
    [1, 4, 4, 'under-confident'],
    [2, 2, 2, 'under-confident'],
    [4, 2, 0, 'over-confident'],
    [4, 1, 0, 'unknown'], // one answer says too little
    [0, 4, 1, 'consistent'], // one right in four is what guessing gives
    [0, 3, 1, 'consistent'], // and one in three about the same
    [0, 3, 3, 'under-confident'],
  ] as const)('rating %s with %s answered, %s right: %s', (rating, answered, correct, expected) => {
    expect(calibrate(rating, answered, correct).calibration).toBe(expected);
  });
});

describe('resume', () => {
  const a = area('a', [
    topic('t1', [question('q1'), question('q2'), question('q3')]),
    topic('t2', [question('q4'), question('q5')]),
  ]);

  /** A session interrupted after rating t1 and answering two of its questions. */
  function interrupted() {
    const first = new QuizSession(planSession(a, state(), { ...opts, questionsPerTopic: 3 }));
    const events = [...first.start(at(1)), ...first.rate(2, at(2))];
    const asked: string[] = [];
    for (let i = 0; i < 2; i++) {
      const step = first.current();
      if (step.kind !== 'question') throw new Error('expected a question');
      asked.push(step.question.id);
      events.push(...first.answer(i === 0 ? 0 : 1, at(3 + i)).events);
    }
    return { events, asked };
  }

  it('skips what the unfinished session already has and continues the numbering', () => {
    const { events, asked } = interrupted();
    const s = state(events);
    const open = unfinishedSession(s, 'a');
    expect(open?.id).toBe('s1');
    const plan = planSession(a, s, { ...opts, id: open!.id, questionsPerTopic: 3, resume: open! });
    expect(plan.resumed).toBe(true);
    expect(plan.topics[0]).toMatchObject({ rate: false, ratedBefore: 2 });
    expect(ids(plan.topics[0]!.questions)).toHaveLength(1);
    expect(asked).not.toContain(plan.topics[0]!.questions[0]!.id);

    const session = new QuizSession(plan);
    expect(session.start(at(9))).toEqual([]); // already started
    expect(session.current()).toMatchObject({ kind: 'question', number: 3, total: 5 });
    const rest = runAll(session, 1, () => true);
    const again = rest.flatMap((e) => (e.e === 'answer' && asked.includes(e.question) ? [e.question] : []));
    expect(again).toEqual([]);
    expect(rest.filter((e) => e.e === 'rating')).toEqual([{ e: 'rating', at: at(11), topic: 't2', value: 1 }]);
    const result = session.result();
    // The resumed answers count: 1 right + 1 wrong before, then 3 right.
    expect(result).toMatchObject({ resumed: true, answered: 5, correct: 4, saved: { answers: 3, ratings: 1 } });
    expect(result.topics[0]).toMatchObject({ rating: 2, answered: 3, correct: 2 });
    expect(unfinishedSession(state([...events, ...rest]), 'a')).toBeUndefined();
  });

  it('counts earlier answers of the session toward the cap', () => {
    const { events } = interrupted();
    const s = state(events);
    const open = unfinishedSession(s, 'a')!;
    const plan = planSession(a, s, { ...opts, questionsPerTopic: 2, resume: open });
    expect(plan.topics[0]!.questions).toEqual([]);
    expect(plan.topics[1]!.questions).toHaveLength(2);
  });

  it('orders the remaining questions as if the session had not happened', () => {
    // q1 was answered right long ago; the session answered q2 wrong. On resume q3 (unseen) comes before q1.
    const events: ProgressEvent[] = [
      answer('t1', 'q1', true, 0, 'old'),
      { e: 'session', at: at(1), session: 's1', area: 'a', phase: 'start' },
      answer('t1', 'q2', false, 2, 's1'),
    ];
    const s = state(events);
    const plan = planSession(a, s, { ...opts, resume: unfinishedSession(s, 'a')! });
    expect(ids(plan.topics[0]!.questions)).toEqual(['q3', 'q1']);
  });
});

describe('scriptedPlan', () => {
  it('asks exactly the scripted ratings and questions, in roadmap order', () => {
    const a = area('a', [topic('t1', [question('q1'), question('q2'), question('q3')]), topic('t2', [question('q4')])]);
    const plan = scriptedPlan(
      a,
      state(),
      {
        ratings: new Map([['t2', 3]]),
        answers: new Map([
          ['q3', 0],
          ['q1', 1],
        ]),
      },
      'x',
    );
    expect(plan.topics.map((t) => [t.rate, ids(t.questions)])).toEqual([
      [false, ['q1', 'q3']],
      [true, []],
    ]);
  });
});
