import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { SNAPSHOT_MIN_EVENTS } from '../../src/progress/snapshot.js';
import { ProgressStore } from '../../src/progress/store.js';
import { answer, run, tempHome } from './helpers.js';

/**
 * The evidence events (DESIGN.md, "Evidence"): check and exercise runs, evidence links and their
 * removal, ticks and job applications. One model: journal lines with the same guarantees as
 * answers, kept whole in the event log and its snapshot, carried by export (version 2).
 */
const T = (n: number) => new Date(Date.parse('2026-03-01T10:00:00.000Z') + n * 60_000).toISOString();
const RECORDS: ProgressEvent[] = [
  {
    e: 'check',
    at: T(1),
    topic: 'functions',
    fingerprint: '0123abcd0123abcd',
    total: 15,
    passed: 13,
    failed: ['create-201', 'list-page'],
  },
  {
    e: 'check',
    at: T(2),
    topic: 'functions',
    fingerprint: '0123abcd0123abcd',
    total: 2,
    passed: 2,
    failed: [],
    subset: true,
  },
  {
    e: 'exercise',
    at: T(3),
    topic: 'loops',
    exercise: 'loops-fizz',
    fingerprint: 'ffee0011ffee0011',
    passed: true,
    ms: 812,
  },
  {
    e: 'evidence',
    at: T(4),
    topic: 'functions',
    ref: 'ev-1',
    url: 'https://github.com/ada/notes-api',
    note: 'the repository',
  },
  { e: 'evidence-removed', at: T(5), topic: 'functions', ref: 'ev-1' },
  { e: 'tick', at: T(6), topic: 'functions', list: 'milestone', item: 2, done: true },
  {
    e: 'application',
    at: T(7),
    ref: 'app-1',
    stage: 'applied',
    company: 'Acme',
    role: 'Junior back-end developer',
    stack: ['python', 'django'],
    source: 'referral',
  },
  { e: 'application', at: T(8), ref: 'app-1', stage: 'interview', date: '2026-03-09', note: 'a pairing session' },
];

let home: ReturnType<typeof tempHome>;
beforeEach(() => (home = tempHome()));
afterEach(() => home.cleanup());

describe('evidence events in the journal', () => {
  it('are written with short keys and read back the same, validated and from the stamp', () => {
    const file = join(home.dir, 'progress.jsonl');
    const cacheDir = join(home.dir, 'cache');
    new ProgressStore(file, { cacheDir }).append(RECORDS);
    expect(readFileSync(file, 'utf8')).toContain('"e":"check","t":"2026-03-01T10:01:00.000Z","tp":"functions"');
    expect(new ProgressStore(file, { cacheDir }).loadEvents()).toEqual(RECORDS);
    // The second load trusts the stamp (no zod): still the same events.
    expect(new ProgressStore(file, { cacheDir }).loadEvents()).toEqual(RECORDS);
  });

  it('survive the binary snapshot of a long journal', () => {
    const file = join(home.dir, 'progress.jsonl');
    const cacheDir = join(home.dir, 'cache');
    const many = Array.from({ length: SNAPSHOT_MIN_EVENTS + 10 }, (_, i) =>
      answer('functions-default', 'functions', i % 4, i % 3 === 0, T(100 + i)),
    );
    const events = [...RECORDS, ...many, ...RECORDS.map((e) => ({ ...e, at: T(99_999) }))];
    new ProgressStore(file, { cacheDir }).append(events);
    const first = new ProgressStore(file, { cacheDir }).load(); // writes the snapshot
    expect(readdirSync(cacheDir).some((f) => f.endsWith('.snapshot'))).toBe(true);
    const fromSnapshot = new ProgressStore(file, { cacheDir }).load();
    expect(fromSnapshot.events).toEqual(first.events);
    expect(fromSnapshot.log.recordsOf('application').map((a) => a.stage)).toEqual([
      'applied',
      'interview',
      'applied',
      'interview',
    ]);
    // Records never count as a topic's progress (only ratings, answers and statuses do).
    expect(fromSnapshot.topics.get('functions')!.answerCount).toBe(many.length);
  });

  it('are refused, with the line and the field, when malformed', () => {
    const file = join(home.dir, 'progress.jsonl');
    new ProgressStore(file).append([RECORDS[0]!]);
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}{"e":"tick","t":"2026-03-01T10:00:00Z","tp":"x","l":"todo","i":-1,"d":true}\n`,
    );
    expect(() => new ProgressStore(file).load()).toThrow(/line 3.*"l".*"i"/s);
  });
});

describe('evidence events through export and import', () => {
  it('travel in a version-2 export, and importing it twice adds them once', async () => {
    const file = join(home.dir, 'progress.jsonl');
    new ProgressStore(file).append(RECORDS);
    const exported = await run(['export'], { home: home.dir });
    expect(exported.code, exported.stderr).toBe(0);
    const doc = JSON.parse(exported.stdout) as { version: number; progress: { events: ProgressEvent[] } };
    expect(doc.version).toBe(2);
    expect(doc.progress.events).toEqual(RECORDS);

    const other = tempHome();
    try {
      const first = await run(['import', '-'], { home: other.dir, input: exported.stdout });
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain('2 check runs, 1 exercise run, 2 evidence changes, 1 tick, 2 application changes');
      const again = await run(['import', '-'], { home: other.dir, input: exported.stdout });
      expect(again.code).toBe(0);
      expect(new ProgressStore(join(other.dir, 'progress.jsonl')).loadEvents()).toEqual(RECORDS);
    } finally {
      other.cleanup();
    }
  });

  it('a version-1 export (what pyroad 0.1 wrote) still imports', async () => {
    const source = tempHome();
    try {
      const rating: ProgressEvent = { e: 'rating', at: '2026-01-05T00:00:00.000Z', topic: 'functions', value: 3 };
      new ProgressStore(join(source.dir, 'progress.jsonl')).append([rating]);
      const doc = JSON.parse((await run(['export'], { home: source.dir })).stdout) as Record<string, unknown>;
      const v1 = JSON.stringify({ ...doc, version: 1, pyroad: '0.1.0' });
      const r = await run(['import', '-'], { home: home.dir, input: v1 });
      expect(r.code, r.stderr).toBe(0);
      expect(new ProgressStore(join(home.dir, 'progress.jsonl')).loadEvents()).toEqual([rating]);
    } finally {
      source.cleanup();
    }
  });
});
