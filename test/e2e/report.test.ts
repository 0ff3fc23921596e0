import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const TINY = join(ROOT, 'test', 'fixtures', 'roadmap', 'tiny.yaml');
const NOW = '2026-03-01T12:00:00Z';
const tmp = tempDir('pyroad-report-');
afterAll(tmp.cleanup);
let n = 0;
/** A fresh home and working folder per test. */
function setup() {
  const dir = join(tmp.dir, `case-${++n}`);
  mkdirSync(join(dir, 'cwd'), { recursive: true });
  const home = join(dir, 'home');
  const run = (args: string[], env: Record<string, string | undefined> = {}) =>
    runCli(args, { home, cwd: join(dir, 'cwd'), env: { PYROAD_ROADMAP: TINY, PYROAD_NOW: NOW, ...env } });
  return { dir, cwd: join(dir, 'cwd'), home, run };
}

describe('pyroad report (built binary)', () => {
  it('writes pyroad-report.html in the current folder by default', () => {
    const { cwd, run } = setup();
    const r = run(['report']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Wrote pyroad-report\.html \(\d+ KB\)\./);
    const page = readFileSync(join(cwd, 'pyroad-report.html'), 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('Tiny roadmap');
    // Nothing half-written left behind.
    expect(readdirSync(cwd)).toEqual(['pyroad-report.html']);
  });

  it('--output - prints the page on stdout and writes no file', () => {
    const { cwd, run } = setup();
    const r = run(['report', '--output', '-']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(r.stdout.trimEnd().endsWith('</html>')).toBe(true);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('records from `assess --answers` show up in the report', () => {
    const { dir, run } = setup();
    const answers = join(dir, 'answers.json');
    writeFileSync(
      answers,
      JSON.stringify({ area: 'basics', ratings: { loops: 3, functions: 2 }, answers: { 'loops-range': 0 } }),
    );
    expect(run(['assess', '--answers', answers], { PYROAD_NOW: '2026-02-20T10:00:00Z' }).code).toBe(0);
    const r = run(['report', '-o', '-']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('20 Feb 2026');
    expect(r.stdout).toContain('<polygon class="shape shape-self"');
    expect(r.stdout).not.toContain('Nothing recorded yet.');
  });

  it('replaces an existing report; a missing folder is refused, as export refuses it', () => {
    const { cwd, run } = setup();
    const target = join(cwd, 'reports', 'march', 'me.html');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, 'old');
    const r = run(['report', '-o', 'reports/march/me.html']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^<!doctype html>/);
    expect(readdirSync(dirname(target))).toEqual(['me.html']);
    const missing = run(['report', '-o', 'new/folder/r.html']);
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr: `pyroad: cannot write the report to ${join(cwd, 'new', 'folder', 'r.html')}: the folder ${join(cwd, 'new', 'folder')} does not exist\n`,
    });
    expect(existsSync(join(cwd, 'new'))).toBe(false);
  });

  it('a folder as --output: exit 1, one clear line, no stack trace, no temp file left', () => {
    const { cwd, run } = setup();
    mkdirSync(join(cwd, 'taken', 'inner'), { recursive: true });
    const r = run(['report', '-o', 'taken']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^pyroad: cannot write the report to .*taken: it is a folder\n$/);
    expect(readdirSync(cwd)).toEqual(['taken']);
  });

  it('usage problems exit 2', () => {
    const { run } = setup();
    expect(run(['report', '--open', '-o', '-']).stderr).toMatch(/--open needs a file/);
    expect(run(['report', '--open', '-o', '-']).code).toBe(2);
    expect(run(['report', '-o', '']).code).toBe(2);
    expect(run(['report', '--bogus']).code).toBe(2);
  });

  it('--help shows examples', () => {
    const r = setup().run(['report', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--output <file>/);
    expect(r.stdout).toMatch(/Examples:\n\s+\$ pyroad report/);
  });

  describe.skipIf(process.platform !== 'linux')('--open (Linux: xdg-open)', () => {
    it('hands the file to xdg-open', async () => {
      const { dir, cwd, run } = setup();
      const bin = join(dir, 'bin');
      mkdirSync(bin);
      const log = join(dir, 'opened.txt');
      writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\necho "$1" > '${log}'\n`);
      chmodSync(join(bin, 'xdg-open'), 0o755);
      const r = run(['report', '--open'], { PATH: `${bin}:/usr/bin:/bin` });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      // It says what it did, and that a server without a display shows no browser.
      expect(r.stdout).toContain(
        'Asked xdg-open to open it, but there is no graphical display here (DISPLAY is not set): if no browser appears, open pyroad-report.html yourself.',
      );
      // The opener runs detached; give it a moment.
      for (let i = 0; i < 50 && !existsSync(log); i++) await new Promise((done) => setTimeout(done, 50));
      expect(readFileSync(log, 'utf8').trim()).toBe(join(cwd, 'pyroad-report.html'));
    });

    it('without any opener: still exit 0, the report is written, a hint says where it is', () => {
      const { dir, cwd, run } = setup();
      mkdirSync(join(dir, 'empty-path'));
      const r = run(['report', '--open'], { PATH: join(dir, 'empty-path') });
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(join(cwd, 'pyroad-report.html'))).toBe(true);
      expect(r.stderr).toMatch(/no way to open a browser here; open pyroad-report\.html yourself/);
    });
  });
});
