import { describe, expect, it } from 'vitest';
import { buildCohort } from '../../src/coach/cohort.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { NOW, assessed, daysAgo, pathRoadmap, status } from './fixtures.js';

const check = (passed: number, total: number, at = daysAgo(2)): ProgressEvent => ({
  e: 'check',
  at,
  topic: 'api-project',
  fingerprint: 'abcdef12',
  total,
  passed,
  failed: Array.from({ length: total - passed }, (_, i) => `c${i}`),
});

describe('buildCohort', () => {
  const index = pathRoadmap();
  const learners = [
    { name: 'ana', file: 'ana.json', events: [...assessed('py-basics', { rating: 4, right: 4 }), check(5, 5)] },
    { name: 'ben', file: 'ben.json', events: [...assessed('py-basics', { rating: 1, right: 0, at: daysAgo(9) })] },
    {
      name: 'cy',
      file: 'cy.json',
      events: [...assessed('py-basics', { rating: 2, right: 1 }), check(2, 5), status('sql-queries', 'done')],
    },
    { name: 'dee', file: 'dee.json', events: [] },
  ];
  const cohort = buildCohort(index, learners, NOW);
  const row = (name: string) => cohort.learners.find((l) => l.name === name)!;

  it('one row per learner, in the order given', () => {
    expect(cohort.learners.map((l) => l.name)).toEqual(['ana', 'ben', 'cy', 'dee']);
    expect(cohort.roadmap).toBe('Test roadmap');
    expect(cohort.areas.map((a) => a.id)).toEqual(index.roadmap.areas.map((a) => a.id));
  });

  it('projects: built when every milestone is ticked, proven only when a full run of the checks passed', () => {
    expect([row('ana').projectsBuilt, row('ana').projectsProven]).toEqual([1, 1]);
    // A failing check run is work, not a built project.
    expect([row('cy').projectsBuilt, row('cy').projectsProven]).toEqual([0, 0]);
    expect([row('ben').projectsBuilt, row('ben').projectsProven]).toEqual([0, 0]);
    const tick = (item: number): ProgressEvent => ({
      e: 'tick',
      at: daysAgo(1),
      topic: 'api-project',
      list: 'milestone',
      item,
      done: true,
    });
    const rows = buildCohort(
      index,
      [
        { name: 'one', file: 'one.json', events: [tick(0)] },
        { name: 'all', file: 'all.json', events: [tick(0), tick(1), tick(2)] },
        { name: 'done', file: 'done.json', events: [status('api-project', 'done')] },
      ],
      NOW,
    ).learners;
    expect(rows.map((r) => [r.name, r.projectsBuilt, r.projectsProven])).toEqual([
      ['one', 0, 0],
      ['all', 1, 0],
      ['done', 1, 0],
    ]);
  });

  it('last active is the latest record; none for an empty export', () => {
    expect(row('ben').lastActive).toBe(daysAgo(9));
    expect(row('ana').lastActive).toBe(daysAgo(1));
    expect(row('dee').lastActive).toBeUndefined();
  });

  it('a stronger learner has more mastery and readiness than a weaker one', () => {
    expect(row('ana').areaMastery.python!).toBeGreaterThan(row('ben').areaMastery.python!);
    expect(row('ana').readiness).toBeGreaterThan(row('ben').readiness);
    expect(row('ben').gaps.length).toBeGreaterThan(0);
  });

  it('common gaps: topics two or more learners answered and are weak in', () => {
    expect(row('ben').weak).toEqual(['py-basics']);
    expect(row('cy').weak).toEqual(['py-basics']);
    expect(row('ana').weak).toEqual([]);
    expect(cohort.commonGaps).toEqual([
      { topic: 'py-basics', title: 'Title of py-basics', area: 'python', learners: 2, of: 4 },
    ]);
  });
});
