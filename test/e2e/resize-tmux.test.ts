/**
 * Issue 14: a terminal resized while a question waits gets the question drawn again to fit (the
 * prompt library draws only on a key press). The built binary (`npm run build` first) runs in
 * tmux; the window shrinks from 100 to 40 columns mid-question. Skipped only without tmux.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { ProgressStore } from '../../src/progress/store.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { Terminal, hasTmux, type Pane } from '../helpers/tmux.js';

if (!hasTmux) console.warn('SKIPPED: the resize test needs tmux, which is not installed (apt-get install tmux).');

const FIXTURE = join(ROOT, 'test', 'fixtures', 'quiz', 'resize.yaml');
const tmp = tempDir('pyroad-resize-');
const terminal = new Terminal(tmp.dir);
afterAll(() => {
  terminal.close();
  tmp.cleanup();
});

/** What is on screen now, without the scroll-back. */
const visible = (pane: Pane): string => terminal.tmux('capture-pane', '-p', '-t', pane.name).stdout;

/** Waits until the visible screen satisfies `ok`; returns it. */
async function waitVisible(pane: Pane, ok: (text: string) => boolean, what: string): Promise<string> {
  const until = Date.now() + 15_000;
  for (;;) {
    const text = visible(pane);
    if (ok(text)) return text;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; the screen shows:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!hasTmux)('a resize mid-question (tmux)', () => {
  it('redraws the question at 40 columns, keeps the cursor on its choice, and records one answer', async () => {
    if (!existsSync(join(ROOT, 'dist', 'cli.js')))
      throw new Error('run `npm run build` first: this test runs the built binary');
    const home = join(tmp.dir, 'home');
    mkdirSync(home, { recursive: true });
    const pane = terminal.start(['assess', 'web'], {
      home,
      env: { PYROAD_ROADMAP: FIXTURE, NO_COLOR: '1' },
      columns: 100,
      rows: 30,
    });
    try {
      await pane.waitFor(/↑↓ navigate • 0-4 pick/);
      pane.keys('2', 'Enter');
      await pane.waitFor(/\? Your answer[\s\S]*↑↓ navigate/);
      // At 100 columns the question's first line runs past 40 columns.
      expect(visible(pane)).toMatch(/A client sent a POST request that created a new user record on the server;/);
      // The cursor goes to the second choice (the order is shuffled: remember which one it is).
      pane.keys('Down');
      const before = await waitVisible(pane, (t) => /❯ 2\. /.test(t), 'the cursor on choice 2');
      const second = /❯ 2\. (\d{3})/.exec(before)![1]!;

      pane.resize(40, 30);
      const after = await waitVisible(
        pane,
        (t) => /server; which status code tells it so\?/.test(t) && /↑↓ navigate/.test(t),
        'the question redrawn at 40 columns',
      );
      const lines = after.split('\n');
      // Wrapped to 40 with nothing left over from the 100-column drawing: no line is wider, and the
      // question and the prompt show once.
      expect(lines.filter((l) => stringWidth(l) > 40)).toEqual([]);
      expect(after).toMatch(/^ {2}A client sent a POST request that\n {2}created a new user record on the\n/m);
      expect(after.match(/A client sent/g)).toHaveLength(1);
      expect(after.match(/\? Your answer/g)).toHaveLength(1);
      // Each choice wrapped under its text, the cursor still on the one it was on.
      expect(after).toMatch(new RegExp(`❯ 2\\. ${second} `));
      for (const l of lines.filter((l) => /^ {5}\S/.test(l))) expect(stringWidth(l)).toBeLessThanOrEqual(40);

      pane.keys('Enter');
      await pane.waitFor(/assessment done/);
      expect(await pane.exitCode()).toBe(0);
      const events = new ProgressStore(join(home, 'progress.jsonl')).loadEvents();
      const answers = events.filter((e) => e.e === 'answer');
      expect(answers).toHaveLength(1);
      // The answer is the choice the cursor was on: 201 is right, 200 and 204 are not.
      expect(answers[0]).toMatchObject({ question: 'status-created', correct: second === '201' });
      // The summary, drawn after the resize, fits 40 columns too.
      const end = visible(pane);
      expect(end.split('\n').filter((l) => stringWidth(l) > 40 && !/^\s*https:\/\/\S+$/.test(l))).toEqual([]);
    } finally {
      pane.kill();
    }
  }, 40_000);
});
