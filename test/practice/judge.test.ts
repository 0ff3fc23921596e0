import { describe, expect, it } from 'vitest';
import { HARNESS_STARTED, judge, RESULT_MARKER, type RunOutcome } from '../../src/practice/judge.js';

const run = (stdout: string, extra: Partial<RunOutcome> = {}): RunOutcome => ({
  stdout,
  stderr: '',
  code: 0,
  timeoutMs: 10_000,
  ...extra,
});
const result = (value: unknown) => `\n${RESULT_MARKER}${JSON.stringify(value)}\n`;

describe('judge (pure)', () => {
  it.each([
    {
      name: 'every test passed',
      outcome: run(result({ tests: 4, failed: 0, first: null, output: '', outputSize: 0 })),
      want: { outcome: 'passed', tests: 4 },
    },
    {
      name: 'an assertion with expected and got',
      outcome: run(
        result({
          tests: 2,
          failed: 1,
          first: {
            test: 't',
            checks: 'adds',
            kind: 'failure',
            error: 'AssertionError',
            message: '1 != 2',
            got: '1',
            expected: '2',
          },
          output: 'hi\n',
          outputSize: 3,
        }),
      ),
      want: { outcome: 'failed', first: { expected: '2', got: '1', checks: 'adds' }, output: 'hi\n' },
    },
    {
      name: "an error in the learner's file, with its line",
      outcome: run(
        result({
          tests: 1,
          failed: 1,
          first: {
            test: 't',
            checks: '',
            kind: 'error',
            error: 'NotImplementedError',
            message: 'TODO',
            where: { file: 'a.py', line: 3 },
          },
        }),
      ),
      want: { outcome: 'failed', first: { kind: 'error', where: { file: 'a.py', line: 3 } } },
    },
    {
      name: 'the learner printed a fake result line before the real one: the last one counts',
      outcome: run(
        `${RESULT_MARKER}{"tests": 9, "failed": 0}\n${result({ tests: 1, failed: 1, first: { test: 't', kind: 'failure', error: 'AssertionError', message: 'no' } })}`,
      ),
      want: { outcome: 'failed' },
    },
    {
      name: 'killed by the time limit',
      outcome: run('', { killed: 'timeout', code: null }),
      want: { outcome: 'stopped', reason: 'stopped after 10 s — is there a loop that never ends?' },
    },
    {
      name: 'killed for printing too much',
      outcome: run('x'.repeat(100), { killed: 'output', code: null }),
      want: { outcome: 'stopped', reason: expect.stringMatching(/prints without end/) as unknown },
    },
    {
      name: 'an interpreter too old',
      outcome: run('\nPYROAD-TOO-OLD 3.6\n'),
      want: { outcome: 'stopped', reason: 'this Python is 3.6; exercises need Python 3.9 or later' },
    },
    {
      name: 'Python crashed before reporting',
      outcome: run(`${HARNESS_STARTED}\n`, { stderr: 'Traceback...\nMemoryError\n', code: 1 }),
      want: { outcome: 'stopped', reason: 'Python stopped before the tests finished: MemoryError' },
    },
    {
      name: 'an interpreter that never ran the harness (e.g. practice.python set to /bin/false)',
      outcome: run('', { code: 1 }),
      want: {
        outcome: 'stopped',
        setup: true,
        reason:
          "the interpreter never ran pyroad's test harness (exit code 1): is it Python 3? Name one with --python or `pyroad config set practice.python PATH`",
      },
    },
    {
      name: 'a result line that is not JSON',
      outcome: run(`${HARNESS_STARTED}\n${RESULT_MARKER}{oops\n`, { code: 0 }),
      want: { outcome: 'stopped', reason: 'Python stopped before the tests finished: exit code 0' },
    },
    {
      name: 'no tests at all',
      outcome: run(result({ tests: 0, failed: 0, first: null })),
      want: { outcome: 'stopped', reason: 'the exercise has no tests to run' },
    },
  ])('$name', ({ outcome, want }) => {
    expect(judge(outcome)).toMatchObject(want);
  });
});
