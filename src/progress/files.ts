import {
  closeSync,
  copyFileSync,
  constants,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { crypto } from '../lazy-crypto.js';

/** Small file helpers for writes that must never leave a half-written file. */

/** Makes a rename or a new file in `dir` durable. Not every platform can open a folder: best effort. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows and some file systems cannot fsync a folder; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes all of `data` to `fd`, looping over short writes (one write() in practice). */
export function writeAll(fd: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
}

export const tempName = (file: string): string =>
  join(dirname(file), `.${basename(file)}.${process.pid}-${crypto().randomBytes(4).toString('hex')}.tmp`);

/** Writes a new file next to `file`, durably, and returns its name (mode 0600). */
export function writeTemp(file: string, data: string | Uint8Array): string {
  const tmp = tempName(file);
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    writeAll(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkQuietly(tmp);
    throw error;
  }
  closeSync(fd);
  return tmp;
}

/** Replaces `file` with `data` atomically: a reader sees the old file or the new one, never a mix. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = writeTemp(file, data);
  try {
    renameSync(tmp, file);
  } catch (error) {
    unlinkQuietly(tmp);
    throw error;
  }
  fsyncDir(dirname(file));
}

/**
 * Creates `file` with `data` only if it does not exist yet, atomically (link fails when it does).
 * Returns false when the file was already there.
 */
export function createFileAtomic(file: string, data: string | Uint8Array): boolean {
  const tmp = writeTemp(file, data);
  try {
    linkSync(tmp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkQuietly(tmp);
    fsyncDir(dirname(file));
  }
}

export function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

/**
 * A free name for a backup of `file`, e.g. progress.backup-2026-01-31T12-00-00Z.jsonl, beside it.
 * Timestamps keep backups in order; a counter keeps two in the same second apart.
 */
export function backupName(file: string, now: Date, label = 'backup'): string {
  const ext = extname(file);
  const stem = basename(file, ext);
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
  for (let n = 1; ; n++) {
    const candidate = join(dirname(file), `${stem}.${label}-${stamp}${n > 1 ? `-${n}` : ''}${ext}`);
    if (!existsSync(candidate)) return candidate;
  }
}

/** Keeps `file` under `backup` while `file` itself may then be replaced (hard link, else a copy). */
export function keepCopy(file: string, backup: string): void {
  try {
    linkSync(file, backup);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw error;
    copyFileSync(file, backup, constants.COPYFILE_EXCL);
  }
  fsyncDir(dirname(backup));
}
