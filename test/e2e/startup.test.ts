import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, childEnv, tempDir } from '../helpers/cli.js';

// The hot path stays light: with a warm roadmap cache these commands must not load the YAML
// parser, zod, conf (ajv) or the prompt library. (Their import alone costs ~250 ms.)
const HEAVY = [
  '/node_modules/yaml/',
  '/node_modules/zod/',
  '/node_modules/conf/',
  '/node_modules/ajv/',
  '/node_modules/@inquirer/',
];
const HOOKS = join(ROOT, 'test', 'helpers', 'import-hooks.mjs');
const tmp = tempDir();
afterAll(tmp.cleanup);

function importsOf(args: string[]): string[] {
  const env = childEnv(tmp.dir, { NO_COLOR: '1' });
  const r = spawnSync(process.execPath, ['--import', HOOKS, BIN, ...args], { env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stderr
    .split('\n')
    .filter((l) => l.startsWith('IMPORT '))
    .map((l) => l.slice(7));
}

describe('start-up cost', () => {
  it('the first run validates the roadmap (and loads yaml and zod to do it)', () => {
    expect(importsOf(['roadmap']).some((u) => u.includes('/node_modules/yaml/'))).toBe(true);
  });

  it('the first next reads the exercise files once (yaml again); later runs use their cached index', () => {
    expect(importsOf(['next']).some((u) => u.includes('/node_modules/yaml/'))).toBe(true);
  });

  it.each([['roadmap'], ['show', 'python'], ['show', 'python-functions'], ['next'], ['status'], ['plan']])(
    'pyroad %s with a warm cache loads none of yaml, zod, conf, @inquirer',
    (...args) => {
      const heavy = importsOf(args).filter((u) => HEAVY.some((h) => u.includes(h)));
      expect(heavy).toEqual([]);
    },
  );

  it('--version loads nothing but its own version module', () => {
    const loaded = importsOf(['--version']).filter((u) => u.includes('/node_modules/'));
    expect(loaded).toEqual([]);
  });

  it('next, status and plan read the outline cache (no question text); a damaged one is ignored and rewritten', () => {
    const home = join(tmp.dir, 'outline');
    const env = childEnv(home, { NO_COLOR: '1', PYROAD_NOW: '2026-06-01T12:00:00Z' });
    const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
    const first = ['next', 'status', 'plan'].map((c) => run([c]));
    for (const r of first) expect(r.status, r.stderr).toBe(0);
    const cache = join(home, 'cache');
    const outline = readdirSync(cache).find((f) => /^roadmap-.*\.outline\.json$/.test(f));
    expect(outline).toBeDefined();
    writeFileSync(join(cache, outline!), '{"key": "not this build", "files": 7');
    const again = ['next', 'status', 'plan'].map((c) => run([c]));
    for (const [i, r] of again.entries()) {
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(first[i]!.stdout);
    }
  });
});
