import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRoadmapFiles } from '../src/roadmap/load.js';
import { formatProblem } from '../src/roadmap/problems.js';
import { indexRoadmap } from '../src/roadmap/query.js';
import type { Question, Roadmap } from '../src/roadmap/schema.js';
import { CUE_LIMITS, bankStats } from '../src/roadmap/stats.js';
import { ROOT } from './helpers/cli.js';

// The shipped roadmap is content, and content is tested like code (see ../shared/coverage.md).
const result = loadRoadmapFiles(join(ROOT, 'data', 'roadmap.yaml'));

/** Each item of coverage.md and the topics that teach it. */
const COVERAGE: Record<string, string[]> = {
  '1 what the job is': ['backend-role', 'backend-operations'],
  '2 python fundamentals': [
    'python-control-flow',
    'python-functions',
    'python-classes',
    'python-modules-packages',
    'python-docs',
  ],
  '3 front-end basics': ['browser-backend', 'html-css-basics', 'javascript-fetch'],
  '4 networking': ['tcp-ip', 'http-protocol', 'rest-principles', 'python-http-clients', 'python-networking-libs'],
  '5 linux': ['linux-shell', 'linux-files-permissions', 'linux-processes-services', 'linux-remote-servers'],
  '6 api design': ['api-endpoints', 'api-data-modeling', 'api-auth', 'api-rate-limiting', 'api-errors', 'api-scaling'],
  '7 web frameworks': ['http-server-by-hand', 'flask', 'django', 'fastapi', 'choosing-a-framework'],
  '8 security': ['cryptography-basics', 'tls', 'oauth', 'security-hardening'],
  '9 sql databases': [
    'relational-modeling',
    'sql-queries',
    'sql-indexing',
    'sql-integrity',
    'sql-engines',
    'sqlalchemy',
  ],
  '10 nosql databases': [
    'document-modeling',
    'nosql-distributed',
    'sharding-partitioning',
    'nosql-querying-indexing',
    'key-value-caching',
    'nosql-products',
    'pymongo',
  ],
  '11 devops': ['ci-cd', 'infrastructure', 'monitoring', 'logging'],
  '12 portfolio projects': ['portfolio-site-project', 'pypi-package-project', 'platform-app-project'],
  '13 certificates': ['backend-path-certificate', 'vendor-certificates', 'university-certificates'],
  '14 job search': [
    'job-ads-screening',
    'job-boards',
    'language-agnostic-roles',
    'company-stack-research',
    'interview-prep',
  ],
  '15 testing': ['pytest-basics', 'pytest-fixtures', 'test-doubles', 'test-coverage', 'api-testing'],
  '16 git': ['git-basics', 'git-merge-rebase', 'git-team-workflow', 'git-undo-bisect'],
  '17 python depth': [
    'python-iterators-generators',
    'python-decorators',
    'python-context-managers',
    'python-dataclasses',
    'python-type-hints',
    'python-errors',
    'python-packaging',
  ],
  '18 concurrency and serving': [
    'python-gil-threads-processes',
    'asyncio-basics',
    'async-blocking-calls',
    'wsgi-asgi',
    'app-servers-workers',
  ],
  '19 background work': ['task-queues', 'task-retries-idempotency', 'scheduled-jobs', 'outbox-pattern'],
  '20 databases in production': [
    'db-migrations',
    'orm-n-plus-one',
    'transactions-isolation',
    'connection-pooling',
    'sql-explain',
  ],
  '21 containers and deployment': ['dockerfile-python', 'docker-compose', 'app-config-env', 'health-checks', 'ci-cd'],
  '22 system design': [
    'caching-strategies',
    'load-balancing',
    'horizontal-scaling',
    'service-queues',
    'distributed-rate-limiting',
    'capacity-estimates',
  ],
  '23 observability': ['logging', 'monitoring', 'tracing-opentelemetry', 'error-tracking', 'incident-logs'],
  '24 coding interviews': [
    'python-data-structure-costs',
    'big-o-analysis',
    'interview-patterns',
    'take-home-assignments',
  ],
  myths: ['python-backend-myths'],
};

