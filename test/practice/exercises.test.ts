import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HARNESS, readExercises } from '../../src/practice/catalog.js';
import { judge, type Verdict } from '../../src/practice/judge.js';
import { runHarness } from '../../src/practice/runner.js';
import type { Exercise } from '../../src/practice/exercise.js';
import { indexRoadmap } from '../../src/roadmap/query.js';
import { loadRoadmapOrThrow } from '../../src/roadmap/load.js';
import { childEnv, ROOT, SHIPPED, systemPython, tempDir } from '../helpers/cli.js';

/**
 * Every shipped exercise, with the real python3 found on PATH: the starter as shipped fails, and
 * the reference solution in test/fixtures/exercises passes. Runs four Python processes at a time.
 */
const { exercises, problems } = readExercises();
const SOLUTIONS = join(ROOT, 'test', 'fixtures', 'exercises');
/** Solutions that give the right results while breaking a rule the task states: each must fail. */
const SHORTCUTS = join(ROOT, 'test', 'fixtures', 'exercise-shortcuts');
/** Correct solutions written differently from the reference (`<id>-<n>.py`): each must pass. */
const VARIANTS = join(ROOT, 'test', 'fixtures', 'exercise-variants');
const temp = tempDir('pyroad-exercises-');
afterAll(temp.cleanup);

/** Resolved once: a version manager's shim would cost a second per start, eighty times over. */
const PYTHON = systemPython(temp.dir);

async function check(
  exercise: Exercise,
  source: 'starter' | 'solution' | 'shortcut' | 'variant',
  variant = '',
): Promise<Verdict> {
  const dir = join(temp.dir, `${exercise.id}-${source}${variant}`);
  mkdirSync(dir, { recursive: true });
  if (source === 'starter') writeFileSync(join(dir, exercise.file), exercise.starter);
  else if (source === 'variant') copyFileSync(join(VARIANTS, `${variant}.py`), join(dir, exercise.file));
  else copyFileSync(join(source === 'solution' ? SOLUTIONS : SHORTCUTS, `${exercise.id}.py`), join(dir, exercise.file));
  const outcome = await runHarness({
    python: PYTHON,
    harness: HARNESS,
    cwd: dir,
    tests: exercise.tests,
    env: childEnv(dir),
    timeoutMs: 20_000,
  });
  return judge(outcome);
}

/** Both runs of every exercise, at most four at a time (the machine is shared). */
async function checkAll(): Promise<Map<string, { starter: Verdict; solution: Verdict }>> {
  const jobs = exercises.flatMap((x) => (['starter', 'solution'] as const).map((s) => ({ x, s })));
  const results = new Map<string, { starter: Verdict; solution: Verdict }>();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const { x, s } = jobs[next++]!;
      const verdict = await check(x, s);
      const entry = results.get(x.id) ?? ({} as { starter: Verdict; solution: Verdict });
      entry[s] = verdict;
      results.set(x.id, entry);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return results;
}

describe('shipped exercises', () => {
  it('parse without problems, at least 40, each with a reference solution and a topic in the shipped roadmap', () => {
    expect(problems).toEqual([]);
    expect(exercises.length).toBeGreaterThanOrEqual(40);
    const topics = indexRoadmap(loadRoadmapOrThrow(SHIPPED)).topics;
    for (const x of exercises) {
      expect(topics.has(x.topic), `${x.id}: topic ${x.topic}`).toBe(true);
      expect(existsSync(join(SOLUTIONS, `${x.id}.py`)), `${x.id}: solution`).toBe(true);
      expect(x.starter, `${x.id}: starter says what to do`).toMatch(/TODO/);
    }
  });

  it('fail as shipped and pass with the reference solution', { timeout: 300_000 }, async () => {
    const results = await checkAll();
    for (const x of exercises) {
      const r = results.get(x.id)!;
      expect(r.starter.outcome, `${x.id}: starter`).toBe('failed');
      expect(r.solution, `${x.id}: solution`).toMatchObject({ outcome: 'passed' });
    }
  });

  it('catch a solution that breaks the rule the task states', { timeout: 120_000 }, async () => {
    const shortcuts = readdirSync(SHORTCUTS).map((f) => f.replace(/\.py$/, ''));
    expect(shortcuts.length).toBeGreaterThan(0);
    for (const id of shortcuts) {
      const exercise = exercises.find((x) => x.id === id);
      expect(exercise, id).toBeDefined();
      expect((await check(exercise!, 'shortcut')).outcome, id).toBe('failed');
    }
  });

  it('pass correct solutions written in another style than the reference', { timeout: 120_000 }, async () => {
    const variants = readdirSync(VARIANTS).map((f) => f.replace(/\.py$/, ''));
    expect(variants.length).toBeGreaterThan(0);
    for (const name of variants) {
      const exercise = exercises.find((x) => name.startsWith(`${x.id}-`) && /^\d+$/.test(name.slice(x.id.length + 1)));
      expect(exercise, name).toBeDefined();
      expect(await check(exercise!, 'variant', name), name).toMatchObject({ outcome: 'passed' });
    }
  });
});
