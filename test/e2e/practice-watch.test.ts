/**
 * `pyroad practice check --watch` in a real terminal (tmux): it checks, waits, checks again when
 * the file is saved, and Ctrl-C stops it (exit 130, checked by hand: the tmux wrapper's shell
 * is interrupted too). Skipped only when tmux is missing.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { Terminal, hasTmux } from '../helpers/tmux.js';

if (!hasTmux) console.warn('SKIPPED: the practice watch test needs tmux (apt-get install tmux).');

const tmp = tempDir('pyroad-practice-watch-');
const terminal = new Terminal(tmp.dir);
afterAll(() => {
  terminal.close();
  tmp.cleanup();
});

describe.skipIf(!hasTmux)('pyroad practice check --watch', () => {
  it('re-checks on save until Ctrl-C', { timeout: 90_000 }, async () => {
    const home = join(tmp.dir, 'home');
    const work = join(tmp.dir, 'work');
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, 'squares.py'), 'def even_squares(numbers):\n    return []\n');
    const pane = terminal.start(['practice', 'check', 'list-comprehension-squares', '--watch', '--dir', work], {
      home,
    });
    await pane.waitFor('not yet', 30_000);
    await pane.waitFor('Ctrl-C stops');
    copyFileSync(
      join(ROOT, 'test', 'fixtures', 'exercises', 'list-comprehension-squares.py'),
      join(work, 'squares.py'),
    );
    const screen = await pane.waitFor('all 5 tests pass', 30_000);
    expect(screen).toContain('changed, checking again');
    // Ctrl-C reaches the wrapping shell too (no raw mode here), so the exit file is not written:
    // the message says it stopped.
    pane.keys('C-c');
    await pane.waitFor('pyroad: stopped watching', 15_000);
    pane.kill();
  });
});
