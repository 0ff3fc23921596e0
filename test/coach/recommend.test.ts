import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/coach/summary.js';
import type { Recommendation } from '../../src/coach/types.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import {
  DAY,
  NOW,
  area,
  assessed,
  daysAgo,
  masterArea,
  pathRoadmap,
  roadmapOf,
  stateOf,
  status,
  topic,
} from './fixtures.js';

const index = pathRoadmap();
const recs = (
  events: (ProgressEvent | ProgressEvent[])[] = [],
  opts: { limit?: number; area?: string; now?: Date } = {},
) =>
  summarize(index, stateOf(...events), opts.now ?? NOW, {
    limit: opts.limit ?? 20,
    ...(opts.area ? { area: opts.area } : {}),
  }).recommendations;
const topicsOf = (list: Recommendation[]) => list.flatMap((r) => (r.topic ? [r.topic] : []));
const pythonDone = () => masterArea(index, 'python', daysAgo(2));

describe('a fresh user', () => {
  const first3 = recs([], { limit: 3 });

  it('is offered the placement first, with `pyroad assess --placement`', () => {
    expect(first3[0]).toMatchObject({
      kind: 'assess',
      area: 'python',
      title: 'Take the placement',
      action: { command: 'pyroad assess --placement' },
    });
    expect(first3[0]!.reason).toMatch(
      /^You have no results yet; a placement asks 2 to 5 questions in each of the \d+ skill areas/,
    );
  });

  it('asked about one area, is pointed to the quiz of that area', () => {
    expect(recs([], { limit: 3, area: 'python' })[0]).toMatchObject({
      kind: 'assess',
      area: 'python',
      action: { command: 'pyroad assess python' },
    });
  });

  it('also gets the orientation and the first Python topic', () => {
    expect(first3.map((r) => [r.kind, r.topic ?? r.area])).toEqual([
      ['assess', 'python'],
      ['start', 'backend-role'],
      ['learn', 'py-basics'],
    ]);
  });
});

describe('rule: prerequisites first', () => {
  it('never a topic with unmet prerequisites while one with met prerequisites is left', () => {
    const all = topicsOf(recs());
    expect(all).toContain('py-basics');
    expect(all).not.toContain('py-functions'); // needs py-basics
    expect(all).not.toContain('http'); // its area needs all of Python
  });

  it('a topic becomes recommended once its prerequisites are mastered', () => {
    expect(topicsOf(recs([assessed('py-basics', { rating: 3, right: 4 })]))).toContain('py-functions');
  });

  it('a skipped prerequisite counts as met', () => {
    expect(topicsOf(recs([status('py-basics', 'skip')]))).toContain('py-functions');
  });

  it('an area waits until the areas it needs are finished', () => {
    const partly = [assessed('py-basics', { rating: 4, right: 4 }), assessed('py-functions', { rating: 4, right: 4 })];
    // Issue 15: its topics wait, but its assessment is offered, after every ready step.
    const before = recs(partly);
    expect(before.some((r) => r.area === 'networking' && r.kind !== 'assess')).toBe(false);
    const assess = before.findIndex((r) => r.area === 'networking');
    expect(before[assess]).toMatchObject({ kind: 'assess', action: { command: 'pyroad assess networking' } });
    expect(before.slice(assess).every((r) => r.kind === 'assess')).toBe(true);
    const after = recs([pythonDone()]);
    expect(after.some((r) => r.area === 'networking' && r.kind !== 'assess')).toBe(true);
    expect(after.some((r) => r.area === 'nosql' && r.kind !== 'assess')).toBe(false); // nosql waits on sql
  });
});

describe('rule: path order', () => {
  it('follows the roadmap: SQL before NoSQL', () => {
    const flat = roadmapOf([
      area('python', [topic('py')]),
      area('sql', [topic('sql-1'), topic('sql-2')]),
      area('nosql', [topic('doc-1')]),
    ]);
    const events = [
      ...assessed('py', { rating: 4, right: 4 }),
      ...assessed('sql-1', { rating: 1, right: 1 }),
      ...assessed('doc-1', { rating: 1, right: 1 }),
    ];
    const order = summarize(flat, stateOf(events), NOW, { limit: 10 }).recommendations.map((r) => r.topic);
    expect(order.indexOf('sql-1')).toBeLessThan(order.indexOf('doc-1'));
    expect(order.indexOf('sql-2')).toBeLessThan(order.indexOf('doc-1'));
  });

  it('skills before prove before apply, even when the roadmap lists them otherwise', () => {
    const mixed = roadmapOf([
      area('jobs', [topic('cv', { questions: 0, checklist: ['Write it'] })], { stage: 'apply' }),
      area('projects', [topic('app', { project: { proves: ['py'], milestones: ['Build'], done_when: 'Done.' } })], {
        stage: 'prove',
      }),
      area('python', [topic('py')]),
    ]);
    const kinds = summarize(mixed, stateOf(), NOW, { limit: 10 }).recommendations.map((r) => r.area);
    expect(kinds.indexOf('python')).toBeLessThan(kinds.indexOf('projects'));
    expect(kinds.indexOf('projects')).toBeLessThan(kinds.indexOf('jobs'));
  });

  it('after Python, moves along the path (and reads the orientation)', () => {
    const after = recs([pythonDone()], { limit: 3 });
    expect(after.some((r) => r.area === 'python')).toBe(false);
    expect(after.map((r) => r.area)).toEqual(['the-job', 'networking', 'networking']);
  });

  it('topics marked "learning" come first within their stage', () => {
    const list = recs([pythonDone(), status('sql-queries', 'learning')]);
    expect(list[0]).toMatchObject({ topic: 'sql-queries', kind: 'learn' });
    expect(list[0]!.reason).toMatch(/in progress/);
  });
});

