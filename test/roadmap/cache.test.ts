import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRoadmap } from '../../src/roadmap/cache.js';

const roadmap = (title: string) => `version: 1
title: ${title}
areas:
  - id: basics
    title: Basics
    stage: skills
    summary: The start.
    topics:
      - id: loops
        title: Loops
        summary: Doing things again.
        why: Most programs repeat work.
        resources:
          - title: The tutorial
            url: https://docs.python.org/3/tutorial/
            kind: docs
`;

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('the validated-roadmap cache', () => {
  it('notices an edit that keeps the size and puts the old mtime back', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pyroad-cache-'));
    const file = join(dir, 'roadmap.yaml');
    const cache = join(dir, 'cache');
    writeFileSync(file, roadmap('First'));
    expect((await loadRoadmap(file, cache)).title).toBe('First');
    expect((await loadRoadmap(file, cache)).title).toBe('First'); // from the cache
    const { atime, mtime } = statSync(file);
    writeFileSync(file, roadmap('Other'));
    utimesSync(file, atime, mtime);
    expect((await loadRoadmap(file, cache)).title).toBe('Other');
  });
});
