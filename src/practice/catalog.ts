import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SHIPPED_ROADMAP } from '../context.js';
import { dataError } from '../errors.js';
import { displayPath } from '../paths.js';
import { formatProblem, parseExercise, type Exercise } from './exercise.js';
import type { Problem } from '../roadmap/problems.js';

/** The shipped exercises: one YAML file each, next to the shipped roadmap. */
export const EXERCISES_DIR = join(dirname(SHIPPED_ROADMAP), 'exercises');
/** The harness that runs an exercise's tests and reports the first failure as JSON. */
export const HARNESS = join(EXERCISES_DIR, 'harness.py');

/** A hash of what is run on the learner's code, so a result is tied to that version of the tests. */
export const fingerprint = (exercise: Exercise): string =>
  createHash('sha256').update(exercise.tests).digest('hex').slice(0, 16);

/** Every exercise in `dir`, sorted by id; every problem in every file, or none. */
export function readExercises(dir = EXERCISES_DIR): { exercises: Exercise[]; problems: Problem[] } {
  const exercises: Exercise[] = [];
  const problems: Problem[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const file = join(dir, name);
    const result = parseExercise(displayPath(file), readFileSync(file, 'utf8'), name.slice(0, -'.yaml'.length));
    if (result.exercise) exercises.push(result.exercise);
    else problems.push(...result.problems);
  }
  return { exercises, problems };
}

/** The exercises whose topic is in the roadmap in use; a broken exercise file is a data error. */
export function loadExercises(topicIds: ReadonlySet<string>, dir = EXERCISES_DIR): Exercise[] {
  const { exercises, problems } = readExercises(dir);
  if (problems.length)
    throw dataError(
      `${problems.length === 1 ? 'an exercise file has a problem' : 'exercise files have problems'}:`,
      problems.map(formatProblem),
    );
  return exercises.filter((x) => topicIds.has(x.topic));
}
