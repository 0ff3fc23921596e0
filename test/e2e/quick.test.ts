import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProgressStore } from '../../src/progress/store.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { loadRoadmapOrThrow } from '../../src/roadmap/load.js';
import { fnv1a64 } from '../../src/lazy-crypto.js';
import { BIN, ROOT, SHIPPED, childEnv, runCli, tempDir } from '../helpers/cli.js';

// The quick entry (src/quick.ts, issue 19): `next`, `status`, `plan`, `roadmap`, alone or with --json,
// run from one CommonJS bundle without commander, with a V8 code cache in the cache folder.
// It must behave exactly as the full program, which runs the same commands for any other line.
const tmp = tempDir('pyroad-quick-');
afterAll(tmp.cleanup);
const NOW = '2026-06-01T12:00:00Z';
const HOOKS = join(ROOT, 'test', 'helpers', 'import-hooks.mjs');

/** A home with a few weeks of answers on the first three areas of the shipped roadmap. */
function learnerHome(name: string): string {
  const home = join(tmp.dir, name);
  mkdirSync(home, { recursive: true });
  const roadmap = loadRoadmapOrThrow(SHIPPED);
  const events: ProgressEvent[] = [];
  roadmap.areas.slice(0, 3).forEach((area, a) =>
    area.topics.slice(0, 4).forEach((topic, t) => {
      const at = new Date(Date.parse(NOW) - (20 - a * 5 - t) * 86_400_000).toISOString();
      events.push({ e: 'rating', at, topic: topic.id, value: (a + t) % 5 });
      topic.questions.slice(0, 3).forEach((q, i) => {
        const correct = (a + t + i) % 3 !== 0;
        events.push({
          e: 'answer',
          at,
          topic: topic.id,
          question: q.id,
          choice: correct ? q.answer : (q.answer + 1) % q.choices.length,
          correct,
        });
      });
    }),
  );
  new ProgressStore(join(home, 'progress.jsonl'), { warn: () => {}, now: () => new Date(NOW) }).append(events);
  return home;
}

const env = { PYROAD_NOW: NOW, NO_COLOR: '1', COLUMNS: '80' };
/** `--no-color` is a global option, so the line goes to the full program; NO_COLOR makes it a no-op. */
const full = (args: string[]) => ['--no-color', ...args];

