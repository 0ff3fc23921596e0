import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const TINY = join(ROOT, 'test', 'fixtures', 'roadmap', 'tiny.yaml');
const tmp = tempDir();
afterAll(tmp.cleanup);
const home = join(tmp.dir, 'home');
const run = (args: string[], env: Record<string, string | undefined> = {}) =>
  runCli(args, { home, env: { PYROAD_ROADMAP: TINY, ...env } });

describe('pyroad (built binary): roadmap commands', () => {
  it('--version prints the package version', () => {
    const r = run(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('--help lists the commands and each command shows an example', () => {
    const top = run(['--help']);
    expect(top.code).toBe(0);
    for (const name of ['roadmap', 'show', 'validate']) expect(top.stdout).toContain(name);
    for (const name of ['roadmap', 'show', 'validate']) {
      const r = run([name, '--help']);
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toMatch(/Examples:\n\s+\$ pyroad /);
    }
  });

  it('help for a command that does not exist is a usage error, with a suggestion', () => {
    const r = run(['help', 'stauts']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('pyroad: unknown command \'stauts\' (did you mean "status"?); `pyroad --help` lists them\n');
    const known = run(['help', 'show']);
    expect(known.code).toBe(0);
    expect(known.stdout).toContain('Usage: pyroad show');
  });

  it('suggested commands carry a --roadmap or --home typed on the command line, quoted for the shell', () => {
    const dir = join(tmp.dir, 'my maps');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'tiny copy.yaml'), readFileSync(TINY));
    const typed = runCli(['--roadmap', 'my maps/tiny copy.yaml', 'next'], { home, cwd: tmp.dir });
    expect(typed.code).toBe(0);
    expect(typed.stdout).toContain("→ Run: pyroad --roadmap 'my maps/tiny copy.yaml' assess basics");
    const json = runCli(['--roadmap', 'my maps/tiny copy.yaml', 'next', '--json'], { home, cwd: tmp.dir });
    expect(JSON.parse(json.stdout).recommendations[0].action.command).toBe(
      "pyroad --roadmap 'my maps/tiny copy.yaml' assess basics",
    );
    // Added before wrapping, so a long hint still keeps to the width.
    const narrow = runCli(['--roadmap', 'my maps/tiny copy.yaml', 'next'], {
      home,
      cwd: tmp.dir,
      env: { COLUMNS: '50' },
    });
    for (const line of narrow.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(50);
    expect(narrow.stdout.replace(/\s+/g, ' ')).toContain("pyroad --roadmap 'my maps/tiny copy.yaml' assess basics");
    // Error messages too.
    const error = runCli(['--roadmap', 'my maps/tiny copy.yaml', 'show', 'loopz'], { home, cwd: tmp.dir });
    expect(error.code).toBe(2);
    expect(error.stderr).toContain("`pyroad --roadmap 'my maps/tiny copy.yaml' roadmap` lists them");
    // From the environment, the hint stays as it is: the next command sees the same environment.
    expect(run(['next']).stdout).toContain('→ Run: pyroad assess basics');
  });

  it('roadmap fits its tree to the width (COLUMNS when not a terminal), shortening titles, never ids', () => {
    const r = runCli(['roadmap'], { home, env: { COLUMNS: '50' } });
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(50);
    expect(r.stdout).toMatch(/… python-backend-myths\n/);
  });

  it('roadmap prints the tree in path order', () => {
    const r = run(['roadmap']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const order = ['Basics', 'Loops', 'Functions', 'Web', 'HTTP'].map((s) => r.stdout.indexOf(s));
    expect(order.every((p) => p >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(r.stdout).toContain('get the skills');
  });

  it('roadmap --json is parseable and complete', () => {
    const r = run(['roadmap', '--json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { areas: { id: string; topics: { id: string }[] }[] };
    expect(data.areas.map((a) => a.id)).toEqual(['basics', 'web']);
    expect(data.areas[0]!.topics.map((t) => t.id)).toEqual(['loops', 'functions']);
  });

  it('show prints a topic with why, prerequisites and resources', () => {
    const r = run(['show', 'functions']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Functions');
    expect(r.stdout).toContain('Why it matters');
    expect(r.stdout).toContain('Functions keep code reusable.');
    expect(r.stdout).toMatch(/Learn first[\s\S]*Loops/);
    expect(r.stdout).toContain('https://docs.python.org/3/tutorial/controlflow.html');
  });

  it('show --json of an area', () => {
    const r = run(['show', 'web', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'area', area: { id: 'web', title: 'Web' } });
  });

  it('show with an unknown id exits 2 with a suggestion', () => {
    const r = run(['show', 'loop']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no area or topic "loop".*did you mean "loops"/);
  });

  it('an unknown command or option exits 2', () => {
    expect(run(['nope']).code).toBe(2);
    const r = run(['roadmap', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--bogus'/);
  });

  it('validate: exit 0 with counts on a good file', () => {
    const r = run(['validate', TINY]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/is valid: 2 areas, 3 topics, 1 questions?, 3 resources/);
  });

  it('validate: exit 1, every problem as file:line:col on stderr, no stack trace', () => {
    const bad = join(tmp.dir, 'bad.yaml');
    writeFileSync(
      bad,
      'version: 1\nareas:\n  - id: x\n    title: X\n    stage: later\n    summary: S\n    topics: []\n    extra: 1\n',
    );
    const r = run(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^pyroad: roadmap .*bad\.yaml has 3 problems:$/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/bad\.yaml:5:12: stage: must be one of/),
      expect.stringMatching(/bad\.yaml:7:13: topics: needs at least one topic/),
      expect.stringMatching(/bad\.yaml:8:5: unknown field "extra"/),
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('validate --json reports problems as data', () => {
    const r = run(['validate', join(tmp.dir, 'missing.yaml'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      valid: false,
      problems: [{ line: 1, col: 1, message: 'file not found' }],
    });
    expect(r.stderr).toMatch(/^pyroad: roadmap .*missing\.yaml has 1 problem; the JSON lists them\n$/);
  });

  it.each([
    ['a missing file', (f: string) => f, /file not found/],
    ['a directory', (f: string) => (mkdirSync(f), f), /is a directory/],
    ['an empty file', (f: string) => (writeFileSync(f, ''), f), /file is empty/],
    ['invalid YAML', (f: string) => (writeFileSync(f, 'version: 1\nareas: [\n'), f), /:3:1: /],
    ['a newer version', (f: string) => (writeFileSync(f, 'version: 99\n'), f), /newer than this pyroad understands/],
  ])('any command with %s as --roadmap: exit 1, file named, no stack', (_name, make, message) => {
    const file = make(join(tmp.dir, `case-${Math.random().toString(36).slice(2)}.yaml`));
    for (const args of [['roadmap'], ['show', 'loops']]) {
      const r = run(['--roadmap', file, ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(file.split('/').pop()!);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('PYROAD_ROADMAP and --roadmap choose the roadmap; --roadmap wins', () => {
    const other = join(tmp.dir, 'other.yaml');
    writeFileSync(
      other,
      'version: 1\ntitle: Other\nareas:\n' +
        '  - id: solo\n    title: Solo\n    stage: skills\n    summary: S.\n    topics:\n      - id: only\n        title: Only\n        summary: S.\n        why: W.\n        resources: [{title: R, url: "https://example.org", kind: docs}]\n',
    );
    expect(run(['roadmap'], { PYROAD_ROADMAP: other }).stdout).toContain('Solo');
    expect(run(['--roadmap', TINY, 'roadmap'], { PYROAD_ROADMAP: other }).stdout).toContain('Basics');
  });

  it('colour: none when piped or with NO_COLOR; FORCE_COLOR forces it; --no-color wins', () => {
    const ansi = new RegExp(`${String.fromCharCode(27)}\\[`);
    expect(run(['roadmap']).stdout).not.toMatch(ansi);
    expect(run(['roadmap'], { NO_COLOR: '1' }).stdout).not.toMatch(ansi);
    expect(run(['roadmap'], { FORCE_COLOR: '1' }).stdout).toMatch(ansi);
    expect(run(['roadmap', '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toMatch(ansi);
  });

  it('DEBUG=pyroad adds a stack trace to a user error', () => {
    const r = run(['show', 'nothing-like-it'], { DEBUG: 'pyroad' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});
