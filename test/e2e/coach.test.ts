import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recommendation, Summary } from '../../src/coach/types.js';
import type { Area } from '../../src/roadmap/schema.js';
import { runCli, tempDir } from '../helpers/cli.js';

// The scenario on the built binary (`npm run build` first) with the shipped roadmap and a
// temporary home. PYROAD_NOW pins the clock (the documented test clock).
const tmp = tempDir('pyroad-coach-');
afterAll(tmp.cleanup);
const home = join(tmp.dir, 'home');
const NOW = '2026-03-01T12:00:00Z';
const run = (args: string[], now = NOW) => runCli(args, { home, env: { PYROAD_NOW: now }, timeout: 60_000 });

interface NextJson {
  stage: string;
  readiness: number;
  due: string[];
  recommendations: Recommendation[];
}
const nextJson = (now = NOW, extra: string[] = []): NextJson => {
  const r = run(['next', '--json', ...extra], now);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as NextJson;
};

let areas: Area[] = [];
const areaOf = (id: string) => areas.find((a) => a.id === id)!;

/** An answers file for `assess --answers`: every topic of an area rated, every question answered. */
function answersFile(name: string, area: Area, opts: { rating: number; right: boolean; topics?: string[] }): string {
  const topics = area.topics.filter((t) => !opts.topics || opts.topics.includes(t.id));
  const file = join(tmp.dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      area: area.id,
      ratings: Object.fromEntries(topics.map((t) => [t.id, opts.rating])),
      answers: Object.fromEntries(
        topics.flatMap((t) =>
          t.questions.map((q) => [q.id, opts.right ? q.answer : (q.answer + 1) % q.choices.length]),
        ),
      ),
    }),
  );
  return file;
}

beforeAll(() => {
  const r = run(['roadmap', '--json']);
  expect(r.code, r.stderr).toBe(0);
  areas = (JSON.parse(r.stdout) as { areas: Area[] }).areas;
});

