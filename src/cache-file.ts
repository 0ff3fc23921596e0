import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, dirname, join, resolve } from 'node:path';
import { tempName, unlinkQuietly } from './progress/files.js';
import { VERSION } from './version.js';
import { fnv1a64 } from './lazy-crypto.js';

/**
 * Files in the cache folder: the validated roadmap, the journal's stamp and snapshot. Each is
 * named for the file it speeds up, and each is only ever a shortcut: losing one costs time, not data.
 */
export const cachePath = (cacheDir: string, kind: string, source: string, suffix: string): string =>
  join(cacheDir, `${kind}-${fnv1a64(resolve(source))}${suffix}`);

/** Set by scripts/bundle.js: one id for every file of one build. Undefined when run from tsc's output. */
declare const __PYROAD_BUILD__: string | undefined;

/**
 * Cache files belong to one build of pyroad: its version, and the build's id (scripts/bundle.js
 * gives every file of a build the same one; run from tsc's output, the time this module was
 * written). A change to what is validated, or how, without a version bump then still leaves the
 * stamps, snapshots and cached roadmaps of older builds unused. The bundles of one build (the
 * command's ES modules and the quick CommonJS entry, see src/quick.ts) share their caches.
 */
export function buildKey(): string {
  if (built === undefined) {
    let stamp: string | number = 0;
    if (typeof __PYROAD_BUILD__ === 'string') stamp = __PYROAD_BUILD__;
    else
      try {
        stamp = statSync(fileURLToPath(import.meta.url)).mtimeMs;
      } catch {
        // not a file (never the case for the installed command): the version alone keys the cache
      }
    built = `${VERSION}:${stamp}`;
  }
  return built;
}
let built: string | undefined;

/**
 * A cache file's bytes, or undefined when it is missing, unreadable or not a regular file (a FIFO
 * put there would otherwise block the read forever).
 */
export function readCacheFile(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Temporary copies of `target` older than an hour: writes that were killed before their rename. */
function sweepTemps(target: string): void {
  const dir = dirname(target);
  const prefix = `.${basename(target)}.`;
  const cutoff = Date.now() - 3_600_000;
  try {
    for (const name of readdirSync(dir))
      if (name.startsWith(prefix) && name.endsWith('.tmp') && statSync(join(dir, name)).mtimeMs < cutoff)
        unlinkQuietly(join(dir, name));
  } catch {
    // best effort, like the cache itself
  }
}

/**
 * Best effort and not fsynced: written to a temporary file, then renamed; private (0600).
 * Returns whether it was written.
 */
export function writeCacheFile(target: string, data: string | Uint8Array): boolean {
  const tmp = tempName(target);
  try {
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, target);
    sweepTemps(target);
    return true;
  } catch {
    unlinkQuietly(tmp);
    return false;
  }
}
