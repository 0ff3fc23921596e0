/**
 * The placement in a real terminal (tmux; the built binary, `npm run build` first): a first
 * `pyroad assess` offers it, a few answers are saved as placement answers, Ctrl-C exits 130
 * keeping them, and `pyroad assess --placement` offers to resume where it stopped. Skipped, with a message, only when tmux is not installed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProgressStore } from '../../src/progress/store.js';
import { tempDir } from '../helpers/cli.js';
import { Terminal, hasTmux } from '../helpers/tmux.js';

if (!hasTmux) console.warn('SKIPPED: the real-terminal placement test needs tmux (apt-get install tmux).');

const tmp = tempDir('pyroad-placement-tmux-');
const terminal = new Terminal(tmp.dir);
afterAll(() => {
  terminal.close();
  tmp.cleanup();
});

describe.skipIf(!hasTmux)('pyroad assess --placement in a real terminal (tmux)', () => {
  it('is offered on a first run, saves each answer, Ctrl-C exits 130 keeping them, and a re-run resumes', async () => {
    const home = join(tmp.dir, 'home');
    mkdirSync(home, { recursive: true });
    const run = terminal.start(['assess'], { home, env: { PYROAD_NOW: '2026-03-02T09:00:00.000Z' } });
    let text = await run.waitFor(/Take the placement \(about \d+ questions, \d+ at most, ~\d+ min\)\?/);
    run.keys('Enter');

    text = await run.waitFor(/Placement · .* · question 1 of 40[\s\S]*\? Your answer/);
    run.keys('1', 'Enter');
    text = await run.waitFor(/question 2 of 40[\s\S]*\? Your answer/);
    expect(text).toMatch(/✔ Correct\.|✘ Not quite\./);
    run.keys('2', 'Enter');
    text = await run.waitFor(/question 3 of 40[\s\S]*\? Your answer/);

    run.keys('C-c');
    text = await run.waitFor('interrupted:');
    expect(await run.exitCode()).toBe(130);
    expect(text).toContain('pyroad: interrupted: 2 placement answers saved');
    expect(text).not.toMatch(/\bat .*\.js:\d+/);
    const answers = new ProgressStore(join(home, 'progress.jsonl')).loadEvents().filter((e) => e.e === 'answer');
    expect(answers).toHaveLength(2);
    expect(answers.every((a) => a.e === 'answer' && a.source === 'placement')).toBe(true);
    expect(text).toContain('`pyroad assess --placement` resumes');

    // Again: it offers to pick up where it stopped, keeps the 2 answers and goes on at question 3.
    const again = terminal.start(['assess', '--placement'], { home, env: { PYROAD_NOW: '2026-03-02T09:30:00.000Z' } });
    text = await again.waitFor(/You stopped the placement on 2026-03-02 after 2 answers\. Pick up where you stopped\?/);
    again.keys('Enter');
    text = await again.waitFor(/question 3 of 40[\s\S]*\? Your answer/);
    expect(text).toContain('Resuming the placement: 2 answers kept.');
    again.keys('1', 'Enter');
    text = await again.waitFor(/question 4 of 40[\s\S]*\? Your answer/);
    again.keys('C-c');
    text = await again.waitFor('interrupted:');
    expect(await again.exitCode()).toBe(130);
    const all = new ProgressStore(join(home, 'progress.jsonl')).loadEvents().filter((e) => e.e === 'answer');
    expect(all).toHaveLength(3);
    // One placement: the resumed answer carries the first run's session, and no question twice.
    expect(new Set(all.map((a) => a.e === 'answer' && a.session)).size).toBe(1);
    expect(new Set(all.map((a) => a.e === 'answer' && a.question)).size).toBe(3);
  });
});