describe('rule: skipped and mastered topics are not recommended, except due reviews', () => {
  it('skipped topics never are', () => {
    expect(topicsOf(recs([status('py-basics', 'skip'), status('backend-role', 'skip')]))).not.toContain('py-basics');
  });

  it('mastered topics are not, until their review is due', () => {
    const events = [assessed('py-basics', { rating: 4, right: 4, at: daysAgo(1) })];
    expect(topicsOf(recs(events))).not.toContain('py-basics');
    const later = new Date(NOW.getTime() + 60 * DAY);
    const review = recs(events, { now: later }).find((r) => r.topic === 'py-basics');
    expect(review).toMatchObject({ kind: 'review', action: { command: 'pyroad assess python' } });
    expect(review!.reason).toMatch(/due for a re-check/);
  });

  it('a skipped topic is not recommended even when its review is due', () => {
    const events = [assessed('py-basics', { rating: 4, right: 4, at: daysAgo(100) }), status('py-basics', 'skip')];
    expect(topicsOf(recs(events))).not.toContain('py-basics');
  });

  it('topics marked done are not recommended', () => {
    expect(topicsOf(recs([status('py-basics', 'done')]))).not.toContain('py-basics');
  });
});

describe('rule: rated 3+ with a poor quiz → review, and the reason says so', () => {
  it.each([
    [3, 0],
    [4, 1],
  ])('rating %i with %i of 4 right', (rating, right) => {
    const list = recs([pythonDone(), assessed('http', { rating, right })]);
    expect(list[0]).toMatchObject({ kind: 'review', topic: 'http' });
    expect(list[0]!.reason).toContain(`rated yourself ${rating}/4`);
    expect(list[0]!.reason).toContain(`${right} of 4`);
  });

  it('puts the re-check in the reason, so the resource URL never follows the command', () => {
    const [first] = recs([pythonDone(), assessed('http', { rating: 4, right: 0 })]);
    expect(first!.reason).toMatch(/then re-check with pyroad assess networking\.$/);
    expect(first!.action.text).not.toContain('pyroad assess');
  });

  it('not for a modest rating', () => {
    const list = recs([pythonDone(), assessed('http', { rating: 1, right: 0 })]);
    expect(list.find((r) => r.topic === 'http')).toMatchObject({ kind: 'learn' });
  });
});

describe('reasons are true of the data they cite (issue 15)', () => {
  it('one right answer is "not yet enough", never "the next gap"', () => {
    const list = recs([assessed('py-basics', { right: 1, of: 1 })]);
    const basics = list.find((r) => r.topic === 'py-basics')!;
    expect(basics.reason).toMatch(/^You got 1 of 1 question right, which is not yet enough to count it as known/);
    expect(basics.reason).not.toMatch(/gap/);
  });

  it('some wrong answers are called gaps', () => {
    const list = recs([assessed('py-basics', { right: 1, of: 3, at: daysAgo(0) })]);
    expect(list.find((r) => r.topic === 'py-basics')!.reason).toMatch(
      /^You got 1 of 3 questions right, so it still has gaps/,
    );
  });
});

describe('due reviews are mixed in, not drowning new learning', () => {
  const now = new Date(NOW.getTime() + 200 * DAY);
  const manyDue = [pythonDone(), masterArea(index, 'the-job', daysAgo(2)), masterArea(index, 'networking', daysAgo(2))];

  it('at most one of the top 3 is a review while there is something new', () => {
    const top = recs(manyDue, { now, limit: 3 });
    expect(top.filter((r) => r.kind === 'review')).toHaveLength(1);
    expect(top[1]!.kind).toBe('review');
  });

  it('one review per area, listing its due topics', () => {
    const all = recs(manyDue, { now }).filter((r) => r.kind === 'review');
    expect(all.map((r) => r.area).sort()).toEqual(['networking', 'python', 'the-job']);
    expect(all.find((r) => r.area === 'python')!.reason).toMatch(/^3 topics/);
  });

  it('reviews fill the list when nothing else is left', () => {
    const everything = index.roadmap.areas.map((a) => masterArea(index, a.id, daysAgo(2)));
    const list = recs(everything, { now });
    expect(list.length).toBeGreaterThan(2);
    expect(list.every((r) => r.kind === 'review')).toBe(true);
  });
});

