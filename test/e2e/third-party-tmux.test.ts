/**
 * The third-party fixture roadmap in a real terminal (tmux) at 40 and 100 columns: a question whose
 * code choices are taller than the screen keeps its text and prompt visible, the choices scroll
 * with a "more" marker, and no line of the question screen runs past the edge. Needs `npm run build`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { Terminal, hasTmux } from '../helpers/tmux.js';
import { displayWidth } from '../../src/render/width.js';

if (!hasTmux) console.warn('SKIPPED: the third-party screen test needs tmux, which is not installed.');

const FIXTURE = join(ROOT, 'test', 'fixtures', 'roadmap', 'third-party.yaml');
const tmp = tempDir('pyroad-tmux-third-');
const terminal = new Terminal(tmp.dir);
afterAll(() => {
  terminal.close();
  tmp.cleanup();
});

describe.skipIf(!hasTmux)('a third-party roadmap in a real terminal', () => {
  for (const [columns, rows] of [
    [40, 20],
    [100, 24],
  ] as const)
    it(`shows a tall code question at ${columns}x${rows}: prompt visible, choices scroll with a marker`, async () => {
      if (!existsSync(join(ROOT, 'dist', 'cli.js')))
        throw new Error('run `npm run build` first: this test runs the built binary');
      const home = join(tmp.dir, `home-${columns}`);
      // With seed 1 the Iteration questions come as: true/false, range, then the tall one.
      const pane = terminal.start(['assess', 'python-bank', '--seed', '1'], {
        home,
        env: { PYROAD_ROADMAP: FIXTURE },
        columns,
        rows,
      });
      try {
        await pane.waitFor('How well do you know Iteration?');
        pane.keys('3');
        pane.keys('Enter');
        // Keys go only once the answer prompt is drawn (its key hint shows), not at the header:
        // a key sent before the prompt listens is lost.
        await pane.waitFor(/question 1 of 7[\s\S]*⏎ select/);
        pane.keys('Enter');
        await pane.waitFor(/question 2 of 7[\s\S]*⏎ select/);
        pane.keys('Enter');
        const screen = await pane.waitFor('more below');
        const question = screen.slice(screen.lastIndexOf('question 3 of 7'));
        expect(question).toContain('the even numbers in');
        expect(question).toContain('? Your answer');
        expect(question).toContain('1. │ def squares(items):');
        expect(question).toContain('choice 1 of 4 · more below ↓');
        // The whole session so far (joined lines: the rating echo, the feedback, the question) fits
        // the width: nothing was broken mid-word by the terminal.
        for (const line of screen.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
        // The visible screen holds the prompt and the marker at once.
        const visible = pane.screen({ raw: true }).split('\n').slice(-rows).join('\n');
        expect(visible).toContain('? Your answer');
        expect(visible).toContain('more below');
        pane.keys('Down');
        await pane.waitFor('choice 2 of 4 · more above and below');
      } finally {
        pane.kill();
      }
    });
});
