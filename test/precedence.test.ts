import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { ROOT, tempDir } from './helpers/cli.js';

/**
 * One rule for every value that can be given several ways: a flag beats an environment variable,
 * which beats a setting, which beats the default. The program reads its environment only from
 * what main() is given, never from the process's own (issue 12: a PYROAD_HOME in the shell that
 * ran the tests used to win, and the suite wrote into the learner's folder).
 */
const TINY = join(ROOT, 'test', 'fixtures', 'progress', 'roadmap.yaml');
const QUIZ = join(ROOT, 'test', 'fixtures', 'quiz', 'roadmap.yaml');

async function run(args: string[], env: Record<string, string | undefined>, tty = false) {
  const sink = (isTTY: boolean) => {
    const stream = Object.assign(new PassThrough(), { isTTY, columns: 100 });
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
  };
  const out = sink(tty);
  const err = sink(false);
  const stdin = Object.assign(Readable.from([]), { isTTY: false });
  const code = await main(args, { stdin, stdout: out.stream, stderr: err.stream, env });
  return { code, stdout: out.text(), stderr: err.text() };
}

let tmp: ReturnType<typeof tempDir>;
/** A user's HOME, a PYROAD_HOME and a --home, all fresh. */
let user: string, envHome: string, flagHome: string;
beforeEach(() => {
  tmp = tempDir('pyroad-precedence-');
  [user, envHome, flagHome] = ['user', 'env-home', 'flag-home'].map((d) => join(tmp.dir, d)) as [
    string,
    string,
    string,
  ];
  for (const d of [user, envHome, flagHome]) mkdirSync(d);
});
afterEach(() => tmp.cleanup());

const where = async (args: string[], env: Record<string, string | undefined>) => {
  const r = await run([...args, 'where', '--json'], env);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { progress: string; roadmap: string; sources: { home: string; roadmap: string } };
};

