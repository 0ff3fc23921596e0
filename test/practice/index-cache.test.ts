import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exerciseIndex } from '../../src/practice/index-cache.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const SHIPPED = join(ROOT, 'data', 'exercises');
const tmp = tempDir('pyroad-exercise-index-');
afterAll(tmp.cleanup);

describe('the cached exercise index', () => {
  const dir = join(tmp.dir, 'exercises');
  const cache = join(tmp.dir, 'cache');
  mkdirSync(dir);
  for (const name of ['list-comprehension-squares.yaml', 'asyncio-gather-timeout.yaml'])
    copyFileSync(join(SHIPPED, name), join(dir, name));
  const all = new Set(['list-comprehensions', 'python-control-flow', 'asyncio-basics']);

  it('lists id, topic, title and file of the roadmap topics’ exercises, and writes the cache', async () => {
    const index = await exerciseIndex(all, cache, dir);
    expect(index.map((x) => x.id)).toEqual(['asyncio-gather-timeout', 'list-comprehension-squares']);
    expect(index[0]).toMatchObject({ topic: 'asyncio-basics', file: 'gather.py' });
    expect(readdirSync(cache).some((n) => n.startsWith('exercises-'))).toBe(true);
    expect((await exerciseIndex(new Set(['asyncio-basics']), cache, dir)).map((x) => x.id)).toEqual([
      'asyncio-gather-timeout',
    ]);
  });

  it('a changed, added or broken file is read again, not taken from the cache', async () => {
    const file = join(dir, 'asyncio-gather-timeout.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "A new title, longer"'));
    expect((await exerciseIndex(all, cache, dir))[0]!.title).toBe('A new title, longer');
    copyFileSync(join(SHIPPED, 'class-stack.yaml'), join(dir, 'class-stack.yaml'));
    expect(await exerciseIndex(new Set(['python-classes']), cache, dir)).toHaveLength(1);
    writeFileSync(join(dir, 'broken.yaml'), 'id: broken\ntopic: [\n');
    await expect(exerciseIndex(all, cache, dir)).rejects.toThrow(/exercise file has a problem/);
  });

  it('no exercises folder means no exercises', async () => {
    expect(await exerciseIndex(all, cache, join(tmp.dir, 'missing'))).toEqual([]);
  });
});
