import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cachePath, writeCacheFile } from '../cache-file.js';
import { VERSION } from '../version.js';
import { PROGRESS_VERSION } from './format.js';
import { unlinkQuietly } from './files.js';
import { COLUMN_TYPES, EventLog, KIND, type LogColumns } from './log.js';

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
const KEY = `${VERSION}:${PROGRESS_VERSION}:3`;
/** Below this many events a journal is read in full: fast enough, and one file less. */
export const SNAPSHOT_MIN_EVENTS = 5_000;
/** When more than this many bytes follow the snapshot, a new one is written. */
export const SNAPSHOT_REFRESH_BYTES = 1_000_000;

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
  rawAt: [number, string][];
}

/** The columns in the order they are stored: widest first, so each starts 8-byte aligned. */
const STORED = ['time', 'id', 'ref', 'num', 'session', 'kind', 'flag'] as const;

export function encodeSnapshot(file: string, snapshot: Snapshot): Buffer {
  const columns = snapshot.log.columns();
  const meta: Meta = {
    magic: MAGIC,
    key: KEY,
    file: resolve(file),
    dev: snapshot.dev,
    ino: snapshot.ino,
    offset: snapshot.offset,
    lines: snapshot.lines,
    header: snapshot.header,
    count: snapshot.log.length,
    strings: columns.strings,
    rawAt: columns.rawAt,
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
  return Buffer.concat([length, metaBytes, ...data]);
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
  } as LogColumns;
  if (!wellFormed(columns, n)) return undefined;
  return {
    dev: meta.dev,
    ino: meta.ino,
    offset: meta.offset,
    lines: meta.lines,
    header: meta.header,
    log: EventLog.fromColumns(columns),
  };
}

/** Every kind known and every string id in the table: a damaged cache file is never read as events. */
function wellFormed(c: LogColumns, n: number): boolean {
  const strings = c.strings.length;
  const inTable = (x: number) => x >= 0 && x < strings;
  for (let i = 0; i < n; i++) {
    const kind = c.kind[i]!;
    if (kind > KIND.session || !inTable(c.id[i]!)) return false;
    if (kind === KIND.answer && (!inTable(c.ref[i]!) || (c.session[i]! !== -1 && !inTable(c.session[i]!))))
      return false;
    if ((kind === KIND.status || kind === KIND.session) && !inTable(c.ref[i]!)) return false;
    if (kind === KIND.session && c.num[i] !== 0 && c.num[i] !== 1) return false;
  }
  return c.rawAt.every(([i]) => Number.isInteger(i) && i >= 0 && i < n);
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
