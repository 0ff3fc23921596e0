import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeEvent } from '../../src/progress/format.js';
import { parseImport } from '../../src/progress/import.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { ProgressStore } from '../../src/progress/store.js';
import { FIXTURES, answer, rating, run, status, tempHome } from './helpers.js';

let home: ReturnType<typeof tempHome>;
beforeEach(() => (home = tempHome()));
afterEach(() => home.cleanup());

const NOW = { PYROAD_NOW: '2026-03-01T00:00:00.000Z' };
const journal = () => join(home.dir, 'progress.jsonl');

function exportDoc(events: ProgressEvent[], extra: Record<string, unknown> = {}) {
  return {
    format: 'pyroad-export',
    version: 1,
    exportedAt: '2026-03-01T00:00:00.000Z',
    pyroad: '0.1.0',
    roadmap: { title: 'Progress test roadmap' },
    progress: { events },
    summary: {
      generatedAt: '2026-03-01T00:00:00.000Z',
      stage: 'skills',
      readiness: 0,
      gaps: [],
      areas: [],
      topics: [],
      due: [],
      recommendations: [],
      history: [],
    },
    ...extra,
  };
}

/** Runs `pyroad import FILE` on a file holding `content`; checks nothing was written when it fails. */
async function importText(content: string, args: string[] = []) {
  const source = join(home.dir, 'incoming.json');
  writeFileSync(source, content);
  const before = existsSync(journal()) ? readFileSync(journal()) : undefined;
  const r = await run(['import', source, ...args], { home: home.dir, env: NOW });
  if (r.code !== 0) {
    expect(r.stderr).toContain('Nothing was imported.');
    expect(existsSync(journal()) ? readFileSync(journal()) : undefined).toEqual(before);
  }
  return r;
}

