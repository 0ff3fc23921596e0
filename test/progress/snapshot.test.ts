import { appendFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { SNAPSHOT_MIN_EVENTS, decodeSnapshot, encodeSnapshot } from '../../src/progress/snapshot.js';
import { ProgressStore } from '../../src/progress/store.js';
import { answer, rating, status, tempHome } from './helpers.js';

const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const when = fc.oneof(
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom('2026-01-31T12:00:00+02:00', '2026-01-31T12:00:00Z', '2026-01-31T12:00:00.5Z'),
);
const event: fc.Arbitrary<ProgressEvent> = fc.oneof(
  fc.record({ e: fc.constant('rating' as const), at: when, topic: id, value: fc.integer({ min: 0, max: 4 }) }),
  fc.record(
    {
      e: fc.constant('answer' as const),
      at: when,
      topic: id,
      question: id,
      choice: fc.integer({ min: 0, max: 4 }),
      correct: fc.boolean(),
      session: id,
    },
    { requiredKeys: ['e', 'at', 'topic', 'question', 'choice', 'correct'] },
  ),
  fc.record({
    e: fc.constant('status' as const),
    at: when,
    topic: id,
    status: fc.constantFrom('todo', 'learning', 'done', 'skip'),
  }),
  fc.record({
    e: fc.constant('session' as const),
    at: when,
    session: id,
    area: id,
    phase: fc.constantFrom('start', 'end'),
  }),
);

describe('progress snapshot encoding', () => {
  it('decodes exactly the events it encoded', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        const snapshot = { dev: 1, ino: 2, offset: 300, lines: 7, header: '{"format":"pyroad-progress"}', events };
        expect(decodeSnapshot('/x/progress.jsonl', encodeSnapshot('/x/progress.jsonl', snapshot))).toEqual(snapshot);
      }),
    );
  });

  it('refuses a snapshot of another file or a truncated one', () => {
    const bytes = encodeSnapshot('/x/a.jsonl', { dev: 1, ino: 2, offset: 3, lines: 1, header: 'h', events: [] });
    expect(decodeSnapshot('/x/b.jsonl', bytes)).toBeUndefined();
    const full = encodeSnapshot('/x/a.jsonl', {
      dev: 1,
      ino: 2,
      offset: 3,
      lines: 1,
      header: 'h',
      events: [rating('t', 2)],
    });
    expect(decodeSnapshot('/x/a.jsonl', full.subarray(0, full.length - 1))).toBeUndefined();
  });
});

describe('a journal read through its snapshot', () => {
  let home: { dir: string; cleanup: () => void } | undefined;
  afterEach(() => home?.cleanup());

  const big = (n: number): ProgressEvent[] =>
    Array.from({ length: n }, (_, i) =>
      i % 50 === 0 ? rating(`t${i % 7}`, i % 5) : answer(`q${i % 31}`, `t${i % 7}`, i % 4, i % 3 === 0),
    );

  function setup() {
    home = tempHome();
    const file = join(home.dir, 'progress.jsonl');
    const cacheDir = join(home.dir, 'cache');
    const store = () => new ProgressStore(file, { cacheDir, warn: () => {} });
    const plain = () => new ProgressStore(file, { warn: () => {} }).loadEvents();
    return { file, cacheDir, store, plain };
  }

  it('gives the same events as reading the journal in full, before and after more saves', () => {
    const { cacheDir, store, plain } = setup();
    store().append(big(SNAPSHOT_MIN_EVENTS + 10));
    expect(store().loadEvents()).toEqual(plain()); // validates, writes stamp and snapshot
    expect(readdirSync(cacheDir).some((f) => f.endsWith('.snapshot'))).toBe(true);
    expect(store().loadEvents()).toEqual(plain()); // read through the snapshot
    store().append([status('t1', 'done'), answer('q1', 't1')]);
    const after = store().loadEvents();
    expect(after).toEqual(plain());
    expect(after.at(-2)).toMatchObject({ e: 'status', topic: 't1', status: 'done' });
  });

  it('ignores a torn last line after the snapshot, as a full read does', () => {
    const { file, store, plain } = setup();
    store().append(big(SNAPSHOT_MIN_EVENTS + 1));
    store().loadEvents();
    appendFileSync(file, '{"e":"answer","t":"2026-01');
    expect(store().loadEvents()).toEqual(plain());
    expect(store().loadEvents()).toHaveLength(SNAPSHOT_MIN_EVENTS + 1);
  });

  it('is not used for a new journal in the same place', () => {
    const { file, store, plain } = setup();
    store().append(big(SNAPSHOT_MIN_EVENTS + 1));
    store().loadEvents();
    store().replace([rating('only', 3)]);
    expect(store().loadEvents()).toEqual([expect.objectContaining({ e: 'rating', topic: 'only' })]);
    expect(plain()).toHaveLength(1);
    writeFileSync(file, ''); // an emptied file: nothing from the old snapshot comes back
    expect(store().loadEvents()).toEqual([]);
  });
});
