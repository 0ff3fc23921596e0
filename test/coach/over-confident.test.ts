import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/coach/summary.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { NOW, assessed, masterArea, pathRoadmap, stateOf } from './fixtures.js';

const index = pathRoadmap();
const next = (events: ProgressEvent[][], limit = 5, area?: string) =>
  summarize(index, stateOf(...events), NOW, { limit, ...(area ? { area } : {}) }).recommendations;
const python = masterArea(index, 'python');

describe('next: over-confidence in several topics', () => {
  it('gives the worst two their own steps when they are in different areas, and counts the rest in one', () => {
    const list = next([
      python,
      assessed('http', { rating: 4, right: 0 }),
      assessed('sql-queries', { rating: 4, right: 1 }),
      // Waits on SQL: named, not a step of its own.
      assessed('doc-modeling', { rating: 3, right: 1 }),
    ]);
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(list.length).toBeLessThanOrEqual(5);
    const topics = list.map((r) => r.topic).filter((t) => t !== undefined);
    expect(new Set(topics).size).toBe(topics.length);
    const http = list.findIndex((r) => r.topic === 'http');
    expect(http).toBeGreaterThanOrEqual(0);
    expect(list[http + 1]!.topic).toBe('sql-queries');
    expect(list[http + 1]!.reason).toMatch(/rated yourself 4\/4 .* got 1 of 4 questions right/);
    expect(list[http]!.reason).toContain(
      'your answers fell short of your rating on 1 more topic too: Title of doc-modeling (1 of 4 right).',
    );
    // One sentence each.
    for (const r of list) expect(r.reason.replace(/\.$/, '')).not.toMatch(/\.\s/);
    expect(list.filter((r) => r.topic === 'doc-modeling')).toEqual([]);
  });

  it('names the others in the first step when they are all in one area, worst first', () => {
    const list = next([
      assessed('py-basics', { rating: 4, right: 1 }),
      assessed('py-functions', { rating: 4, right: 0 }),
      assessed('py-classes', { rating: 3, right: 1 }),
    ]);
    const lead = list.find((r) => r.topic === 'py-basics')!;
    expect(lead.reason).toContain(
      'on 2 more topics too: Title of py-functions (0 of 4 right) and Title of py-classes (1 of 4 right).',
    );
    expect(list.filter((r) => r.topic === 'py-functions' || r.topic === 'py-classes')).toEqual([]);
  });

  it('adds nothing for a single misjudged topic, and keeps to the area with --area', () => {
    const one = next([assessed('py-basics', { rating: 4, right: 1 })]);
    expect(one.find((r) => r.topic === 'py-basics')!.reason).not.toContain('more topic');
    const inSql = next(
      [python, assessed('http', { rating: 4, right: 0 }), assessed('sql-queries', { rating: 4, right: 1 })],
      5,
      'sql',
    );
    expect(inSql.every((r) => r.area === 'sql')).toBe(true);
    expect(inSql.find((r) => r.topic === 'sql-queries')!.reason).not.toContain('more topic');
  });

  it('fits a full list: a limit of 3 still shows both, replacing a step of a kind shown twice', () => {
    const list = next(
      [python, assessed('http', { rating: 4, right: 0 }), assessed('sql-queries', { rating: 4, right: 1 })],
      3,
    );
    expect(list).toHaveLength(3);
    expect(list.map((r) => r.topic)).toEqual(expect.arrayContaining(['http', 'sql-queries']));
  });
});
