import { describe, expect, it } from 'vitest';
import { exerciseTally, withExerciseStep } from '../../src/coach/exercise-steps.js';
import { handsOnEvidence } from '../../src/coach/evidence.js';
import { summarize, summarizeNext } from '../../src/coach/summary.js';
import type { Recommendation } from '../../src/coach/types.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { NOW, daysAgo, masterArea, pathRoadmap, stateOf } from './fixtures.js';

const index = pathRoadmap();
const exercises = [
  { id: 'basics-a', topic: 'py-basics', title: 'Basics A', file: 'a.py' },
  { id: 'basics-b', topic: 'py-basics', title: 'Basics B', file: 'b.py' },
  { id: 'functions-a', topic: 'py-functions', title: 'Functions A', file: 'f.py' },
  { id: 'queries-a', topic: 'sql-queries', title: 'Queries A', file: 'q.py' },
];
const run = (exercise: string, topic: string, passed: boolean, at = daysAgo(0.5)): ProgressEvent => ({
  e: 'exercise',
  at,
  topic,
  exercise,
  fingerprint: 'f'.repeat(16),
  passed,
});
const python = masterArea(index, 'python');
const practice = (events: ProgressEvent[], opts: { area?: string; limit?: number } = {}) =>
  summarizeNext(index, stateOf(python, ...events), NOW, { exercises, ...opts }).recommendations.filter(
    (r) => r.kind === 'practice',
  );

describe('next suggests an exercise for a topic known by quiz but not practised', () => {
  it('none without quiz answers, nor without exercises', () => {
    expect(summarizeNext(index, stateOf(), NOW, { exercises }).recommendations.map((r) => r.kind)).not.toContain(
      'practice',
    );
    expect(summarizeNext(index, stateOf(python), NOW).recommendations.map((r) => r.kind)).not.toContain('practice');
  });

  it('the first topic on the path, its first exercise, in second place', () => {
    const recs = summarizeNext(index, stateOf(python), NOW, { exercises }).recommendations;
    expect(recs[1]).toMatchObject({
      kind: 'practice',
      area: 'python',
      topic: 'py-basics',
      title: 'Basics A',
      action: { command: 'pyroad practice basics-a' },
    });
    expect(recs).toHaveLength(3);
  });

  it('a started exercise comes first, and asks for a check', () => {
    expect(practice([run('basics-b', 'py-basics', false)])[0]).toMatchObject({
      title: 'Basics B',
      action: { command: 'pyroad practice check basics-b' },
    });
  });

  it('a passed exercise is hands-on evidence: the step moves to the next topic, and a later failure does not undo it', () => {
    const events = [run('basics-a', 'py-basics', true, daysAgo(2)), run('basics-a', 'py-basics', false)];
    expect(practice(events)[0]).toMatchObject({ topic: 'py-functions' });
    const all = [...events, run('functions-a', 'py-functions', true)];
    expect(practice(all)).toEqual([]); // py-classes has no exercise; sql is not mastered
  });

  it('respects --area and --limit', () => {
    expect(practice([], { area: 'sql' })).toEqual([]);
    expect(practice([], { limit: 1 })).toEqual([]);
    expect(practice([], { limit: 2 })).toHaveLength(1);
  });

  it('summarize (status, report) carries the same step as summarizeNext', () => {
    const s = summarize(index, stateOf(python), NOW, { exercises });
    expect(s.recommendations.some((r) => r.kind === 'practice')).toBe(true);
  });
});

describe('withExerciseStep', () => {
  const rec = (topic: string): Recommendation => ({
    kind: 'learn',
    area: 'a',
    topic,
    title: topic,
    reason: 'r',
    action: { text: 't' },
  });
  const step = { ...rec('x'), kind: 'practice' as const };
  it('goes second, keeps the limit, and never repeats a topic already named', () => {
    expect(withExerciseStep([rec('a'), rec('b'), rec('c')], [step], 3).map((r) => r.topic)).toEqual(['a', 'x', 'b']);
    expect(withExerciseStep([], [step], 3).map((r) => r.topic)).toEqual(['x']);
    expect(withExerciseStep([rec('x')], [step], 3).map((r) => r.kind)).toEqual(['learn']);
    expect(withExerciseStep([rec('a')], [], 3)).toHaveLength(1);
  });
});

describe('exerciseTally', () => {
  it('counts passed exercises overall and per key', () => {
    const hands = handsOnEvidence(
      stateOf(run('basics-a', 'py-basics', true), run('queries-a', 'sql-queries', false)).log,
    );
    const area = (x: { topic: string }) => (x.topic.startsWith('py-') ? 'python' : 'sql');
    const { all, by } = exerciseTally(exercises, hands, area);
    expect(all).toEqual({ total: 4, passed: 1 });
    expect(by.get('python')).toEqual({ total: 3, passed: 1 });
    expect(by.get('sql')).toEqual({ total: 1, passed: 0 });
  });
});
