import { describe, expect, it } from 'vitest';
import { exercisesOfRoadmap, mergeExercises } from '../../src/practice/carried.js';
import { consentFingerprint, consentState, needingConsent } from '../../src/practice/consent.js';
import type { Exercise } from '../../src/practice/exercise.js';
import { judge } from '../../src/practice/judge.js';
import type { Roadmap, RoadmapExercise } from '../../src/roadmap/schema.js';

const carried = (id: string, over: Partial<RoadmapExercise> = {}): RoadmapExercise => ({
  id,
  title: `Exercise ${id}`,
  task: 'Do it.',
  starter: 'def f():\n    # TODO\n    pass\n',
  tests: 'import unittest\n',
  hints: ['Think.'],
  ...over,
});

const roadmapWith = (...exercises: RoadmapExercise[]): Roadmap => ({
  version: 1,
  title: 'R',
  files: ['/r/roadmap.yaml'],
  areas: [
    {
      id: 'a',
      title: 'A',
      stage: 'skills',
      summary: 'A.',
      prerequisites: [],
      topics: [{ id: 't', title: 'T', summary: 'T.', prerequisites: [], resources: [], questions: [], exercises }],
    },
  ],
});

describe('a roadmap’s exercises as practice exercises', () => {
  it('carry their topic, a default file name and, off the shipped roadmap, where they come from', () => {
    const [x] = exercisesOfRoadmap(roadmapWith(carried('count-down')), '/r/roadmap.yaml');
    expect(x).toMatchObject({ id: 'count-down', topic: 't', file: 'count_down.py', roadmap: '/r/roadmap.yaml' });
    const [shipped] = exercisesOfRoadmap(roadmapWith(carried('count-down', { requires: ['pytest'] })), undefined);
    expect(shipped!.roadmap).toBeUndefined();
    expect(shipped!.requires).toEqual(['pytest']);
  });

  it('follow the shipped ones; an id or file name both use is a data error naming the roadmap', () => {
    const shipped = [{ id: 'squares', file: 'squares.py' }];
    expect(mergeExercises(shipped, [{ id: 'mine', file: 'mine.py' }], '/r/roadmap.yaml').map((x) => x.id)).toEqual([
      'squares',
      'mine',
    ]);
    expect(() => mergeExercises(shipped, [{ id: 'squares', file: 'other.py' }], '/r/roadmap.yaml')).toThrow(
      'roadmap /r/roadmap.yaml: exercise squares has the id "squares" of a shipped exercise for the same topics; rename it',
    );
    expect(() => mergeExercises(shipped, [{ id: 'mine', file: 'squares.py' }], '/r/roadmap.yaml')).toThrow(
      /exercise mine has the file "squares.py" of a shipped exercise/,
    );
  });
});

describe('consent to run a roadmap’s exercise code', () => {
  const of = (...xs: RoadmapExercise[]): Exercise[] => exercisesOfRoadmap(roadmapWith(...xs), '/r/roadmap.yaml');
  const base = consentFingerprint(of(carried('a'), carried('b')));

  it('covers the code: tests, starter, file and requirements change the fingerprint', () => {
    expect(consentFingerprint(of(carried('a', { tests: 'import unittest\nimport os\n' }), carried('b')))).not.toBe(
      base,
    );
    expect(consentFingerprint(of(carried('a', { starter: 'import os  # TODO\n' }), carried('b')))).not.toBe(base);
    expect(consentFingerprint(of(carried('a', { file: 'other.py' }), carried('b')))).not.toBe(base);
    expect(consentFingerprint(of(carried('a', { requires: ['pytest'] }), carried('b')))).not.toBe(base);
    expect(consentFingerprint(of(carried('a'), carried('b'), carried('c')))).not.toBe(base);
  });

  it('not the words, nor the order the exercises are written in', () => {
    expect(consentFingerprint(of(carried('a', { title: 'New', task: 'New.', hints: ['New.'] }), carried('b')))).toBe(
      base,
    );
    expect(consentFingerprint(of(carried('b'), carried('a')))).toBe(base);
  });

  it('is given, never given, or given to other code', () => {
    expect(consentState(undefined, base)).toBe('never');
    expect(consentState({ roadmap: '/r', fingerprint: base, at: '2026-01-01T00:00:00Z' }, base)).toBe('given');
    expect(consentState({ roadmap: '/r', fingerprint: 'old', at: '2026-01-01T00:00:00Z' }, base)).toBe('changed');
  });

  it('is needed only for the exercises of that roadmap', () => {
    const mine = of(carried('a'));
    const shipped: Exercise = { ...mine[0]!, id: 'shipped' };
    delete shipped.roadmap;
    expect(needingConsent([shipped, ...mine], '/r/roadmap.yaml').map((x) => x.id)).toEqual(['a']);
  });
});

describe('an exercise that requires a package', () => {
  it('says what to install when this Python cannot import it', () => {
    const v = judge({ stdout: '\nPYROAD-MISSING pytest\n', stderr: '', code: 0, timeoutMs: 10_000 });
    expect(v.outcome).toBe('stopped');
    expect(v.outcome === 'stopped' && v.reason).toBe(
      "this exercise needs pytest, which this Python cannot import: install it (python3 -m pip install pytest, in a virtual environment), then run the check with --python pointing at that environment's python",
    );
  });
});
