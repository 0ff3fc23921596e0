import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HARNESS } from '../../src/practice/catalog.js';
import { exercisesOfRoadmap } from '../../src/practice/carried.js';
import type { Exercise } from '../../src/practice/exercise.js';
import { judge } from '../../src/practice/judge.js';
import { runHarness } from '../../src/practice/runner.js';
import { loadRoadmapOrThrow } from '../../src/roadmap/load.js';
import { childEnv, ROOT, systemPython, tempDir } from '../helpers/cli.js';

/**
 * The exercises the fixture roadmap carries, as `pyroad practice` gets them, with the real
 * python3: each starter fails its tests and a reference solution passes, as the format asks of
 * every exercise (docs/roadmap-format.md); `validate` does not run Python, so this is where an
 * author's mistake (a starter that already passes) would show.
 */
const FIXTURE = join(ROOT, 'test', 'fixtures', 'roadmap');
const exercises = exercisesOfRoadmap(loadRoadmapOrThrow(join(FIXTURE, 'carried', 'roadmap.yaml')), '/elsewhere');
const temp = tempDir('pyroad-carried-run-');
afterAll(temp.cleanup);
const PYTHON = systemPython(temp.dir);

async function run(x: Exercise, source: 'starter' | 'solution') {
  const dir = join(temp.dir, `${x.id}-${source}`);
  mkdirSync(dir, { recursive: true });
  if (source === 'starter') writeFileSync(join(dir, x.file), x.starter);
  else copyFileSync(join(FIXTURE, 'carried-solutions', `${x.id}.py`), join(dir, x.file));
  return judge(await runHarness({ python: PYTHON, harness: HARNESS, cwd: dir, tests: x.tests, env: childEnv(dir) }));
}

describe("the fixture roadmap's own exercises", () => {
  it('are two, from the root file and the included one', () => {
    expect(exercises.map((x) => [x.id, x.topic, x.file])).toEqual([
      ['count-down', 'loops', 'count_down.py'],
      ['status-line', 'http', 'status.py'],
    ]);
  });

  it.each(exercises.map((x) => [x.id, x] as const))('%s: the starter fails, the solution passes', async (_id, x) => {
    expect((await run(x, 'starter')).outcome).toBe('failed');
    expect(await run(x, 'solution')).toMatchObject({ outcome: 'passed' });
  });
});
