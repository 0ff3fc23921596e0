import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HARNESS } from '../../src/practice/catalog.js';
import { judge } from '../../src/practice/judge.js';
import { pythonEnv, runHarness } from '../../src/practice/runner.js';
import { childEnv, systemPython, tempDir } from '../helpers/cli.js';

const temp = tempDir('pyroad-runner-');
afterAll(temp.cleanup);
const PYTHON = systemPython(temp.dir);

const TESTS = `import unittest
from thing import f


class T(unittest.TestCase):
    def test_f(self):
        """f() is 1"""
        self.assertEqual(f(), 1)
`;

let n = 0;
async function check(source: string, timeoutMs = 10_000, python = PYTHON) {
  const dir = join(temp.dir, String(n++));
  mkdirSync(dir);
  writeFileSync(join(dir, 'thing.py'), source);
  return judge(await runHarness({ python, harness: HARNESS, cwd: dir, tests: TESTS, env: childEnv(dir), timeoutMs }));
}

describe('the Python runner', () => {
  it('passes what is right and reports expected vs got for what is not', async () => {
    expect(await check('def f():\n    return 1\n')).toMatchObject({ outcome: 'passed', tests: 1 });
    expect(await check('def f():\n    return 2\n')).toMatchObject({
      outcome: 'failed',
      first: { checks: 'f() is 1', expected: '1', got: '2' },
    });
  });

  it("names the line of the learner's file that raised, and a syntax error's line", async () => {
    expect(await check('def f():\n    raise KeyError("k")\n')).toMatchObject({
      first: { kind: 'error', error: 'KeyError', where: { file: 'thing.py', line: 2 } },
    });
    expect(await check('def f(:\n    pass\n')).toMatchObject({
      first: { test: 'import', error: 'SyntaxError', where: { file: 'thing.py', line: 1 } },
    });
  });

  it('stops an endless loop at the time limit', { timeout: 30_000 }, async () => {
    const started = Date.now();
    expect(await check('def f():\n    while True:\n        pass\n', 1_500)).toMatchObject({
      outcome: 'stopped',
      reason: 'stopped after 1.5 s — is there a loop that never ends?',
    });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('keeps only the start of a print flood', { timeout: 30_000 }, async () => {
    const verdict = await check('def f():\n    for i in range(200000):\n        print("spam", i)\n    return 1\n');
    expect(verdict).toMatchObject({ outcome: 'passed' });
    expect(verdict.output.length).toBeLessThanOrEqual(4000);
    expect(verdict.outputSize).toBeGreaterThan(1_000_000);
  });

  it('says what to install when the interpreter is missing', async () => {
    await expect(check('def f():\n    return 1\n', 5_000, 'no-such-python-3')).rejects.toThrow(
      /cannot run "no-such-python-3": install Python 3.9 or later/,
    );
  });

  it("gives the code under test only what Python needs, not the caller's environment", () => {
    expect(Object.keys(pythonEnv({ PATH: '/bin', SECRET_TOKEN: 'x', HOME: '/home/a' })).sort()).toEqual([
      'LANG',
      'LC_ALL',
      'PATH',
      'PYTHONDONTWRITEBYTECODE',
      'PYTHONIOENCODING',
      'PYTHONNOUSERSITE',
    ]);
  });
});
