import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeCacheFile } from '../src/cache-file.js';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('cache files', () => {
  it('a write also clears away temporary copies left by writes killed over an hour ago', () => {
    dir = mkdtempSync(join(tmpdir(), 'pyroad-cachefile-'));
    const target = join(dir, 'progress-0123.snapshot');
    const old = join(dir, '.progress-0123.snapshot.4242-deadbeef.tmp');
    const recent = join(dir, '.progress-0123.snapshot.4343-cafef00d.tmp');
    const other = join(dir, '.roadmap-0123.json.4242-deadbeef.tmp');
    for (const f of [old, recent, other]) writeFileSync(f, 'partial');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    utimesSync(other, twoHoursAgo, twoHoursAgo);
    expect(writeCacheFile(target, 'data')).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('data');
    expect([existsSync(old), existsSync(recent), existsSync(other)]).toEqual([false, true, true]);
  });
});
