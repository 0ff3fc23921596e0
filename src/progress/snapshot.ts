import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cachePath, writeCacheFile } from '../cache-file.js';
import { VERSION } from '../version.js';
import { PROGRESS_VERSION } from './format.js';
import { unlinkQuietly } from './files.js';
import type { ProgressEvent } from './schema.js';

/**
 * A compact binary copy of the events in the first `offset` bytes of a validated journal, kept in
 * the cache folder. A journal of 100,000 answers is ~15 MB of JSON lines, and reading, decoding
 * and parsing it line by line is most of what loading costs; the snapshot is ~2.5 MB of typed
 * arrays. The journal only ever grows at its end, so while it is the same file (device and
 * inode) and at least `offset` long, the snapshot plus the lines after `offset` are the whole
 * journal. It is used only when the journal's stamp says the file was validated as it is (see
 * stamp.ts and store.ts); anything odd and the journal is simply read in full. Pure encoding
 * here, plus best-effort reading and writing: a lost or broken snapshot costs time, never data.
 */
export interface Snapshot {
  dev: number;
  ino: number;
  /** Bytes of the journal it covers: everything up to and including a newline. */
  offset: number;
  /** Lines it covers, header included (for line numbers in messages about what follows). */
  lines: number;
  /** The journal's first line, so the lines after `offset` can be parsed on their own. */
  header: string;
  events: ProgressEvent[];
}

const MAGIC = 'pyroad-snapshot';
const KEY = `${VERSION}:${PROGRESS_VERSION}:2`;
/** Below this many events a journal is read in full: fast enough, and one file less. */
export const SNAPSHOT_MIN_EVENTS = 5_000;
/** When more than this many bytes follow the snapshot, a new one is written. */
export const SNAPSHOT_REFRESH_BYTES = 1_000_000;

const KINDS = ['rating', 'answer', 'status', 'session'] as const;
const PHASES = ['start', 'end'] as const;

interface Meta {
  magic: string;
  key: string;
  file: string;
  dev: number;
  ino: number;
  offset: number;
  lines: number;
  header: string;
  count: number;
  strings: string[];
}

/**
 * Columns, one entry per event: kind, time (epoch ms), and four integer slots whose meaning
 * depends on the kind; strings (ids, statuses, times that do not round-trip) go in one table.
 *   rating:  a = topic, b = value
 *   answer:  a = topic, b = question, c = choice, d = correct (0/1), s = session or -1
 *   status:  a = topic, b = status
 *   session: a = session, b = area, c = phase (0 start, 1 end)
 * `at` is kept as 24 ASCII bytes when it has the usual form (2026-01-31T12:00:00.000Z), which
 * decodes by slicing one string; any other form goes in the string table (column `x`).
 */
const AT_WIDTH = 24;
const usualAt = (at: string): boolean => at.length === AT_WIDTH && /^[\x20-\x7e]*$/.test(at);
const COLUMNS = ['a', 'b', 'c', 'd', 's', 'x'] as const;

export function encodeSnapshot(file: string, snapshot: Snapshot): Buffer {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const str = (s: string): number => {
    let i = ids.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      ids.set(s, i);
    }
    return i;
  };
  const n = snapshot.events.length;
  const kind = new Uint8Array(n);
  const times = Buffer.alloc(n * AT_WIDTH, 0x20);
  const cols = Object.fromEntries(COLUMNS.map((c) => [c, new Int32Array(n).fill(-1)])) as Record<
    (typeof COLUMNS)[number],
    Int32Array
  >;
  snapshot.events.forEach((event, i) => {
    if (usualAt(event.at)) times.write(event.at, i * AT_WIDTH, 'latin1');
    else cols.x[i] = str(event.at);
    kind[i] = KINDS.indexOf(event.e);
    switch (event.e) {
      case 'rating':
        cols.a[i] = str(event.topic);
        cols.b[i] = event.value;
        break;
      case 'answer':
        cols.a[i] = str(event.topic);
        cols.b[i] = str(event.question);
        cols.c[i] = event.choice;
        cols.d[i] = event.correct ? 1 : 0;
        if (event.session !== undefined) cols.s[i] = str(event.session);
        break;
      case 'status':
        cols.a[i] = str(event.topic);
        cols.b[i] = str(event.status);
        break;
      case 'session':
        cols.a[i] = str(event.session);
        cols.b[i] = str(event.area);
        cols.c[i] = PHASES.indexOf(event.phase);
        break;
    }
  });
  const meta: Meta = {
    magic: MAGIC,
    key: KEY,
    file: resolve(file),
    dev: snapshot.dev,
    ino: snapshot.ino,
    offset: snapshot.offset,
    lines: snapshot.lines,
    header: snapshot.header,
    count: n,
    strings,
  };
  const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(metaBytes.length);
  return Buffer.concat([length, metaBytes, ...COLUMNS.map((c) => Buffer.from(cols[c].buffer)), kind, times]);
}