describe('actions use what the roadmap offers', () => {
  const beforeProve = [
    pythonDone(),
    masterArea(index, 'the-job'),
    masterArea(index, 'networking'),
    masterArea(index, 'sql'),
    masterArea(index, 'nosql'),
  ];

  it('a learn recommendation links a free resource', () => {
    expect(recs([], { limit: 3 })[2]!.action).toEqual({
      text: 'Study: py-basics docs',
      url: 'https://example.com/py-basics',
    });
  });

  it('a portfolio project: start it, with its first milestone', () => {
    const project = recs(beforeProve).find((r) => r.kind === 'project')!;
    expect(project).toMatchObject({ topic: 'api-project', action: { command: 'pyroad show api-project' } });
    expect(project.action.text).toBe('Start the project, milestone 1 of 3: Sketch the API');
    expect(project.reason).toBe('You have covered the 2 topics it draws on; building it shows them to employers.');
  });

  it('a project in progress: keep building until done', () => {
    const project = recs([...beforeProve, status('api-project', 'learning')]).find((r) => r.kind === 'project')!;
    expect(project.action.text).toMatch(/^Keep building; it is done when it is live/);
  });

  it('a certificate', () => {
    expect(recs(beforeProve).find((r) => r.kind === 'certificate')).toMatchObject({
      topic: 'pcep',
      action: { url: 'https://example.com/pcep/exam' },
    });
  });

  it('a job-search step: the first checklist step', () => {
    const job = recs([...beforeProve, status('api-project', 'done'), status('pcep', 'done')]).find(
      (r) => r.kind === 'job',
    )!;
    expect(job).toMatchObject({ topic: 'cv', action: { text: 'Step 1 of 2: Write a one-page CV' } });
  });

  it('a topic rated 3+ but never quizzed: check it', () => {
    const list = recs([{ e: 'rating', at: daysAgo(1), topic: 'py-basics', value: 3 }]);
    expect(list.find((r) => r.topic === 'py-basics')).toMatchObject({
      kind: 'assess',
      action: { command: 'pyroad assess python' },
    });
  });

  it('every recommendation has a one-sentence reason and an action', () => {
    for (const r of [
      ...recs([]),
      ...recs(beforeProve),
      ...recs([pythonDone(), assessed('http', { rating: 4, right: 0 })]),
    ]) {
      expect(r.reason).toMatch(/^[A-Z0-9].*\.$/);
      expect(r.reason.split(/\. /)).toHaveLength(1);
      expect(r.action.text.length).toBeGreaterThan(0);
      expect(r.action.url ?? r.action.command).toBeTruthy();
    }
  });
});

describe('--area and --limit', () => {
  it('limits the list', () => {
    expect(recs([], { limit: 1 })).toHaveLength(1);
    expect(recs([], { limit: 2 })).toHaveLength(2);
  });

  it('keeps to the area asked for', () => {
    const list = recs([pythonDone()], { area: 'networking' });
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((r) => r.area === 'networking')).toBe(true);
  });

  it('for an area still waiting on others, recommends what it waits on and says why', () => {
    const list = recs([], { area: 'nosql' });
    expect(list.length).toBeGreaterThan(0);
    // Issue 15: prerequisites guide, they do not block knowing; the area's own assessment comes first.
    expect(list[0]).toMatchObject({ kind: 'assess', area: 'nosql', action: { command: 'pyroad assess nosql' } });
    expect(list[0]!.reason).toMatch(/^You have not assessed Area nosql yet; its topics build on others/);
    expect(list[1]).toMatchObject({ topic: 'py-basics' });
    expect(list[1]!.reason).toMatch(/^Area nosql builds on it/);
  });

  it('an area with nothing left gives nothing', () => {
    expect(recs([pythonDone()], { area: 'python' })).toEqual([]);
  });
});

describe('edge cases', () => {
  it('a roadmap whose prerequisites form a loop still gets recommendations', () => {
    const loop = roadmapOf([area('a', [topic('x', { prerequisites: ['y'] }), topic('y', { prerequisites: ['x'] })])]);
    const list = summarize(loop, stateOf(), NOW).recommendations;
    expect(list.map((r) => r.topic)).toEqual(['x', 'y']);
    expect(list[0]!.reason).toMatch(/loop/);
  });

  it('nothing left and nothing due: no recommendations', () => {
    const everything = index.roadmap.areas.map((a) => masterArea(index, a.id, daysAgo(1)));
    expect(recs(everything)).toEqual([]);
  });

  it('same roadmap, progress and clock → the same output', () => {
    const events = [pythonDone(), assessed('http', { rating: 4, right: 1 }), status('sql-queries', 'learning')];
    const a = summarize(pathRoadmap(), stateOf(...events), new Date(NOW));
    const b = summarize(pathRoadmap(), stateOf(...events), new Date(NOW));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
