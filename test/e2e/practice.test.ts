import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, childEnv, ROOT, runCli, tempDir } from '../helpers/cli.js';

/** `pyroad practice` end to end, with the built binary and the real python3 found on PATH. */
const ID = 'list-comprehension-squares';
const SOLUTION = join(ROOT, 'test', 'fixtures', 'exercises', `${ID}.py`);

describe('pyroad practice', () => {
  const home = tempDir('pyroad-practice-e2e-');
  const work = join(home.dir, 'work');
  const cli = (...args: string[]) => runCli(['practice', ...args], { home: home.dir, timeout: 60_000 });
  afterAll(home.cleanup);

  it('lists the exercises with their state, as text and JSON', () => {
    const text = cli('--dir', work);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`new\\s+${ID}\\s+Squares of the even numbers`));
    expect(text.stdout).toMatch(/0 of \d+ passed/);
    const json = JSON.parse(cli('--dir', work, '--json').stdout) as { exercises: { id: string; state: string }[] };
    expect(json.exercises.length).toBeGreaterThanOrEqual(40);
    expect(json.exercises.find((x) => x.id === ID)?.state).toBe('new');
  });

  it('writes the starter, prints the task, and never overwrites the file', () => {
    const first = cli(ID, '--dir', work);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`wrote ${join(work, 'squares.py')}`);
    expect(first.stdout).toContain('even_squares(numbers)');
    writeFileSync(join(work, 'squares.py'), '# my own work\n');
    const again = cli(ID, '--dir', work);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('is already there; it was left as it is');
    expect(readFileSync(join(work, 'squares.py'), 'utf8')).toBe('# my own work\n');
  });

  it('a failing check shows the first problem plainly and exits 1', () => {
    writeFileSync(join(work, 'squares.py'), 'def even_squares(numbers):\n    return [n for n in numbers]\n');
    const r = cli('check', '--dir', work);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('checked: even_squares([1, 2, 3, 4]) is [4, 16]');
    expect(r.stdout).toMatch(/expected: \[4, 16\]\n\s+got:\s+\[1, 2, 3, 4\]/);
    expect(r.stdout).not.toContain('Traceback');
    expect(r.stderr).toBe(`pyroad: ${ID}: not passed yet\n`);
  });

  it("shows the program's output harmlessly", () => {
    writeFileSync(
      join(work, 'squares.py'),
      'print("\\x1b[2J\\x1b]0;owned\\x07hello")\nprint("x" * 4000)\ndef even_squares(numbers):\n    return []\n',
    );
    const r = cli('check', ID, '--dir', work);
    expect(r.stdout).toContain('Your code printed');
    expect(r.stdout).toContain('hello');
    expect(r.stdout).not.toContain('\x1b');
    expect(r.stdout).not.toContain('\x07');
    // A 4,000-character line is cut at the edge, not poured out.
    expect(r.stdout).toMatch(/ {2}\| x+…\n/);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
  });

  it('gives hints one at a time', () => {
    expect(cli('hint', ID, '--dir', work).stdout).toMatch(/^Hint 1 of 2:/);
    expect(cli('hint', ID, '--dir', work).stdout).toMatch(/^Hint 2 of 2:/);
  });

  it('a pass is recorded as evidence, says what next, and the list shows it', () => {
    copyFileSync(SOLUTION, join(work, 'squares.py'));
    const r = cli('check', ID, '--dir', work, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ exercise: ID, verdict: { outcome: 'passed', tests: 5 } });
    const journal = readFileSync(join(home.dir, 'progress.jsonl'), 'utf8');
    expect(journal).toContain(ID);
    const text = cli('check', ID, '--dir', work);
    expect(text.stdout).toMatch(/all 5 tests pass\.\n.*Next:/);
    expect(cli('--dir', work).stdout).toMatch(new RegExp(`passed\\s+${ID}`));
  });

  it('unknown exercise: a usage error with a suggestion', () => {
    const r = cli('check', 'list-comprehension-square', '--dir', work);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`did you mean "${ID}"`);
  });

  it('a missing interpreter: one line saying what to install', () => {
    const r = cli('check', ID, '--dir', work, '--python', 'python-that-is-not-there');
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('install Python 3.9 or later');
  });

  it("an interpreter that is not Python is blamed, not the learner's file, and no attempt is recorded", () => {
    const journal = () => readFileSync(join(home.dir, 'progress.jsonl'), 'utf8');
    const before = journal();
    const r = cli('check', ID, '--dir', work, '--python', '/bin/false');
    expect(journal()).toBe(before);
    expect(r.code).toBe(1);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      "the interpreter never ran pyroad's test harness (exit code 1): is it Python 3?",
    );
    expect(r.stdout).not.toContain('Edit ');
  });

  it('--reset keeps the old file as a backup', () => {
    const r = cli(ID, '--dir', work, '--reset', '--yes');
    expect(r.code).toBe(0);
    const backup = /kept as (.+\.bak)\./.exec(r.stdout)?.[1];
    expect(backup && existsSync(backup)).toBe(true);
    expect(readFileSync(backup!, 'utf8')).toBe(readFileSync(SOLUTION, 'utf8'));
    const fresh = readFileSync(join(work, 'squares.py'), 'utf8');
    expect(fresh).toContain('TODO');
    expect(fresh.endsWith('return []\n')).toBe(true); // a source file ends with a newline
  });

  it('--watch stops on SIGINT with exit 130', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, [BIN, 'practice', 'check', ID, '--watch', '--dir', work], {
      env: childEnv(home.dir),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (out.includes('Ctrl-C stops')) {
          clearInterval(poll);
          child.kill('SIGINT');
          resolve();
        }
      }, 100);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(killer);
    expect(code).toBe(130);
    expect(err).toBe('pyroad: stopped watching\n');
  });
});
