import {
  appendFileSync,
  closeSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { decodeEvent, encodeEvent } from '../../src/progress/format.js';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { EventLog } from '../../src/progress/log.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { SNAPSHOT_MIN_EVENTS, decodeSnapshot, encodeSnapshot } from '../../src/progress/snapshot.js';
import { ProgressStore } from '../../src/progress/store.js';
import { answer, anyEvent as event, rating, status, tempHome } from './helpers.js';

/** A snapshot of a few events, for the encoding's own checks. */
const small = (log: EventLog) => ({ id: 'x', dev: 1, ino: 2, offset: 3, lines: 1, header: 'h', log });

describe('progress snapshot encoding', () => {
  it('decodes exactly the events it encoded', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        const snapshot = { id: 'a1', dev: 1, ino: 2, offset: 300, lines: 7, header: '{"format":"pyroad-progress"}' };
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
    // Any damage is refused, not read as events: a column value, a letter of a string.
    expect(decodeSnapshot('/x/a.jsonl', full)).toBeDefined();
    const column = Buffer.from(full);
    column.writeInt32LE(3, column.length - 20 - 2 - 4 * 3); // the rating's value: 2 becomes 3
    expect(decodeSnapshot('/x/a.jsonl', column)).toBeUndefined();
    const letter = Buffer.from(full.toString('latin1').replace('"t"', '"u"'), 'latin1');
    expect(letter.length).toBe(full.length);
    expect(decodeSnapshot('/x/a.jsonl', letter)).toBeUndefined();
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

  /** One answer line of exactly `bytes` bytes (newline included), padded in its session id. */
  function lineOf(bytes: number, at: string): string {
    const line = (session: string) =>
      `${JSON.stringify(encodeEvent({ ...answer('q9', 't9', 0, true, at), session }))}\n`;
    const pad = bytes - Buffer.byteLength(line(''));
    expect(pad).toBeGreaterThan(0);
    return line('s'.repeat(pad));
  }

  it('is never used again once the journal was cut short in place, even when it grows back past its end', () => {
    const { file, store, plain } = setup();
    store().append(big(SNAPSHOT_MIN_EVENTS + 10));
    store().loadEvents(); // snapshot of all of it
    const covered = statSync(file).size;
    // Cut to its first 100 lines in place (as an editor that rewrites the file does), and load.
    const head = readFileSync(file).subarray(0, nthNewline(readFileSync(file), 100) + 1);
    truncateSync(file, 0);
    appendFileSync(file, head);
    expect(store().loadEvents()).toHaveLength(99);
    // Saves that make a line end exactly where the old snapshot ended, then one more.
    store().append([decodeLine(lineOf(covered - head.length, '2026-05-01T00:00:00.000Z'))]);
    expect(statSync(file).size).toBe(covered);
    store().append([status('t3', 'skip')]);
    const events = store().loadEvents();
    expect(events).toEqual(plain());
    expect(events).toHaveLength(101);
  });

  it('is dropped when the journal was edited in place and then saved to without a load', () => {
    const { file, store, plain } = setup();
    store().append([rating('t1', 0), ...big(SNAPSHOT_MIN_EVENTS + 10)]);
    store().loadEvents();
    // The first rating, 0, becomes 4: same size, same file.
    const bytes = readFileSync(file);
    const at = bytes.indexOf('"v":0');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from('"v":4'), 0, 5, at);
    closeSync(fd);
    store().append([status('t2', 'done')]); // a second terminal saves; it never loaded
    const events = store().loadEvents();
    expect(events).toEqual(plain());
    expect(events[0]).toMatchObject({ e: 'rating', topic: 't1', value: 4 });
  });

  it('counts its end in bytes of the file, whatever the text holds', () => {
    const { file, store, plain } = setup();
    store().append(big(SNAPSHOT_MIN_EVENTS + 10));
    // The next save's line, and a line before it whose session id holds bytes that are not UTF-8:
    // each reads as a 3-byte character, so counting the text instead of the file would put the
    // snapshot's end exactly at the end of the next save.
    const next = [status('t4', 'done'), status('t44', 'done')].find((e) => encodedLength(e) % 2 === 0)!;
    const broken = Buffer.concat([
      Buffer.from('{"e":"answer","t":"2026-05-01T00:00:00.000Z","tp":"t1","q":"q1","c":0,"ok":true,"s":"'),
      Buffer.alloc(encodedLength(next) / 2, 0xff),
      Buffer.from('"}\n'),
    ]);
    appendFileSync(file, broken);
    expect(store().loadEvents()).toEqual(plain()); // validates, snapshots
    store().append([next]);
    const events = store().loadEvents();
    expect(events).toEqual(plain());
    expect(events.at(-1)).toMatchObject({ e: 'status', status: 'done' });
  });
});

/** The position of the `n`th newline (1-based). */
function nthNewline(bytes: Buffer, n: number): number {
  let at = -1;
  for (let k = 0; k < n; k++) at = bytes.indexOf(0x0a, at + 1);
  return at;
}

/** The bytes an event takes in the journal, newline included. */
const encodedLength = (event: ProgressEvent): number => Buffer.byteLength(`${JSON.stringify(encodeEvent(event))}\n`);

/** A journal line back as an event (long keys). */
const decodeLine = (line: string): ProgressEvent =>
  decodeEvent(JSON.parse(line) as Record<string, unknown>) as ProgressEvent;
