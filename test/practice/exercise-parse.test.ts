import { describe, expect, it } from 'vitest';
import { formatProblem, parseExercise } from '../../src/practice/exercise.js';

const GOOD = `id: demo
topic: python-functions
title: Demo
file: demo.py
task: Do it.
starter: |
  # TODO
tests: |
  import unittest
hints:
  - Try.
`;

const problems = (text: string, id = 'demo') => parseExercise('ex/demo.yaml', text, id).problems.map(formatProblem);

describe('exercise files', () => {
  it('a good file parses', () => {
    expect(parseExercise('ex/demo.yaml', GOOD, 'demo')).toMatchObject({ exercise: { id: 'demo', hints: ['Try.'] } });
  });

  it.each([
    [
      'an unknown field, with a suggestion',
      GOOD.replace('hints:', 'hint:'),
      'ex/demo.yaml:10:1: unknown field "hint" (did you mean "hints"?)',
    ],
    [
      'a bad file name',
      GOOD.replace('file: demo.py', 'file: ../demo.py'),
      'ex/demo.yaml:4:7: file: must be a Python file name such as squares.py',
    ],
    [
      'tests that are not unittest',
      GOOD.replace('import unittest', 'import pytest'),
      'ex/demo.yaml:8:8: tests: must be a unittest module (import unittest)',
    ],
    [
      'an id that does not match the file',
      GOOD.replace('id: demo', 'id: other'),
      'ex/demo.yaml:1:5: id "other" must match the file name (demo.yaml)',
    ],
    ['broken YAML', 'id: [demo\n', expect.stringMatching(/^ex\/demo\.yaml:\d+:\d+: /) as unknown],
  ])('%s is reported with file:line:col', (_name, text, want) => {
    expect(problems(text)).toContainEqual(want);
  });

  it('a missing field is named', () => {
    expect(problems(GOOD.replace('title: Demo\n', ''))).toEqual(['ex/demo.yaml:1:1: title: is missing']);
  });
});
