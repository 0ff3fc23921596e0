/**
 * Consent to a roadmap's own exercise code in a real terminal (tmux): the first check says what
 * would run and from which roadmap file, and asks. Declining runs nothing (exit 1); agreeing runs
 * the tests and is remembered, so the next check does not ask; --watch asks once. Skipped only
 * when tmux is missing.
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { Terminal, hasTmux } from '../helpers/tmux.js';

if (!hasTmux) console.warn('SKIPPED: the practice consent test needs tmux (apt-get install tmux).');

const tmp = tempDir('pyroad-consent-tmux-');
const terminal = new Terminal(tmp.dir);
afterAll(() => {
  terminal.close();
  tmp.cleanup();
});

const roadmapDir = join(tmp.dir, 'bootcamp');
cpSync(join(ROOT, 'test', 'fixtures', 'roadmap', 'carried'), roadmapDir, { recursive: true });
const ROADMAP = join(roadmapDir, 'roadmap.yaml');

function setUp(name: string) {
  const home = join(tmp.dir, `home-${name}`);
  const work = join(tmp.dir, `work-${name}`);
  mkdirSync(work, { recursive: true });
  const marker = join(work, 'ran.txt');
  writeFileSync(
    join(work, 'count_down.py'),
    `open(${JSON.stringify(marker)}, "w").close()\ndef count_down(n):\n    return list(range(n, 0, -1))\n`,
  );
  const start = () =>
    terminal.start(['practice', 'check', 'count-down', '--dir', work], {
      home,
      env: { PYROAD_ROADMAP: ROADMAP },
      columns: 100,
      rows: 30,
    });
  return { home, marker, start };
}

describe.skipIf(!hasTmux)("consent to run a roadmap's exercise code", () => {
  it('declining runs nothing and exits 1', { timeout: 60_000 }, async () => {
    const { home, marker, start } = setUp('decline');
    const pane = start();
    try {
      // pyroad wraps its own text at the terminal's width: compare with the lines joined.
      const screen = (await pane.waitFor("Run this roadmap's exercise tests?", 30_000)).replace(/\s+/g, ' ');
      expect(screen).toContain(`Exercise count-down comes from roadmap ${ROADMAP}, not from pyroad.`);
      expect(screen).toContain('its 2 exercises: count-down, status-line');
      expect(screen).toContain('Agree only if you trust where this roadmap comes from.');
      pane.keys('n');
      pane.keys('Enter');
      const after = (await pane.waitFor('nothing was run')).replace(/\s+/g, ' ');
      expect(after).toContain(
        `pyroad: nothing was run: you did not agree to run roadmap ${ROADMAP}'s exercise code (\`pyroad practice check --trust\` agrees)`,
      );
      expect(await pane.exitCode()).toBe(1);
      expect(existsSync(marker)).toBe(false);
      expect(existsSync(join(home, 'consents.json'))).toBe(false);
    } finally {
      pane.kill();
    }
  });

  it('agreeing runs the tests, and the next check does not ask', { timeout: 90_000 }, async () => {
    const { marker, start } = setUp('accept');
    const first = start();
    try {
      await first.waitFor("Run this roadmap's exercise tests?", 30_000);
      first.keys('y');
      first.keys('Enter');
      const screen = await first.waitFor('all 2 tests pass', 30_000);
      expect(screen).toContain('Agreed; pyroad asks again if these exercises change.');
      expect(await first.exitCode()).toBe(0);
      expect(existsSync(marker)).toBe(true);
    } finally {
      first.kill();
    }
    const second = start();
    try {
      const screen = await second.waitFor('all 2 tests pass', 30_000);
      expect(screen).not.toContain('Run this roadmap');
      expect(await second.exitCode()).toBe(0);
    } finally {
      second.kill();
    }
  });

  it('--watch asks once, then re-checks on save without asking again', { timeout: 90_000 }, async () => {
    const { home } = setUp('watch');
    const work = join(tmp.dir, 'work-watch');
    writeFileSync(join(work, 'count_down.py'), 'def count_down(n):\n    return []\n');
    const pane = terminal.start(['practice', 'check', 'count-down', '--watch', '--dir', work], {
      home,
      env: { PYROAD_ROADMAP: ROADMAP },
      columns: 100,
      rows: 30,
    });
    try {
      await pane.waitFor("Run this roadmap's exercise tests?", 30_000);
      pane.keys('y');
      pane.keys('Enter');
      await pane.waitFor('not yet', 30_000);
      await pane.waitFor('Ctrl-C stops');
      writeFileSync(join(work, 'count_down.py'), 'def count_down(n):\n    return list(range(n, 0, -1))\n');
      const screen = await pane.waitFor('all 2 tests pass', 30_000);
      expect(screen.split("Run this roadmap's exercise tests?").length).toBe(2); // asked once
      pane.keys('C-c');
      await pane.waitFor('pyroad: stopped watching', 15_000);
    } finally {
      pane.kill();
    }
  });
});