describe('pyroad import: the whole file is checked first', () => {
  it('keeps records for ids the roadmap lacks, and lists every unknown topic and question id', async () => {
    const events = [
      answer('loops-range', 'loops'),
      answer('loops-whileee', 'loops'),
      answer('sql-joins', 'sql'),
      rating('sql', 3),
      status('nosql', 'done'),
      rating('loops', 2),
    ];
    const r = await importText(JSON.stringify(exportDoc(events)));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Imported 3 answers, 2 ratings, 1 status');
    expect(r.stdout).toContain('Kept, but not counted by the roadmap in use:');
    expect(r.stdout).toContain('unknown topic ids (2): nosql, sql');
    expect(r.stdout).toContain('unknown question ids (2): loops-whileee, sql-joins');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('"formerly:"');
    expect(readFileSync(journal(), 'utf8')).toContain('"nosql"');
  });

  it('an export from a different roadmap: kept, with the ids and which roadmap it came from', async () => {
    const r = await importText(
      JSON.stringify(exportDoc([rating('kubernetes', 2)], { roadmap: { title: 'Bootcamp DevOps track' } })),
    );
    expect(r.code).toBe(0);
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('unknown topic ids (1): kubernetes');
    expect(flat).toContain(
      'exported with the roadmap "Bootcamp DevOps track", but the roadmap in use is "Progress test roadmap"',
    );
    expect(flat).toContain('--roadmap FILE');
  });

  it('one home used with two roadmaps round-trips export -> import', async () => {
    const other = join(home.dir, 'other.yaml');
    writeFileSync(
      other,
      readFileSync(join(FIXTURES, 'roadmap.yaml'), 'utf8')
        .replace('title: Progress test roadmap', 'title: Other roadmap')
        .replace(/^ {6}- id: loops$/m, '      - id: loops2')
        .replace('[loops]', '[loops2]'),
    );
    expect((await run(['mark', 'loops', 'done'], { home: home.dir, env: NOW })).code).toBe(0);
    expect(
      (await run(['mark', 'loops2', 'learning'], { home: home.dir, env: { ...NOW, PYROAD_ROADMAP: other } })).code,
    ).toBe(0);
    const exported = await run(['export'], { home: home.dir, env: NOW });
    expect(exported.code).toBe(0);
    const before = readFileSync(journal(), 'utf8');
    const fresh = tempHome();
    try {
      const file = join(fresh.dir, 'export.json');
      writeFileSync(file, exported.stdout);
      const imported = await run(['import', file], { home: fresh.dir, env: NOW });
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('unknown topic ids (1): loops2');
      const again = await run(['export'], { home: fresh.dir, env: NOW });
      const events = (doc: string) => (JSON.parse(doc) as { progress: { events: unknown[] } }).progress.events;
      expect(events(again.stdout)).toEqual(events(exported.stdout));
      const viaOther = await run(['status', '--json'], { home: fresh.dir, env: { ...NOW, PYROAD_ROADMAP: other } });
      const topics = (JSON.parse(viaOther.stdout) as { topics: { topic: string; status: string }[] }).topics;
      expect(topics.find((t) => t.topic === 'loops2')?.status).toBe('learning');
    } finally {
      fresh.cleanup();
    }
    expect(readFileSync(journal(), 'utf8')).toBe(before);
  });

  it('answers that do not fit the roadmap: a question of another topic, a choice out of range', async () => {
    const r = await importText(
      JSON.stringify(exportDoc([answer('loops-range', 'http'), answer('http-status', 'http', 7)])),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('question "loops-range" belongs to topic "loops", not "http"');
    expect(r.stderr).toContain('chose choice 7, but that question has 5 choices (0 to 4)');
  });

  it('a record dated in the future (beyond a day of clock skew) is refused, naming the file and the record', async () => {
    const r = await importText(
      JSON.stringify(
        exportDoc([answer('loops-range', 'loops', 0, true, '2099-01-01T00:00:00.000Z'), rating('loops', 3)]),
      ),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `pyroad: cannot import ${join(home.dir, 'incoming.json')}: the answer to "loops-range" is dated 2099-01-01T00:00:00.000Z, after now (2026-03-01): records cannot come from the future\n  Nothing was imported.\n`,
    );
    // Within a day is clock skew, not the future.
    const skew = await importText(
      JSON.stringify(exportDoc([answer('loops-range', 'loops', 0, true, '2026-03-01T20:00:00.000Z')])),
    );
    expect(skew.code, skew.stderr).toBe(0);
  });

  it('every schema problem, with where it is', async () => {
    const doc = exportDoc([
      { e: 'rating', at: 'yesterday', topic: 'loops', value: 9 },
      { e: 'answer', at: '2026-01-01T00:00:00Z', topic: 'loops', question: 'loops-range', choice: 0 },
      { e: 'rating', at: '2026-01-01T00:00:00Z', topic: 'sql', value: 2 },
    ] as unknown as ProgressEvent[]);
    const r = await importText(JSON.stringify(doc));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/3 problems/);
    expect(r.stderr).toContain('progress.events[0].at: Invalid ISO datetime');
    expect(r.stderr).toMatch(/progress\.events\[0\]\.value: Too big/);
    expect(r.stderr).toContain('progress.events[1].correct: missing (expected boolean)');
  });

  const bad: [name: string, content: string, message: string | RegExp][] = [
    ['a 0-byte file', '', 'the file is empty (0 bytes); expected a pyroad export'],
    ['a blank file', '\n  \n', 'the file is blank'],
    [
      'broken JSON, with line and column',
      '{\n  "format": "pyroad-export",\n  "version": 1,,\n}',
      /line 3, column \d+: not valid JSON/,
    ],
    [
      'JSON that is not an export',
      '{"name":"my-package","version":"1.0.0"}',
      'this is not a pyroad export (it has no "format": "pyroad-export")',
    ],
    ['an array', '[1,2,3]', 'this is not a pyroad export'],
    [
      'a newer export version',
      JSON.stringify({ ...exportDoc([]), version: 3 }),
      'written by a newer pyroad (export version 3; this pyroad reads versions 1 to 2); upgrade pyroad',
    ],
  ];
  for (const [name, content, message] of bad)
    it(`${name}: exit 1 with a clear message`, async () => {
      const r = await importText(content);
      expect(r.code).toBe(1);
      if (typeof message === 'string') expect(r.stderr).toContain(message);
      else expect(r.stderr).toMatch(message);
    });

  it('a file that does not exist, or a directory', async () => {
    const missing = await run(['import', join(home.dir, 'nope.json')], { home: home.dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.json: file not found');
    const dir = join(home.dir, 'a-folder');
    mkdirSync(dir);
    const folder = await run(['import', dir], { home: home.dir });
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain(`cannot import ${dir}: it is a directory, not a file`);
  });

  it('does not merge into a progress file it cannot read', async () => {
    writeFileSync(journal(), 'not a journal\n');
    const source = join(home.dir, 'incoming.json');
    writeFileSync(source, JSON.stringify(exportDoc([rating('loops', 2)])));
    const r = await run(['import', source], { home: home.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the progress file ${journal()} cannot be read`);
    expect(readFileSync(journal(), 'utf8')).toBe('not a journal\n');
  });
});

describe('pyroad import: what it reads', () => {
  it('a journal backup (what reset and --replace keep)', async () => {
    const events = [rating('loops', 3), answer('loops-range', 'loops')];
    const backup = join(home.dir, 'progress.backup-2026-01-01T00-00-00Z.jsonl');
    new ProgressStore(backup, { warn: () => {} }).append(events);
    // and a torn last line in it, which is skipped with a warning
    writeFileSync(backup, readFileSync(backup, 'utf8') + '{"e":"ans');
    const r = await run(['import', backup], { home: home.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Imported 1 answer, 1 rating');
    expect(r.stderr).toMatch(/ignoring the incomplete last line 4/);
    expect(new ProgressStore(journal()).load().events).toEqual(events);
  });

  it('an old progress.json (version 1)', async () => {
    const r = await run(['import', join(FIXTURES, 'progress-v1.json')], { home: home.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Imported 3 answers, 2 ratings, 1 status');
  });

  it('stdin with -, and --json tells what happened', async () => {
    const twice = rating('loops', 3);
    const text = JSON.stringify(exportDoc([twice, twice, status('http', 'done')]));
    const r = await run(['import', '-', '--json'], { home: home.dir, input: text });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      source: '-',
      kind: 'export',
      read: 2,
      added: 2,
      replaced: false,
      summary: '1 rating, 1 status',
    });
  });

  it('parseImport accepts the $schema editor hint and reports unknown top-level fields', () => {
    expect(parseImport(JSON.stringify({ $schema: './export.schema.json', ...exportDoc([]) })).problems).toEqual([]);
    expect(parseImport(JSON.stringify({ ...exportDoc([]), extra: 1 })).problems).toEqual(['unknown field "extra"']);
  });

  it('a journal line in an import names its line', () => {
    const text = `{"format":"pyroad-progress","version":2,"created":"2026-01-01T00:00:00Z"}\n${JSON.stringify(encodeEvent(rating('loops', 1)))}\n{"e":"rating"}\n`;
    expect(parseImport(text).problems[0]).toMatch(/^line 3 field "t": missing/);
  });
});

describe('pyroad export', () => {
  it('--output writes the file atomically and says where', async () => {
    new ProgressStore(journal(), { warn: () => {} }).append([rating('loops', 3)]);
    const target = join(home.dir, 'out', 'progress.json');
    const missingFolder = await run(['export', '--output', target], { home: home.dir, env: NOW });
    expect(missingFolder.code).toBe(1); // no folder is created behind the user's back (issue 14)
    expect(missingFolder.stderr).toContain('does not exist');
    expect(existsSync(join(home.dir, 'out'))).toBe(false);
    mkdirSync(join(home.dir, 'out'));
    expect((await run(['export', '--output', target], { home: home.dir, env: NOW })).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('"pyroad-export"');
    writeFileSync(target, 'old content');
    const onFolder = await run(['export', '-o', join(home.dir, 'out')], { home: home.dir, env: NOW });
    expect(onFolder.code).toBe(1);
    expect(onFolder.stderr).toBe(`pyroad: cannot write ${join(home.dir, 'out')}: it is a folder\n`);
    const r = await run(['export', '-o', target], { home: home.dir, env: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Exported progress to ${target} (json).\n`);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({ format: 'pyroad-export', version: 2 });
  });

  it('markdown reads as a checklist per area; csv has one row per topic', async () => {
    new ProgressStore(journal(), { warn: () => {} }).append([
      status('loops', 'done'),
      status('rest', 'skip'),
      rating('http', 2),
      answer('http-status', 'http', 1, true),
      // Exercises passed per topic: distinct exercises that passed at least once.
      ...[
        ['http-parse', true],
        ['http-parse', false],
        ['http-build', true],
        ['http-headers', false],
      ].map(([exercise, passed]) => ({
        e: 'exercise' as const,
        at: '2026-03-01T10:00:00Z',
        topic: 'http',
        exercise: exercise as string,
        fingerprint: 'f'.repeat(16),
        passed: passed as boolean,
      })),
    ]);
    const md = await run(['export', '--format', 'markdown'], { home: home.dir, env: NOW });
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Progress: Progress test roadmap\n/);
    expect(md.stdout).toContain('## Basics');
    expect(md.stdout).toContain('## Web, "HTTP" & friends');
    expect(md.stdout).toMatch(/^- \[x\] Loops — done · mastery \d+%$/m);
    expect(md.stdout).toMatch(/^- \[ \] ~~REST APIs~~ — skipped$/m);
    expect(md.stdout).toMatch(
      /^- \[[ x]\] HTTP, the protocol — .*self-rating 2\/4 · quiz 1\/1 correct · .*2 exercises passed$/m,
    );
    expect(md.stdout).toMatch(/^- \[x\] Loops — done · mastery \d+%$/m); // none passed: not mentioned

    const csv = await run(['export', '--format', 'csv'], { home: home.dir, env: NOW });
    const rows = csv.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'area,area_title,topic,title,status,mastery,self_rating,quiz_score,answered,correct,calibration,mastered,last_assessed,next_review,review_due,items_done,items_total,project_stage,checks,proven_by,evidence,exercises_passed',
    );
    expect(rows).toHaveLength(5);
    expect(rows[3]).toMatch(/^web,"Web, ""HTTP"" & friends",http,"HTTP, the protocol",todo,[\d.]+,2,[\d.]+,1,1,.*,2$/);
    expect(rows[1]).toMatch(/,0$/);
  });

  it('a bad --format is a usage error (exit 2) naming the formats', async () => {
    const r = await run(['export', '--format', 'xml'], { home: home.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('pyroad: --format must be one of json, markdown, csv (or md), got "xml"\n');
    const md = await run(['export', '--format', 'md'], { home: home.dir });
    expect([md.code, md.stdout.split('\n')[0]]).toEqual([0, '# Progress: Progress test roadmap']);
  });

  it('refuses to export from a progress file it cannot read (exit 1)', async () => {
    writeFileSync(journal(), '{"format":"pyroad-progress","version":99,"created":"2030-01-01T00:00:00Z"}\n');
    const r = await run(['export'], { home: home.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('was written by a newer pyroad (format version 99');
  });

  it('exports a migrated version-1 file', async () => {
    copyFileSync(join(FIXTURES, 'progress-v1.json'), join(home.dir, 'progress.json'));
    const r = await run(['export'], { home: home.dir, env: NOW });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).progress.events).toHaveLength(6);
    expect(existsSync(join(home.dir, 'progress.v1-backup.json'))).toBe(true);
  });
});
