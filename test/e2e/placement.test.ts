/**
 * `pyroad assess --placement` end to end (built binary; `npm run build` first): three scripted
 * learners answer through `--answers`, and their maps are compared with readable fixtures in
 * test/fixtures/placement/. PYROAD_WRITE_FIXTURES=1 rewrites the fixtures (then read the diff).
 */
import { Validator } from '@cfworker/json-schema';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { ProgressStore } from '../../src/progress/store.js';
import { loadRoadmapOrThrow } from '../../src/roadmap/load.js';
import type { Question } from '../../src/roadmap/schema.js';
import { ROOT, SHIPPED, runCli, tempDir } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'placement');
const NOW = '2026-03-02T09:00:00.000Z';
const roadmap = loadRoadmapOrThrow(SHIPPED);
const tmp = tempDir('pyroad-placement-');
afterAll(tmp.cleanup);

interface Learner {
  /** Whether they get a question of an area right. */
  knows(area: string, question: Question): boolean;
  ratings?: Record<string, number>;
}

const topicsOf = (...areas: string[]) =>
  roadmap.areas.filter((a) => areas.includes(a.id)).flatMap((a) => a.topics.map((t) => t.id));

const LEARNERS: Record<string, Learner> = {
  // Knows a little Python: the easy Python questions, nothing else.
  newcomer: { knows: (area, q) => area === 'python' && q.difficulty === 'easy' },
  // Strong in Python and SQL; elsewhere only the easy questions.
  'python-and-sql': {
    knows: (area, q) => ['python', 'python-depth', 'sql'].includes(area) || q.difficulty === 'easy',
  },
  // Rates themselves "could teach it" in Python, SQL and Git, and gets those wrong.
  'over-confident': {
    knows: (area, q) => !['python', 'sql', 'git'].includes(area) && q.difficulty === 'easy',
    ratings: Object.fromEntries(topicsOf('python', 'sql', 'git').map((t) => [t, 4])),
  },
};

/** The learner's answers file: an answer for every question of the roadmap. */
function answersFile(name: string, learner: Learner): string {
  const answers: Record<string, number> = {};
  for (const area of roadmap.areas)
    for (const topic of area.topics)
      for (const q of topic.questions)
        answers[q.id] = learner.knows(area.id, q) ? q.answer : (q.answer + 1) % q.choices.length;
  const file = join(tmp.dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ ratings: learner.ratings ?? {}, answers }));
  return file;
}

function place(name: string, extra: string[] = []) {
  const home = join(tmp.dir, `home-${name}-${extra.length}`);
  mkdirSync(home, { recursive: true });
  const r = runCli(['assess', '--placement', '--answers', answersFile(name, LEARNERS[name]!), ...extra], {
    home,
    env: { PYROAD_NOW: NOW, COLUMNS: '100' },
  });
  return { ...r, home };
}

