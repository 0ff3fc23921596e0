import { appendFileSync, chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgressStore } from '../../src/progress/store.js';
import { rating, run, tempHome } from './helpers.js';

let home: ReturnType<typeof tempHome>;
beforeEach(() => (home = tempHome()));
afterEach(() => home.cleanup());
const journal = () => join(home.dir, 'progress.jsonl');

describe('pyroad doctor', () => {
  it('reports a healthy home', async () => {
    new ProgressStore(journal(), { warn: () => {} }).append([rating('loops', 3)]);
    const r = await run(['doctor'], { home: home.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ roadmap {5}.* is valid/);
    expect(r.stdout).toContain(`✓ progress    1 event read from ${journal()}`);
    expect(r.stdout).toContain('✓ permissions folders writable, progress private');
  });

  it('moves a torn last line aside, keeping its bytes, and the journal reads again', async () => {
    new ProgressStore(journal(), { warn: () => {} }).append([rating('loops', 3)]);
    const before = readFileSync(journal(), 'utf8');
    appendFileSync(journal(), '{"e":"rating","at":"2026-01-1');
    const r = await run(['doctor'], { home: home.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('repaired: an incomplete last line (29 bytes, from an interrupted save) was moved to');
    expect(readFileSync(journal(), 'utf8')).toBe(before);
    expect(readFileSync(`${journal()}.torn`, 'utf8')).toBe('{"e":"rating","at":"2026-01-1\n');
    const again = await run(['doctor'], { home: home.dir });
    expect(again.stdout).not.toContain('repaired');
  });

  it('says when the progress is readable by others, exit 1', async () => {
    new ProgressStore(journal(), { warn: () => {} }).append([rating('loops', 3)]);
    chmodSync(journal(), 0o644);
    const r = await run(['doctor'], { home: home.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`✘ permissions ${journal()} can be read by other users`);
    expect(r.stderr).toBe('pyroad: 1 problem found\n');
  });

  it('says when the roadmap has problems', async () => {
    const r = await run(['doctor'], { home: home.dir, env: { PYROAD_ROADMAP: join(home.dir, 'missing.yaml') } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✘ roadmap .*missing\.yaml has 1 problem\(s\): run pyroad validate/);
  });
});
