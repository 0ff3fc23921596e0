import { copyFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

/**
 * Exercises a roadmap carries (`exercises:`, issue 17), end to end with the built binary and the
 * real python3: validated and counted, listed and started like the shipped ones, and their tests
 * run only once the learner agrees (--trust in a script), again when they change.
 */
const tmp = tempDir('pyroad-carried-e2e-');
afterAll(tmp.cleanup);
const roadmapDir = join(tmp.dir, 'bootcamp');
cpSync(join(ROOT, 'test', 'fixtures', 'roadmap', 'carried'), roadmapDir, { recursive: true });
const ROADMAP = join(roadmapDir, 'roadmap.yaml');
const home = join(tmp.dir, 'home');
const work = join(tmp.dir, 'work');
const cli = (...args: string[]) =>
  runCli(['--roadmap', ROADMAP, ...args], { home, env: { PYROAD_NOW: '2026-12-06T10:00:00Z' }, timeout: 60_000 });

const SOLUTION = 'def count_down(n):\n    return list(range(n, 0, -1))\n';
/** A learner file that leaves a mark when it is imported: whether anything ran. */
const MARKER = join(work, 'ran.txt');
const MARKING = `open(${JSON.stringify(MARKER)}, "w").write("ran")\ndef count_down(n):\n    return []\n`;
const journal = () =>
  existsSync(join(home, 'progress.jsonl')) ? readFileSync(join(home, 'progress.jsonl'), 'utf8') : '';

describe("a roadmap's own exercises", () => {
  it('are validated and counted by `pyroad validate`', () => {
    const r = cli('validate');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('is valid: 2 areas, 2 topics, 2 questions, 2 resources, 2 exercises (2 files)');
    const json = JSON.parse(cli('validate', '--json').stdout) as { counts: Record<string, number> };
    expect(json.counts).toEqual({ areas: 2, topics: 2, questions: 2, resources: 2, exercises: 2 });
  });

  it('are listed, and started without any question: starting runs nothing', () => {
    const list = cli('practice', '--dir', work);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/new\s+count-down\s+Count down with range/);
    expect(list.stdout).toMatch(/new\s+status-line\s+Build a status line/);
    const start = cli('practice', 'count-down', '--dir', work);
    expect(start.code).toBe(0);
    expect(start.stdout).toContain(`wrote ${join(work, 'count_down.py')}`);
    const hint = cli('practice', 'hint', 'status-line', '--dir', work);
    expect(hint.code).toBe(0);
    expect(hint.stdout).toBe('Hint 1 of 1:\nAn f-string: f"HTTP/1.1 {code} {reason}"\n');
    expect(start.stdout.replace(/\s+/g, ' ')).toContain(
      `Its tests come from ${ROADMAP}, not from pyroad: the first check asks before it runs them.`,
    );
  });

  it('in a script, a check is refused without --trust (exit 2), and nothing runs', () => {
    writeFileSync(join(work, 'count_down.py'), MARKING);
    const r = cli('practice', 'check', '--dir', work);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `pyroad: exercise count-down comes from roadmap ${ROADMAP}, not from pyroad; its tests are code that would run on this machine: run the check in a terminal to be asked, or add --trust to agree\n`,
    );
    const json = cli('practice', 'check', '--dir', work, '--json');
    expect(json.code).toBe(2);
    expect(json.stdout).toBe('');
    expect(json.stderr).toContain('run the check in a terminal without --json to be asked, or add --trust to agree');
    expect(existsSync(MARKER)).toBe(false);
    expect(journal()).not.toContain('"exercise"');
    expect(cli('where').stdout).not.toContain('consents');
  });

  it('--trust agrees: the tests run, and the consent is kept with the fingerprint', () => {
    const r = cli('practice', 'check', 'count-down', '--dir', work, '--trust');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ Count down with range: not yet.');
    expect(r.stdout).toMatch(/expected: \[3, 2, 1\]\n\s+got:\s+\[\]/);
    expect(existsSync(MARKER)).toBe(true);
    const consents = JSON.parse(readFileSync(join(home, 'consents.json'), 'utf8')) as {
      roadmaps: Record<string, { fingerprint: string; at: string }>;
    };
    expect(cli('where').stdout).toContain(`consents  ${join(home, 'consents.json')}\n`);
    expect(consents.roadmaps[ROADMAP]).toEqual({
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      at: '2026-12-06T10:00:00.000Z',
    });
  });

  it('the consent is remembered: the next check needs no --trust, and a pass is evidence', () => {
    writeFileSync(join(work, 'count_down.py'), SOLUTION);
    const r = cli('practice', 'check', '--dir', work);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ Count down with range: all 2 tests pass.');
    expect(r.stdout).toContain('This counts as hands-on evidence for loops.');
    const list = cli('practice', '--dir', work, '--json');
    const states = (JSON.parse(list.stdout) as { exercises: { id: string; state: string }[] }).exercises;
    expect(states.map((x) => [x.id, x.state])).toEqual([
      ['count-down', 'passed'],
      ['status-line', 'new'],
    ]);
    expect(cli('status').stdout).toContain('Exercises: 1 of 2 passed');
  });

  it('a change of words only (a title) does not ask again', () => {
    writeFileSync(ROADMAP, readFileSync(ROADMAP, 'utf8').replace('title: Count down with range', 'title: Count down'));
    const r = cli('practice', 'check', 'count-down', '--dir', work);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ Count down: all 2 tests pass.');
  });

  it('changed tests, even in an included file, are asked about again; --trust agrees to the new ones', () => {
    const web = join(roadmapDir, 'web.yaml');
    writeFileSync(
      web,
      readFileSync(web, 'utf8').replace('"HTTP/1.1 404 Not Found")', '"HTTP/1.1 404 Not Found")  # changed'),
    );
    writeFileSync(join(work, 'count_down.py'), MARKING);
    const r = cli('practice', 'check', 'count-down', '--dir', work);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `pyroad: the exercise code of roadmap ${ROADMAP} changed since you agreed to run it; its tests are code that would run on this machine: run the check in a terminal to be asked, or add --trust to agree\n`,
    );
    expect(readFileSync(MARKER, 'utf8')).toBe('ran'); // from before: the file was not run again
    writeFileSync(join(work, 'count_down.py'), SOLUTION);
    expect(cli('practice', 'check', 'count-down', '--dir', work, '--trust').code).toBe(0);
    expect(cli('practice', 'check', 'count-down', '--dir', work).code).toBe(0);
  });

  it('an id that clashes with a shipped exercise of the same topic is a data error naming the roadmap', () => {
    const clash = join(tmp.dir, 'clash.yaml');
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'roadmap', 'carried', 'roadmap.yaml'), 'utf8')
      .replace('include: [web.yaml]\n', '')
      .replace('- id: loops\n', '- id: python-control-flow\n')
      .replace('id: count-down', 'id: list-comprehension-squares');
    writeFileSync(clash, text);
    const r = runCli(['--roadmap', clash, 'practice', '--dir', work], { home, timeout: 60_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `pyroad: roadmap ${clash}: exercise list-comprehension-squares has the id "list-comprehension-squares" of a shipped exercise for the same topics; rename it\n`,
    );
  });

  it('a passed exercise lifts the topic in `show` and `status`: 67% becomes 75%, mastered', () => {
    const learner = join(tmp.dir, 'learner');
    const desk = join(tmp.dir, 'desk');
    const run = (...args: string[]) =>
      runCli(['--roadmap', ROADMAP, ...args], {
        home: learner,
        env: { PYROAD_NOW: '2026-12-06T10:00:00Z' },
        input: JSON.stringify({
          area: 'basics',
          ratings: { loops: 0 },
          answers: { 'loops-range': 0, 'loops-break': 0 },
        }),
        timeout: 60_000,
      });
    expect(run('assess', '--answers', '-').code).toBe(0);
    const before = run('show', 'loops').stdout;
    expect(before).toMatch(/mastery 67% · rated 0\/4/);
    expect(before).not.toContain('hands-on evidence');
    expect(run('status').stdout).toMatch(/Basics\s+\S+\s+67%\s+0\/1/);
    expect(run('practice', 'count-down', '--dir', desk).code).toBe(0);
    writeFileSync(join(desk, 'count_down.py'), SOLUTION);
    expect(run('practice', 'check', '--dir', desk, '--trust').code).toBe(0);
    const after = run('show', 'loops').stdout;
    expect(after).toMatch(/mastery 75% \(mastered\) · rated 0\/4/);
    expect(after).toMatch(/• Count down \(passed\)/); // the title an earlier test gave it
    expect(after).toContain('A passed exercise is hands-on evidence: your mastery of this topic counts it.');
    expect(run('status').stdout).toMatch(/Basics\s+\S+\s+75%\s+1\/1/);
  });

  it("the shipped exercises of a custom roadmap's topics run without asking", () => {
    const mine = join(tmp.dir, 'mine.yaml');
    writeFileSync(
      mine,
      [
        'version: 1',
        'areas:',
        '  - id: basics',
        '    title: Basics',
        '    stage: skills',
        '    summary: The first steps.',
        '    topics:',
        '      - id: python-control-flow',
        '        title: Control flow',
        '        summary: Branches and loops.',
        '',
      ].join('\n'),
    );
    const desk = join(tmp.dir, 'desk-shipped');
    const run = (...args: string[]) => runCli(['--roadmap', mine, 'practice', ...args], { home, timeout: 60_000 });
    expect(run('list-comprehension-squares', '--dir', desk).code).toBe(0);
    copyFileSync(
      join(ROOT, 'test', 'fixtures', 'exercises', 'list-comprehension-squares.py'),
      join(desk, 'squares.py'),
    );
    const r = run('check', '--dir', desk);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('all 5 tests pass');
  });
});
