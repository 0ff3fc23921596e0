import { describe, expect, it } from 'vitest';
import { applicationsOf, followUpsOf, funnelOf, topicsNamed } from '../../src/coach/applications.js';
import { linkProblem, numberedLinks, projectStage, tickLabel } from '../../src/coach/portfolio.js';
import { summarize, summarizeNext } from '../../src/coach/summary.js';
import { EventLog } from '../../src/progress/log.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { NOW, daysAgo, masterArea, pathRoadmap, stateOf, status, topic } from './fixtures.js';

/** Issue 18: milestones, evidence links and job applications, folded and turned into steps. */
const index = pathRoadmap();
const tick = (t: string, item: number, done = true, at = daysAgo(1)): ProgressEvent => ({
  e: 'tick',
  at,
  topic: t,
  list: t === 'cv' ? 'checklist' : 'milestone',
  item,
  done,
});
const link = (t: string, ref: string, at = daysAgo(1)): ProgressEvent => ({
  e: 'evidence',
  at,
  topic: t,
  ref,
  url: `https://github.com/ada/${ref}`,
});
const app = (ref: string, stage: string, at: string, extra: Record<string, unknown> = {}): ProgressEvent =>
  ({ e: 'application', at, ref, stage, ...extra }) as ProgressEvent;
const added = (ref: string, at: string, extra: Record<string, unknown> = {}) =>
  app(ref, 'applied', at, { company: `Co ${ref}`, role: 'Junior developer', ...extra });

describe('a link is checked for form, never fetched', () => {
  it.each([
    ['https://github.com/ada/site', undefined],
    ['http://localhost:8000/', undefined],
    ['http://127.0.0.1:5000/api', undefined],
    ['./notes/certificate.pdf', undefined],
    ['C:\\certs\\pcep.pdf', undefined],
    ['http://example.com', 'uses http; use https (http only for localhost)'],
    ['ftp://example.com/x', 'uses ftp:; use an https URL or a file path'],
    ['javascript:alert(1)', 'uses javascript:; use an https URL or a file path'],
    ['https://', 'is not a valid URL'],
  ])('%s → %s', (target, problem) => expect(linkProblem(target)).toBe(problem));
});

describe('where a project stands', () => {
  const work = (ticked: number, links = 0, hasChecks = false, checksPassed = false) => ({
    ticked,
    total: 3,
    links,
    hasChecks,
    checksPassed,
  });
  it.each([
    [undefined, false, 'todo'],
    [undefined, true, 'built'],
    [work(1), false, 'building'],
    [work(3), false, 'built'],
    [work(0), true, 'built'],
    [work(3, 1), false, 'proven'],
    [work(3, 1, true, false), false, 'built'],
    [work(3, 0, true, true), false, 'proven'],
  ] as const)('%o, marked done %s → %s', (w, done, stage) => expect(projectStage(w, done)).toBe(stage));

  it('counts ticks as "N of M milestones", the latest tick winning and un-ticking possible', () => {
    const s = summarize(
      index,
      stateOf(tick('api-project', 0), tick('api-project', 1), tick('api-project', 1, false, daysAgo(0.5))),
      NOW,
    );
    expect(s.portfolio!.work).toEqual([
      expect.objectContaining({ topic: 'api-project', label: '1 of 3 milestones', ticked: [1], stage: 'building' }),
    ]);
    expect(tickLabel({ list: 'checklist', done: 1, total: 1 })).toBe('1 of 1 checklist step');
  });
});

describe('readiness counts built and proven projects', () => {
  const skills = ['the-job', 'python', 'networking', 'sql', 'nosql'].map((a) => masterArea(index, a));
  const project = (...events: ProgressEvent[]) =>
    summarize(index, stateOf(...skills, ...events), NOW).topics.find((t) => t.topic === 'api-project')!;
  it.each([
    ['nothing done', [], 0, false],
    ['two of three milestones', [tick('api-project', 0), tick('api-project', 1)], 0.467, false],
    ['all milestones: built', [0, 1, 2].map((i) => tick('api-project', i)), 0.85, true],
    [
      'built and a link attached: proven',
      [...[0, 1, 2].map((i) => tick('api-project', i)), link('api-project', 'r1')],
      1,
      true,
    ],
    ["marked done, nothing tracked (the learner's word)", [status('api-project', 'done')], 1, true],
  ] as const)('%s → mastery %s', (_, events, mastery, mastered) => {
    expect(project(...events)).toMatchObject({ mastery, mastered });
  });

  it('moves next from "build X" to "prove X" to "apply"', () => {
    const step = (...events: ProgressEvent[]) =>
      summarizeNext(index, stateOf(...skills, masterArea(index, 'certificates'), ...events), NOW, { limit: 1 })
        .recommendations[0]!;
    const building = step(tick('api-project', 0));
    expect(building).toMatchObject({ kind: 'project', topic: 'api-project' });
    expect(building.action.command).toBe('pyroad mark api-project --milestone 2 done');
    expect(building.reason).toMatch(/^You have ticked 1 of 3 milestones/);
    const built = [0, 1, 2].map((i) => tick('api-project', i));
    expect(step(...built)).toMatchObject({ kind: 'prove', topic: 'api-project', title: 'Prove Title of api-project' });
    expect(step(...built).action.command).toBe('pyroad evidence add api-project');
    expect(step(...built, link('api-project', 'r1'))).toMatchObject({
      kind: 'apply',
      title: 'Send your first application',
    });
    expect(step(...built, link('api-project', 'r1'), added('a1', daysAgo(1))).kind).not.toBe('apply');
  });
});

