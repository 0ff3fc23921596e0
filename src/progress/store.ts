import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  lstatSync,
  realpathSync,
  type Stats,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { PyroadError } from '../errors.js';
import { TORN_FILE_SUFFIX, V1_BACKUP_NAME, V1_FILE_NAME, encodeEvent, journalHeader } from './format.js';
import { backupName, createFileAtomic, fsyncDir, keepCopy, writeAll, writeTemp, unlinkQuietly } from './files.js';
import { lockFileOf, lockIsHeld, withLock, type LockOptions } from './lock.js';
import { badJournal, badV1, cannotWrite, isDirectory, newerFormat, notAFile, unreadableFile } from './problems.js';
import { parseV1 } from './migrate.js';
import { parseJournal } from './parse.js';
import { isPlainCheckEvent } from './quick-check.js';
import { describeIssue, progressSchemas, type ProgressEvent } from './schema.js';
import { clearStamp, readStamp, sameStamp, stampOf, writeStamp } from './stamp.js';
import {
  SNAPSHOT_MIN_EVENTS,
  SNAPSHOT_REFRESH_BYTES,
  clearSnapshot,
  newSnapshotId,
  readSnapshot,
  writeSnapshot,
  type Snapshot,
} from './snapshot.js';
import { EventLog } from './log.js';
import { ProgressState, eventKey, uniqueEvents, type Renames } from './state.js';

export interface StoreOptions {
  /** Where the validated-journal stamp lives (paths.cacheDir). Without it every load validates. */
  cacheDir?: string;
  /** Non-fatal news (an interrupted save, a migration). Default: a line on stderr. */
  warn?: (text: string) => void;
  /** The clock, for headers and backup names. */
  now?: () => Date;
  lock?: LockOptions;
}

/**
 * The progress journal (`progress.jsonl`): a header line, then one event per line (format.ts).
 *
 * - Reads take no lock and tolerate an incomplete last line (a crash mid-save): it is ignored with
 *   a warning, and moved to `progress.jsonl.torn` by the next save before the journal is trimmed.
 * - Writes take an exclusive lock (lock.ts), add all their lines with one write(), and fsync.
 *   A new journal appears atomically with its header. Files are 0600, the folder 0700.
 * - A file that cannot be used (bad line, wrong shape, newer version, a directory, unreadable) is
 *   never written to, trimmed or reset: load() throws a PyroadError (exit 1) that says how to
 *   recover. Only reset() and replace(), which keep a backup, change such a file.
 * - A version-1 document (`progress.json`) beside it is migrated on load; the original is kept.
 * - A journal validated once is read without zod while it is unchanged (stamp.ts).
 */
export class ProgressStore {
  readonly dir: string;
  private readonly options: StoreOptions;
  /** The journal; where `file` is a symlink, the file it points to (see followLink). */
  readonly file: string;

  constructor(file: string, options: StoreOptions = {}) {
    this.file = followLink(file);
    this.dir = dirname(this.file);
    this.options = options;
  }

  /** The version-1 document this journal replaces, if one is (or was) there. */
  get v1File(): string {
    return join(this.dir, V1_FILE_NAME);
  }

  get tornFile(): string {
    return `${this.file}${TORN_FILE_SUFFIX}`;
  }

  get lockFile(): string {
    return lockFileOf(this.file);
  }