/** The snapshot in `bytes`, or undefined when it is not one this pyroad wrote for `file`. */
export function decodeSnapshot(file: string, bytes: Buffer): Snapshot | undefined {
  if (bytes.length < 4) return undefined;
  const metaLength = bytes.readUInt32LE(0);
  if (4 + metaLength > bytes.length) return undefined;
  const meta = JSON.parse(bytes.toString('utf8', 4, 4 + metaLength)) as Meta;
  if (meta.magic !== MAGIC || meta.key !== KEY || meta.file !== resolve(file)) return undefined;
  const n = meta.count;
  let at = 4 + metaLength;
  if (bytes.length !== at + COLUMNS.length * n * 4 + n + n * AT_WIDTH) return undefined;
  // Copied into fresh, aligned arrays: a Buffer from readFileSync may sit at any offset.
  const col = () => {
    const out = new Int32Array(n);
    Buffer.from(out.buffer).set(bytes.subarray(at, at + n * 4));
    at += n * 4;
    return out;
  };
  const [a, b, c, d, s, x] = COLUMNS.map(col) as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ];
  const kind = bytes.subarray(at, at + n);
  at += n;
  const times = bytes.toString('latin1', at, at + n * AT_WIDTH);
  const str = meta.strings;
  const events: ProgressEvent[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const when = x[i]! >= 0 ? str[x[i]!]! : times.slice(i * AT_WIDTH, (i + 1) * AT_WIDTH);
    switch (KINDS[kind[i]!]) {
      case 'rating':
        events[i] = { e: 'rating', at: when, topic: str[a[i]!]!, value: b[i]! };
        break;
      case 'answer': {
        const event: ProgressEvent = {
          e: 'answer',
          at: when,
          topic: str[a[i]!]!,
          question: str[b[i]!]!,
          choice: c[i]!,
          correct: d[i] === 1,
        };
        if (s[i]! >= 0) event.session = str[s[i]!]!;
        events[i] = event;
        break;
      }
      case 'status':
        events[i] = { e: 'status', at: when, topic: str[a[i]!]!, status: str[b[i]!] as 'todo' };
        break;
      case 'session':
        events[i] = { e: 'session', at: when, session: str[a[i]!]!, area: str[b[i]!]!, phase: PHASES[c[i]!]! };
        break;
      default:
        return undefined;
    }
  }
  return { dev: meta.dev, ino: meta.ino, offset: meta.offset, lines: meta.lines, header: meta.header, events };
}

const snapshotFile = (cacheDir: string, file: string) => cachePath(cacheDir, 'progress', file, '.snapshot');

export function readSnapshot(cacheDir: string, file: string): Snapshot | undefined {
  try {
    return decodeSnapshot(file, readFileSync(snapshotFile(cacheDir, file)));
  } catch {
    return undefined;
  }
}

/** Best effort, like the stamp: a snapshot that cannot be written only makes loading slower. */
export function writeSnapshot(cacheDir: string, file: string, snapshot: Snapshot): void {
  writeCacheFile(snapshotFile(cacheDir, file), encodeSnapshot(file, snapshot));
}

export function clearSnapshot(cacheDir: string, file: string): void {
  unlinkQuietly(snapshotFile(cacheDir, file));
}
