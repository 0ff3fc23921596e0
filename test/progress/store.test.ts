import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PyroadError } from '../../src/errors.js';
import { encodeEvent } from '../../src/progress/format.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { readStamp } from '../../src/progress/stamp.js';
import { ProgressStore, type StoreOptions } from '../../src/progress/store.js';
import { FIXTURES, answer, rating, status, tempHome } from './helpers.js';

let home: ReturnType<typeof tempHome>;
let file: string;
let cacheDir: string;
let warnings: string[];

beforeEach(() => {
  home = tempHome();
  file = join(home.dir, 'progress.jsonl');
  cacheDir = join(home.dir, 'cache');
  warnings = [];
});
afterEach(() => home.cleanup());

const open = (options: StoreOptions = {}) =>
  new ProgressStore(file, {
    cacheDir,
    warn: (t) => warnings.push(t),
    now: () => new Date('2026-02-01T12:00:00Z'),
    ...options,
  });

const HEADER = '{"format":"pyroad-progress","version":2,"created":"2026-01-01T00:00:00.000Z"}\n';
const line = (event: ProgressEvent) => `${JSON.stringify(encodeEvent(event))}\n`;

/** The error a call throws, checked to be a PyroadError. */
function failure(fn: () => unknown): PyroadError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PyroadError);
    return error as PyroadError;
  }
  throw new Error('expected a PyroadError');
}
const fullText = (e: PyroadError) => [e.message, ...e.details].join('\n');

/** Proof that a failed command left a file exactly as it was. */
const snapshot = (path: string) => ({ bytes: readFileSync(path), mtimeMs: statSync(path).mtimeMs });

describe('ProgressStore: the journal', () => {
  it('has no progress before the first save, and creates nothing by loading', () => {
    const state = open().load();
    expect(state.events).toEqual([]);
    expect(existsSync(file)).toBe(false);
  });

  it('appends events after a header and folds them back', () => {
    const events = [rating('loops', 3), answer('loops-range', 'loops'), status('loops', 'done')];
    open().append(events.slice(0, 2));
    open().append(events.slice(2));
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('{"format":"pyroad-progress","version":2,"created":"2026-02-01T12:00:00.000Z"}');
    expect(text.endsWith('\n')).toBe(true);
    const state = open().load();
    expect(state.events).toEqual(events);
    expect(state.topics.get('loops')?.rating?.value).toBe(3);
    expect(state.topics.get('loops')?.status?.status).toBe('done');
  });

  it('writes short keys on disk and keeps readable names in memory', () => {
    open().append([answer('loops-range', 'loops', 2, false, '2026-01-01T00:00:00.000Z')]);
    expect(readFileSync(file, 'utf8').split('\n')[1]).toBe(
      '{"e":"answer","t":"2026-01-01T00:00:00.000Z","tp":"loops","q":"loops-range","c":2,"ok":false}',
    );
  });

  it('keeps the file private: 0600 in a 0700 folder', () => {
    const nested = join(home.dir, 'deep', 'er');
    const store = new ProgressStore(join(nested, 'progress.jsonl'), { warn: () => {} });
    store.append([rating('loops', 1)]);
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
    expect(statSync(nested).mode & 0o777).toBe(0o700);
  });

  it('refuses an invalid event: that is a bug, and nothing is written', () => {
    expect(() => open().append([{ ...rating('loops', 3), value: 9 } as ProgressEvent])).toThrow(
      /invalid progress event/,
    );
    expect(existsSync(file)).toBe(false);
  });
});

describe('ProgressStore: a save cut short', () => {
  it('loads a journal whose last line is torn, with a warning, and the next save moves the fragment aside', () => {
    const kept = [rating('loops', 2), answer('loops-range', 'loops')];
    writeFileSync(file, HEADER + kept.map(line).join('') + '{"e":"answer","t":"2026-01-0');
    const before = snapshot(file);
    expect(open().load().events).toEqual(kept);
    expect(warnings.join('\n')).toMatch(/incomplete last line 4 .*progress\.jsonl/);
    expect(snapshot(file)).toEqual(before); // loading changes nothing

    const next = answer('loops-break', 'loops');
    open().append([next]);
    expect(readFileSync(`${file}.torn`, 'utf8')).toBe('{"e":"answer","t":"2026-01-0\n');
    expect(readFileSync(file, 'utf8')).toBe(HEADER + [...kept, next].map(line).join(''));
    expect(open().load().events).toEqual([...kept, next]);
  });

  it('keeps a complete last event that only lacks its newline (an edited file)', () => {
    const kept = [rating('loops', 2), status('http', 'learning')];
    writeFileSync(file, HEADER + kept.map(line).join('').trimEnd());
    expect(open().load().events).toEqual(kept);
    expect(warnings).toEqual([]);
    const next = rating('http', 1);
    open().append([next]);
    expect(open().load().events).toEqual([...kept, next]);
  });

  it('treats a 0-byte file as no progress (pyroad never writes one) and writes the header on the next save', () => {
    writeFileSync(file, '');
    expect(open().load().events).toEqual([]);
    expect(warnings[0]).toMatch(/is empty/);
    open().append([rating('loops', 1)]);
    expect(readFileSync(file, 'utf8').startsWith('{"format":"pyroad-progress"')).toBe(true);
    expect(open().load().events).toHaveLength(1);
  });
});

