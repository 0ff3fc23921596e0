import { appendFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { EventLog } from '../../src/progress/log.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { SNAPSHOT_MIN_EVENTS, decodeSnapshot, encodeSnapshot } from '../../src/progress/snapshot.js';
import { ProgressStore } from '../../src/progress/store.js';
import { answer, anyEvent as event, rating, status, tempHome } from './helpers.js';

/** A snapshot of a few events, for the encoding's own checks. */
const small = (log: EventLog) => ({ dev: 1, ino: 2, offset: 3, lines: 1, header: 'h', log });

describe('progress snapshot encoding', () => {
  it('decodes exactly the events it encoded', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        const snapshot = { dev: 1, ino: 2, offset: 300, lines: 7, header: '{"format":"pyroad-progress"}' };
        const bytes = encodeSnapshot('/x/progress.jsonl', { ...snapshot, log: EventLog.of(events) });
        const decoded = decodeSnapshot('/x/progress.jsonl', bytes);
        expect(decoded).toMatchObject(snapshot);
        expect(decoded!.log.events()).toEqual(events);
      }),
    );
  });

  it('refuses a snapshot of another file or a truncated one', () => {
    const bytes = encodeSnapshot('/x/a.jsonl', small(new EventLog()));
    expect(decodeSnapshot('/x/b.jsonl', bytes)).toBeUndefined();
    const full = encodeSnapshot('/x/a.jsonl', small(EventLog.of([rating('t', 2)])));
    expect(decodeSnapshot('/x/a.jsonl', full.subarray(0, full.length - 1))).toBeUndefined();
    // A damaged column (a string id past the table) is refused, not read as events.
    const damaged = Buffer.from(full);
    damaged.writeInt32LE(99, damaged.length - 2 - 4 * 4);
    expect(decodeSnapshot('/x/a.jsonl', full)).toBeDefined();
    expect(decodeSnapshot('/x/a.jsonl', damaged)).toBeUndefined();
  });

  it('reads the same from bytes at any position in memory (in place or copied)', () => {
    const events = [rating('t', 2), answer('q', 't', 1, false), status('t', 'done')];
    const bytes = encodeSnapshot('/x/a.jsonl', small(EventLog.of(events)));
    for (let shift = 0; shift < 8; shift++) {
      const moved = Buffer.concat([Buffer.alloc(shift), bytes]).subarray(shift);
      expect(decodeSnapshot('/x/a.jsonl', moved)?.log.events()).toEqual(events);
    }
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