describe('evidence links', () => {
  it('are numbered in the order attached; a removed number is not reused; a duplicate counts once', () => {
    const log = EventLog.of([
      link('api-project', 'r1'),
      link('pcep', 'r2'),
      { e: 'evidence-removed', at: daysAgo(0.5), topic: 'api-project', ref: 'r1' },
      link('pcep', 'r2'),
      link('cv', 'r3'),
    ]);
    expect(numberedLinks(log).map((l) => [l.n, l.topic])).toEqual([
      [2, 'pcep'],
      [3, 'cv'],
    ]);
  });
});

describe('job applications', () => {
  const d = (n: number) => daysAgo(n);
  const log = EventLog.of([
    added('a', d(20), { stack: ['python', 'django'] }),
    added('b', d(10)),
    added('c', d(3)),
    app('a', 'screen', d(15)),
    app('a', 'interview', d(2), { date: '2026-03-02' }),
    app('b', 'rejected', d(5), { note: 'They wanted someone who knows indexes in SQL (sql-modeling).' }),
    added('d', d(30)),
    app('d', 'withdrawn', d(25)),
  ]);
  const apps = applicationsOf(log);

  it('keep each history and number applications in the order added', () => {
    expect(apps.map((a) => [a.n, a.company, a.stage])).toEqual([
      [1, 'Co a', 'interview'],
      [2, 'Co b', 'rejected'],
      [3, 'Co c', 'applied'],
      [4, 'Co d', 'withdrawn'],
    ]);
    expect(apps[0]!.history.map((h) => h.stage)).toEqual(['applied', 'screen', 'interview']);
    expect(apps[0]!.interviewOn).toBe('2026-03-02');
  });

  it('make a funnel with a response rate', () => {
    expect(funnelOf(apps)).toEqual({
      applied: 4,
      screened: 1,
      interviewed: 1,
      offers: 0,
      rejected: 1,
      withdrawn: 1,
      open: 2,
      responseRate: 0.5,
    });
    expect(funnelOf([]).responseRate).toBe(0);
  });

  const topics = index.roadmap.areas.flatMap((a) => a.topics);
  it.each([
    ['an interview tomorrow', NOW, ['interview:1', 'rejection:2']],
    ['an interview today, a week later for c', new Date('2026-03-02T09:00:00Z'), ['interview:1', 'rejection:2']],
    ['seven days after c applied', new Date('2026-03-05T12:00:00Z'), ['follow-up:3', 'rejection:2']],
    ['six days after c applied', new Date('2026-03-04T11:00:00Z'), ['rejection:2']],
  ])('%s', (_, now, expected) => {
    expect(followUpsOf(apps, topics, now).map((f) => `${f.kind}:${f.app.n}`)).toEqual(expected);
  });

  it('name the topics a stack or a note names, the rarest word first', () => {
    const t = [topic('django'), topic('flask'), topic('sql-queries'), topic('sql-indexing'), topic('python-classes')];
    expect(topicsNamed(['django', 'postgres'], t).map((x) => x.id)).toEqual(['django']);
    expect(topicsNamed(['They asked about SQL indexing.'], t, 1).map((x) => x.id)).toEqual(['sql-indexing']);
    expect(topicsNamed(['the team was lovely'], t)).toEqual([]);
  });

  it('bring next an interview step first, naming the stack topics', () => {
    const state = stateOf(
      added('x', d(10), { stack: ['sql'], company: 'Acme' }),
      app('x', 'interview', d(1), { date: '2026-03-02' }),
    );
    const [first] = summarizeNext(index, state, NOW).recommendations;
    expect(first).toMatchObject({ kind: 'follow-up', title: 'Prepare for your interview at Acme' });
    expect(first!.reason).toMatch(/is tomorrow, and its stack names Title of sql-/);
  });
});
