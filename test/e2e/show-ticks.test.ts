import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

// `show` lists a project's milestones and a checklist's steps as numbered ticks; a long one wraps
// with its later lines under its text, so the numbers stand out as a list.
const home = tempDir('pyroad-show-ticks-');
afterAll(home.cleanup);

describe('pyroad show: milestones wrap under their text', () => {
  it('at 60 columns, continuation lines are indented past "1. [ ] "', () => {
    expect(runCli(['mark', 'portfolio-site-project', '--milestone', '2', 'done'], { home: home.dir }).code).toBe(0);
    const r = runCli(['show', 'portfolio-site-project'], { home: home.dir, env: { COLUMNS: '60', NO_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const first = lines.findIndex((l) => l.startsWith('  1. [ ] Pick the framework'));
    expect(first).toBeGreaterThan(0);
    expect(lines[first + 1]).toMatch(/^ {9}\S/);
    expect(lines.some((l) => l.startsWith('  2. [x] Build a read-only JSON API'))).toBe(true);
    // A URL wider than the line keeps whole on a line of its own (the URL policy); the rest fits.
    for (const line of lines.filter((l) => !/^\s*https?:\/\/\S+$/.test(l)))
      expect(line.length, line).toBeLessThanOrEqual(60);
  });
});
