import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

// Three learners on the tiny roadmap, each with a scripted assessment and an export, as a mentor
// would collect them; plus a damaged file and an export from another roadmap.
const TINY = join(ROOT, 'test', 'fixtures', 'roadmap', 'tiny.yaml');
const tmp = tempDir();
afterAll(tmp.cleanup);
const exports = join(tmp.dir, 'exports');
const mentor = join(tmp.dir, 'mentor');
const at = (now: string, home: string, args: string[]) =>
  runCli(args, { home, env: { PYROAD_ROADMAP: TINY, PYROAD_NOW: now, NO_COLOR: '1', COLUMNS: '100' } });

function learner(name: string, rating: number, choice: number): void {
  const home = join(tmp.dir, `home-${name}`);
  const answers = join(tmp.dir, `${name}-answers.json`);
  writeFileSync(
    answers,
    JSON.stringify({ area: 'basics', ratings: { loops: rating }, answers: { 'loops-range': choice } }),
  );
  expect(at('2026-12-01T12:00:00Z', home, ['assess', '--answers', answers]).code).toBe(0);
  const out = at('2026-12-01T12:00:00Z', home, ['export', '--output', join(exports, `${name}.json`)]);
  expect(out.code, out.stderr).toBe(0);
}

beforeAll(() => {
  mkdirSync(exports, { recursive: true });
  learner('ana', 4, 0);
  learner('ben', 1, 1);
  learner('cy', 2, 2);
}, 60_000);

const cohort = (...args: string[]) => at('2026-12-20T12:00:00Z', mentor, ['cohort', ...args]);

describe('pyroad cohort', () => {
  it('one row per learner, then the gaps they share', () => {
    const r = cohort(exports);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cohort: 3 learners on Tiny roadmap/);
    const rows = r.stdout.split('\n').filter((l) => /^(ana|ben|cy) /.test(l));
    expect(rows.map((l) => l.split(/\s+/).slice(0, 4))).toEqual([
      ['ana', 'skills', '33%', '0/2'],
      ['ben', 'skills', '4%', '0/2'],
      ['cy', 'skills', '8%', '0/2'],
    ]);
    expect(rows[0]).toContain('2026-12-01');
    expect(r.stdout).toContain('2 of 3 learners are weak in Loops (loops)');
  });

  it('names each unusable file on stderr, skips it, summarises the rest, and exits 1', () => {
    writeFileSync(join(tmp.dir, 'broken.json'), '{"format":"pyroad-export","version":');
    const other = join(tmp.dir, 'other.json');
    const doc = JSON.parse(readFileSync(join(exports, 'ana.json'), 'utf8')) as { roadmap: { title: string } };
    writeFileSync(other, JSON.stringify({ ...doc, roadmap: { title: 'Another roadmap' } }));
    const newer = join(tmp.dir, 'newer.json');
    writeFileSync(newer, JSON.stringify({ ...doc, version: 99 }));
    const r = cohort(exports, join(tmp.dir, 'broken.json'), other, newer, join(tmp.dir, 'missing.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Cohort: 3 learners/);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^pyroad: skipped .*missing\.json: no such file or folder$/);
    expect(lines[1]).toMatch(/^pyroad: skipped .*broken\.json: not valid JSON/);
    expect(lines[2]).toMatch(
      /^pyroad: skipped .*other\.json: exported with the roadmap "Another roadmap", not "Tiny roadmap"/,
    );
    expect(lines[3]).toMatch(/^pyroad: skipped .*newer\.json: it was written by a newer pyroad/);
    expect(lines[4]).toBe('pyroad: 4 of 7 exports skipped (each named above); the others are summarised');
  });

  it('--format csv and json carry the same rows', () => {
    const csv = cohort(join(exports, 'ana.json'), join(exports, 'ben.json'), '--format', 'csv');
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe(
      'learner,file,stage,readiness,areas_done,areas,projects_built,projects_proven,last_active,reviews_overdue,top_gaps',
    );
    expect(lines[1]).toMatch(/^ana,.*ana\.json,skills,0\.333,0,2,0,0,2026-12-01T12:00:00\.000Z,1,"Basics: /);
    const json = JSON.parse(cohort(exports, '--format', 'json').stdout) as {
      learners: { name: string; readiness: number; reviewsOverdue: number }[];
      commonGaps: { topic: string; learners: number; of: number }[];
    };
    expect(json.learners.map((l) => l.name)).toEqual(['ana', 'ben', 'cy']);
    expect(json.commonGaps).toEqual([expect.objectContaining({ topic: 'loops', learners: 2, of: 3 })]);
  });

  it('a name from a file is shown, not obeyed', () => {
    const evil = join(tmp.dir, 'evil');
    mkdirSync(evil, { recursive: true });
    writeFileSync(join(evil, 'x\u001b]0;pwned\u0007.json'), readFileSync(join(exports, 'ana.json')));
    const r = cohort(evil);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u0007');
  });

  it('counts the same export once, named twice or copied, with a warning', () => {
    const ana = join(exports, 'ana.json');
    const copy = join(tmp.dir, 'ana-copy.json');
    writeFileSync(copy, readFileSync(ana));
    const r = cohort(ana, ana, copy, join(exports, 'ben.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cohort: 2 learners/);
    expect(r.stdout.split('\n').filter((l) => /^ana /.test(l))).toHaveLength(1);
    expect(r.stderr).toBe(
      `pyroad: ${ana} is named more than once; counted once\npyroad: ${copy} is the same export as ${ana}; counted once\n`,
    );
  });

  it('skips an export with a record dated in the future, naming the record', () => {
    const doc = JSON.parse(readFileSync(join(exports, 'ben.json'), 'utf8')) as {
      progress: { events: { at: string }[] };
    };
    doc.progress.events[0]!.at = '2099-01-01T00:00:00.000Z';
    const future = join(tmp.dir, 'future.json');
    writeFileSync(future, JSON.stringify(doc));
    const r = cohort(join(exports, 'ana.json'), future);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('2099');
    expect(r.stderr).toMatch(
      /^pyroad: skipped .*future\.json: the quiz session on area "basics" is dated 2099-01-01T00:00:00\.000Z, after now \(2026-12-20\)/,
    );
  });

  it('with no export to read, one error line and exit 1, not an empty table', () => {
    const empty = join(tmp.dir, 'empty');
    mkdirSync(empty, { recursive: true });
    expect(cohort(empty)).toEqual({
      code: 1,
      stdout: '',
      stderr: `pyroad: no export to summarise: no .json files in ${empty}\n`,
    });
    const missing = join(tmp.dir, 'nowhere.json');
    expect(cohort(missing)).toEqual({
      code: 1,
      stdout: '',
      stderr: `pyroad: no export to summarise: ${missing}: no such file or folder\n`,
    });
  });

  it('an unknown format is a usage error with a suggestion', () => {
    const r = cohort(exports, '--format', 'cvs');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('pyroad: --format must be one of table, csv, json, html, got "cvs" (did you mean "csv"?)\n');
  });
});
