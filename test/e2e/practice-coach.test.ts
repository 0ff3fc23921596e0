import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recommendation } from '../../src/coach/types.js';
import type { Area } from '../../src/roadmap/schema.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

// Exercises in the coach, on the built binary with the shipped roadmap and the real python3:
// a topic known by quiz gets an exercise step in `next`; a passed exercise shows in `status` and
// `show`, and the step moves on to a topic not yet practised.
const tmp = tempDir('pyroad-practice-coach-');
afterAll(tmp.cleanup);
const home = join(tmp.dir, 'home');
const work = join(tmp.dir, 'work');
const NOW = '2026-03-01T12:00:00Z';
const run = (args: string[]) => runCli(args, { home, env: { PYROAD_NOW: NOW }, timeout: 60_000 });

const practiceStep = (): Recommendation | undefined => {
  const r = run(['next', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { recommendations: Recommendation[] }).recommendations.find(
    (rec) => rec.kind === 'practice',
  );
};

let python: Area;
beforeAll(() => {
  const r = run(['roadmap', '--json']);
  expect(r.code, r.stderr).toBe(0);
  python = (JSON.parse(r.stdout) as { areas: Area[] }).areas.find((a) => a.id === 'python')!;
});

describe('exercises in the coach', () => {
  it('no exercise step and 0 passed before any quiz', () => {
    expect(practiceStep()).toBeUndefined();
    const status = run(['status']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/Exercises: 0 of (\d+) passed/);
    expect(Number(/Exercises: 0 of (\d+) passed/.exec(status.stdout)![1])).toBeGreaterThanOrEqual(40);
  });

  let first: Recommendation;
  it('after strong quiz answers, next suggests an exercise of the first topic known but not practised', () => {
    const file = join(tmp.dir, 'python.json');
    writeFileSync(
      file,
      JSON.stringify({
        area: 'python',
        ratings: Object.fromEntries(python.topics.map((t) => [t.id, 4])),
        answers: Object.fromEntries(python.topics.flatMap((t) => t.questions.map((q) => [q.id, q.answer]))),
      }),
    );
    expect(run(['assess', 'python', '--answers', file]).code).toBe(0);
    first = practiceStep()!;
    expect(first).toMatchObject({ kind: 'practice', area: 'python' });
    const id = /^pyroad practice ([a-z0-9-]+)$/.exec(first.action.command ?? '')?.[1];
    expect(id).toBeDefined();
    const show = run(['show', first.topic!]);
    expect(show.stdout).toMatch(new RegExp(`Exercises\\n[\\s\\S]*\\(new\\)\\n\\s+pyroad practice ${id}\\n`));
    const text = run(['next']);
    expect(text.stdout).toContain(`pyroad practice ${id}`);
  });

  it('once it passes, status counts it, show says passed, and the step moves to another topic', () => {
    const id = first.action.command!.split(' ').at(-1)!;
    const started = run(['practice', id, '--dir', work]);
    expect(started.code, started.stderr).toBe(0);
    const file = /wrote (\S+\.py)/.exec(started.stdout)![1]!;
    mkdirSync(work, { recursive: true });
    copyFileSync(join(ROOT, 'test', 'fixtures', 'exercises', `${id}.py`), file);
    const check = run(['practice', 'check', id, '--dir', work]);
    expect(check.code, check.stdout + check.stderr).toBe(0);

    const status = run(['status']);
    expect(status.stdout).toMatch(/Exercises: 1 of \d+ passed/);
    const json = JSON.parse(run(['status', '--json']).stdout) as { exercises: { passed: number; total: number } };
    expect(json.exercises.passed).toBe(1);
    expect(run(['show', first.topic!]).stdout).toMatch(/\(passed\)\n\s+pyroad practice /);
    const shown = JSON.parse(run(['show', first.topic!, '--json']).stdout) as {
      exercises: { id: string; state: string }[];
    };
    expect(shown.exercises.find((x) => x.id === id)?.state).toBe('passed');

    const report = run(['report', '-o', '-']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/<h2 id="exercises-h">Exercises<\/h2>\s*<p>1 of \d+ passed<\/p>/);
    expect(report.stdout).toMatch(new RegExp(`<li>${python.title}: 1 of \\d+ passed</li>`));
    expect(report.stdout).toMatch(/<li>SQL[^<]*: 0 of \d+ passed<\/li>/);
    const md = run(['export', '--format', 'markdown']);
    expect(md.stdout).toMatch(/· 1 exercise passed$/m);

    const next = practiceStep();
    expect(next?.topic).toBeDefined();
    expect(next!.topic).not.toBe(first.topic);
  });
});