describe('ProgressStore: a file it cannot use is reported, never changed', () => {
  const cases: { name: string; text: string; message: RegExp; recovery: RegExp }[] = [
    {
      name: 'a corrupt line in the middle',
      text: HEADER + line(rating('loops', 1)) + '{"e":"rating",,}\n' + line(rating('http', 2)),
      message: /progress\.jsonl cannot be read: line 3 is not valid JSON/,
      recovery: /Fix or delete line 3 .* move the file aside .*pyroad import/,
    },
    {
      name: 'a line of the wrong shape',
      text: HEADER + '{"e":"rating","t":"2026-01-01T00:00:00Z","tp":"loops","v":7}\n',
      message: /line 2 field "v": Too big/,
      recovery: /has not changed it/,
    },
    {
      name: 'a choice no question has',
      text: HEADER + '{"e":"answer","t":"2026-01-01T00:00:00Z","tp":"loops","q":"q1","c":2147483648,"ok":false}\n',
      message: /line 2 field "c": Too big/,
      recovery: /has not changed it/,
    },
    {
      name: 'an unknown field',
      text: HEADER + '{"e":"status","t":"2026-01-01T00:00:00Z","tp":"loops","st":"done","x":1}\n',
      message: /line 2 unknown field "x"/,
      recovery: /has not changed it/,
    },
    {
      name: 'an unknown event type',
      text: HEADER + '{"e":"teleport","t":"2026-01-01T00:00:00Z"}\n',
      message: /line 2 /,
      recovery: /has not changed it/,
    },
    {
      name: 'a newer format version',
      text: '{"format":"pyroad-progress","version":3,"created":"2030-01-01T00:00:00Z"}\n{"whatever":1}\n',
      message: /written by a newer pyroad \(format version 3; this pyroad reads version 2\)/,
      recovery: /Upgrade pyroad/,
    },
    {
      name: 'something else than a journal',
      text: '{\n  "format": "pyroad-export",\n  "version": 1\n}\n',
      message: /line 1 is not valid JSON .*not a pyroad progress journal/,
      recovery: /move the file aside/,
    },
    {
      name: 'another JSON-lines file',
      text: '{"hello":"world"}\n',
      message: /line 1 is not a pyroad progress header/,
      recovery: /move the file aside/,
    },
    {
      name: 'a journal from version 1 days',
      text: '{"format":"pyroad-progress","version":1,"created":"2026-01-01T00:00:00Z"}\n',
      message: /declares format version 1, but a journal is version 2/,
      recovery: /move the file aside/,
    },
    {
      name: 'a header cut off (no newline at all)',
      text: '{"format":"pyroad-prog',
      message: /single incomplete line and no header/,
      recovery: /move the file aside/,
    },
    {
      name: 'several bad lines',
      text: HEADER + 'nope\n' + line(rating('loops', 1)) + '[]\n',
      message: /cannot be read: 2 problems/,
      recovery: /progress\.jsonl:2: line 2 is not valid JSON[\s\S]*progress\.jsonl:4: line 4 is not a JSON object/,
    },
  ];

  for (const c of cases)
    it(`${c.name}: exit 1 naming the file, what is wrong and how to recover; load and save leave it alone`, () => {
      writeFileSync(file, c.text);
      const before = snapshot(file);
      const loadError = failure(() => open().load());
      expect(loadError.exitCode).toBe(1);
      expect(loadError.message).toContain(file);
      expect(loadError.message).toMatch(c.message);
      expect(fullText(loadError)).toMatch(c.recovery);
      const appendError = failure(() => open().append([rating('loops', 4)]));
      expect(appendError.exitCode).toBe(1);
      expect(snapshot(file)).toEqual(before);
      expect(readdirSync(home.dir).sort()).toEqual(['progress.jsonl']);
    });

  it('a directory where the file should be', () => {
    mkdirSync(file);
    const e = failure(() => open().load());
    expect(e.exitCode).toBe(1);
    expect(e.message).toBe(`the progress file ${file} is a directory, not a file`);
    expect(fullText(e)).toMatch(/Move or rename that folder/);
    expect(failure(() => open().append([rating('loops', 1)])).message).toMatch(/is a directory/);
    expect(failure(() => open().reset()).message).toMatch(/is a directory/);
  });

  it('a FIFO where the file should be, or where a cache file should be: refused or ignored, never waited on', () => {
    execFileSync('mkfifo', [file]);
    const e = failure(() => open().load());
    expect(e.exitCode).toBe(1);
    expect(e.message).toMatch(/is not a regular file/);
    rmSync(file);
    open().append([rating('loops', 1)]);
    for (const name of readdirSync(cacheDir)) {
      rmSync(join(cacheDir, name));
      execFileSync('mkfifo', [join(cacheDir, name)]);
    }
    expect(open().load().topics.get('loops')?.rating?.value).toBe(1);
  });

  it('a journal kept elsewhere through a symlink stays there: replace and reset keep the link', () => {
    const elsewhere = join(home.dir, 'synced');
    mkdirSync(elsewhere);
    const target = join(elsewhere, 'journal.jsonl');
    new ProgressStore(target, { warn: () => {} }).append([rating('loops', 1)]);
    symlinkSync(target, file);
    open().append([rating('http', 2)]);
    const { backup } = open().replace([rating('loops', 4)]);
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(backup?.startsWith(elsewhere)).toBe(true);
    expect(new ProgressStore(target, { warn: () => {} }).loadEvents()).toEqual([
      expect.objectContaining({ e: 'rating', topic: 'loops', value: 4 }),
    ]);
    open().reset();
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(existsSync(target)).toBe(false); // moved aside as a backup, next to it
    expect(readdirSync(elsewhere).some((f) => f.startsWith('journal.backup-'))).toBe(true);
  });

  it('an edit that keeps size and mtime is still noticed (the stamp includes ctime)', () => {
    const store = open();
    store.append([rating('loops', 1), rating('http', 2)]);
    store.load(); // validated and stamped
    const text = readFileSync(file, 'utf8');
    const { mtime } = statSync(file);
    writeFileSync(file, text.replace('"v":2', '"v":9'));
    utimesSync(file, mtime, mtime);
    expect(failure(() => open().load()).message).toMatch(/line 3 field "v": Too big/);
  });
});

