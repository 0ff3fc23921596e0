import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exercise } from './exercise.js';

/**
 * The learner's practice folder: exercise files they edit, and a small state file (which exercise
 * is current, how many hints were shown). The learner's files are never overwritten or deleted:
 * a reset first moves the old file to a backup.
 */

export const STATE_FILE = '.pyroad-practice.json';

export interface WorkspaceState {
  /** The exercise last started: `pyroad practice check` without an id checks it. */
  current?: string;
  /** Hints shown so far, per exercise. */
  hints: Record<string, number>;
}

export function readState(dir: string): WorkspaceState {
  try {
    const data = JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8')) as Partial<WorkspaceState>;
    const hints: Record<string, number> = {};
    if (data.hints && typeof data.hints === 'object')
      for (const [k, v] of Object.entries(data.hints)) if (Number.isInteger(v) && v >= 0) hints[k] = v;
    return { ...(typeof data.current === 'string' ? { current: data.current } : {}), hints };
  } catch {
    return { hints: {} };
  }
}

export function writeState(dir: string, state: WorkspaceState): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

export const exerciseFile = (dir: string, exercise: Exercise): string => join(dir, exercise.file);

export interface StartResult {
  file: string;
  /** False when the file was already there and was left as it is. */
  created: boolean;
  /** Where the old file went, on a reset. */
  backup?: string;
}

/** Writes the starter unless the file exists (or, with `reset`, after moving the old one aside). */
export function startExercise(
  dir: string,
  exercise: Exercise,
  opts: { reset?: boolean; stamp?: string } = {},
): StartResult {
  mkdirSync(dir, { recursive: true });
  const file = exerciseFile(dir, exercise);
  let backup: string | undefined;
  if (existsSync(file)) {
    if (!opts.reset) return { file, created: false };
    const stamp = (opts.stamp ?? new Date().toISOString()).replace(/[:.]/g, '-');
    backup = `${file}.${stamp}.bak`;
    for (let n = 1; existsSync(backup); n++) backup = `${file}.${stamp}-${n}.bak`;
    renameSync(file, backup);
  }
  // 'wx': if something appeared in between, fail rather than overwrite it.
  // The schema trims the text; a source file ends with a newline, as editors and linters expect.
  writeFileSync(file, exercise.starter.endsWith('\n') ? exercise.starter : `${exercise.starter}\n`, { flag: 'wx' });
  const state = readState(dir);
  writeState(dir, { ...state, current: exercise.id });
  return { file, created: true, ...(backup ? { backup } : {}) };
}

/** The next hint for an exercise, counted in the state file; undefined once all were shown. */
export function nextHint(dir: string, exercise: Exercise): { hint: string; number: number; total: number } | undefined {
  const state = readState(dir);
  const shown = state.hints[exercise.id] ?? 0;
  const total = exercise.hints.length;
  const index = Math.min(shown, total - 1);
  writeState(dir, { ...state, hints: { ...state.hints, [exercise.id]: Math.min(shown + 1, total) } });
  return { hint: exercise.hints[index]!, number: index + 1, total };
}
