import { readFileSync, readdirSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { buildKey, readCacheFile, writeCacheFile } from './cache-file.js';
import type { Streams } from './context.js';
import { fnv1a64 } from './lazy-crypto.js';
import { unlinkQuietly } from './progress/files.js';
import { resolvePaths } from './paths.js';
import { quickLine } from './quick-line.js';

/**
 * Starts the quick entry (src/quick.ts) from its CommonJS bundle, compiled with a V8 code cache
 * kept in the cache folder: the bytecode of every function the last run of this command compiled,
 * so this run neither parses the bundle nor compiles those functions again (issue 19). One cache
 * file per command, named for the bundle (path, build id, size, mtime) and the Node build: another
 * build never reads it, and V8 refuses a cache that does not fit or is damaged (then this run
 * compiles as usual and writes a new one). Like every cache file, it is private and best effort.
 *
 * Returns the exit code, or undefined when the line is not a quick one (bin/pyroad.js then runs
 * the full program), or when the bundle cannot be loaded at all.
 */
export async function startQuick(
  bundle: string,
  argv: readonly string[],
  streams: Streams,
): Promise<number | undefined> {
  const line = quickLine(argv, streams.env);
  if (!line) return undefined;
  let source: string;
  try {
    source = readFileSync(bundle, 'utf8');
  } catch {
    return undefined; // not built as a bundle (run from tsc's output): the full program runs it
  }
  const family = `quick-${fnv1a64(`${bundle}\0${line.name}`)}-`;
  const cacheFile = codeCacheFile(bundle, family, streams);
  const cachedData = cacheFile === undefined ? undefined : readCacheFile(cacheFile);
  // V8 checks a code cache's header (its version, flags, the source's length) but not its
  // contents unless asked: a cache damaged on disk (a block of zeros after a power cut) would crash
  // every run. Asked, it refuses the cache, and this run writes a good one. Set for writing too, so
  // the caches written and the ones read agree on the flags.
  setFlagsFromString('--verify-snapshot-checksum');
  const script = new Script(Module.wrap(source), {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = {
    exports: {} as { runQuick?: (argv: readonly string[], streams: Streams) => Promise<number | undefined> },
  };
  (script.runInThisContext() as (...args: unknown[]) => void)(
    module.exports,
    createRequire(bundle),
    module,
    bundle,
    dirname(bundle),
  );
  const code = await module.exports.runQuick!(argv, streams);
  if (code === 0 && cacheFile !== undefined && (!cachedData || script.cachedDataRejected) && everyday()) {
    if (writeCacheFile(cacheFile, script.createCachedData())) sweep(cacheFile, family);
  }
  return code;
}

/** Where this command's code cache is, or undefined when there is no home to keep one in. */
function codeCacheFile(bundle: string, family: string, streams: Streams): string | undefined {
  try {
    // The build's id, as well as the bundle's size and time: V8 compares only the source's length,
    // so a new build copied with its times kept (rsync -a, an image layer) must not match.
    const { size, mtimeMs } = statSync(bundle);
    const build = fnv1a64([buildKey(), size, mtimeMs, process.version, process.arch].join('\0'));
    return join(resolvePaths(undefined, streams.env, process.platform).cacheDir, `${family}${build}.v8`);
  } catch {
    return undefined; // e.g. HOME unset: the command itself will say what is wrong
  }
}

/**
 * Whether this run was an everyday one: it validated nothing, so it did not load yaml or zod. The
 * first run after an install or a roadmap change validates the roadmap; a code cache written then
 * would carry the validator's code into every later run (a quarter more to read), so the next
 * everyday run writes it instead.
 */
const everyday = (): boolean =>
  !Object.keys(createRequire(import.meta.url).cache).some((file) => /[\\/]node_modules[\\/](yaml|zod)[\\/]/.test(file));

/** The caches of this command written for other builds of the bundle or of Node. */
function sweep(kept: string, family: string): void {
  const dir = dirname(kept);
  try {
    for (const name of readdirSync(dir))
      if (name.startsWith(family) && name.endsWith('.v8') && name !== basename(kept)) unlinkQuietly(join(dir, name));
  } catch {
    // best effort, like the cache itself
  }
}
