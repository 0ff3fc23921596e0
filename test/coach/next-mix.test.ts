import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/coach/summary.js';
import { groupOf, mixSteps, sameStep, trimToLimit } from '../../src/coach/next-mix.js';
import type { Recommendation } from '../../src/coach/types.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { NOW, assessed, daysAgo, masterArea, pathRoadmap, stateOf } from './fixtures.js';

const index = pathRoadmap();
const recs = (events: (ProgressEvent | ProgressEvent[])[], limit = 5) =>
  summarize(index, stateOf(...events), NOW, { limit }).recommendations;
const step = (kind: Recommendation['kind'], id: string, command?: string): Recommendation => ({
  kind,
  area: 'a',
  topic: id,
  title: id,
  reason: 'r',
  action: command ? { text: command, command } : { text: 'x' },
});

describe('mixSteps', () => {
  const byId = new Map();
  it('adds a side step of a missing kind in place of the last of a repeated kind', () => {
    const main = [step('learn', 'a'), step('learn', 'b'), step('assess', 'c', 'pyroad assess c')];
    const out = mixSteps(main, [{ step: step('project', 'p'), group: 'hands-on' }], 3, byId);
    expect(out.map((r) => r.topic)).toEqual(['a', 'c', 'p']);
  });

  it('never adds one of a kind the list has, or one that says the same thing', () => {
    const main = [step('learn', 'a'), step('assess', 'c', 'pyroad assess c')];
    expect(mixSteps(main, [{ step: step('assess', 'd', 'pyroad assess d'), group: 'assess' }], 3, byId)).toHaveLength(
      2,
    );
    expect(mixSteps(main, [{ step: step('project', 'a'), group: 'hands-on' }], 3, byId)).toHaveLength(2);
    expect(sameStep(step('review', 'x', 'pyroad assess sql'), step('assess', 'y', 'pyroad assess sql'))).toBe(true);
  });

  it('keeps a kind shown once: with nothing repeated, the list stays as it is', () => {
    const main = [step('learn', 'a'), step('assess', 'c', 'pyroad assess c')];
    expect(mixSteps(main, [{ step: step('project', 'p'), group: 'hands-on' }], 2, byId).map((r) => r.topic)).toEqual([
      'a',
      'c',
    ]);
    expect(groupOf(step('prove', 'p'), byId)).toBe('hands-on');
  });
});

describe('trimToLimit', () => {
  const byId = new Map();
  it('drops the last step of a kind shown twice, so the only step of a kind stays', () => {
    const list = [
      step('learn', 'a'),
      step('practice', 'x'),
      step('learn', 'b'),
      step('assess', 'c', 'pyroad assess c'),
    ];
    expect(trimToLimit(list, 3, byId).map((r) => r.topic)).toEqual(['a', 'x', 'c']);
  });

  it('drops from the end when every kind is shown once, and leaves a list within the limit alone', () => {
    const list = [step('learn', 'a'), step('practice', 'x'), step('assess', 'c', 'pyroad assess c')];
    expect(trimToLimit(list, 2, byId).map((r) => r.topic)).toEqual(['a', 'x']);
    expect(trimToLimit(list, 5, byId)).toEqual(list);
  });
});

describe('a full next', () => {
  it('offers to assess an area the learner rated highly, with the ratings it rests on', () => {
    const ratings: ProgressEvent[] = ['sql-queries', 'sql-modeling'].map((topic) => ({
      e: 'rating',
      at: daysAgo(1),
      topic,
      value: 4,
    }));
    const list = recs([masterArea(index, 'python', daysAgo(1)), ratings]);
    // The topic-level step already runs `pyroad assess sql`; the area-level one would say the same.
    const sql = list.filter((r) => r.action.command === 'pyroad assess sql');
    expect(sql).toHaveLength(1);
    expect(sql[0]!.reason).toMatch(/You rated yourself 4\/4/);
  });

  it('offers it from a few placement-like answers that were right', () => {
    const list = recs([masterArea(index, 'python', daysAgo(1)), assessed('sql-queries', { right: 2, of: 2 })]);
    const sql = list.find((r) => r.kind === 'assess' && r.area === 'sql');
    expect(sql?.reason).toMatch(/^Your 2 answers in Area sql \(2 right\) put you at .*intermediate/);
  });

  it('does not offer it when the ratings are low', () => {
    const low: ProgressEvent = { e: 'rating', at: daysAgo(1), topic: 'sql-queries', value: 1 };
    const list = recs([masterArea(index, 'python', daysAgo(1)), low]);
    expect(list.some((r) => r.kind === 'assess' && r.area === 'sql' && /rated yourself/.test(r.reason))).toBe(false);
  });

  it('is the same for the same inputs and clock, and never names a topic or command twice', () => {
    const events = [masterArea(index, 'python', daysAgo(200)), assessed('sql-queries', { right: 2, of: 2 })];
    const a = recs(events);
    expect(recs(events)).toEqual(a);
    const keys = a.map((r) => r.topic ?? r.action.command ?? r.title);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