describe('where a value comes from: flag, then environment, then setting, then default', () => {
  it.each([
    ['flag', ['--home', 'FLAG'], { PYROAD_HOME: 'ENV' }, 'FLAG/progress.jsonl'],
    ['env', [], { PYROAD_HOME: 'ENV' }, 'ENV/progress.jsonl'],
    ['default', [], {}, 'USER/.local/share/pyroad/progress.jsonl'],
  ] as const)('home from the %s', async (source, args, env, expected) => {
    const real = (s: string) => s.replace('FLAG', flagHome).replace('ENV', envHome).replace('USER', user);
    const w = await where(
      args.map(real),
      Object.fromEntries(Object.entries({ HOME: user, ...env }).map(([k, v]) => [k, real(v)])),
    );
    expect(w.progress).toBe(real(expected));
    expect(w.sources.home).toBe(source);
  });

  it('XDG folders are honoured for the default home, from the given env only', async () => {
    const w = await where([], { HOME: user, XDG_DATA_HOME: join(tmp.dir, 'xdg-data') });
    expect(w.progress).toBe(join(tmp.dir, 'xdg-data', 'pyroad', 'progress.jsonl'));
  });

  it('where says the default home came from the platform folders, and which XDG_* it followed', async () => {
    const plain = await run(['where'], { HOME: user });
    expect(plain.stdout).toContain("Your platform's per-user folders (the default: no --home or PYROAD_HOME given).");
    const xdg = await run(['where'], { HOME: user, XDG_DATA_HOME: join(tmp.dir, 'xdg-data') });
    expect(xdg.stdout).toContain('no --home or PYROAD_HOME given; from XDG_DATA_HOME).');
    const env = await run(['where'], { HOME: user, PYROAD_HOME: envHome });
    expect(env.stdout).toContain(`Everything is kept in ${envHome} (from PYROAD_HOME).`);
    expect(env.stdout).not.toContain('per-user folders');
  });

  it('without HOME or a home given: a usage error, not the account database', async () => {
    const r = await run(['where'], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^pyroad: HOME is not set.*--home DIR \(or PYROAD_HOME\)\n$/);
  });

  it.each([
    ['flag', true, true, true],
    ['env', false, true, true],
    ['setting', false, false, true],
    ['default', false, false, false],
  ] as const)('roadmap from the %s', async (source, flag, env, setting) => {
    const fromSetting = join(tmp.dir, 'setting.yaml');
    writeFileSync(fromSetting, readFileSync(TINY));
    if (setting) writeFileSync(join(envHome, 'settings.json'), JSON.stringify({ roadmap: fromSetting }));
    const w = await where(flag ? ['--roadmap', TINY] : [], {
      HOME: user,
      PYROAD_HOME: envHome,
      ...(env ? { PYROAD_ROADMAP: QUIZ } : {}),
    });
    expect(w.sources.roadmap).toBe(source);
    expect(w.roadmap).toBe(
      { flag: TINY, env: QUIZ, setting: fromSetting, default: join(ROOT, 'data', 'roadmap.yaml') }[source],
    );
  });

  // Colour: --no-color, then FORCE_COLOR (which beats NO_COLOR), then NO_COLOR, then the
  // setting, then the default (on only for a terminal).
  it.each([
    ['--no-color beats FORCE_COLOR', ['--no-color'], { FORCE_COLOR: '1' }, undefined, true, false],
    ['FORCE_COLOR beats NO_COLOR', [], { FORCE_COLOR: '1', NO_COLOR: '1' }, undefined, false, true],
    ['FORCE_COLOR beats the setting', [], { FORCE_COLOR: '1' }, false, false, true],
    ['NO_COLOR beats the setting', [], { NO_COLOR: '1' }, true, true, false],
    ['the setting beats the default', [], {}, false, true, false],
    ['default: on for a terminal', [], {}, undefined, true, true],
    ['default: off for a pipe', [], {}, undefined, false, false],
  ] as const)('colour: %s', async (_, args, env, setting, tty, coloured) => {
    if (setting !== undefined) writeFileSync(join(envHome, 'settings.json'), JSON.stringify({ color: setting }));
    const r = await run(
      [...args, '--roadmap', TINY, 'validate'],
      { HOME: user, PYROAD_HOME: envHome, TERM: 'xterm', ...env },
      tty,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.includes('\u001b['), r.stdout).toBe(coloured);
  });

  it('PYROAD_NOW pins the clock from the given env; without it, the real clock', async () => {
    const env = { HOME: user, PYROAD_HOME: envHome, PYROAD_ROADMAP: TINY };
    const journal = () => readFileSync(join(envHome, 'progress.jsonl'), 'utf8');
    expect((await run(['mark', 'functions', 'done'], { ...env, PYROAD_NOW: '2030-01-02T03:04:05Z' })).code).toBe(0);
    expect(journal()).toContain('"t":"2030-01-02T03:04:05.000Z"');
    expect((await run(['mark', 'loops', 'learning'], env)).code).toBe(0);
    const last = JSON.parse(journal().trim().split('\n').at(-1)!) as { t: string };
    expect(Math.abs(Date.parse(last.t) - Date.now())).toBeLessThan(60_000);
    const bad = await run(['next'], { ...env, PYROAD_NOW: 'soon' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('PYROAD_NOW must be an ISO date');
  });

  it('DEBUG=pyroad from the given env adds the stack trace to an error', async () => {
    const env = { HOME: user, PYROAD_HOME: envHome, PYROAD_ROADMAP: join(tmp.dir, 'missing.yaml') };
    const plain = await run(['next'], env);
    expect(plain.code).toBe(1);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await run(['next'], { ...env, DEBUG: 'pyroad' });
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});

describe("the process's own environment is never read", () => {
  const saved: Record<string, string | undefined> = {};
  const VARS = ['PYROAD_HOME', 'PYROAD_ROADMAP', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'HOME'];
  let shellHome: string;
  beforeEach(() => {
    // The shell that runs the tests points everything at a learner's real folder.
    shellHome = join(tmp.dir, 'learners-own');
    mkdirSync(shellHome);
    writeFileSync(join(shellHome, 'progress.jsonl'), 'the learner\u2019s own progress\n');
    for (const v of VARS) saved[v] = process.env[v];
    Object.assign(process.env, {
      PYROAD_HOME: shellHome,
      PYROAD_ROADMAP: '/nonexistent.yaml',
      XDG_CONFIG_HOME: shellHome,
      XDG_DATA_HOME: shellHome,
      XDG_CACHE_HOME: shellHome,
      HOME: shellHome,
    });
  });
  afterEach(() => {
    for (const v of VARS)
      if (saved[v] === undefined) delete process.env[v];
      else process.env[v] = saved[v];
  });

  it('mark, reset and config act on the home main() is given, and the shell\u2019s folder stays as it was', async () => {
    const env = { HOME: user, PYROAD_HOME: envHome, PYROAD_ROADMAP: TINY, NO_COLOR: '1' };
    const mark = await run(['mark', 'functions', 'done'], env);
    expect(mark.code, mark.stderr).toBe(0);
    expect(readFileSync(join(envHome, 'progress.jsonl'), 'utf8')).toContain('"functions"');
    expect((await run(['config', 'set', 'nextLimit', '5'], env)).code).toBe(0);
    expect(existsSync(join(envHome, 'settings.json'))).toBe(true);
    expect((await run(['reset', '--yes'], env)).code).toBe(0);
    expect(readdirSync(shellHome)).toEqual(['progress.jsonl']);
    expect(readFileSync(join(shellHome, 'progress.jsonl'), 'utf8')).toBe('the learner\u2019s own progress\n');
  });
});