function matchesFixture(name: string, text: string): void {
  const file = join(FIXTURES, `${name}.txt`);
  if (process.env.PYROAD_WRITE_FIXTURES === '1') {
    mkdirSync(FIXTURES, { recursive: true });
    writeFileSync(file, text);
  }
  expect(existsSync(file), `${file} is missing: run with PYROAD_WRITE_FIXTURES=1 and read it`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('pyroad assess --placement with scripted learners', () => {
  it.each(Object.keys(LEARNERS))('%s gets the map in its fixture', (name) => {
    const r = place(name);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    matchesFixture(name, r.stdout);
  });

  it('places the three learners as a human coach would', () => {
    const verdicts = (name: string) => {
      const r = place(name, ['--json']);
      const map = JSON.parse(r.stdout) as { areas: { area: string; verdict: string; calibration: string }[] };
      return new Map(map.areas.map((a) => [a.area, a]));
    };
    const newcomer = verdicts('newcomer');
    expect([...newcomer.values()].filter((a) => a.verdict === 'knows it')).toEqual([]);
    expect(newcomer.get('sql')!.verdict).toBe('new');

    const strong = verdicts('python-and-sql');
    expect(strong.get('python')!.verdict).toBe('knows it');
    expect(strong.get('sql')!.verdict).toBe('knows it');
    expect(strong.get('security')!.verdict).not.toBe('knows it');

    const over = verdicts('over-confident');
    for (const area of ['python', 'sql', 'git']) {
      expect(over.get(area)!.verdict).toBe('new');
      expect(over.get(area)!.calibration).toBe('over-confident');
    }
  });

  it('then `next` weighs the placement: quizzes for what they know, first topics for what is new', () => {
    const strong = place('python-and-sql');
    const r = runCli(['next', '--limit', '5', '--json'], { home: strong.home, env: { PYROAD_NOW: NOW } });
    expect(r.code, r.stderr).toBe(0);
    const recs = (JSON.parse(r.stdout) as { recommendations: { reason: string; action: { command?: string } }[] })
      .recommendations;
    expect(recs.length).toBeGreaterThanOrEqual(3);
    const commands = recs.map((x) => x.action.command);
    expect(commands).toEqual(expect.arrayContaining(['pyroad assess python', 'pyroad assess sql']));
    expect(recs.find((x) => x.action.command === 'pyroad assess sql')!.reason).toMatch(
      /^Your placement put you at "knows it" in SQL databases \(\d of \d right/,
    );
    // No reason cites a placement answer as a topic's score.
    for (const x of recs) expect(x.reason).not.toMatch(/You got \d of \d questions? right/);
    const newcomer = place('newcomer');
    const first = runCli(['next', '--json'], { home: newcomer.home, env: { PYROAD_NOW: NOW } });
    const steps = (JSON.parse(first.stdout) as { recommendations: { topic?: string; kind: string }[] }).recommendations;
    expect(steps.some((x) => x.topic === 'python-control-flow' && x.kind === 'learn')).toBe(true);
  });

  it('asks 2 to 5 questions per area and at most 40 in all; --json matches its schema', () => {
    const r = place('python-and-sql', ['--json']);
    expect(r.code).toBe(0);
    const map = JSON.parse(r.stdout) as { answered: number; areas: { answered: number }[] };
    expect(map.answered).toBeLessThanOrEqual(40);
    for (const a of map.areas) expect(a.answered).toBeGreaterThanOrEqual(2);
    for (const a of map.areas) expect(a.answered).toBeLessThanOrEqual(5);
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'placement.schema.json'), 'utf8')) as object;
    expect(new Validator(schema as never, '2020-12').validate(map).errors).toEqual([]);
  });

  it('saves every answer as a placement answer, which feeds status without mastering a topic', () => {
    const r = place('python-and-sql');
    const events = new ProgressStore(join(r.home, 'progress.jsonl')).loadEvents();
    const answers = events.filter((e): e is Extract<ProgressEvent, { e: 'answer' }> => e.e === 'answer');
    expect(answers.length).toBeGreaterThanOrEqual(38);
    expect(answers.every((a) => a.source === 'placement')).toBe(true);
    const status = runCli(['status', '--json'], { home: r.home, env: { PYROAD_NOW: NOW } });
    expect(status.code).toBe(0);
    const areas = (JSON.parse(status.stdout) as { areas: { area: string; mastery: number; mastered: number }[] }).areas;
    const python = areas.find((a) => a.area === 'python')!;
    expect(python.mastery).toBeGreaterThan(0);
    expect(python.mastered).toBe(0);
  });

  it('goes on with a placement stopped half way, keeping its answers, and then starts afresh', () => {
    const home = join(tmp.dir, 'home-resume');
    mkdirSync(home);
    // An interrupted placement: Python fundamentals answered (two right), nothing after it.
    const python = roadmap.areas.find((a) => a.id === 'python')!;
    const [q1, q2] = python.topics
      .flatMap((t) => t.questions.map((q) => ({ t, q })))
      .filter((x) => x.q.difficulty !== 'easy');
    const earlier: ProgressEvent[] = [q1!, q2!].map(({ t, q }) => ({
      e: 'answer',
      at: '2026-03-01T20:00:00.000Z',
      topic: t.id,
      question: q.id,
      choice: q.answer,
      correct: true,
      session: 'stopped-placement',
      source: 'placement',
    }));
    new ProgressStore(join(home, 'progress.jsonl'), { warn: () => {}, now: () => new Date(NOW) }).append(earlier);
    const file = answersFile('newcomer', LEARNERS.newcomer!);
    const r = runCli(['assess', '--placement', '--answers', file, '--json'], { home, env: { PYROAD_NOW: NOW } });
    expect(r.code, r.stderr).toBe(0);
    const map = JSON.parse(r.stdout) as {
      session: string;
      resumed: number;
      answered: number;
      areas: { area: string; answered: number; correct: number }[];
    };
    expect(map.session).toBe('stopped-placement');
    expect(map.resumed).toBe(2);
    expect(map.answered).toBeLessThanOrEqual(40);
    // The two kept answers are Python's: the newcomer's file would have got them wrong.
    const placed = map.areas.find((a) => a.area === 'python')!;
    expect(placed).toMatchObject({ answered: 2, correct: 2 });
    const answers = new ProgressStore(join(home, 'progress.jsonl')).loadEvents().filter((e) => e.e === 'answer');
    expect(answers.every((a) => a.e === 'answer' && a.session === 'stopped-placement')).toBe(true);
    expect(new Set(answers.map((a) => a.e === 'answer' && a.question)).size).toBe(answers.length);
    const text = runCli(['assess', '--placement', '--answers', file], { home, env: { PYROAD_NOW: NOW } });
    // That placement is finished now: the next one is a new placement.
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).not.toContain('Resumed:');
  });

  it('refuses a bad file whole, naming each problem, and records nothing', () => {
    const home = join(tmp.dir, 'home-bad');
    mkdirSync(home);
    const file = join(tmp.dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ answers: { 'no-such-question': 0 }, ratings: { 'python-control-flow': 9 } }));
    const r = runCli(['assess', '--placement', '--answers', file], { home, env: { PYROAD_NOW: NOW } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing was recorded');
    expect(r.stderr).toContain('answers.no-such-question: unknown question');
    expect(existsSync(join(home, 'progress.jsonl'))).toBe(false);
  });

  it('refuses --placement with an area (exit 2)', () => {
    const home = join(tmp.dir, 'home-usage');
    mkdirSync(home);
    const r = runCli(['assess', 'python', '--placement', '--answers', '-'], { home, input: '{}' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--placement');
  });
});
