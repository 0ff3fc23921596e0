/**
 * `pyroad mark ID` in a real terminal: the built binary (`npm run build` first) runs inside tmux,
 * shows a project's milestones with their state, and saves what is ticked and unticked. Skipped,
 * with a message, only when tmux is not installed (.ci/run installs it).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProgressStore } from '../../src/progress/store.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { Terminal, hasTmux } from '../helpers/tmux.js';

if (!hasTmux) console.warn('SKIPPED: the real-terminal mark test needs tmux, which is not installed.');

const tmp = tempDir('pyroad-mark-tmux-');
const terminal = new Terminal(tmp.dir);
afterAll(() => {
  terminal.close();
  tmp.cleanup();
});
const home = join(tmp.dir, 'home');
const env = { PYROAD_NOW: '2026-03-01T12:00:00Z' };

describe.skipIf(!hasTmux)('pyroad mark ID in a real terminal (tmux)', () => {
  it('shows the milestones with their state; space ticks and unticks; Enter saves one event per change', async () => {
    mkdirSync(home, { recursive: true });
    expect(runCli(['mark', 'portfolio-site-project', '--milestone', '1', 'done'], { home, env }).code).toBe(0);
    const pane = terminal.start(['mark', 'portfolio-site-project'], {
      home,
      env: { PYROAD_NOW: '2026-03-01T13:00:00Z' },
    });
    const screen = await pane.waitFor('tick what is done');
    expect(screen).toMatch(/◉ 1\. Pick the framework/);
    expect(screen).toMatch(/◯ 2\. Build a read-only JSON API/);
    // Untick 1, tick 2 and 3.
    pane.keys('Space');
    pane.keys('Down');
    pane.keys('Space');
    pane.keys('Down');
    pane.keys('Space');
    await pane.waitFor(/◉ 3\./);
    pane.keys('Enter');
    expect(await pane.exitCode()).toBe(0);
    expect(pane.screen()).toContain('2 of 7 milestones.');
    const ticks = new ProgressStore(join(home, 'progress.jsonl')).loadEvents().filter((e) => e.e === 'tick');
    expect(ticks.map((t) => (t.e === 'tick' ? [t.item, t.done] : []))).toEqual([
      [0, true],
      [0, false],
      [1, true],
      [2, true],
    ]);
  });

  it('at 40 columns each milestone wraps at spaces under its number, and the prompt stays on screen', async () => {
    const pane = terminal.start(['mark', 'portfolio-site-project'], {
      home,
      env: { NO_COLOR: '1' },
      columns: 40,
      rows: 30,
    });
    const screen = await pane.waitFor('navigate');
    expect(screen).toMatch(/^\? A portfolio site with a REST API: tick/m);
    const lines = screen.split('\n').filter((l) => !/navigate|nvert/.test(l));
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(40);
    // Continuation lines line up under the text, and words stay whole: "ORM models", not "model/s".
    expect(screen).toMatch(/^ {6}\S/m);
    expect(screen.replace(/\n {6}/g, ' ')).toContain('admin user, as ORM models with a migration.');
    pane.keys('C-c');
    expect(await pane.exitCode()).toBe(130);
  });
});
