import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, childEnv, runCli, tempDir } from '../helpers/cli.js';

const ROADMAP = join(ROOT, 'test', 'fixtures', 'progress', 'roadmap.yaml');
const tmp = tempDir('pyroad-e2e-progress-');
chmodSync(tmp.dir, 0o755);
afterAll(tmp.cleanup);
let homes = 0;
const newHome = () => {
  const home = join(tmp.dir, `home-${++homes}`);
  mkdirSync(home);
  return home;
};
const env = { PYROAD_ROADMAP: ROADMAP, PYROAD_NOW: '2026-05-01T08:00:00Z' };
const run = (home: string, args: string[], input?: string) =>
  runCli(args, { home, env, ...(input === undefined ? {} : { input }) });

/**
 * Permission tests need a user the permissions apply to: as root (containers), the CLI runs as
 * "nobody"; otherwise as the current user.
 */
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
function runRestricted(home: string, args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: childEnv(home, env),
    encoding: 'utf8',
    timeout: 20_000,
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const giveAway = (path: string) => asRoot && chownSync(path, NOBODY, NOBODY);

describe('pyroad progress commands (built binary)', () => {
  it('mark → export → import elsewhere → export: the same document, private files', () => {
    const a = newHome();
    expect(run(a, ['mark', 'loops', 'done']).code).toBe(0);
    expect(run(a, ['mark', 'http', 'learning']).code).toBe(0);
    expect(statSync(join(a, 'progress.jsonl')).mode & 0o777).toBe(0o600);
    const exported = run(a, ['export']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({
      format: 'pyroad-export',
      version: 2,
      roadmap: { title: 'Progress test roadmap' },
    });

    const b = newHome();
    const imported = run(b, ['import', '-'], exported.stdout);
    expect([imported.code, imported.stdout, imported.stderr]).toEqual([0, '✓ Imported 2 statuses from stdin.\n', '']);
    expect(run(b, ['export']).stdout).toBe(exported.stdout);
    expect(run(b, ['import', '-'], exported.stdout).stdout).toBe(
      'Nothing new in stdin: your progress already has all of it.\n',
    );
  });

  it('input that is not JSON is quoted on the error line, its line break shown, not obeyed', () => {
    const r = run(newHome(), ['import', '-'], 'garbage\n');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      'pyroad: cannot import stdin: not valid JSON (Unexpected token \'g\', "garbage\\n" is not valid JSON)',
    );
  });

  it('mark with a typo: exit 2 and a did-you-mean; reset without a terminal: exit 2', () => {
    const home = newHome();
    const typo = run(home, ['mark', 'lops', 'done']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('(did you mean "loops"?)');
    run(home, ['mark', 'loops', 'done']);
    const reset = run(home, ['reset']);
    expect(reset.code).toBe(2);
    expect(reset.stderr).toMatch(/no terminal to ask in\.\nRun it with --yes/);
  });

  it('a progress file it cannot read: exit 1, two plain lines, no stack trace, file unchanged', () => {
    const home = newHome();
    const file = join(home, 'progress.jsonl');
    const text =
      '{"format":"pyroad-progress","version":2,"created":"2026-01-01T00:00:00Z"}\n{"e":"rating","t":"2026-01-01T00:00:00Z","tp":"loops","v":1}\n{broken\n';
    writeFileSync(file, text, { mode: 0o600 });
    for (const args of [['export'], ['mark', 'loops', 'done']]) {
      const r = run(home, args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toEqual([
        `pyroad: the progress file ${file} cannot be read: line 3 is not valid JSON (Expected property name or '}' at column 2)`,
        '  pyroad has not changed it. Fix or delete line 3 in a text editor, or move the file aside to start fresh and restore a backup with `pyroad import FILE`.',
      ]);
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('a read-only folder: a clear error when saving (exit 1), reading still works, nothing lost', () => {
    const home = newHome();
    expect(run(home, ['mark', 'loops', 'done']).code).toBe(0);
    const file = join(home, 'progress.jsonl');
    const before = readFileSync(file);
    giveAway(home);
    giveAway(file);
    giveAway(join(home, 'cache'));
    chmodSync(home, 0o555);
    try {
      const save = runRestricted(home, ['mark', 'http', 'done']);
      expect(save.code).toBe(1);
      expect(save.stderr).toContain(`pyroad: cannot save progress in ${home}: permission denied (EACCES)`);
      expect(save.stderr).toContain('earlier progress is intact');
      const read = runRestricted(home, ['export']);
      expect(read.code).toBe(0);
      expect(JSON.parse(read.stdout).progress.events).toHaveLength(1);
    } finally {
      chmodSync(home, 0o755);
    }
    expect(readFileSync(file)).toEqual(before);
  });

  it('a progress file it may not read: exit 1 naming it, with how to fix it', () => {
    const home = newHome();
    run(home, ['mark', 'loops', 'done']);
    const file = join(home, 'progress.jsonl');
    giveAway(home);
    chmodSync(file, 0o000);
    try {
      const r = runRestricted(home, ['export']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`pyroad: cannot read the progress file ${file}: permission denied (EACCES)`);
      expect(r.stderr).toContain(`chmod u+rw "${file}"`);
    } finally {
      chmodSync(file, 0o600);
    }
  });

  it('a journal validated before is read without loading zod', () => {
    const home = newHome();
    run(home, ['mark', 'loops', 'done']);
    const script = `
      import { createRequire } from 'node:module';
      const { ProgressStore } = await import(${JSON.stringify(join(ROOT, 'dist', 'progress', 'store.js'))});
      const store = new ProgressStore(${JSON.stringify(join(home, 'progress.jsonl'))}, { cacheDir: ${JSON.stringify(join(home, 'cache'))} });
      const events = store.load().events.length;
      const zod = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/zod/'));
      console.log(JSON.stringify({ events, zod }));`;
    const load = () => spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    // The first load by this build validates (a stamp belongs to the build that wrote it); the next does not.
    expect(JSON.parse(load().stdout)).toEqual({ events: 1, zod: true });
    const r = load();
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ events: 1, zod: false });
  });

  it('where lists the three places', () => {
    const home = newHome();
    const r = run(home, ['where', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({
      home,
      settings: join(home, 'settings.json'),
      progress: join(home, 'progress.jsonl'),
      cache: join(home, 'cache'),
      practice: join(home, 'practice'),
      consents: join(home, 'consents.json'),
      roadmap: ROADMAP,
      sources: { home: 'env', roadmap: 'env' },
    });
  });
});