describe('ProgressStore: the validated-journal stamp', () => {
  it('is written after a full validation and renewed by appends from a stamped file', () => {
    const store = open();
    store.append([rating('loops', 1)]);
    const stamp = () => readStamp(cacheDir, file);
    expect(stamp()?.size).toBe(statSync(file).size);
    store.append([rating('loops', 2)]);
    expect(stamp()?.size).toBe(statSync(file).size);
    expect(open().load().events).toHaveLength(2);
  });

  it('is not needed: without a cache folder every load validates', () => {
    open().append([rating('loops', 1)]);
    const store = new ProgressStore(file, { warn: () => {} });
    expect(store.load().events).toHaveLength(1);
    writeFileSync(file, readFileSync(file, 'utf8') + 'garbage\n');
    expect(() => store.load()).toThrow(/line 3 is not valid JSON/);
  });
});

describe('ProgressStore: version 1 (progress.json) is migrated on load', () => {
  const v1Fixture = join(FIXTURES, 'progress-v1.json');

  it('turns it into a journal and keeps the original next to it', () => {
    const v1 = join(home.dir, 'progress.json');
    copyFileSync(v1Fixture, v1);
    const state = open().load();
    expect(existsSync(v1)).toBe(false);
    const backup = join(home.dir, 'progress.v1-backup.json');
    expect(readFileSync(backup, 'utf8')).toBe(readFileSync(v1Fixture, 'utf8'));
    expect(warnings.join('\n')).toMatch(/migrated .*progress\.json .* kept as .*progress\.v1-backup\.json/);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    expect(state.events.map((e) => e.e)).toEqual(['rating', 'answer', 'answer', 'rating', 'answer', 'status']);
    expect(state.topics.get('loops')?.rating).toEqual({ value: 3, at: '2025-03-01T09:00:00.000Z' });
    // Times with an offset become UTC, so they order correctly as strings.
    expect(state.topics.get('http')?.rating).toEqual({ value: 1, at: '2025-03-02T08:30:00.000Z' });
    expect(state.topics.get('functions')?.status?.status).toBe('learning');
    expect(state.topics.get('loops')?.answers.map((a) => [a.question, a.correct])).toEqual([
      ['loops-range', true],
      ['loops-break', false],
    ]);
    // The journal now holds the same: loading again gives the same state, without migrating again.
    warnings = [];
    expect(open().load().events).toEqual(state.events);
    expect(warnings).toEqual([]);
  });

  it('migrates on the first save too, before adding to it', () => {
    copyFileSync(v1Fixture, join(home.dir, 'progress.json'));
    open().append([status('http', 'done')]);
    const events = open().load().events;
    expect(events).toHaveLength(7);
    expect(events.at(-1)).toMatchObject({ e: 'status', topic: 'http', status: 'done' });
  });

  it('refuses a broken old file without touching it', () => {
    const v1 = join(home.dir, 'progress.json');
    writeFileSync(
      v1,
      '{"version":1,"ratings":{"loops":{"value":9,"at":"2025-01-01T00:00:00Z"}},"statuses":{},"answers":[]}',
    );
    const before = snapshot(v1);
    const e = failure(() => open().load());
    expect(e.exitCode).toBe(1);
    expect(e.message).toMatch(
      /old-format progress file .*progress\.json cannot be read: field "ratings\.loops\.value": Too big/,
    );
    expect(snapshot(v1)).toEqual(before);
    expect(existsSync(file)).toBe(false);
  });

  it('says so when an old file is newer than it can read', () => {
    writeFileSync(join(home.dir, 'progress.json'), '{"version":7}');
    expect(failure(() => open().load()).message).toMatch(/written by a newer pyroad \(format version 7/);
  });

  it('ignores, with a warning, an old file next to an existing journal', () => {
    open().append([rating('loops', 1)]);
    copyFileSync(v1Fixture, join(home.dir, 'progress.json'));
    expect(open().load().events).toHaveLength(1);
    expect(warnings.join('\n')).toMatch(/progress\.json \(the old progress format\) is ignored .*pyroad import/);
  });
});

describe('ProgressStore: reset and replace keep a backup', () => {
  it('reset moves the journal aside', () => {
    const store = open();
    store.append([rating('loops', 1)]);
    const before = readFileSync(file);
    const { backups } = store.reset();
    expect(backups).toEqual([join(home.dir, 'progress.backup-2026-02-01T12-00-00Z.jsonl')]);
    expect(readFileSync(backups[0]!)).toEqual(before);
    expect(existsSync(file)).toBe(false);
    expect(store.load().events).toEqual([]);
    // A second reset in the same second does not overwrite the first backup.
    store.append([rating('loops', 2)]);
    expect(store.reset().backups[0]).toMatch(/backup-2026-02-01T12-00-00Z-2\.jsonl$/);
  });

  it('reset moves even a file it cannot read (it is kept, not lost)', () => {
    writeFileSync(file, 'not a journal\n');
    const { backups } = open().reset();
    expect(readFileSync(backups[0]!, 'utf8')).toBe('not a journal\n');
  });

  it('replace swaps the journal atomically and keeps the old one', () => {
    const store = open();
    store.append([rating('loops', 1)]);
    const old = readFileSync(file);
    const { backup } = store.replace([rating('http', 3)]);
    expect(readFileSync(backup!)).toEqual(old);
    expect(store.load().events).toEqual([expect.objectContaining({ topic: 'http', value: 3 })]);
  });
});

describe('ProgressStore: the lock', () => {
  const lock = () => `${file}.lock`;
  const deadPid = () => {
    // A pid that is certainly not running: far above the usual pid_max.
    return 4_000_000 + Math.floor(Math.random() * 100_000);
  };

  it('breaks a lock left by a process that died', () => {
    writeFileSync(
      lock(),
      JSON.stringify({ pid: deadPid(), host: hostname(), token: 'dead', at: new Date().toISOString() }),
    );
    const started = Date.now();
    open().append([rating('loops', 1)]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(existsSync(lock())).toBe(false);
    expect(open().load().events).toHaveLength(1);
  });

  it('breaks a lock that is too old, whoever holds it', () => {
    writeFileSync(
      lock(),
      JSON.stringify({ pid: process.ppid, host: 'elsewhere', token: 'old', at: '2020-01-01T00:00:00Z' }),
    );
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock(), old, old);
    open().append([rating('loops', 1)]);
    expect(open().load().events).toHaveLength(1);
  });

  it('waits for a live lock, then gives up with a clear error (exit 1) and changes nothing', () => {
    open().append([rating('loops', 1)]);
    const before = snapshot(file);
    writeFileSync(
      lock(),
      JSON.stringify({ pid: process.ppid, host: hostname(), token: 'live', at: new Date().toISOString() }),
    );
    const e = failure(() => open({ lock: { timeoutMs: 150 } }).append([rating('loops', 2)]));
    expect(e.exitCode).toBe(1);
    expect(e.message).toMatch(
      new RegExp(`progress file ${file} is locked by another pyroad \\(process ${process.ppid}\\)`),
    );
    expect(fullText(e)).toContain(`delete ${lock()}`);
    expect(snapshot(file)).toEqual(before);
    expect(existsSync(lock())).toBe(true); // not ours to remove
  });
});
