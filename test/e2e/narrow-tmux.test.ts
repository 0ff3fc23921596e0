/**
 * Issue 14: error lines and --help fit a narrow terminal. At a terminal 40 columns wide a long error wraps at
 * spaces, continuation lines indented, and a path:line:col is never broken (it runs past the edge
 * on its own line only when wider than the terminal). Piped, each message stays one line for
 * scripts that grep it. The built binary (`npm run build` first) runs in tmux.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { Terminal, hasTmux } from '../helpers/tmux.js';

if (!hasTmux) console.warn('SKIPPED: the narrow error test needs tmux, which is not installed (apt-get install tmux).');

const tmp = tempDir('pyroad-errors-');
const terminal = new Terminal(tmp.dir);
afterAll(() => {
  terminal.close();
  tmp.cleanup();
});
const home = join(tmp.dir, 'home');
mkdirSync(home);
const folder = join(tmp.dir, 'company-roadmaps', 'backend-onboarding');
mkdirSync(folder, { recursive: true });
const BROKEN = join(folder, 'onboarding-roadmap.yaml');
writeFileSync(BROKEN, 'version: 1\ntitle: Onboarding\nareas:\n  - id: a\n    title: A\n    stage: skilz\n');

const UNKNOWN = ['show', 'pyhton-modules-packagez'];
const BAD_ROADMAP = ['--roadmap', BROKEN, 'next'];

/** Runs pyroad in a 40-column terminal; returns its exit code and the screen (wrapped rows joined). */
async function at40(args: string[]): Promise<{ code: number; lines: string[] }> {
  const pane = terminal.start(args, { home, env: { NO_COLOR: '1' }, columns: 40, rows: 30 });
  try {
    const code = await pane.exitCode();
    const lines = pane.screen().split('\n');
    return {
      code,
      lines: lines
        .slice(
          0,
          lines.findIndex((l) => l.startsWith('EXIT=')),
        )
        .filter((l) => l !== ''),
    };
  } finally {
    pane.kill();
  }
}

/** Lines past 40 columns that are not one word (a path or URL wider than the terminal). */
const tooWide = (lines: string[]) => lines.filter((l) => stringWidth(l) > 40 && /\S\s+\S/.test(l.trim()));

describe.skipIf(!hasTmux)('error lines at 40 columns (tmux)', () => {
  it('an unknown id with a did-you-mean wraps at spaces, continuation lines indented', async () => {
    const { code, lines } = await at40(UNKNOWN);
    expect(code).toBe(2);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(40);
    expect(lines[0]).toMatch(/^pyroad: no area or topic/);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}\S/);
    // The suggestion and the ids stay whole.
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain(
      'no area or topic "pyhton-modules-packagez" in the roadmap (did you mean "python-modules-packages"?)',
    );
  });

  it('a roadmap error keeps each path:line:col whole on a line of its own and wraps the message', async () => {
    const { code, lines } = await at40(BAD_ROADMAP);
    expect(code).toBe(1);
    expect(tooWide(lines)).toEqual([]);
    // Every problem's location is one unbroken word, the message after it wrapped and indented.
    for (const where of [':4:5:', ':6:12:']) expect(lines).toContain(`${BROKEN}${where}`);
    expect(lines).toContain('  stage: must be one of "skills",');
    expect(lines.join(' ')).toContain('missing required field "topics"');
  });

  it('piped, each message stays one line for scripts', () => {
    const r = runCli(UNKNOWN, { home, env: { COLUMNS: '40', NO_COLOR: '1' } });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    const b = runCli(BAD_ROADMAP, { home, env: { COLUMNS: '40', NO_COLOR: '1' } });
    expect(b.stderr).toContain(
      `${BROKEN}:6:12: stage: must be one of "skills", "prove", "apply" (did you mean "skills"?)\n`,
    );
  });

  it('--help wraps to the terminal it runs in (no COLUMNS), descriptions under their terms', async () => {
    const { code, lines } = await at40(['evidence', '--help']);
    expect(code).toBe(0);
    expect(tooWide(lines)).toEqual([]);
    expect(lines).toContain('  remove [options] <n>');
    expect(lines).toContain('  $ pyroad evidence add \\');
  });

  it("a prompt's question wraps at spaces, not at the edge mid-word (the first run's placement offer)", async () => {
    const fresh = join(tmp.dir, 'fresh');
    mkdirSync(fresh);
    const pane = terminal.start(['assess'], { home: fresh, env: { NO_COLOR: '1' }, columns: 40, rows: 30 });
    try {
      const text = await pane.waitFor(/\(Y\/n\)/);
      const lines = pane.screen({ raw: true }).split('\n');
      expect(lines.filter((l) => stringWidth(l) > 40)).toEqual([]);
      // Every word whole: the question reads the same once its lines are joined.
      expect(text.replace(/\n {2}/g, ' ')).toMatch(
        /\? Take the placement \(about \d+ questions, \d+ at most, ~\d+ min\)\? It shows/,
      );
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
    } finally {
      pane.kill();
    }
  });

  it('the key help under a list breaks between its items, never mid-word (the mark tick list)', async () => {
    const pane = terminal.start(['mark', 'portfolio-site-project'], {
      home,
      env: { NO_COLOR: '1' },
      columns: 40,
      rows: 30,
    });
    try {
      await pane.waitFor('navigate');
      const lines = pane.screen({ raw: true }).split('\n');
      expect(lines.filter((l) => stringWidth(l) > 40)).toEqual([]);
      const help = lines.filter((l) => /navigate|select|invert|submit/.test(l));
      expect(help.join(' • ')).toMatch(/↑↓ navigate • space select • a all • i invert • ⏎ submit/);
      pane.keys('C-c');
      expect(await pane.exitCode()).toBe(130);
    } finally {
      pane.kill();
    }
  });

  it('a URL stays whole in a 40-column terminal: on a line of its own, never cut by pyroad', async () => {
    const url = 'https://github.com/example/a-very-long-repository-name-for-http';
    const linked = join(tmp.dir, 'linked');
    mkdirSync(linked);
    expect(runCli(['evidence', 'add', 'http-protocol', url], { home: linked }).code).toBe(0);
    for (const args of [
      ['evidence', 'list'],
      ['show', 'http-protocol'],
    ]) {
      const pane = terminal.start(args, { home: linked, env: { NO_COLOR: '1' }, columns: 40, rows: 60 });
      try {
        expect(await pane.exitCode()).toBe(0);
        // Joined as the terminal wrapped it (-J): the URL is one line's only word, whole.
        const lines = pane.screen().split('\n');
        expect(
          lines.map((l) => l.trim()),
          args.join(' '),
        ).toContain(url);
        expect(
          tooWide(
            lines.slice(
              0,
              lines.findIndex((l) => l.startsWith('EXIT=')),
            ),
          ),
        ).toEqual([]);
      } finally {
        pane.kill();
      }
    }
  });
});
