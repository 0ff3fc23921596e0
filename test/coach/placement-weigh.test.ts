import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/coach/summary.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { NOW, assessed, daysAgo, pathRoadmap, stateOf } from './fixtures.js';

const index = pathRoadmap();
const next = (events: ProgressEvent[][], limit = 5) =>
  summarize(index, stateOf(...events), NOW, { limit }).recommendations;

/** Placement answers: `right` right and `wrong` wrong on a topic's questions (all easy in these fixtures). */
function placed(topic: string, right: number, wrong = 0): ProgressEvent[] {
  return Array.from({ length: right + wrong }, (_, i) => ({
    e: 'answer',
    at: daysAgo(1),
    topic,
    question: `${topic}-q${i + 1}`,
    choice: i < right ? 0 : 1,
    correct: i < right,
    session: 'placement-1',
    source: 'placement',
  }));
}

describe('next weighs placement answers as a placement', () => {
  it('an area placed "knows it" is offered as a full quiz, not taught from its first topic', () => {
    const list = next([placed('py-basics', 2), placed('py-functions', 1)]);
    expect(list[0]).toMatchObject({ kind: 'assess', area: 'python', action: { command: 'pyroad assess python' } });
    expect(list[0]!.reason).toBe(
      'Your placement put you at "knows it" in Area python (3 of 3 right: likely advanced, could be intermediate), so a full quiz is the quickest way to confirm it and skip what you know of its 3 open topics.',
    );
    expect(list.some((r) => r.topic === 'py-basics' && r.kind === 'learn')).toBe(false);
  });

  it('offers the quiz of an area placed "knows it" even while that area waits on another', () => {
    const list = next([placed('py-basics', 0, 2), placed('sql-queries', 2), placed('sql-modeling', 2)]);
    const sql = list.find((r) => r.action.command === 'pyroad assess sql');
    expect(sql?.reason).toMatch(/^Your placement put you at "knows it" in Area sql \(4 of 4 right/);
    // Python, placed "new", is taught from its start.
    expect(list.some((r) => r.topic === 'py-basics')).toBe(true);
  });

  it('with --area on an area that waits, the area it waits on is offered as a quiz when placed "knows it"', () => {
    const events = [
      placed('py-basics', 2),
      placed('py-functions', 1),
      placed('sql-queries', 2),
      placed('sql-modeling', 2),
    ];
    const list = summarize(index, stateOf(...events), NOW, { limit: 5, area: 'sql' }).recommendations;
    expect(list.map((r) => r.action.command)).toEqual(['pyroad assess sql', 'pyroad assess python']);
    expect(list[1]!.reason).toBe(
      'Area sql builds on Area python, where your placement put you at "knows it"; its quiz confirms that and opens the topics of Area sql.',
    );
  });

  it('cites one placement question for what it is, never as a topic score', () => {
    const list = next([placed('py-basics', 0, 1)]);
    const basics = list.find((r) => r.topic === 'py-basics')!;
    expect(basics.reason).toMatch(
      /^Your placement asked one question on it and you missed it: a first sign, not proof;/,
    );
    expect(basics.reason).not.toMatch(/so it still has gaps|0 of 1 question/);
  });

  it('a rating of 3+ that the placement contradicts is over-confidence, naming the other areas it shows in', () => {
    const ratings: ProgressEvent[] = ['py-basics', 'py-functions', 'sql-queries', 'sql-modeling'].map((topic) => ({
      e: 'rating',
      at: daysAgo(2),
      topic,
      value: 4,
    }));
    const list = next([ratings, placed('py-functions', 0, 2), placed('sql-modeling', 0, 2)]);
    const lead = list.find((r) => r.topic === 'py-basics')!;
    expect(lead.kind).toBe('review');
    expect(lead.reason).toBe(
      'You rated yourself 4/4, but your placement answers in Area python (0 of 2 right) put you at likely beginner, could be intermediate, so study it before building on it, then re-check with pyroad assess python; your placement answers fell short of your ratings in Area sql (0 of 2 right) too.',
    );
    expect(list.filter((r) => r.reason.includes('fell short'))).toHaveLength(1);
  });

  it('after an area quiz the placement no longer speaks for the area', () => {
    const list = next([placed('py-basics', 2), placed('py-functions', 1), assessed('py-classes', { right: 1, of: 4 })]);
    expect(list.some((r) => r.reason.includes('Your placement put you at'))).toBe(false);
  });
});
