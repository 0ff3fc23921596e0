import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

// The `name` setting: a learner sets it, `pyroad export` carries it, and a mentor's
// `pyroad cohort` shows it instead of the file name.
const TINY = join(ROOT, 'test', 'fixtures', 'roadmap', 'tiny.yaml');
const tmp = tempDir();
afterAll(tmp.cleanup);
const exports = join(tmp.dir, 'exports');
const env = { PYROAD_ROADMAP: TINY, PYROAD_NOW: '2026-12-01T12:00:00Z', NO_COLOR: '1', COLUMNS: '100' };
const at = (home: string, args: string[]) => runCli(args, { home, env });
const homeOf = (who: string) => join(tmp.dir, `home-${who}`);

function learner(who: string, name?: string): string {
  const answers = join(tmp.dir, `${who}-answers.json`);
  writeFileSync(answers, JSON.stringify({ area: 'basics', ratings: { loops: 3 }, answers: { 'loops-range': 0 } }));
  if (name !== undefined) {
    const set = at(homeOf(who), ['config', 'set', 'name', name]);
    expect(set.code, set.stderr).toBe(0);
  }
  expect(at(homeOf(who), ['assess', '--answers', answers]).code).toBe(0);
  const file = join(exports, `${who}.json`);
  const out = at(homeOf(who), ['export', '--output', file]);
  expect(out.code, out.stderr).toBe(0);
  return file;
}

let named: string;
let unnamed: string;
beforeAll(() => {
  mkdirSync(exports, { recursive: true });
  named = learner('learner-1', '  Ada Lovelace ');
  unnamed = learner('learner-2');
}, 60_000);

describe('the name setting', () => {
  it('is set, shown and refused like other settings', () => {
    expect(at(homeOf('learner-1'), ['config', 'get', 'name']).stdout).toBe('Ada Lovelace\n');
    const bad = at(homeOf('learner-1'), ['config', 'set', 'name', 'x'.repeat(81)]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^pyroad: .*not a valid value for name; allowed: .*at most 80 characters/);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('travels in the export only when set, and such an export imports', () => {
    expect(JSON.parse(readFileSync(named, 'utf8'))).toMatchObject({ learner: { name: 'Ada Lovelace' } });
    expect(JSON.parse(readFileSync(unnamed, 'utf8'))).not.toHaveProperty('learner');
    const imported = at(join(tmp.dir, 'home-import'), ['import', named]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
  });

  it('names the learner in pyroad cohort; without it the file name does', () => {
    const r = at(join(tmp.dir, 'mentor'), ['cohort', exports]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n');
    expect(rows.some((l) => l.startsWith('Ada Lovelace '))).toBe(true);
    expect(rows.some((l) => l.startsWith('learner-2 '))).toBe(true);
    expect(r.stdout).not.toContain('learner-1');
    const csv = at(join(tmp.dir, 'mentor'), ['cohort', exports, '--format', 'csv']).stdout.split('\r\n');
    expect(csv[1]).toMatch(/^Ada Lovelace,.*learner-1\.json,/);
    const json = JSON.parse(at(join(tmp.dir, 'mentor'), ['cohort', named, '--format', 'json']).stdout) as {
      learners: { name: string }[];
    };
    expect(json.learners.map((l) => l.name)).toEqual(['Ada Lovelace']);
  });

  it('shows a name with terminal escapes harmlessly', () => {
    const doc = JSON.parse(readFileSync(named, 'utf8')) as Record<string, unknown>;
    const hostile = join(tmp.dir, 'hostile.json');
    writeFileSync(hostile, JSON.stringify({ ...doc, learner: { name: 'Eve\u001b]0;owned\u0007\u001b[2J' } }));
    const r = at(join(tmp.dir, 'mentor'), ['cohort', hostile]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u0007');
    expect(r.stdout).toMatch(/^Eve/m);
  });
});