/** The path, as "this area comes (transitively) after that one". */
const ORDER: [later: string, earlier: string][] = [
  ['api-design', 'networking'],
  ['web-frameworks', 'api-design'],
  ['nosql', 'sql'],
  ['portfolio', 'web-frameworks'],
  ['portfolio', 'sql'],
  ['certificates', 'python'],
  ['certificates', 'sql'],
  ['certificates', 'devops'],
  ['job-search', 'portfolio'],
  ['python-depth', 'python'],
  ['testing', 'python-depth'],
  ['concurrency', 'web-frameworks'],
  ['databases-production', 'sql'],
  ['background-jobs', 'databases-production'],
  ['observability', 'devops'],
  ['system-design', 'databases-production'],
  ['coding-interviews', 'python-depth'],
];

function roadmap(): Roadmap {
  expect(result.problems.map(formatProblem)).toEqual([]);
  return result.roadmap!;
}

describe('the shipped roadmap', () => {
  it('validates', () => {
    expect(result.problems.map(formatProblem)).toEqual([]);
  });

  it('has the size the second edition promises: 90+ topics, 500+ questions', () => {
    const r = roadmap();
    const topics = r.areas.flatMap((a) => a.topics);
    expect(r.areas.length).toBeGreaterThanOrEqual(20);
    expect(topics.length).toBeGreaterThanOrEqual(90);
    expect(topics.flatMap((t) => t.questions).length).toBeGreaterThanOrEqual(500);
  });

  it('asks about Python more than about NoSQL', () => {
    const count = (id: string) =>
      roadmap()
        .areas.find((a) => a.id === id)!
        .topics.flatMap((t) => t.questions).length;
    expect(count('python') + count('python-depth')).toBeGreaterThan(2 * count('nosql'));
    expect(count('python')).toBeGreaterThan(count('nosql'));
  });

  it('gives every topic a study-time estimate and 4+ questions with a hard one', () => {
    for (const t of roadmap().areas.flatMap((a) => a.topics)) {
      expect(t.hours, t.id).toBeGreaterThan(0);
      expect(t.questions.length, t.id).toBeGreaterThanOrEqual(4);
      expect(
        t.questions.some((q) => q.difficulty === 'hard'),
        t.id,
      ).toBe(true);
    }
  });

  it('tests doing the job: half or more of the skill questions show code, a command, output or HTTP', () => {
    const showsCode = (q: Question) =>
      q.prompt.includes('```') ||
      q.choices.some((c) => c.includes('\n')) ||
      q.choices.filter((c) => /^`[^`]+`$/.test(c.trim())).length >= 2;
    for (const area of roadmap().areas.filter((a) => a.stage === 'skills')) {
      const qs = area.topics.flatMap((t) => t.questions);
      expect(qs.filter(showsCode).length / qs.length, area.id).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('gives a test-wise learner nothing: no length, wording or position cue past its limit', () => {
    const stats = bankStats(roadmap());
    expect(stats.warnings).toEqual([]);
    for (const r of stats.lengthRanks)
      expect(r.score, `length rank ${r.rank}`).toBeLessThanOrEqual(CUE_LIMITS.lengthRankScore);
    expect(Math.abs(stats.absolutes.keys - stats.absolutes.distractors)).toBeLessThanOrEqual(CUE_LIMITS.absoluteGap);
    for (const p of stats.positions)
      expect(Math.abs(p.share - p.expected), `position ${p.position}`).toBeLessThanOrEqual(CUE_LIMITS.positionGap);
  });

  it('covers every item of coverage.md with real topics', () => {
    const index = indexRoadmap(roadmap());
    for (const [item, ids] of Object.entries(COVERAGE))
      for (const id of ids) expect(index.topics.has(id), `${item}: topic ${id}`).toBe(true);
  });

  it('runs in three stages in order: skills, then prove, then apply', () => {
    const stages = roadmap().areas.map((a) => a.stage);
    expect(stages.indexOf('prove')).toBeGreaterThan(stages.lastIndexOf('skills'));
    expect(stages.indexOf('apply')).toBeGreaterThan(stages.lastIndexOf('prove'));
    const ids = roadmap().areas.map((a) => a.id);
    expect(ids.indexOf('python')).toBeLessThanOrEqual(1);
    expect(ids.indexOf('sql')).toBeLessThan(ids.indexOf('nosql'));
  });

  it('encodes the path in prerequisites', () => {
    const index = indexRoadmap(roadmap());
    const before = (id: string, seen = new Set<string>()): Set<string> => {
      for (const dep of index.areas.get(id)!.prerequisites)
        if (!seen.has(dep)) {
          seen.add(dep);
          before(dep, seen);
        }
      return seen;
    };
    for (const [later, earlier] of ORDER) expect(before(later).has(earlier), `${later} after ${earlier}`).toBe(true);
    expect(index.areas.get('python')!.prerequisites).toEqual([]);
  });

  it('gives every topic a summary, a why and a free https resource', () => {
    for (const area of roadmap().areas)
      for (const t of area.topics) {
        expect(t.summary.trim().length, t.id).toBeGreaterThan(20);
        expect((t.why ?? '').trim().length, t.id).toBeGreaterThan(20);
        expect(
          t.resources.some((r) => r.free && r.url.startsWith('https://')),
          t.id,
        ).toBe(true);
        for (const r of t.resources) expect(r.url, t.id).toMatch(/^https:\/\//);
      }
  });

  it('has questions with one key in range, distinct choices, 3-5 choices and an explanation', () => {
    for (const area of roadmap().areas)
      for (const t of area.topics)
        for (const q of t.questions) {
          expect(q.choices.length, q.id).toBeGreaterThanOrEqual(3);
          expect(q.choices.length, q.id).toBeLessThanOrEqual(5);
          expect(q.answer, q.id).toBeLessThan(q.choices.length);
          expect(new Set(q.choices.map((c) => c.trim())).size, q.id).toBe(q.choices.length);
          expect((q.explanation ?? '').trim().length, q.id).toBeGreaterThan(40);
          for (const c of q.choices) expect(c, q.id).not.toMatch(/\b(all|none) of the above\b/i);
        }
  });

  it('has unique ids across every file', () => {
    const r = roadmap();
    const ids = r.areas.flatMap((a) => [a.id, ...a.topics.map((t) => t.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    const q = r.areas.flatMap((a) => a.topics.flatMap((t) => t.questions.map((x) => x.id)));
    expect(new Set(q).size).toBe(q.length);
  });

  it('mixes difficulties: every area has questions of at least two levels', () => {
    for (const area of roadmap().areas) {
      const levels = new Set(area.topics.flatMap((t) => t.questions.map((q) => q.difficulty)));
      expect(levels.size, area.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('makes the prove and apply stages actionable', () => {
    const r = roadmap();
    const projects = r.areas.flatMap((a) => a.topics).filter((t) => t.project);
    expect(projects.length).toBeGreaterThanOrEqual(3);
    for (const p of projects) {
      expect(p.project!.milestones.length, p.id).toBeGreaterThanOrEqual(3);
      expect(p.project!.proves.length, p.id).toBeGreaterThanOrEqual(2);
    }
    const jobSearch = r.areas.find((a) => a.id === 'job-search')!;
    for (const t of jobSearch.topics) expect(t.checklist?.length ?? 0, t.id).toBeGreaterThanOrEqual(3);
  });

  it('points editors at the JSON Schema from every file', () => {
    for (const file of result.files)
      expect(readFileSync(file, 'utf8').split('\n')[0], file).toMatch(
        /^# yaml-language-server: \$schema=(\.\.\/)+schema\/roadmap\.schema\.json$/,
      );
  });
});