describe('pyroad next and status (built binary, shipped roadmap)', () => {
  it('a fresh user is offered the placement, with the orientation alongside', () => {
    const json = nextJson();
    expect(json.recommendations).toHaveLength(3);
    expect(json.recommendations[0]).toMatchObject({
      kind: 'assess',
      area: 'python',
      action: { command: 'pyroad assess --placement' },
    });
    expect(json.recommendations.some((r) => r.area === 'the-job')).toBe(true);

    const text = run(['next']);
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(/^1\. Take the placement/m);
    expect(text.stdout).toContain('→ Run: pyroad assess --placement');
    expect(text.stdout).not.toContain('\u001b['); // no colour when not a terminal
  });

  it('after strong Python answers, `next` moves on along the path', () => {
    const r = run([
      'assess',
      'python',
      '--answers',
      answersFile('python', areaOf('python'), { rating: 4, right: true }),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = nextJson();
    expect(json.recommendations.length).toBeGreaterThan(0);
    // Python is known by quiz now, so the one Python step left is an exercise that shows it can be
    // written (exercise-steps.ts), in second place after the most pressing step.
    const [first, practice, ...rest] = json.recommendations;
    expect(practice).toMatchObject({ kind: 'practice', area: 'python' });
    expect(practice!.action.command).toMatch(/^pyroad practice [a-z0-9-]+$/);
    const learning = [first!, ...rest];
    expect(learning.every((rec) => rec.area !== 'python')).toBe(true);
    const pythonIndex = areas.findIndex((a) => a.id === 'python');
    // The orientation, or areas after Python on the path.
    for (const rec of learning)
      expect(rec.area === 'the-job' || areas.findIndex((a) => a.id === rec.area) > pythonIndex).toBe(true);
  });

  it('a 4 rating with wrong answers is recommended for review, and the reason says why', () => {
    const networking = areaOf('networking');
    const first = networking.topics[0]!;
    const file = answersFile('networking', networking, { rating: 4, right: false, topics: [first.id] });
    const r = run(['assess', 'networking', '--answers', file]);
    expect(r.code, r.stderr).toBe(0);
    const [top] = nextJson().recommendations;
    expect(top).toMatchObject({ kind: 'review', topic: first.id });
    expect(top!.reason).toContain('rated yourself 4/4');
    expect(top!.reason).toContain(`0 of ${first.questions.length}`);
    expect(run(['next']).stdout).toMatch(/review it before building on it/);
  });

  it('with the clock past the review date, the reviews are due in `next` and `status`', () => {
    expect(nextJson().recommendations.some((rec) => rec.kind === 'review' && rec.area === 'python')).toBe(false);
    const later = '2026-07-01T12:00:00Z';
    const json = nextJson(later);
    const review = json.recommendations.find((rec) => rec.kind === 'review' && rec.area === 'python');
    expect(review).toBeDefined();
    expect(review!.reason).toMatch(/due for a re-check/);
    expect(review!.action.command).toBe('pyroad assess python');
    // Not drowning new learning: at most one review among the first three.
    expect(
      json.recommendations.filter((rec) => rec.kind === 'review' && rec.topic === undefined).length,
    ).toBeLessThanOrEqual(1);

    const status = run(['status', '--json'], later);
    expect(status.code).toBe(0);
    const summary = JSON.parse(status.stdout) as Summary;
    for (const t of areaOf('python').topics) expect(summary.due).toContain(t.id);
    const text = run(['status'], later).stdout;
    expect(text).toMatch(/Reviews due \(\d+\)/);
    expect(text).toContain('Python fundamentals: 6 topics');
    expect(text).toContain('pyroad assess python');
  });

  it('status shows bars, the stage, readiness, calibration and the last 30 days', () => {
    const r = run(['status']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Stage 1 of 3: get the skills/);
    expect(r.stdout).toMatch(/Readiness: \d+%/);
    expect(r.stdout).toMatch(/Python fundamentals\s+█+ 100%/);
    expect(r.stdout).toMatch(/Calibration\n\s+• .*over-confident \(rated 4\/4, 0 of \d+ right\)/);
    expect(r.stdout).toMatch(/Last 30 days: mastery \+\d+ pts/);
    const json = JSON.parse(run(['status', '--json']).stdout) as Summary;
    expect(json.areas.find((a) => a.area === 'python')).toMatchObject({ mastery: 1, mastered: 6 });
    expect(json.recent?.answered).toBeGreaterThan(0);
  });

  it('roadmap and show carry the learner state', () => {
    const tree = run(['roadmap']).stdout;
    expect(tree).toMatch(/python-control-flow\s+✓ mastered/);
    const first = areaOf('networking').topics[0]!.id;
    expect(tree).toMatch(new RegExp(`${first}\\s+\\d+%.*over-confident`));
    const show = run(['show', first]);
    expect(show.stdout).toMatch(/Your results\n\s+mastery \d+% · rated 4\/4/);
    const json = JSON.parse(run(['show', 'python', '--json']).stdout) as { progress: { area: { mastery: number } } };
    expect(json.progress.area.mastery).toBe(1);
  });

  it('bad options are usage errors (exit 2)', () => {
    for (const bad of [
      ['--limit', '0'],
      ['--limit', 'abc'],
      ['--limit', '2.5'],
    ]) {
      const r = run(['next', ...bad]);
      expect(r.code, bad.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/--limit must be a whole number/);
      expect(r.stdout).toBe('');
    }
    const area = run(['next', '--area', 'pyhton']);
    expect(area.code).toBe(2);
    expect(area.stderr).toMatch(/did you mean "python"/);
  });

  it('--limit and --area shape the list', () => {
    expect(nextJson(NOW, ['--limit', '5']).recommendations).toHaveLength(5);
    const linux = nextJson(NOW, ['--area', 'linux']).recommendations;
    expect(linux.length).toBeGreaterThan(0);
    expect(linux.every((rec) => rec.area === 'linux')).toBe(true);
    // SQL waits on API design: what it waits on comes first, and the reason says so.
    const sql = nextJson(NOW, ['--area', 'sql']).recommendations;
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.every((rec) => rec.area === 'sql' || rec.reason.startsWith('SQL databases builds on it'))).toBe(true);
  });
});
