/** `pyroad assess` without a terminal: the fast refusal, and --answers (built binary; `npm run build` first). */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProgressStore } from '../../src/progress/store.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { BIN, ROOT, SHIPPED, childEnv, runCli, tempDir } from '../helpers/cli.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'quiz', 'roadmap.yaml');
const tmp = tempDir('pyroad-assess-');
afterAll(tmp.cleanup);

let homes = 0;
/** A fresh home per test, so every test starts with no progress. */
function freshHome(): string {
  const home = join(tmp.dir, `home-${++homes}`);
  mkdirSync(home);
  return home;
}
const eventsIn = (home: string): ProgressEvent[] => new ProgressStore(join(home, 'progress.jsonl')).loadEvents();
const kinds = (events: ProgressEvent[]) =>
  events.map((e) =>
    e.e === 'session'
      ? `session ${e.phase}`
      : e.e === 'rating'
        ? `rating ${e.topic}=${e.value}`
        : e.e === 'answer'
          ? `answer ${e.question}=${e.choice}${e.correct ? ' right' : ' wrong'}`
          : e.e,
  );

function writeJson(name: string, value: unknown): string {
  const file = join(tmp.dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

const run = (args: string[], home: string, input = '', roadmap = FIXTURE) =>
  runCli(args, { home, input, env: { PYROAD_ROADMAP: roadmap } });

describe('pyroad assess without a terminal', () => {
  it('`echo | pyroad assess` exits 2 at once, pointing to --answers', () => {
    const home = freshHome();
    const started = Date.now();
    const r = run(['assess'], home, '\n');
    const elapsed = Date.now() - started;
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('asks its questions in a terminal');
    expect(r.stderr).toContain('--answers FILE');
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    expect(elapsed).toBeLessThan(5000);
    expect(existsSync(join(home, 'progress.jsonl'))).toBe(false);
  });

  it('never reads stdin: it exits while the pipe is still open', async () => {
    const home = freshHome();
    const child = spawn(process.execPath, [BIN, 'assess', 'basics'], {
      cwd: ROOT,
      env: childEnv(home, { PYROAD_ROADMAP: FIXTURE, NO_COLOR: '1' }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill(), 5000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    child.stdin.destroy();
    expect(code).toBe(2);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(stderr).toContain('--answers');
  });
});

describe('pyroad assess --answers', () => {
  const good = {
    area: 'basics',
    ratings: { loops: 3, functions: 1 },
    answers: { 'loops-range-sum': 0, 'loops-while-else': 1, 'functions-default-list': 1 },
  };

  it('records what the interactive flow records and prints the summary', () => {
    const home = freshHome();
    const r = run(['assess', '--answers', writeJson('good.json', good)], home);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Python basics: assessment done · 2 of 3 right (67%)');
    expect(r.stdout).toMatch(/Loops\s+3\/4\s+\S+\s+1\/2\s+50%/);
    expect(r.stdout).toMatch(/Functions\s+1\/4\s+\S+\s+1\/1\s+100%/);
    expect(r.stdout).toContain('Best next step:');
    const events = eventsIn(home);
    expect(kinds(events)).toEqual([
      'session start',
      'rating loops=3',
      'answer loops-range-sum=0 right',
      'answer loops-while-else=1 wrong',
      'rating functions=1',
      'answer functions-default-list=1 right',
      'session end',
    ]);
    const session = events[0]!.e === 'session' ? events[0]!.session : '';
    for (const e of events) if (e.e === 'answer') expect(e.session).toBe(session);
  });

  it('reads stdin with -, and --json prints the summary as JSON', () => {
    const home = freshHome();
    const r = run(['assess', 'basics', '--answers', '-', '--json'], home, JSON.stringify(good));
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      area: { id: 'basics', title: 'Python basics' },
      complete: true,
      answered: 3,
      correct: 2,
    });
    expect((summary.topics as { topic: string; score: number }[]).map((t) => [t.topic, t.score])).toEqual([
      ['loops', 0.5],
      ['functions', 1],
    ]);
    expect(summary.next).toMatchObject({ title: expect.any(String), action: { text: expect.any(String) } });
  });

  it('lists every problem of a bad file, exits 1 and records nothing', () => {
    const home = freshHome();
    const bad = {
      area: 'basics',
      ratings: { loop: 3, functions: 7, 'http-methods': 2 },
      answers: { 'loops-range-sum': 3, 'no-such-question': 0, 'http-idempotent': 2 },
    };
    const r = run(['assess', '--answers', writeJson('bad.json', bad)], home);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^pyroad: .*bad\.json: 6 problems, nothing was recorded:$/);
    expect(lines.slice(1)).toEqual([
      '  ratings.loop: unknown topic (did you mean "loops"?)',
      '  ratings.functions: a rating is a whole number from 0 to 4, got 7',
      '  ratings.http-methods: topic of area "web", not "basics"',
      '  answers.loops-range-sum: an answer is a choice index from 0 to 2, got 3',
      '  answers.no-such-question: unknown question',
      '  answers.http-idempotent: question of area "web", not "basics"',
    ]);
    expect(existsSync(join(home, 'progress.jsonl'))).toBe(false);
  });

  it('refuses broken JSON, an unknown area and a missing file with exit 1', () => {
    const home = freshHome();
    const broken = run(['assess', '--answers', writeJson('broken.json', '{"area": ')], home);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('not valid JSON');
    const area = run(['assess', '--answers', writeJson('area.json', { area: 'basic', ratings: { loops: 1 } })], home);
    expect(area.code).toBe(1);
    expect(area.stderr).toContain('area: unknown area "basic" (did you mean "basics"?)');
    const missing = run(['assess', '--answers', join(tmp.dir, 'nope.json')], home);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`pyroad: cannot read answers file ${join(tmp.dir, 'nope.json')}: file not found\n`);
    expect(existsSync(join(home, 'progress.jsonl'))).toBe(false);
  });

  it('usage problems exit 2', () => {
    const home = freshHome();
    const file = writeJson('usage.json', good);
    expect(run(['assess', '--answers', file, '--quick'], home).code).toBe(2);
    const q = run(['assess', '--answers', file, '--questions', 'x'], home);
    expect(q.code).toBe(2);
    const n = run(['assess', 'basics', '--questions', '0'], home);
    expect(n.code).toBe(2);
    expect(n.stderr).toContain('--questions takes a whole number from 1 to 50, got "0"');
  });

  it('works on the shipped roadmap', () => {
    const home = freshHome();
    const listing = run(['roadmap', '--json'], home, '', SHIPPED);
    expect(listing.code).toBe(0);
    type Q = { id: string; answer: number; choices: string[] };
    const areas = (JSON.parse(listing.stdout) as { areas: { id: string; topics: { id: string; questions: Q[] }[] }[] })
      .areas;
    const area = areas.find((a) => a.topics.some((t) => t.questions.length >= 2))!;
    const topicWith = area.topics.find((t) => t.questions.length >= 2)!;
    const [right, wrong] = topicWith.questions;
    const file = writeJson('shipped.json', {
      area: area.id,
      ratings: { [topicWith.id]: 2 },
      answers: { [right!.id]: right!.answer, [wrong!.id]: (wrong!.answer + 1) % wrong!.choices.length },
    });
    const r = run(['assess', '--answers', file, '--json'], home, '', SHIPPED);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ area: { id: area.id }, answered: 2, correct: 1 });
    expect(kinds(eventsIn(home))).toHaveLength(5);
  });
});
