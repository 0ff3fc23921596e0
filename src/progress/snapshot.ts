import { resolve } from 'node:path';
import { buildKey, cachePath, readCacheFile, writeCacheFile } from '../cache-file.js';
import { PROGRESS_VERSION, STATUSES } from './format.js';
import { unlinkQuietly } from './files.js';
import { COLUMN_TYPES, EventLog, KIND, type LogColumns } from './log.js';
import { crypto } from '../lazy-crypto.js';

/**
 * A binary copy of the event log (log.ts) of the first `offset` bytes of a validated journal, kept
 * in the cache folder. A journal of 100,000 answers is ~15 MB of JSON lines, and reading,
 * decoding and parsing it line by line is most of what loading costs; the snapshot is the log's
 * columns as they are in memory (~3 MB), read back without parsing a line. The journal only ever
 * grows at its end, so while it is the same file (device and inode) and at least `offset` long,
 * the snapshot plus the lines after `offset` are the whole journal. It is used only when the
 * journal's stamp says the file was validated as it is (see stamp.ts and store.ts); anything odd
 * and the journal is simply read in full. Pure encoding here, plus best-effort reading and
 * writing: a lost or broken snapshot costs time, never data.
 */
export interface Snapshot {
  /** Names this snapshot; the journal's stamp names the one that fits the journal (stamp.ts). */
  id: string;
  dev: number;
  ino: number;
  /** Bytes of the journal it covers: everything up to and including a newline. */
  offset: number;
  /** Lines it covers, header included (for line numbers in messages about what follows). */
  lines: number;
  /** The journal's first line, so the lines after `offset` can be parsed on their own. */
  header: string;
  log: EventLog;
}

const MAGIC = 'pyroad-snapshot';
const key = (): string => `${buildKey()}:${PROGRESS_VERSION}:5`;
/** The file ends with the SHA-1 of everything before it: a damaged snapshot is never read. */
const DIGEST_BYTES = 20;
const digest = (bytes: Uint8Array): Buffer => crypto().createHash('sha1').update(bytes).digest();

/** A new snapshot id, unique enough to tell one snapshot of a file from the next. */
export const newSnapshotId = (): string =>
  `${Date.now().toString(36)}-${process.pid}-${crypto().randomBytes(6).toString('hex')}`;
/** Below this many events a journal is read in full: fast enough, and one file less. */
export const SNAPSHOT_MIN_EVENTS = 5_000;
/** When more than this many bytes follow the snapshot, a new one is written. */
export const SNAPSHOT_REFRESH_BYTES = 1_000_000;

interface Meta {
  magic: string;
  key: string;
  id: string;
  file: string;
  dev: number;
  ino: number;
  offset: number;
  lines: number;
  header: string;
  count: number;
  strings: string[];
  rawAt: [number, string][];
  records: LogColumns['records'];
}

/** The columns in the order they are stored: widest first, so each starts 8-byte aligned. */
const STORED = ['time', 'id', 'ref', 'num', 'session', 'kind', 'flag'] as const;

export function encodeSnapshot(file: string, snapshot: Snapshot): Buffer {
  const columns = snapshot.log.columns();
  const meta: Meta = {
    magic: MAGIC,
    key: key(),
    id: snapshot.id,
    file: resolve(file),
    dev: snapshot.dev,
    ino: snapshot.ino,
    offset: snapshot.offset,
    lines: snapshot.lines,
    header: snapshot.header,
    count: snapshot.log.length,
    strings: columns.strings,
    rawAt: columns.rawAt,
    records: columns.records,
  };
  // Padded with spaces so that the columns start at a multiple of 8 bytes and can be read in place.
  const json = JSON.stringify(meta);
  const metaBytes = Buffer.from(json.padEnd(json.length + ((8 - ((4 + Buffer.byteLength(json)) % 8)) % 8)), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(metaBytes.length);
  const data = STORED.map((name) => {
    const column = columns[name];
    return Buffer.from(column.buffer, column.byteOffset, column.byteLength);
  });
  const body = Buffer.concat([length, metaBytes, ...data]);
  return Buffer.concat([body, digest(body)]);
}

/** The snapshot in `bytes`, or undefined when it is not one this pyroad wrote for `file`. */
export function decodeSnapshot(file: string, whole: Buffer): Snapshot | undefined {
  if (whole.length < 4 + DIGEST_BYTES) return undefined;
  const bytes = whole.subarray(0, whole.length - DIGEST_BYTES);
  if (!digest(bytes).equals(whole.subarray(bytes.length))) return undefined;
  const metaLength = bytes.readUInt32LE(0);
  if (4 + metaLength > bytes.length) return undefined;
  const meta = JSON.parse(bytes.toString('utf8', 4, 4 + metaLength)) as Meta;
  if (meta.magic !== MAGIC || meta.key !== key() || meta.file !== resolve(file)) return undefined;
  const n = meta.count;
  let at = 4 + metaLength;
  const size = STORED.reduce((sum, name) => sum + n * COLUMN_TYPES[name].BYTES_PER_ELEMENT, 0);
  if (bytes.length !== at + size) return undefined;
  // Read in place when the bytes sit at a multiple of 8 in memory (a large file read whole does);
  // otherwise copied into fresh arrays.
  const aligned = (bytes.byteOffset + at) % 8 === 0;
  const column = (name: (typeof STORED)[number]) => {
    const Type = COLUMN_TYPES[name];
    const length = n * Type.BYTES_PER_ELEMENT;
    const out = aligned ? new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, n) : new Type(n);
    if (!aligned) new Uint8Array(out.buffer).set(bytes.subarray(at, at + length));
    at += length;
    return [name, out] as const;
  };
  const columns = {
    ...Object.fromEntries(STORED.map(column)),
    strings: meta.strings,
    rawAt: meta.rawAt,
    records: meta.records,
  } as LogColumns;
  if (!wellFormed(columns, n)) return undefined;
  return {
    id: meta.id,
    dev: meta.dev,
    ino: meta.ino,
    offset: meta.offset,
    lines: meta.lines,
    header: meta.header,
    log: EventLog.fromColumns(columns),
  };
}