function modulesOf(home: string, args: string[], extra: Record<string, string> = {}): string[] {
  const r = spawnSync(process.execPath, ['--import', HOOKS, BIN, ...args], {
    env: childEnv(home, { ...env, ...extra }),
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stderr
    .split('\n')
    .filter((l) => l.startsWith('IMPORT '))
    .map((l) => l.slice(7));
}

const codeCaches = (home: string) => readdirSync(join(home, 'cache')).filter((f) => /^quick-.*\.v8$/.test(f));

describe('the quick entry', () => {
  const home = learnerHome('learner');

  it.each(['next', 'status', 'plan', 'roadmap', 'next --json', 'status --json', 'plan --json', 'roadmap --json'])(
    'pyroad %s prints what the full program prints',
    (line) => {
      const args = line.split(' ');
      const quick = runCli(args, { home, env });
      const slow = runCli(full(args), { home, env });
      expect(quick.code, quick.stderr).toBe(0);
      expect(quick.stderr).toBe('');
      expect(quick.stdout).toBe(slow.stdout);
      expect(quick.stdout.length).toBeGreaterThan(200);
    },
  );

  it('in colour (FORCE_COLOR) too, the same output as the full program (DEBUG=pyroad runs it)', () => {
    for (const c of ['next', 'status', 'roadmap']) {
      const colour = { PYROAD_NOW: NOW, FORCE_COLOR: '1', COLUMNS: '80' };
      const quick = runCli([c], { home, env: colour });
      const slow = runCli([c], { home, env: { ...colour, DEBUG: 'pyroad' } });
      expect(quick.code, quick.stderr).toBe(0);
      expect(quick.stderr).toBe('');
      expect(quick.stdout).toContain('\x1b[1m');
      expect(quick.stdout).toBe(slow.stdout);
    }
  });

  it('an empty home: the same first steps', () => {
    const empty = join(tmp.dir, 'empty');
    for (const c of ['next', 'status', 'plan', 'roadmap']) {
      const quick = runCli([c], { home: empty, env });
      expect(quick.code, quick.stderr).toBe(0);
      expect(quick.stdout).toBe(runCli(full([c]), { home: empty, env }).stdout);
    }
  });

  it('errors are the same message and exit code: a damaged journal, a bad PYROAD_NOW, a missing roadmap', () => {
    const broken = join(tmp.dir, 'broken');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'progress.jsonl'), '{"pyroad": "progress", "version": 1}\n{"e": "answer", "at": 7}\n');
    const cases: [string, Record<string, string>, number][] = [
      [broken, {}, 1],
      [home, { PYROAD_NOW: 'yesterday' }, 2],
      [home, { PYROAD_ROADMAP: join(tmp.dir, 'nowhere.yaml') }, 1],
    ];
    for (const [where, extra, code] of cases) {
      const quick = runCli(['status'], { home: where, env: { ...env, ...extra } });
      const slow = runCli(full(['status']), { home: where, env: { ...env, ...extra } });
      expect(quick.code).toBe(code);
      expect(quick.stderr).toMatch(/^pyroad: /);
      expect(quick.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect([quick.code, quick.stderr, quick.stdout]).toEqual([slow.code, slow.stderr, slow.stdout]);
    }
    // The damaged journal is left as it was.
    expect(readFileSync(join(broken, 'progress.jsonl'), 'utf8')).toContain('"at": 7');
  });

  it('loads neither commander nor any ES module of the full program', () => {
    runCli(['status'], { home, env }); // warm
    for (const args of [['next'], ['status', '--json'], ['plan'], ['roadmap']]) {
      const loaded = modulesOf(home, args).filter((u) => !u.startsWith('node:'));
      expect(loaded.filter((u) => u.includes('/node_modules/'))).toEqual([]);
      expect(loaded.map((u) => u.slice(u.lastIndexOf('/') + 1))).toEqual(
        expect.arrayContaining(['pyroad.js', 'quick-start.cjs']),
      );
      expect(loaded.filter((u) => /\/lib\/[^/]+\.js$/.test(u))).toEqual([]);
    }
  });

  it('any other line, and DEBUG=pyroad, runs the full program', () => {
    const commander = (args: string[], extra: Record<string, string> = {}) =>
      modulesOf(home, args, extra).some((u) => u.includes('/node_modules/commander/'));
    expect(commander(['next', '--limit', '2'])).toBe(true);
    expect(commander(['status', '--help'])).toBe(true);
    expect(commander(['--home', home, 'status'])).toBe(true);
    expect(commander(['status'], { DEBUG: 'pyroad' })).toBe(true);
    expect(commander(['status'])).toBe(false);
    const limited = runCli(['next', '--limit', '1'], { home, env });
    expect(limited.code, limited.stderr).toBe(0);
    expect(limited.stdout).toMatch(/^1\. /m);
    expect(limited.stdout).not.toMatch(/^2\. /m);
  });
});

describe('the code cache', () => {
  it('is written by the first everyday run, private, one per command; a damaged one is replaced', () => {
    const home = learnerHome('cache');
    const first = runCli(['status'], { home, env });
    expect(first.code, first.stderr).toBe(0);
    // The first run validated the roadmap: its code is not what later runs need.
    expect(codeCaches(home)).toEqual([]);
    expect(runCli(['status'], { home, env }).stdout).toBe(first.stdout);
    expect(codeCaches(home)).toHaveLength(1);
    runCli(['next'], { home, env });
    runCli(['next', '--json'], { home, env });
    expect(codeCaches(home)).toHaveLength(2); // status and next; --json shares next's
    for (const f of codeCaches(home)) {
      const s = statSync(join(home, 'cache', f));
      expect(s.mode & 0o777).toBe(0o600);
      expect(s.size).toBeGreaterThan(10_000);
    }

    // Garbage, or a cache of other code of the same length: V8 refuses it, the run is the same,
    // and a good cache replaces it.
    // Damage of the same length (a block of zeros, one byte flipped) passes V8's header check: only
    // its checksum, which pyroad asks V8 to verify, catches it (without, the process crashed).
    const zeros = (b: Buffer) => Buffer.concat([b.subarray(0, 65_536), Buffer.alloc(4096), b.subarray(69_632)]);
    const flip = (b: Buffer) => Buffer.from(b.map((x, i) => (i === b.length >> 1 ? x ^ 0xff : x)));
    for (const damage of [
      (b: Buffer) => Buffer.alloc(b.length, 7),
      (b: Buffer) => b.subarray(0, b.length >> 1),
      zeros,
      flip,
    ]) {
      const family = `quick-${fnv1a64(`${join(ROOT, 'lib', 'quick.cjs')}\0status`)}-`;
      const status = codeCaches(home).find((f) => f.startsWith(family));
      expect(status).toBeDefined();
      const file = join(home, 'cache', status!);
      const before = readFileSync(file);
      writeFileSync(file, damage(before));
      const again = runCli(['status'], { home, env });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toBe('');
      const after = codeCaches(home).map((f) => readFileSync(join(home, 'cache', f)));
      expect(after.some((b) => b.equals(damage(before)))).toBe(false);
    }
    expect(runCli(['status'], { home, env }).stdout).toBe(first.stdout);
  });

  it('output that cannot be written: one line and exit 1 (a full disk), quietly 0 (a closed pipe)', () => {
    const home = learnerHome('full');
    if (existsSync('/dev/full')) {
      const r = spawnSync(process.execPath, [BIN, 'status'], {
        env: childEnv(home, env),
        stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'],
        encoding: 'utf8',
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('pyroad: cannot write the output: ENOSPC\n');
    }
    // A warning that cannot be written (stderr full) leaves the exit code alone.
    const torn = join(home, 'progress.jsonl');
    writeFileSync(torn, readFileSync(torn, 'utf8') + '{"e": "rating", "at": "2026');
    if (existsSync('/dev/full')) {
      const w = spawnSync(process.execPath, [BIN, 'status'], {
        env: childEnv(home, env),
        stdio: ['ignore', 'ignore', openSync('/dev/full', 'w')],
      });
      expect(w.status).toBe(0);
    }
  });

  it('a roadmap that is a pipe is refused at once, not read forever', () => {
    const fifo = join(tmp.dir, 'roadmap.fifo');
    spawnSync('mkfifo', [fifo]);
    const r = runCli(['status'], { home: learnerHome('fifo'), env: { ...env, PYROAD_ROADMAP: fifo }, timeout: 10_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a regular file (a pipe or a device?)');
  });

  it('a cache folder that cannot be written costs nothing but time', () => {
    const home = learnerHome('readonly');
    writeFileSync(join(home, 'cache'), 'a file where the cache folder should be');
    for (let i = 0; i < 2; i++) {
      const r = runCli(['status'], { home, env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('as of 2026-06-01');
    }
  });
});