  private warn(text: string): void {
    if (this.options.warn) this.options.warn(text);
    else process.stderr.write(`warning: ${text}\n`);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Whether there is anything stored yet (a journal, or an old document to migrate). */
  exists(): boolean {
    return existsSync(this.file) || existsSync(this.v1File);
  }

  /** The folded state; an empty state when there is no file yet. Throws (exit 1) on a bad file. */
  load(renames?: Renames): ProgressState {
    return new ProgressState(this.loadLog(), renames);
  }

  /** Every event, in journal order. */
  loadEvents(): ProgressEvent[] {
    return this.loadLog().events();
  }

  private loadLog(): EventLog {
    const log = this.readJournal();
    if (log) {
      if (existsSync(this.v1File))
        this.warn(
          `${this.v1File} (the old progress format) is ignored because ${this.file} exists; to add what it holds, run \`pyroad import "${this.v1File}"\` and then delete it`,
        );
      return log;
    }
    if (existsSync(this.v1File)) return this.migrate();
    return new EventLog();
  }

  /** Reads and parses the journal; undefined when there is none. */
  private readJournal(): EventLog | undefined {
    let fd: number;
    try {
      // Non-blocking, so that a FIFO in its place is refused below instead of waited on.
      fd = openSync(this.file, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw unreadableFile(this.file, error);
    }
    try {
      const stat = fstatSync(fd);
      if (stat.isDirectory()) throw isDirectory(this.file);
      if (!stat.isFile()) throw notAFile(this.file);
      if (stat.size === 0) {
        // Never written by pyroad (a journal appears with its header), and holds nothing to lose.
        this.warn(`${this.file} is empty; starting with no progress (the next save writes its header)`);
        return new EventLog();
      }
      const { cacheDir } = this.options;
      const stamp = stampOf(stat);
      const stamped = cacheDir !== undefined ? readStamp(cacheDir, this.file) : undefined;
      const trusted = sameStamp(stamped, stamp);
      if (trusted && stamped?.snapshot !== undefined) {
        const fromSnapshot = this.readWithSnapshot(fd, stat, cacheDir!, stamped.snapshot);
        if (fromSnapshot) return fromSnapshot;
      }
      // Exactly the bytes the stamp describes: lines a concurrent save adds meanwhile are left
      // for the next run, as if this one had read a moment earlier.
      let bytes: Buffer;
      try {
        bytes = readExactly(fd, stat.size);
      } catch (error) {
        throw unreadableFile(this.file, error);
      }
      const text = bytes.toString('utf8');
      let parsed = parseJournal(text, { validate: !trusted });
      if (trusted && parsed.problemCount > 0) parsed = parseJournal(text, { validate: true });
      if (parsed.newerVersion !== undefined) throw newerFormat(this.file, parsed.newerVersion);
      if (parsed.problemCount > 0) throw badJournal(this.file, parsed.problems, parsed.problemCount);
      if (parsed.torn && !lockIsHeld(this.file))
        this.warn(
          `ignoring the incomplete last line ${parsed.torn.line} of ${this.file} (a save was interrupted); the next save moves it to ${this.tornFile}`,
        );
      const log = EventLog.of(parsed.events);
      if (cacheDir !== undefined && bytes.length === stat.size) {
        // What the cache says of this file from now on: validated as it is, and for a large journal,
        // which snapshot holds its events. A snapshot of anything else is never used again.
        const snapshot =
          log.length >= SNAPSHOT_MIN_EVENTS
            ? this.saveSnapshot(cacheDir, bytes, log, parsed.torn !== undefined, stat)
            : undefined;
        if (snapshot === undefined && stamped?.snapshot !== undefined) clearSnapshot(cacheDir, this.file);
        if (!trusted || snapshot !== stamped?.snapshot) writeStamp(cacheDir, this.file, stamp, snapshot);
      }
      return log;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * A validated journal read as its snapshot plus the lines after it (see snapshot.ts), or
   * undefined when the snapshot is not the one its stamp names, or does not fit this very file:
   * then it is read in full.
   */
  private readWithSnapshot(fd: number, stat: Stats, cacheDir: string, id: string): EventLog | undefined {
    const { size, dev, ino } = stat;
    const snapshot = readSnapshot(cacheDir, this.file);
    if (!snapshot || snapshot.id !== id || snapshot.dev !== dev || snapshot.ino !== ino || snapshot.offset > size)
      return undefined;
    // The same journal, not a new one that reuses the inode: its header (with its creation time)
    // and the bytes just before the offset must be what the snapshot saw.
    const head = readRange(fd, 0, Math.min(size, Buffer.byteLength(snapshot.header) + 1)).toString('utf8');
    if (head !== `${snapshot.header}\n`) return undefined;
    if (readRange(fd, snapshot.offset - 1, 1).toString('utf8') !== '\n') return undefined;
    let rest: Buffer;
    try {
      rest = readRange(fd, snapshot.offset, size - snapshot.offset);
    } catch {
      return undefined;
    }
    const parsed = parseJournal(`${snapshot.header}\n${rest.toString('utf8')}`, { validate: false });
    if (parsed.problemCount > 0 || parsed.newerVersion !== undefined) return undefined;
    if (parsed.torn && !lockIsHeld(this.file)) {
      const line = snapshot.lines + parsed.torn.line - 1;
      this.warn(
        `ignoring the incomplete last line ${line} of ${this.file} (a save was interrupted); the next save moves it to ${this.tornFile}`,
      );
    }
    const log = parsed.events.length ? snapshot.log.concat(parsed.events) : snapshot.log;
    if (rest.length > SNAPSHOT_REFRESH_BYTES) {
      const bytes = readExactly(fd, size);
      if (bytes.length === size)
        writeStamp(
          cacheDir,
          this.file,
          stampOf(stat),
          this.saveSnapshot(cacheDir, bytes, log, parsed.torn !== undefined, stat),
        );
    }
    return log;
  }

  /**
   * Saves the events of every complete line of `bytes` (the whole journal) as a snapshot, and
   * returns its id (undefined when it could not be written). `torn`: what follows the last newline
   * is an interrupted save, not one of the log's events. Offsets are counted in bytes of the file.
   */
  private saveSnapshot(cacheDir: string, bytes: Buffer, log: EventLog, torn: boolean, stat: Stats): string | undefined {
    const end = bytes.lastIndexOf(0x0a) + 1;
    const firstNewline = bytes.indexOf(0x0a);
    if (firstNewline < 0) return undefined;
    let lines = 0;
    for (let i = firstNewline; i >= 0 && i < end; i = bytes.indexOf(0x0a, i + 1)) lines++;
    // A last event without its newline is not covered: the next load reads it after the offset.
    const lastIsUncovered = !torn && bytes.toString('utf8', end).trim() !== '';
    const covered = lastIsUncovered ? log.prefix(log.length - 1) : log;
    const snapshot: Snapshot = {
      id: newSnapshotId(),
      dev: stat.dev,
      ino: stat.ino,
      offset: end,
      lines,
      header: bytes.toString('utf8', 0, firstNewline),
      log: covered,
    };
    return writeSnapshot(cacheDir, this.file, snapshot) ? snapshot.id : undefined;
  }

  /** Turns progress.json (version 1) into the journal, keeping the original as a backup. */
  private migrate(): EventLog {
    const events = this.readV1();
    try {
      this.write(() => this.migrateLocked(events));
    } catch (error) {
      if (!(error instanceof PyroadError) || existsSync(this.file)) throw error;
      // A read-only folder: use the old file as it is; it is migrated once pyroad can write.
      this.warn(`could not migrate ${this.v1File} to the new format (${error.message}); reading it as it is`);
      return EventLog.of(events);
    }
    return this.readJournal() ?? EventLog.of(events);
  }

  private readV1(): ProgressEvent[] {
    let text: string;
    try {
      if (statSync(this.v1File).isDirectory()) throw isDirectory(this.v1File);
      text = readFileSync(this.v1File, 'utf8');
    } catch (error) {
      if (error instanceof PyroadError) throw error;
      throw unreadableFile(this.v1File, error);
    }
    const result = parseV1(text);
    if ('newerVersion' in result) throw newerFormat(this.v1File, result.newerVersion);
    if ('problems' in result) throw badV1(this.v1File, result.problems);
    return result.events;
  }

  /** Holding the lock: creates the journal from the old document's events, unless another process did. */
  private migrateLocked(events: ProgressEvent[]): void {
    if (existsSync(this.file) || !existsSync(this.v1File)) return;
    if (!createFileAtomic(this.file, this.headerLine() + linesOf(events))) return;
    const backup = existsSync(join(this.dir, V1_BACKUP_NAME))
      ? backupName(join(this.dir, V1_BACKUP_NAME), this.now(), 'v1')
      : join(this.dir, V1_BACKUP_NAME);
    renameSync(this.v1File, backup);
    fsyncDir(this.dir);
    this.warn(`migrated ${this.v1File} to the new progress format in ${this.file}; the original is kept as ${backup}`);
  }

  /**
   * Appends events durably, under the lock, with a single write; creates the journal (mode 0600,
   * with its header) when missing. Events are validated first: an invalid one is a bug.
   */
  append(events: ProgressEvent[]): void {
    if (events.length === 0) return;
    assertEvents(events);
    const lines = linesOf(events);
    this.write(() => this.appendLocked(lines));
  }

  /**
   * Appends those of `events` the journal does not hold yet (see uniqueEvents), deciding under the
   * lock, so that two imports of one file at the same time add it once. Returns what was added.
   */
  appendNew(events: ProgressEvent[]): ProgressEvent[] {
    const before = this.loadLog(); // migrates an old document first, outside the lock
    assertEvents(events);
    return this.write(() => {
      const existing = this.readJournal() ?? before;
      const added = uniqueEvents(events, new Set(existing.events().map(eventKey)));
      if (added.length) this.appendLocked(linesOf(added));
      return added;
    });
  }

  private headerLine(): string {
    return `${JSON.stringify(journalHeader(this.now().toISOString()))}\n`;
  }

  /** Runs a change under the lock, turning I/O failures into a clear error (exit 1). */
  private write<T>(change: () => T): T {
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      return withLock(this.file, change, this.options.lock);
    } catch (error) {
      // EISDIR here is the journal being a folder, not its folder being one.
      if ((error as NodeJS.ErrnoException).code === 'EISDIR' && isFolder(this.file)) throw isDirectory(this.file);
      throw cannotWrite(this.dir, error);
    }
  }

  private appendLocked(lines: string): void {
    const { cacheDir } = this.options;
    if (!existsSync(this.file)) {
      if (existsSync(this.v1File)) this.migrateLocked(this.readV1());
      else if (createFileAtomic(this.file, this.headerLine() + lines)) {
        if (cacheDir !== undefined) writeStamp(cacheDir, this.file, stampOf(statSync(this.file)));
        return;
      }
    }
    let fd: number;
    try {
      fd = openSync(this.file, constants.O_RDWR | constants.O_APPEND);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EISDIR') throw isDirectory(this.file);
      throw error;
    }
    try {
      const before = fstatSync(fd);
      if (!before.isFile()) throw notAFile(this.file);
      // Never add to a file that load() would refuse: unless the stamp says it was validated as it
      // is, validate it now (once; the stamp is renewed below).
      const stamped = cacheDir !== undefined ? readStamp(cacheDir, this.file) : undefined;
      const stampedAsIs = sameStamp(stamped, stampOf(before));
      if (!stampedAsIs && before.size > 0) this.validateForAppend(fd, before.size);
      const prefix = before.size === 0 ? this.headerLine() : this.handleTail(fd, before.size);
      writeAll(fd, Buffer.from(prefix + lines));
      fsyncSync(fd);
      // Appending leaves the part a snapshot covers as it was (an incomplete last line, cut off
      // above, always lies after it); a file that changed behind the cache's back has no snapshot.
      if (cacheDir !== undefined)
        writeStamp(cacheDir, this.file, stampOf(fstatSync(fd)), stampedAsIs ? stamped?.snapshot : undefined);
    } finally {
      closeSync(fd);
    }
  }

  /** Holding the lock: throws what load() would for a file that cannot be used. */
  private validateForAppend(fd: number, size: number): void {
    const parsed = parseJournal(readExactly(fd, size).toString('utf8'), { validate: true });
    if (parsed.newerVersion !== undefined) throw newerFormat(this.file, parsed.newerVersion);
    if (parsed.problemCount > 0) throw badJournal(this.file, parsed.problems, parsed.problemCount);
  }

  /**
   * What to write before new lines, given how the file ends. An incomplete last line is saved to
   * the .torn file and cut off; a complete event that only lacks its newline gets one.
   */
  private handleTail(fd: number, size: number): string {
    const lastNewline = findLastNewline(fd, size);
    if (lastNewline === size - 1) return '';
    const start = lastNewline + 1;
    const fragment = Buffer.alloc(size - start);
    readSync(fd, fragment, 0, fragment.length, start);
    if (isJsonObject(fragment.toString('utf8'))) return '\n';
    const torn = openSync(this.tornFile, 'a', 0o600);
    try {
      writeAll(torn, Buffer.concat([fragment, Buffer.from('\n')]));
      fsyncSync(torn);
    } finally {
      closeSync(torn);
    }
    ftruncateSync(fd, start);
    this.warn(`${this.file} ended with an incomplete line (a save was interrupted); it was moved to ${this.tornFile}`);
    return '';
  }

  /**
   * `pyroad doctor`: moves an incomplete last line aside to the .torn file now, as the next save
   * would, and adds a missing final newline. Returns the bytes moved aside (0: the journal ended
   * cleanly, or there is none).
   */
  repairTail(): number {
    if (!existsSync(this.file)) return 0;
    return this.write(() => {
      const fd = openSync(this.file, constants.O_RDWR | constants.O_APPEND);
      try {
        const size = fstatSync(fd).size;
        if (size === 0) return 0;
        const prefix = this.handleTail(fd, size);
        if (prefix) writeAll(fd, Buffer.from(prefix));
        fsyncSync(fd);
        const moved = size - fstatSync(fd).size + prefix.length;
        if (this.options.cacheDir !== undefined) clearStamp(this.options.cacheDir, this.file);
        return moved;
      } finally {
        closeSync(fd);
      }
    });
  }

  /**
   * Replaces the whole journal with these events (import --replace), atomically; the old journal
   * is kept as a backup beside it. Returns the backup's name, if there was a journal.
   */
  replace(events: ProgressEvent[]): { backup?: string } {
    assertEvents(events);
    const body = this.headerLine() + linesOf(events);
    return this.write(() => {
      const tmp = writeTemp(this.file, body);
      try {
        const backup = this.keepBackup();
        renameSync(tmp, this.file);
        fsyncDir(this.dir);
        if (this.options.cacheDir !== undefined) {
          writeStamp(this.options.cacheDir, this.file, stampOf(statSync(this.file)));
          clearSnapshot(this.options.cacheDir, this.file);
        }
        return backup ? { backup } : {};
      } finally {
        unlinkQuietly(tmp);
      }
    });
  }

  /** Clears progress by moving the journal (and any old document) aside. Returns the backups. */
  reset(): { backups: string[] } {
    return this.write(() => {
      const backups: string[] = [];
      if (existsSync(this.file)) {
        if (statSync(this.file).isDirectory()) throw isDirectory(this.file);
        const backup = backupName(this.file, this.now());
        renameSync(this.file, backup);
        backups.push(backup);
      }
      if (existsSync(this.v1File)) {
        const backup = backupName(this.v1File, this.now());
        renameSync(this.v1File, backup);
        backups.push(backup);
      }
      fsyncDir(this.dir);
      if (this.options.cacheDir !== undefined) {
        clearStamp(this.options.cacheDir, this.file);
        clearSnapshot(this.options.cacheDir, this.file);
      }
      return { backups };
    });
  }

  /** Holding the lock: a backup copy of the current journal and old document, before a replace. */
  private keepBackup(): string | undefined {
    let backup: string | undefined;
    if (existsSync(this.file)) {
      if (statSync(this.file).isDirectory()) throw isDirectory(this.file);
      backup = backupName(this.file, this.now());
      keepCopy(this.file, backup);
    }
    if (existsSync(this.v1File)) {
      const old = backupName(this.v1File, this.now());
      renameSync(this.v1File, old);
      backup ??= old;
    }
    return backup;
  }
}

/**
 * A journal kept elsewhere through a symlink (a synced folder, say) is used where it is: its lock,
 * backups and replacements go next to it, and replacing it does not turn the link into a plain
 * file. A dangling link is left as it is.
 */
function followLink(file: string): string {
  try {
    return lstatSync(file).isSymbolicLink() ? realpathSync(file) : file;
  } catch {
    return file;
  }
}

const linesOf = (events: ProgressEvent[]): string => events.map((e) => `${JSON.stringify(encodeEvent(e))}\n`).join('');

function assertEvents(events: ProgressEvent[]): void {
  // A check run's event is checked without loading zod (quick-check.ts): `pyroad check` is timed.
  if (events.every(isPlainCheckEvent)) return;
  const schema = progressSchemas().event;
  for (const event of events) {
    const result = schema.safeParse(event);
    if (!result.success)
      throw new Error(
        `refusing to save an invalid progress event ${JSON.stringify(event)}: ${result.error.issues.map((i) => describeIssue(i)).join('; ')}`,
      );
  }
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** The first `size` bytes of the file (fewer if it is shorter now). */
/** `length` bytes from `position`; fewer if the file is shorter. */
function readRange(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, bytes, read, length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return bytes.subarray(0, read);
}

function readExactly(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, bytes, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return bytes.subarray(0, read);
}

/** The offset of the last newline in the file, reading backwards in chunks; -1 if none. */
function findLastNewline(fd: number, size: number): number {
  const chunk = Buffer.alloc(Math.min(size, 65_536));
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const n = readSync(fd, chunk, 0, end - start, start);
    const i = chunk.subarray(0, n).lastIndexOf(0x0a);
    if (i >= 0) return start + i;
    end = start;
  }
  return -1;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