/**
 * Every value one a validated journal can hold (the digest already vouches for the bytes; this
 * guards against a snapshot written by a buggy build): kinds, string ids in the table, ratings
 * 0..4, statuses, phases, and times that can be written back.
 */
function wellFormed(c: LogColumns, n: number): boolean {
  const strings = c.strings.length;
  const inTable = (x: number) => x >= 0 && x < strings;
  const raw = new Set<number>();
  for (const [i, at] of c.rawAt) {
    if (!Number.isInteger(i) || i < 0 || i >= n || typeof at !== 'string') return false;
    raw.add(i);
  }
  if (!Array.isArray(c.records)) return false;
  const records = new Map<number, { e?: unknown }>();
  for (const [i, record] of c.records) {
    if (!Number.isInteger(i) || i < 0 || i >= n || typeof record !== 'object' || record === null) return false;
    records.set(i, record);
  }
  for (let i = 0; i < n; i++) {
    const kind = c.kind[i]!;
    if (kind > KIND.record || !inTable(c.id[i]!)) return false;
    if ((kind === KIND.record) !== records.has(i)) return false;
    if (!raw.has(i) && !(Math.abs(c.time[i]!) <= MAX_TIME)) return false;
    switch (kind) {
      case KIND.rating:
        if (c.ref[i]! < 0 || c.ref[i]! > 4) return false;
        break;
      case KIND.answer:
        if (!inTable(c.ref[i]!) || c.num[i]! < 0 || c.num[i]! > MAX_CHOICE || c.flag[i]! > 3) return false;
        if (c.session[i]! !== -1 && !inTable(c.session[i]!)) return false;
        break;
      case KIND.status:
        if (!inTable(c.ref[i]!) || !(STATUSES as readonly string[]).includes(c.strings[c.ref[i]!]!)) return false;
        break;
      case KIND.record:
        if (!inTable(c.ref[i]!) || c.strings[c.ref[i]!] !== records.get(i)!.e) return false;
        break;
      default:
        if (!inTable(c.ref[i]!) || (c.num[i] !== 0 && c.num[i] !== 1)) return false;
    }
  }
  return true;
}

/** The largest choice index the journal accepts (schema.ts). */
const MAX_CHOICE = 99;

/** The largest time a Date can hold (ms either side of 1970). */
const MAX_TIME = 8.64e15;

const snapshotFile = (cacheDir: string, file: string) => cachePath(cacheDir, 'progress', file, '.snapshot');

export function readSnapshot(cacheDir: string, file: string): Snapshot | undefined {
  try {
    const bytes = readCacheFile(snapshotFile(cacheDir, file));
    return bytes && decodeSnapshot(file, bytes);
  } catch {
    return undefined;
  }
}

/**
 * Best effort, like the stamp: a snapshot that cannot be written only makes loading slower.
 * Returns whether it was written.
 */
export function writeSnapshot(cacheDir: string, file: string, snapshot: Snapshot): boolean {
  return writeCacheFile(snapshotFile(cacheDir, file), encodeSnapshot(file, snapshot));
}

export function clearSnapshot(cacheDir: string, file: string): void {
  unlinkQuietly(snapshotFile(cacheDir, file));
}
