import { appendFileSync, chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('reports a settings file that is not JSON (config set refuses it), exit 1', async () => {
    writeFileSync(join(home.dir, 'settings.json'), '{bad json');
    const r = await run(['doctor', '--json'], { home: home.dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; findings: { what: string; ok: boolean; text: string }[] };
    expect(out.ok).toBe(false);
    expect(out.findings.find((f) => f.what === 'settings')).toEqual({
      what: 'settings',
      ok: false,
      text: `${join(home.dir, 'settings.json')} is not valid JSON: fix it, or delete it to go back to the defaults (\`pyroad config set\` refuses to change it until then)`,
    });
  });

  it('says the progress file is a folder, and does not judge its permissions', async () => {
    mkdirSync(journal());
    const r = await run(['doctor'], { home: home.dir });
    expect(r.code).toBe(1);
    const flat = r.stdout.replace(/\n +/g, ' ');
    expect(flat).toContain(`✘ progress    the progress file ${journal()} is a directory, not a file`);
    expect(r.stdout).not.toContain(`cannot save progress in ${home.dir}:`);
    expect(r.stdout).not.toContain('can be read by other users');
    expect(r.stdout).toContain('✓ permissions');
  });

  it('says a home that is a file is a file, and claims nothing about progress', async () => {
    const file = join(home.dir, 'afile');
    writeFileSync(file, 'x');
    const r = await run(['--home', file, 'doctor'], { home: home.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`✘ home        ${file} is a file, not a folder`);
    expect(r.stdout).not.toMatch(/[✓✘] (progress|settings|permissions)/);
    expect(r.stdout).not.toContain('not writable');
    expect(r.stderr).toContain('pyroad: 1 problem found\n');
  });
});
