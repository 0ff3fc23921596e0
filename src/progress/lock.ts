import { closeSync, constants, linkSync, openSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dataError } from '../errors.js';
import { unlinkQuietly, writeAll } from './files.js';
import { crypto } from '../lazy-crypto.js';

/** node:os, loaded when a lock is taken or judged: readers (next, status) never need it. */
const hostname = (): string => process.getBuiltinModule('node:os').hostname();

/**
 * An exclusive lock beside a file (`<file>.lock`), for writers only: readers never wait. The lock
 * file is created atomically with its owner already written in it (link of a temp file), so it
 * is never seen empty. A lock whose owner died (same host, pid gone) or that is older than
 * `staleMs` is broken; appends hold it for milliseconds.
 */
export interface LockOptions {
  /** A lock older than this is abandoned, whoever holds it. */
  staleMs?: number;
  /** Give up waiting after this long. */
  timeoutMs?: number;
}

interface Owner {
  pid: number;
  host: string;
  token: string;
  at: string;
}

const DEFAULTS = { staleMs: 10_000, timeoutMs: 15_000 };

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** A synchronous pause: the store's API is synchronous. */
const sleep = (ms: number) => void Atomics.wait(sleeper, 0, 0, ms);

export const lockFileOf = (file: string): string => `${file}.lock`;

function readOwner(lock: string): Owner | undefined {
  try {
    const value = JSON.parse(readFileSync(lock, 'utf8')) as Partial<Owner>;
    if (typeof value.pid === 'number' && typeof value.token === 'string' && typeof value.host === 'string')
      return value as Owner;
  } catch {
    // unreadable or not ours: judged by age alone
  }
  return undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(owner: Owner | undefined, mtimeMs: number, staleMs: number): boolean {
  if (owner && owner.host === hostname() && owner.pid !== process.pid && !alive(owner.pid)) return true;
  return Date.now() - mtimeMs > staleMs;
}

/** Whether a live process holds the lock on `file` right now (a save is in progress). */
export function lockIsHeld(file: string): boolean {
  const lock = lockFileOf(file);
  try {
    const { mtimeMs } = statSync(lock);
    return !isStale(readOwner(lock), mtimeMs, DEFAULTS.staleMs);
  } catch {
    return false;
  }
}

/**
 * Removes a stale lock without removing a fresh one that replaced it meanwhile: the lock is renamed
 * away first (atomic), then checked; a fresh lock taken by mistake is put back.
 */
function breakLock(lock: string, judged: Owner | undefined, myToken: string): void {
  const aside = `${lock}.broken-${myToken}`;
  try {
    renameSync(lock, aside);
  } catch {
    return; // someone else broke or released it
  }
  const taken = readOwner(aside);
  if (judged && taken?.token !== judged.token) {
    try {
      linkSync(aside, lock);
    } catch {
      // a third process already holds a new lock; the one we moved was abandoned after all
    }
  }
  unlinkQuietly(aside);
  // The dead owner's temp file, if it was killed between writing it and taking the lock.
  if (taken) unlinkQuietly(`${lock}.${taken.token}`);
}

/** Runs `fn` holding the lock on `file`. Throws a PyroadError (exit 1) when it cannot be had. */
export function withLock<T>(file: string, fn: () => T, options: LockOptions = {}): T {
  const { staleMs, timeoutMs } = { ...DEFAULTS, ...options };
  const lock = lockFileOf(file);
  const token = `${process.pid}-${crypto().randomBytes(6).toString('hex')}`;
  const owner: Owner = { pid: process.pid, host: hostname(), token, at: new Date().toISOString() };
  const deadline = Date.now() + timeoutMs;
  let pause = 2;
  for (;;) {
    const tmp = `${lock}.${token}`;
    const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, 0o600);
    try {
      writeAll(fd, Buffer.from(JSON.stringify(owner)));
    } finally {
      closeSync(fd);
    }
    let acquired = false;
    try {
      linkSync(tmp, lock);
      acquired = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkQuietly(tmp);
    }
    if (acquired) break;
    let current: Owner | undefined;
    let mtimeMs: number;
    try {
      mtimeMs = statSync(lock).mtimeMs;
      current = readOwner(lock);
    } catch {
      continue; // released in the meantime
    }
    if (isStale(current, mtimeMs, staleMs)) {
      breakLock(lock, current, token);
      continue;
    }
    if (Date.now() > deadline)
      throw dataError(
        `the progress file ${file} is locked by another pyroad${current ? ` (process ${current.pid})` : ''} that has been saving for ${Math.round((Date.now() - mtimeMs) / 1000)} s`,
        [`  If no other pyroad is running, delete ${lock} and try again.`],
      );
    sleep(pause + Math.random() * pause);
    pause = Math.min(pause * 2, 50);
  }
  try {
    return fn();
  } finally {
    // Release only our own lock: if it was broken as stale, it belongs to someone else now.
    if (readOwner(lock)?.token === token) unlinkQuietly(lock);
  }
}
